#!/usr/bin/env bash
# The local Temporal server: the official CLI's dev server, with a SQLite file so workflows and timers survive a
# restart. Usage: scripts/temporal-dev.sh start|stop|status|binary
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ADDRESS="$(cfg TEMPORAL_ADDRESS 127.0.0.1:7233)"
HOST="${ADDRESS%:*}"
PORT="${ADDRESS##*:}"
UI_PORT="$(cfg TEMPORAL_UI_PORT 8233)"
DB_FILE="$(cfg TEMPORAL_DB_FILE var/temporal/temporal.db)"
NAMESPACES="$(cfg TEMPORAL_NAMESPACE default) rectiflow-test"
CLI_VERSION="v1.5.1"
CACHE_BIN="${RECTIFLOW_TOOLS_DIR:-$HOME/.cache/rectiflow/bin}"
LOCAL_BIN="$ROOT/.tools/bin"
RUN_DIR="$(dirname "$DB_FILE")"
PID_FILE="$RUN_DIR/server.pid"
LOG_FILE="$RUN_DIR/server.log"

# PATH first, then the per-user cache (survives fresh clones), then the checkout's tools folder; else build once.
find_binary() {
  local c
  for c in "$(command -v temporal 2>/dev/null || true)" "$CACHE_BIN/temporal" "$LOCAL_BIN/temporal"; do
    if [ -n "$c" ] && [ -x "$c" ]; then echo "$c"; return 0; fi
  done
  command -v go >/dev/null || die "No temporal CLI found and Go is missing. Install Go 1.25+ (https://go.dev/dl) and rerun."
  say "Building the Temporal CLI $CLI_VERSION from source (first time only; this takes a few minutes)…"
  mkdir -p "$LOCAL_BIN" "$CACHE_BIN"
  GOBIN="$LOCAL_BIN" go install "github.com/temporalio/cli/cmd/temporal@$CLI_VERSION" >&2 \
    || die "go install github.com/temporalio/cli/cmd/temporal@$CLI_VERSION failed (see above)."
  cp "$LOCAL_BIN/temporal" "$CACHE_BIN/temporal.tmp" && mv "$CACHE_BIN/temporal.tmp" "$CACHE_BIN/temporal"
  say "Temporal CLI built: $LOCAL_BIN/temporal (cached in $CACHE_BIN)"
  echo "$LOCAL_BIN/temporal"
}

healthy() { "$BIN" operator cluster health --address "$ADDRESS" 2>/dev/null | grep -q SERVING; }

ns_args() { local ns; for ns in $NAMESPACES; do printf -- '--namespace %s ' "$ns"; done; }

start() {
  BIN="$(find_binary)"
  if healthy; then
    say "Temporal dev server already running at $ADDRESS (reused)."
  else
    mkdir -p "$RUN_DIR"
    local sa_args=() pair
    while IFS= read -r pair; do sa_args+=(--search-attribute "$pair"); done < <(search_attribute_pairs)
    say "Starting Temporal dev server on $ADDRESS (UI :$UI_PORT, state in $DB_FILE)…"
    # setsid: the server outlives this script and the terminal that ran it.
    # shellcheck disable=SC2046
    setsid nohup "$BIN" server start-dev --ip "$HOST" --port "$PORT" --ui-port "$UI_PORT" \
      --db-filename "$DB_FILE" $(ns_args) "${sa_args[@]}" --log-level warn --log-format json \
      >"$LOG_FILE" 2>&1 < /dev/null &
    echo $! > "$PID_FILE"
    local i
    for i in $(seq 1 120); do
      healthy && break
      kill -0 "$(cat "$PID_FILE")" 2>/dev/null || { tail -n 20 "$LOG_FILE" >&2; die "Temporal dev server exited; its log is above ($LOG_FILE)"; }
      sleep 0.5
    done
    healthy || die "Temporal dev server did not answer within 60 s; see $LOG_FILE"
    say "Temporal dev server is up (pid $(cat "$PID_FILE"))."
  fi
  # A namespace created by an older run (same SQLite file) lacks attributes added since.
  register_search_attributes "$BIN" "$ADDRESS" "$NAMESPACES"
}

stop() {
  if [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    local pid; pid="$(cat "$PID_FILE")"
    kill "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$PID_FILE"
    say "Temporal dev server stopped."
  else
    say "No Temporal dev server started by this checkout is running."
  fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) BIN="$(find_binary)"; if healthy; then echo "running at $ADDRESS"; else echo "not running"; exit 1; fi ;;
  binary) find_binary ;;
  *) die "usage: $0 start|stop|status|binary" ;;
esac
