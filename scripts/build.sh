#!/usr/bin/env bash
# Configures and builds CryoSR into ./build (or $CRYOSR_BUILD_DIR) with Ninja, two jobs by default
# (a LibTorch translation unit takes ~1.5 GB to compile). Extra arguments go to CMake.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${CRYOSR_BUILD_DIR:-build}
cmake --preset default -B "$build_dir" -DCRYOSR_WERROR="${CRYOSR_WERROR:-OFF}" "$@" # CMakePresets.json
cmake --build "$build_dir" -j "${CRYOSR_JOBS:-2}"
