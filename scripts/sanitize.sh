#!/usr/bin/env bash
# The file-I/O, engine and command-line tests again, built with AddressSanitizer + UndefinedBehaviorSanitizer
# (no GUI). Any report fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${CRYOSR_ASAN_BUILD_DIR:-build-asan}
cmake -S . -B "$build_dir" -G Ninja -DCRYOSR_SANITIZE=ON -DCRYOSR_GUI=OFF
cmake --build "$build_dir" -j "${CRYOSR_JOBS:-2}"
cd "$build_dir"
export ASAN_OPTIONS=abort_on_error=1:detect_leaks=1:strict_string_checks=1:check_initialization_order=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --output-on-failure -L 'io|cli|engine' -j "${CRYOSR_JOBS:-2}"
