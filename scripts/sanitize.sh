#!/usr/bin/env bash
# The whole test suite again — readers, engine, command line, widgets, GUI (under Xvfb) and the package —
# built with AddressSanitizer + UndefinedBehaviorSanitizer. Any report fails the run.
# Reports raised inside third-party libraries' own code are suppressed by name, each with its reason
# (scripts/asan-suppressions.txt, scripts/lsan-suppressions.txt); executables keep every library loaded
# to the end so that leaks can be told apart (cmake/keeplibrariesloaded.cpp).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build_dir=${CRYOSR_ASAN_BUILD_DIR:-build-asan}
cmake -S . -B "$build_dir" -G Ninja -DCRYOSR_SANITIZE=ON
cmake --build "$build_dir" -j "${CRYOSR_JOBS:-2}"
cd "$build_dir"
export ASAN_OPTIONS=abort_on_error=1:detect_leaks=1:strict_string_checks=1:check_initialization_order=1:suppressions=$root/scripts/asan-suppressions.txt
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$root/scripts/lsan-suppressions.txt:print_suppressions=0
xvfb-run -a -s "-screen 0 1600x1200x24" ctest --output-on-failure -j "${CRYOSR_JOBS:-2}"
