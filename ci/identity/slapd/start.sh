#!/usr/bin/env bash
# Starts a private, throw-away slapd for the integration tests (suffix dc=entente,dc=test), on
# loopback only, and loads the fixtures (data.ldif):
#   ldap://127.0.0.1:$LDAP_PORT  (default 3389; StartTLS offered)
#   ldaps://127.0.0.1:$LDAPS_PORT (default 3636)
# TLS: a throw-away CA and a server certificate for 127.0.0.1 are made with openssl at each start
# in $RUN_DIR/tls (ca.crt is what LDAP_CA_FILE points at); other-ca.crt is an unrelated CA for the
# "wrong CA is refused" tests. slapd runs in the foreground (-d 0) as a background job: its PID
# is in $RUN_DIR/slapd.fg.pid, stop.sh kills it by that PID.
# Env: RUN_DIR (default <this dir>/run), LDAP_PORT, LDAPS_PORT, SLAPD_DEBUG (default 0), READY_TIMEOUT (s).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUN_DIR="${RUN_DIR:-$HERE/run}"
LDAP_PORT="${LDAP_PORT:-3389}"
LDAPS_PORT="${LDAPS_PORT:-3636}"
LDAP_URI="ldap://127.0.0.1:$LDAP_PORT"
LDAPS_URI="ldaps://127.0.0.1:$LDAPS_PORT"
ADMIN_DN="cn=admin,dc=entente,dc=test"
ADMIN_PW="${ADMIN_PW:-admin-secret}" # must match olcRootPW in config.ldif.in
READY_TIMEOUT="${READY_TIMEOUT:-20}"

if [ -e "$RUN_DIR/slapd.fg.pid" ] && kill -0 "$(cat "$RUN_DIR/slapd.fg.pid")" 2>/dev/null; then
  echo "slapd already running with PID $(cat "$RUN_DIR/slapd.fg.pid")" >&2; exit 1
fi
# A leftover server on the port would answer the readiness probe in place of ours: fail fast.
for port in "$LDAP_PORT" "$LDAPS_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "127.0.0.1:$port is already in use" >&2; exit 1; fi
done
rm -rf "$RUN_DIR"
mkdir -p "$RUN_DIR/slapd.d" "$RUN_DIR/data" "$RUN_DIR/tls"

# 1) Throw-away CA + server certificate (SAN IP:127.0.0.1, DNS:localhost), and an unrelated CA.
tls="$RUN_DIR/tls"
openssl req -x509 -newkey rsa:2048 -sha256 -nodes -days 2 -subj "/O=Entente test/CN=Entente test LDAP CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -keyout "$tls/ca.key" -out "$tls/ca.crt" 2>/dev/null
openssl req -newkey rsa:2048 -sha256 -nodes -subj "/O=Entente test/CN=127.0.0.1" \
  -keyout "$tls/server.key" -out "$tls/server.csr" 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n' >"$tls/server.ext"
openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.crt" -CAkey "$tls/ca.key" -CAcreateserial -days 2 -sha256 \
  -extfile "$tls/server.ext" -out "$tls/server.crt" 2>/dev/null
openssl req -x509 -newkey rsa:2048 -sha256 -nodes -days 2 -subj "/O=Not Entente/CN=Unrelated CA" \
  -keyout "$tls/other-ca.key" -out "$tls/other-ca.crt" 2>/dev/null
chmod 600 "$tls"/*.key

# 2) cn=config built offline (slapadd -n0) from the template.
sed "s#@RUN_DIR@#$RUN_DIR#g" "$HERE/config.ldif.in" >"$RUN_DIR/config.ldif"
slapadd -n 0 -F "$RUN_DIR/slapd.d" -l "$RUN_DIR/config.ldif" >"$RUN_DIR/slapadd.log" 2>&1 \
  || { cat "$RUN_DIR/slapadd.log" >&2; exit 1; }

# 3) slapd in the foreground (-d 0: no fork) as a background job, so $! is slapd's own PID.
slapd -h "$LDAP_URI/ $LDAPS_URI/" -F "$RUN_DIR/slapd.d" -d "${SLAPD_DEBUG:-0}" >"$RUN_DIR/slapd.log" 2>&1 &
SLAPD_PID=$!
echo "$SLAPD_PID" >"$RUN_DIR/slapd.fg.pid"

# 4) Readiness: the root DSE answers on ldap:// and on ldaps:// (with our CA).
deadline=$(($(date +%s) + READY_TIMEOUT))
until ldapsearch -x -H "$LDAP_URI" -b "" -s base -LLL namingContexts >/dev/null 2>&1 \
  && LDAPTLS_CACERT="$tls/ca.crt" ldapsearch -x -H "$LDAPS_URI" -b "" -s base -LLL namingContexts >/dev/null 2>&1; do
  if ! kill -0 "$SLAPD_PID" 2>/dev/null; then echo "slapd exited early:" >&2; cat "$RUN_DIR/slapd.log" >&2; exit 1; fi
  if [ "$(date +%s)" -ge "$deadline" ]; then echo "slapd not ready after ${READY_TIMEOUT}s" >&2; kill "$SLAPD_PID"; exit 1; fi
  sleep 0.1
done
kill -0 "$SLAPD_PID" 2>/dev/null || { echo "slapd exited:" >&2; cat "$RUN_DIR/slapd.log" >&2; exit 1; }

# 5) Fixtures loaded online, through the same code path (ACLs, schema) the application uses.
ldapadd -x -H "$LDAP_URI" -D "$ADMIN_DN" -w "$ADMIN_PW" -f "$HERE/data.ldif" >"$RUN_DIR/ldapadd.log"

echo "slapd ready on $LDAP_URI (StartTLS) and $LDAPS_URI (PID $SLAPD_PID, CA $tls/ca.crt)"
