#!/usr/bin/env bash
# A production-shaped Temporal cluster on this machine: the official server (go.temporal.io/server) on PostgreSQL,
# each service a separate process (frontend, N history, matching, worker) finding the others through the database.
# Usage: scripts/temporal-cluster.sh build|setup|start|stop|status|kill-history [i]
#   build   compile the server and its SQL schema tool once, cached outside the checkout
#   setup   create the PostgreSQL databases and schemas (idempotent)
#   start   build + setup if needed, start every service, wait for health, create namespaces, register search attributes
#   stop    stop the services this checkout started
#   status  print each service's pid and whether the frontend answers
#   kill-history [i]  SIGKILL history process i (default 1) — for the fault tests
set -euo pipefail
source "$(dirname "$0")/lib.sh"

SERVER_VERSION="v1.29.1"
CACHE_DIR="${RECTIFLOW_TOOLS_DIR:-$HOME/.cache/rectiflow/bin}"
SERVER_BIN="$CACHE_DIR/temporal-server-$SERVER_VERSION"
SQL_TOOL="$CACHE_DIR/temporal-sql-tool-$SERVER_VERSION"
SCHEMA_DIR="$CACHE_DIR/temporal-schema-$SERVER_VERSION"

ADDRESS="$(cfg TEMPORAL_ADDRESS 127.0.0.1:7233)"
HOST="${ADDRESS%:*}"
FRONTEND_PORT="${ADDRESS##*:}"
NAMESPACES="$(cfg TEMPORAL_NAMESPACE default) rectiflow-test"
PG_HOST="$(cfg TEMPORAL_CLUSTER_PG_HOST 127.0.0.1)"
PG_PORT="$(cfg TEMPORAL_CLUSTER_PG_PORT 5432)"
PG_USER="$(cfg TEMPORAL_CLUSTER_PG_USER postgres)"
PG_PASSWORD="$(cfg TEMPORAL_CLUSTER_PG_PASSWORD '')"
DB_MAIN="$(cfg TEMPORAL_CLUSTER_DB temporal_rectiflow)"
DB_VIS="$(cfg TEMPORAL_CLUSTER_VISIBILITY_DB temporal_rectiflow_visibility)"
HISTORY_COUNT="$(cfg TEMPORAL_CLUSTER_HISTORY_PROCESSES 2)"
SHARDS="$(cfg TEMPORAL_CLUSTER_HISTORY_SHARDS 4)"
# Every other port is derived from one base so two clusters (or the dev server) never collide.
PORT_BASE="$(cfg TEMPORAL_CLUSTER_PORT_BASE $((FRONTEND_PORT + 100)))"
RUN_DIR="$ROOT/$(cfg TEMPORAL_CLUSTER_DIR var/temporal-cluster)"
CONF_DIR="$RUN_DIR/config"

# service name → "grpcPort membershipPort"
ports_of() {
  case "$1" in
    frontend) echo "$FRONTEND_PORT $((PORT_BASE + 1))" ;;
    matching) echo "$((PORT_BASE + 10)) $((PORT_BASE + 11))" ;;
    worker) echo "$((PORT_BASE + 20)) $((PORT_BASE + 21))" ;;
    history*) local i="${1#history}"; echo "$((PORT_BASE + 30 + 2 * i)) $((PORT_BASE + 31 + 2 * i))" ;;
  esac
}
processes() { echo frontend matching worker; for i in $(seq 1 "$HISTORY_COUNT"); do echo "history$i"; done; }

