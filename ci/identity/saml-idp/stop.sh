#!/usr/bin/env bash
# Stops the php -S process started by start.sh and its worker children (they survive a SIGTERM
# to the master), by PID, then removes the run directory (KEEP_RUN_DIR=1 keeps it).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUN_DIR="${SAML_IDP_RUN_DIR:-$HERE/run}"
[ -f "$RUN_DIR/php.pid" ] || { echo "no $RUN_DIR/php.pid, nothing to stop"; exit 0; }
PID="$(cat "$RUN_DIR/php.pid")"
alive=""
if kill -0 "$PID" 2>/dev/null; then
  PIDS="$PID $( (pgrep -P "$PID" || true) | tr "\n" " ")" # master + its direct worker children
  kill -TERM $PIDS 2>/dev/null || true
  for _ in $(seq 1 50); do
    alive=""; for p in $PIDS; do kill -0 "$p" 2>/dev/null && alive="$alive $p"; done
    [ -z "$alive" ] && break; sleep 0.1
  done
  if [ -n "$alive" ]; then kill -KILL $alive 2>/dev/null || true; fi
fi
[ "${KEEP_RUN_DIR:-0}" = 1 ] || rm -rf "$RUN_DIR"
echo "IdP php -S $PID stopped"
