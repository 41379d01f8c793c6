#!/usr/bin/env bash
# Installs what is missing, checks MariaDB/Redis, starts (or reuses) the Temporal dev server, runs every Jest
# project (unit, integration, e2e) and writes Jest's JSON results to reports/jest-results.json.
# Extra arguments go to Jest, e.g.: npm test -- --selectProjects unit
set -euo pipefail
source "$(dirname "$0")/lib.sh"

install_deps
scripts/ensure-services.sh
ensure_chromium
"$(temporal_script)" start
mkdir -p reports
rm -f reports/jest-results.json
say "Running the tests…"
exec npx jest --maxWorkers=2 --json --outputFile=reports/jest-results.json "$@"
