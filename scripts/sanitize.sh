#!/usr/bin/env bash
# The whole test suite again — readers, engine, command line, widgets and GUI (under Xvfb) — built with
# AddressSanitizer + UndefinedBehaviorSanitizer. Any report fails the run. Only the package test is left
# out: it builds and inspects the .deb, whose binaries must not be sanitized builds.
# Leaks inside Debian's uninstrumented Qt, fontconfig and Mesa are suppressed by name
# (scripts/lsan-suppressions.txt); a leak with one of our frames on its stack is still reported.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build_dir=${CRYOSR_ASAN_BUILD_DIR:-build-asan}
cmake -S . -B "$build_dir" -G Ninja -DCRYOSR_SANITIZE=ON
cmake --build "$build_dir" -j "${CRYOSR_JOBS:-2}"
cd "$build_dir"
export ASAN_OPTIONS=abort_on_error=1:detect_leaks=1:strict_string_checks=1:check_initialization_order=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$root/scripts/lsan-suppressions.txt:print_suppressions=0
xvfb-run -a -s "-screen 0 1600x1200x24" ctest --output-on-failure -LE package -j "${CRYOSR_JOBS:-2}"
