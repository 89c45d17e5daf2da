#!/usr/bin/env bash
# Installs SimpleSAMLphp 1.19 (Debian 12 package) with the PHP CLI and XML extension it needs, as
# root, non-interactively, without starting any system web server: `php -S` serves the IdP
# (start.sh). Adapted from the tested recipe; see ../README.md for the traps it avoids.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

if [ -d /usr/share/simplesamlphp/www ] && command -v php >/dev/null 2>&1 \
  && php -r 'exit(class_exists("DOMDocument") ? 0 : 1);' 2>/dev/null; then
  echo "simplesamlphp, php-cli and php-xml already installed"; exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "SimpleSAMLphp is missing; install it:" >&2
  echo "  sudo apt-get install --no-install-recommends simplesamlphp php-cli php-xml openssl curl" >&2
  exit 1
fi

# simplesamlphp Depends: "apache2 | httpd"; apache2's postinst would start Apache on *:80 unless
# policy-rc.d forbids it (exit 101).
created_policy=0
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  created_policy=1
fi
trap 'if [ "$created_policy" = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi' EXIT

apt-get update -qq
# php-xml is NOT a dependency of the Debian package but is required (DOMDocument): without it
# every SAML page dies with 'Class "DOMDocument" not found'.
apt-get install -y -qq --no-install-recommends simplesamlphp php-cli php-xml openssl curl >/dev/null
dpkg-query -W -f='${Package} ${Version}\n' simplesamlphp php-cli php-xml
