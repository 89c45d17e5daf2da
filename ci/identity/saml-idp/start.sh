#!/usr/bin/env bash
# Starts the SimpleSAMLphp 1.19 test IdP with PHP's built-in web server on
# http://127.0.0.1:8089/simplesaml/ (loopback only), as a background job whose PID is written to
# $SAML_IDP_RUN_DIR/php.pid (stop.sh kills it, and its workers, by PID).
# A fresh self-signed signing key/cert (openssl) is made at each start: $SAML_IDP_RUN_DIR/cert/idp.crt.
# Service providers are registered by dropping JSON files in $SAML_IDP_SP_DIR (default
# $SAML_IDP_RUN_DIR/sp): see metadata/saml20-sp-remote.php.
# Env: SAML_IDP_RUN_DIR (default <this dir>/run), SAML_IDP_SP_DIR, PHP_CLI_SERVER_WORKERS (default 4), READY_TIMEOUT (s).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUN_DIR="${SAML_IDP_RUN_DIR:-$HERE/run}"
export SAML_IDP_RUN_DIR="$RUN_DIR"
export SAML_IDP_SP_DIR="${SAML_IDP_SP_DIR:-$RUN_DIR/sp}"
# php -S serves one request at a time; workers let parallel test files share the IdP.
export PHP_CLI_SERVER_WORKERS="${PHP_CLI_SERVER_WORKERS:-4}"
SSP_WWW=/usr/share/simplesamlphp/www # Debian package's document root
ADDR=127.0.0.1:8089                  # also in config/config.php (baseurlpath) and the IdP entityID
READY_TIMEOUT="${READY_TIMEOUT:-20}"

if [ -f "$RUN_DIR/php.pid" ] && kill -0 "$(cat "$RUN_DIR/php.pid")" 2>/dev/null; then
  echo "IdP already running with PID $(cat "$RUN_DIR/php.pid")" >&2; exit 1
fi
if (exec 3<>"/dev/tcp/${ADDR%:*}/${ADDR#*:}") 2>/dev/null; then
  echo "$ADDR is already in use" >&2; exit 1
fi
mkdir -p "$RUN_DIR"/{cert,log,data,tmp,sessions,www} "$SAML_IDP_SP_DIR"

# 1) IdP signing key + self-signed certificate (RSA 2048, SHA-256).
if [ ! -s "$RUN_DIR/cert/idp.crt" ]; then
  openssl req -x509 -newkey rsa:2048 -sha256 -nodes -days 3650 \
    -subj "/O=Entente test/CN=127.0.0.1 SAML IdP" \
    -keyout "$RUN_DIR/cert/idp.key" -out "$RUN_DIR/cert/idp.crt" 2>/dev/null
  chmod 600 "$RUN_DIR/cert/idp.key"
fi

# 2) Document root: <run>/www/simplesaml -> Debian's www, so URLs are /simplesaml/... as deployed.
ln -sfn "$SSP_WWW" "$RUN_DIR/www/simplesaml"

# 3) PHP built-in server on loopback. SIMPLESAMLPHP_CONFIG_DIR selects our config directory.
#    display_errors=0 and no E_DEPRECATED: SSP 1.19 on PHP 8.2 raises deprecations that would
#    otherwise be echoed into HTML/XML answers.
SIMPLESAMLPHP_CONFIG_DIR="$HERE/config" \
  php -d display_errors=0 -d log_errors=1 -d error_log="$RUN_DIR/log/php-errors.log" \
  -d "error_reporting=E_ALL & ~E_DEPRECATED & ~E_STRICT" -d date.timezone=UTC \
  -S "$ADDR" -t "$RUN_DIR/www" >"$RUN_DIR/log/php-server.log" 2>&1 &
PHP_PID=$!
echo "$PHP_PID" >"$RUN_DIR/php.pid"

# 4) Readiness: the IdP metadata is served. SimpleSAMLphp error pages answer HTTP 200, so the
#    body is checked, not only the status.
deadline=$(($(date +%s) + READY_TIMEOUT))
until curl -fsS -o "$RUN_DIR/idp-metadata.xml" "http://$ADDR/simplesaml/saml2/idp/metadata.php" 2>/dev/null \
  && grep -q 'IDPSSODescriptor' "$RUN_DIR/idp-metadata.xml"; do
  if ! kill -0 "$PHP_PID" 2>/dev/null; then echo "php -S exited early:" >&2; cat "$RUN_DIR/log/php-server.log" >&2; exit 1; fi
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "IdP not ready after ${READY_TIMEOUT}s" >&2
    tail -20 "$RUN_DIR/log/php-errors.log" "$RUN_DIR/log/simplesamlphp.log" >&2 2>/dev/null || true
    kill "$PHP_PID"; exit 1
  fi
  sleep 0.1
done
echo "SAML IdP ready on http://$ADDR/simplesaml/ (PID $PHP_PID, dir $RUN_DIR)"
echo "  entityID / metadata: http://$ADDR/simplesaml/saml2/idp/metadata.php"
echo "  SSO (Redirect/POST): http://$ADDR/simplesaml/saml2/idp/SSOService.php"
echo "  signing cert:        $RUN_DIR/cert/idp.crt"
echo "  SP registrations:    $SAML_IDP_SP_DIR/*.json"