build() {
  if [ -x "$SERVER_BIN" ] && [ -x "$SQL_TOOL" ] && [ -d "$SCHEMA_DIR/postgresql" ]; then return 0; fi
  command -v go >/dev/null || die "Building the Temporal server needs Go 1.25+ (https://go.dev/dl)."
  mkdir -p "$CACHE_DIR"
  local gobin; gobin="$(mktemp -d)"
  say "Building the Temporal server $SERVER_VERSION and its SQL tool from source (first time only, ~3–5 minutes)…"
  GOBIN="$gobin" go install "go.temporal.io/server/cmd/server@$SERVER_VERSION" >&2 \
    || die "go install go.temporal.io/server/cmd/server@$SERVER_VERSION failed (see above)."
  GOBIN="$gobin" go install "go.temporal.io/server/cmd/tools/sql@$SERVER_VERSION" >&2 \
    || die "go install go.temporal.io/server/cmd/tools/sql@$SERVER_VERSION failed (see above)."
  local mod; mod="$(go env GOMODCACHE)/go.temporal.io/server@$SERVER_VERSION"
  [ -d "$mod/schema/postgresql" ] || die "schema files not found in $mod"
  rm -rf "$SCHEMA_DIR.tmp" && mkdir -p "$SCHEMA_DIR.tmp" && cp -r "$mod/schema/postgresql" "$SCHEMA_DIR.tmp/"
  chmod -R u+w "$SCHEMA_DIR.tmp"
  mv "$gobin/server" "$SERVER_BIN" && mv "$gobin/sql" "$SQL_TOOL"
  rm -rf "$SCHEMA_DIR" && mv "$SCHEMA_DIR.tmp" "$SCHEMA_DIR"
  rmdir "$gobin" 2>/dev/null || true
  say "Temporal server built and cached in $CACHE_DIR"
}

# The schema tool may log an ERROR and still exit 0: success means exit 0 AND no ERROR line.
sql_tool() {
  local db="$1"; shift
  local out rc=0
  out="$("$SQL_TOOL" --plugin postgres12 --ep "$PG_HOST" -p "$PG_PORT" -u "$PG_USER" ${PG_PASSWORD:+--pw "$PG_PASSWORD"} \
    --db "$db" "$@" 2>&1)" || rc=$?
  if [ $rc -ne 0 ] || grep -q '"level":"error"\|ERROR' <<<"$out"; then
    printf '%s\n' "$out" >&2
    return 1
  fi
}

setup() {
  build
  local db dir
  for db in "$DB_MAIN" "$DB_VIS"; do
    if [ "$db" = "$DB_MAIN" ]; then dir="$SCHEMA_DIR/postgresql/v12/temporal/versioned"
    else dir="$SCHEMA_DIR/postgresql/v12/visibility/versioned"; fi
    # create-database fails when it exists; that is the idempotent case.
    sql_tool "$db" create-database 2>/dev/null || true
    if ! sql_tool "$db" setup-schema -v 0.0 2>/dev/null; then
      : # already set up: update-schema below brings it to the newest version
    fi
    sql_tool "$db" update-schema -d "$dir" || die "update-schema of $db failed (see above)"
  done
  say "PostgreSQL databases $DB_MAIN and $DB_VIS are at the schema of $SERVER_VERSION."
}

# Every process lists every service (the membership monitor tracks them all); only the history entry differs:
# a history process binds its own ports, the others name history1's (they find the rest through the database).
service_block() {
  local grpc member
  read -r grpc member < <(ports_of "$2")
  printf '  %s:\n    rpc:\n      grpcPort: %s\n      membershipPort: %s\n      bindOnIP: "%s"\n' "$1" "$grpc" "$member" "$HOST"
}

write_config() {
  local proc="$1" history_ports_of=history1
  case "$proc" in history*) history_ports_of="$proc" ;; esac
  mkdir -p "$CONF_DIR/dynamicconfig"
  cat >"$CONF_DIR/dynamicconfig/rectiflow.yaml" <<'YAML'
# Search attributes registered a moment ago are visible at once (as on the dev server).
system.forceSearchAttributesCacheRefreshOnRead:
  - value: true
frontend.enableUpdateWorkflowExecution:
  - value: true
frontend.enableUpdateWorkflowExecutionAsyncAccepted:
  - value: true
