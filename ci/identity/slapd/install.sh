#!/usr/bin/env bash
# Installs OpenLDAP (slapd + ldap-utils) from Debian's archive for the integration tests, as root,
# without any debconf prompt, without the system database and without starting the system slapd:
# the tests run their own private instance (start.sh). Adapted from the tested recipe
# (Debian 12, slapd 2.5); see ../README.md for the traps it avoids.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

if command -v slapd >/dev/null 2>&1 && command -v ldapsearch >/dev/null 2>&1; then
  echo "slapd and ldap-utils already installed"; exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "slapd is missing; install it (no system database is created):" >&2
  echo "  echo 'slapd slapd/no_configuration boolean true' | sudo debconf-set-selections" >&2
  echo "  sudo apt-get install --no-install-recommends slapd ldap-utils" >&2
  exit 1
fi

# "Omit OpenLDAP server configuration?" = yes: the postinst would otherwise build dc=nodomain in
# /etc/ldap/slapd.d and start a system slapd on ldap:/// (all interfaces, port 389).
echo 'slapd slapd/no_configuration boolean true' | debconf-set-selections

# No service started by maintainer scripts (Docker images usually ship this file already).
created_policy=0
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  created_policy=1
fi
trap 'if [ "$created_policy" = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi' EXIT

apt-get update -qq
apt-get install -y -qq --no-install-recommends slapd ldap-utils openssl >/dev/null
slapd -VV 2>&1 | head -1
