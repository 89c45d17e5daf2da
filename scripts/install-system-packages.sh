#!/usr/bin/env bash
# System packages the tests need, from Debian's archive: LibreOffice Calc without GUI (soffice),
# used to open the XLSX and ODS exports as a finance officer would. Installed when run as root;
# otherwise prints the exact command and fails, so no test is silently skipped.
set -euo pipefail
PACKAGES=(libreoffice-calc-nogui)
missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "== installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "The tests need these system packages: ${missing[*]}" >&2
  echo "Install them, then run the tests again:  sudo apt-get install --no-install-recommends ${PACKAGES[*]}" >&2
  exit 1
fi
