#!/usr/bin/env bash
# System packages and services the tests need, from Debian's archive:
# - LibreOffice Calc without GUI (soffice): opens the XLSX/ODS exports as a finance officer would;
# - LibreOffice Writer without GUI: opens the ODT deliberation drafts and converts them to PDF/text;
# - Chromium (Debian's `chromium`), driven by playwright-core for the web console's browser tests;
# - PostgreSQL reachable at TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres,
#   trust authentication): every database test runs on it as well as on PGlite;
# - Redis answering on 127.0.0.1:6379 (TEST_REDIS_URL): the identity hub's Redis storage;
# - the upstream identity peers of the federation tests: OpenLDAP (slapd, ldap-utils) and the
#   SimpleSAMLphp IdP (simplesamlphp, php-cli, php-xml); scripts/test.sh starts private instances
#   on loopback (ci/identity/), never the system services;
# - Dovecot's IMAP server (dovecot-imapd) and curl: the resource server that checks the hub's access
#   tokens (JWT locally, opaque ones by introspection); the tests start private instances on loopback.
# - nginx, the reverse proxy of the deployment test (private instance on loopback).
# Run as root, it installs what is missing and starts PostgreSQL; otherwise it prints the exact
# commands and fails, so that no test is silently skipped.
set -euo pipefail
missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
# Writer: the ODT documents (deliberation drafts) are read back in LibreOffice by the tests.
[ -e /usr/lib/libreoffice/share/registry/writer.xcd ] || missing+=(libreoffice-writer-nogui)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
fc-list 2>/dev/null | grep -qi "dejavu" || missing+=(fonts-dejavu-core)
command -v slapd >/dev/null 2>&1 || [ -x /usr/sbin/slapd ] || missing+=(slapd)
command -v ldapsearch >/dev/null 2>&1 || missing+=(ldap-utils)
[ -d /usr/share/simplesamlphp/www ] || missing+=(simplesamlphp)
command -v php >/dev/null 2>&1 || missing+=(php-cli)
# php-xml is not a dependency of Debian's simplesamlphp but every SAML page needs DOMDocument.
php -r 'exit(class_exists("DOMDocument") ? 0 : 1);' >/dev/null 2>&1 || missing+=(php-xml)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
# Redis: the identity hub's multi-node tests keep the provider's state there (REDIS_URL).
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
# Dovecot 2.3 with IMAP: a real resource server validating the hub's JWT access tokens (passdb oauth2).
command -v dovecot >/dev/null 2>&1 || [ -x /usr/sbin/dovecot ] || missing+=(dovecot-imapd)
# curl: the IMAP client that logs in to Dovecot with a bearer token (SASL OAUTHBEARER).
command -v curl >/dev/null 2>&1 || missing+=(curl)
# nginx: the reverse proxy (TLS, X-Forwarded-*) in front of two nodes in
# test/deploy/reverse-proxy.test.ts, started privately on loopback, never the system service.
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
# ejabberd: the provisioning chat connector's peer; its tests start a private instance on loopback
# (test/provisioning/start-ejabberd.ts, no epmd), never the system service.
command -v ejabberdctl >/dev/null 2>&1 || [ -x /usr/sbin/ejabberdctl ] || missing+=(ejabberd)
# The collaborative email (test/provisioning/start-mail-platform.ts, private instances on loopback):
# Postfix receives for the members' domains and hands over by LMTP to Dovecot (dovecot-lmtpd),
# submission by Dovecot (dovecot-submissiond); Roundcube (with its SQLite driver) is the webmail.
command -v postfix >/dev/null 2>&1 || [ -x /usr/sbin/postfix ] || missing+=(postfix)
[ -x /usr/lib/dovecot/lmtp ] || missing+=(dovecot-lmtpd)
[ -x /usr/lib/dovecot/submission ] || missing+=(dovecot-submissiond)
[ -d /usr/share/roundcube ] || missing+=(roundcube-core)
dpkg -s roundcube-sqlite3 >/dev/null 2>&1 || missing+=(roundcube-sqlite3)

is_root=0
[ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1 && is_root=1

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$is_root" -eq 1 ]; then
    echo "== installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # slapd: no system database, no system slapd on ldap:/// (the tests run their own, ci/identity/slapd).
    echo 'slapd slapd/no_configuration boolean true' | debconf-set-selections
    # No service started by maintainer scripts (simplesamlphp may pull apache2, which would listen on *:80;
    # dovecot-core would listen on 143 and 993).
    created_policy=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
      created_policy=1
    fi
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    if [ "$created_policy" = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
  else
    echo "The tests need these system packages: ${missing[*]}" >&2
    echo "Install them, then run the tests again:" >&2
    if [[ " ${missing[*]} " == *" slapd "* ]]; then
      echo "  echo 'slapd slapd/no_configuration boolean true' | sudo debconf-set-selections" >&2
    fi
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

# Redis: the machine's server when it answers, else a private one on loopback (as root), nothing kept on disk.
if [ -z "${TEST_REDIS_URL:-}" ] && ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  if [ "$is_root" -eq 1 ]; then
    echo "== starting Redis on 127.0.0.1:6379"
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no --dir /tmp
    for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.2; done
  fi
  if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    echo "Redis does not answer on 127.0.0.1:6379. Start it (redis-server --bind 127.0.0.1 --port 6379)." >&2
    exit 1
  fi
fi
