#!/usr/bin/env bash
# The main job: installs what is missing, brings up MariaDB/Redis checks, the Temporal dev server, migrations,
# the demo data (the seed evaluation), then runs the worker and the API until Ctrl-C.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

install_deps
ensure_ocr
ensure_env_file
scripts/ensure-services.sh
"$(temporal_script)" start

say "Building (TypeScript + workflow bundle)…"
npm run -s build >&2
say "Creating databases and running migrations…"
node dist/scripts/db-setup.js

mkdir -p var/log
export TEMPORAL_WORKFLOW_BUNDLE="$ROOT/dist/workflow-bundle.js"
node dist/apps/worker/src/main.js >>var/log/worker.log 2>&1 &
WORKER=$!
node dist/apps/api/src/main.js >>var/log/api.log 2>&1 &
API=$!
stop_all() { say "Stopping API and worker (the Temporal dev server keeps running: npm run stack:stop stops it)…"; kill -TERM "$API" "$WORKER" 2>/dev/null || true; wait "$API" "$WORKER" 2>/dev/null || true; exit 0; }
trap stop_all INT TERM

HOST="$(cfg API_HOST 127.0.0.1)"; PORT="$(cfg API_PORT 3000)"; BASE="http://$HOST:$PORT"
for _ in $(seq 1 120); do
  curl -fsS "$BASE/ready" >/dev/null 2>&1 && break
  kill -0 "$API" 2>/dev/null || { tail -n 30 var/log/api.log >&2; die "the API exited (log above, var/log/api.log)"; }
  kill -0 "$WORKER" 2>/dev/null || { tail -n 30 var/log/worker.log >&2; die "the worker exited (log above, var/log/worker.log)"; }
  sleep 0.5
done
curl -fsS "$BASE/ready" >/dev/null 2>&1 || die "the API did not become ready; see var/log/api.log"

say "Demo data: accounts, the seed evaluation imported and issued…"
node dist/scripts/demo.js || warn "demo data could not be loaded (see above); the stack runs without it"

if [ "$(cfg TEMPORAL_MODE dev)" = cluster ]; then
  TEMPORAL_LINE="cluster at $(cfg TEMPORAL_ADDRESS 127.0.0.1:7233) (scripts/temporal-cluster.sh status)"
else
  TEMPORAL_LINE="Web UI http://$(cfg TEMPORAL_ADDRESS 127.0.0.1:7233 | cut -d: -f1):$(cfg TEMPORAL_UI_PORT 8233)"
fi
cat >&2 <<MSG

  Rectiflow is running.
    Web UI (中文)     $BASE/
    API              $BASE/api/v1
    API docs         $BASE/api/docs      (OpenAPI JSON: $BASE/api/docs-json)
    Health / ready   $BASE/health  $BASE/ready
    Temporal         $TEMPORAL_LINE
    Logs             var/log/api.log  var/log/worker.log
    Demo accounts    admin, reviewer, leader, auditor, gxj_user, gxj_leader, jyj_user
                     password: $(node -e 'try{console.log(require("./var/demo-credentials.json").password)}catch{console.log("(see var/demo-credentials.json)")}')
  Press Ctrl-C to stop the API and the worker.

MSG
set +e
wait -n "$API" "$WORKER"
warn "a process exited; stopping the other."
stop_all
