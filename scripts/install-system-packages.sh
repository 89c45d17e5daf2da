#!/usr/bin/env bash
# System packages and services the tests need, from Debian's archive:
# - LibreOffice Calc without GUI (soffice): opens the XLSX/ODS exports as a finance officer would;
# - Chromium (Debian's `chromium`), driven by playwright-core for the web console's browser tests;
# - PostgreSQL reachable at TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres,
#   trust authentication): every database test runs on it as well as on PGlite.
# Run as root, it installs what is missing and starts PostgreSQL; otherwise it prints the exact
# commands and fails, so that no test is silently skipped.
set -euo pipefail
missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
fc-list 2>/dev/null | grep -qi "dejavu" || missing+=(fonts-dejavu-core)

is_root=0
[ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1 && is_root=1

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$is_root" -eq 1 ]; then
    echo "== installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "The tests need these system packages: ${missing[*]}" >&2
    echo "Install them, then run the tests again:" >&2
    echo "  sudo apt-get install --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
fi

# A PostgreSQL we just installed only accepts passwords over TCP: let the local test user in
# (loopback only), as the machines of this project are set up.
if [[ " ${missing[*]} " == *" postgresql "* ]]; then
  version="$(ls /etc/postgresql | sort -V | tail -n 1)"
  hba="/etc/postgresql/$version/main/pg_hba.conf"
  sed -i '1i host all all 127.0.0.1/32 trust' "$hba"
  pg_ctlcluster --skip-systemctl-redirect "$version" main restart || true
fi

# PostgreSQL: the machine's server when it answers, else start the installed cluster (as root).
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  if [ "$is_root" -eq 1 ] && [ -d /etc/postgresql ]; then
    version="$(ls /etc/postgresql | sort -V | tail -n 1)"
    echo "== starting PostgreSQL $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  fi
  if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    echo "PostgreSQL does not answer on 127.0.0.1:5432. Start it (e.g. pg_ctlcluster <version> main start)," >&2
    echo "or point TEST_DATABASE_URL at a server where the user may create databases." >&2
    exit 1
  fi
fi
