#!/usr/bin/env bash
# Stops the local Temporal server of the configured TEMPORAL_MODE (npm run stack:stop).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
"$(temporal_script)" stop