YAML
  datastore() {
    cat <<YAML
      sql:
        pluginName: "postgres12"
        databaseName: "$1"
        connectAddr: "$PG_HOST:$PG_PORT"
        connectProtocol: "tcp"
        user: "$PG_USER"
        password: "$PG_PASSWORD"
        maxConns: $2
        maxIdleConns: $2
        maxConnLifetime: "1h"
YAML
  }
  {
    cat <<YAML
log:
  stdout: true
  level: warn
persistence:
  defaultStore: default
  visibilityStore: visibility
  numHistoryShards: $SHARDS
  datastores:
    default:
$(datastore "$DB_MAIN" 20)
    visibility:
$(datastore "$DB_VIS" 5)
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: "$HOST"
services:
$(service_block frontend frontend)
      httpPort: $((PORT_BASE + 2))
$(service_block matching matching)
$(service_block worker worker)
$(service_block history "$history_ports_of")
YAML
    cat <<YAML
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: "active"
  currentClusterName: "active"
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: "frontend"
      rpcAddress: "$HOST:$FRONTEND_PORT"
dcRedirectionPolicy:
  policy: "noop"
dynamicConfigClient:
  filepath: "$CONF_DIR/dynamicconfig/rectiflow.yaml"
  pollInterval: "10s"
YAML
  } >"$CONF_DIR/$proc.yaml"
}

pid_file() { echo "$RUN_DIR/$1.pid"; }
running() { local f; f="$(pid_file "$1")"; [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null; }

start_process() {
  local proc="$1" svc="$1"
  case "$proc" in history*) svc=history ;; esac
  running "$proc" && return 0
  write_config "$proc"
  # setsid: the services outlive this script and the terminal that ran it.
  setsid nohup "$SERVER_BIN" --root / --config "$CONF_DIR" --env "$proc" --allow-no-auth start --service "$svc" \
    >>"$RUN_DIR/$proc.log" 2>&1 </dev/null &
  echo $! >"$(pid_file "$proc")"
}

cli() { "$(scripts/temporal-dev.sh binary)" "$@"; }
healthy() { cli operator cluster health --address "$ADDRESS" 2>/dev/null | grep -q SERVING; }

start() {
  build
  mkdir -p "$RUN_DIR"
  # Every time (seconds when nothing is to do): a marker file would go stale when a database is dropped or the
  # server version moves on.
  setup
  say "Starting the Temporal cluster: frontend $ADDRESS, $HISTORY_COUNT history processes, $SHARDS shards (logs in $RUN_DIR)…"
  local proc
  for proc in $(processes); do start_process "$proc"; done
  local i
  for i in $(seq 1 180); do
    healthy && break
    for proc in $(processes); do
      running "$proc" || { tail -c 2000 "$RUN_DIR/$proc.log" >&2; die "Temporal $proc exited; its log is above ($RUN_DIR/$proc.log)"; }
    done
    sleep 0.5
  done
  healthy || die "the Temporal cluster did not answer within 90 s; see $RUN_DIR/*.log"
  local bin; bin="$(scripts/temporal-dev.sh binary)"
  ensure_namespaces "$bin" "$ADDRESS" "$NAMESPACES"
  register_search_attributes "$bin" "$ADDRESS" "$NAMESPACES"
  say "Temporal cluster is up at $ADDRESS."
}

stop() {
  local proc pid stopped=0
  for proc in $(processes); do
    running "$proc" || continue
    pid="$(cat "$(pid_file "$proc")")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$(pid_file "$proc")"
    stopped=$((stopped + 1))
  done
  say "Temporal cluster: $stopped process(es) stopped."
}

status() {
  local proc down=0
  for proc in $(processes); do
    if running "$proc"; then echo "$proc: running (pid $(cat "$(pid_file "$proc")"))"; else echo "$proc: stopped"; down=1; fi
  done
  if healthy; then echo "frontend $ADDRESS: SERVING"; else echo "frontend $ADDRESS: not answering"; down=1; fi
  return $down
}

kill_history() {
  local proc="history${1:-1}"
  running "$proc" || die "$proc is not running"
  kill -9 "$(cat "$(pid_file "$proc")")"
  rm -f "$(pid_file "$proc")"
  say "SIGKILLed $proc; its shards move to the other history process(es)."
}

case "${1:-start}" in
  build) build ;;
  setup) setup ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  kill-history) kill_history "${2:-1}" ;;
  restart-history) start_process "history${2:-1}"; say "history${2:-1} started again." ;;
  *) die "usage: $0 build|setup|start|stop|status|kill-history [i]|restart-history [i]" ;;
esac
