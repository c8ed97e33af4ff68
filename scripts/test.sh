#!/usr/bin/env bash
# One command: install dependencies, build, and run the whole test suite (GUI tests under Xvfb).
# Exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
cd "${CRYOSR_BUILD_DIR:-build}"
xvfb-run -a ctest --output-on-failure -j "${CRYOSR_JOBS:-2}"
