#!/usr/bin/env bash
# Runs every test of Entente: type check, lint, then all test suites with Node's test runner
# (domain, database on PGlite and PostgreSQL, HTTP API, CLI, exports in LibreOffice, the web
# console in Chromium, the identity federation against real slapd, SimpleSAMLphp and oidc-provider).
# Needs the project's dependencies (npm ci). As root it installs and starts the system packages the
# tests use (scripts/install-system-packages.sh); otherwise it says what to install.
# The upstream identity peers (ci/identity/) are started on loopback before the tests and stopped
# by PID when this script ends, whatever happens:
#   slapd      ldap://127.0.0.1:3389 (StartTLS), ldaps://127.0.0.1:3636, CA in LDAP_CA_FILE
#   SAML IdP   http://127.0.0.1:8089/simplesaml/ (SimpleSAMLphp), SPs registered in SAML_IDP_SP_DIR
# (the upstream OIDC IdP is spawned by the tests themselves: test/fixtures/upstream-oidc-idp).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PWD/node_modules/.bin:$PATH"   # the Node 24 pinned by the project

bash scripts/install-system-packages.sh

echo "== type check (tsc: server, then web console)"
tsc -p .
tsc -p web/tsconfig.json
echo "== lint and format (biome)"
biome check .
echo "== build the web console when its sources changed (scripts/build-web.ts)"
node scripts/build-web.ts --if-changed
echo "== upstream identity peers (slapd, SimpleSAMLphp)"
# A peer already running (started by hand with its start.sh) is reused and left running.
started_peers=()
stop_identity_peers() {
  for peer in "${started_peers[@]}"; do bash "ci/identity/$peer/stop.sh" >/dev/null 2>&1 || true; done
}
trap stop_identity_peers EXIT
running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
if ! running ci/identity/slapd/run/slapd.fg.pid; then
  started_peers+=(slapd)
  bash ci/identity/slapd/start.sh
fi
if ! running ci/identity/saml-idp/run/php.pid; then
  started_peers+=(saml-idp)
  bash ci/identity/saml-idp/start.sh
fi
export LDAP_URL=ldap://127.0.0.1:3389 LDAPS_URL=ldaps://127.0.0.1:3636
export LDAP_CA_FILE="$PWD/ci/identity/slapd/run/tls/ca.crt" LDAP_OTHER_CA_FILE="$PWD/ci/identity/slapd/run/tls/other-ca.crt"
export LDAP_BASE_DN=dc=entente,dc=test
export LDAP_BIND_DN=cn=entente-reader,ou=services,dc=entente,dc=test LDAP_BIND_PASSWORD=reader-secret
export SAML_IDP_ENTITY_ID=http://127.0.0.1:8089/simplesaml/saml2/idp/metadata.php
export SAML_IDP_SSO_URL=http://127.0.0.1:8089/simplesaml/saml2/idp/SSOService.php
export SAML_IDP_CERT_FILE="$PWD/ci/identity/saml-idp/run/cert/idp.crt"
export SAML_IDP_SP_DIR="$PWD/ci/identity/saml-idp/run/sp"

echo "== tests (node --test, guarded: scripts/node-test.sh)"
bash scripts/node-test.sh
