#!/usr/bin/env bash
# npm run test:cluster — the Temporal-facing integration and e2e tests against the official Temporal server on
# PostgreSQL (separate frontend, matching, worker and two history processes), plus the fault test that SIGKILLs a
# history process mid-run. Uses its own ports, PostgreSQL databases and folder, so it runs beside the dev server.
# Extra arguments go to Jest. Results: reports/jest-cluster-results.json.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

export TEMPORAL_MODE=cluster
export TEMPORAL_ADDRESS="${TEMPORAL_CLUSTER_TEST_ADDRESS:-127.0.0.1:7400}"
export TEST_TEMPORAL_ADDRESS="$TEMPORAL_ADDRESS"
export TEMPORAL_CLUSTER_DIR=var/temporal-cluster-test
export TEMPORAL_CLUSTER_DB=temporal_rectiflow_test
export TEMPORAL_CLUSTER_VISIBILITY_DB=temporal_rectiflow_test_visibility
export TEMPORAL_CLUSTER_HISTORY_PROCESSES=2
export RECTIFLOW_CLUSTER_TESTS=1

install_deps
scripts/ensure-services.sh
scripts/temporal-cluster.sh start
mkdir -p reports
say "Running the Temporal-facing tests against the cluster at $TEMPORAL_ADDRESS…"
# temporal-restart starts a dev server of its own: it tests the dev mode, not the cluster.
exec npx jest --maxWorkers=2 --json --outputFile=reports/jest-cluster-results.json \
  test/integration test/rectifications test/notifications test/cluster \
  --testPathIgnorePatterns temporal-restart --selectProjects integration e2e cluster "$@"
