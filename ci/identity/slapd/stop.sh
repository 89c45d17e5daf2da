#!/usr/bin/env bash
# Stops the private slapd started by start.sh, by its PID, and removes its run directory.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUN_DIR="${RUN_DIR:-$HERE/run}"
PID_FILE="$RUN_DIR/slapd.fg.pid"
[ -f "$PID_FILE" ] || { echo "no $PID_FILE, nothing to stop"; exit 0; }
PID="$(cat "$PID_FILE")"
if kill -0 "$PID" 2>/dev/null; then
  kill -TERM "$PID" # slapd shuts down cleanly on SIGTERM
  for _ in $(seq 1 100); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$PID" 2>/dev/null; then echo "slapd $PID still alive after 10s, sending SIGKILL" >&2; kill -KILL "$PID"; fi
fi
rm -rf "$RUN_DIR"
echo "slapd $PID stopped"
