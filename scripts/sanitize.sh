#!/usr/bin/env bash
# The test suite built with AddressSanitizer + UndefinedBehaviorSanitizer. Any report fails the run.
#   scripts/sanitize.sh                          the whole suite: readers, engine, command line, widgets,
#                                                GUI (under Xvfb) and the package (hours on two cores)
#   CRYOSR_SANITIZE_LABELS=io scripts/sanitize.sh   only the tests with that CTest label (a regular
#                                                expression: io, cli, engine, gui, package) and what
#                                                they need; CI runs "io", the readers and writers of
#                                                outside data, in minutes
# Reports raised inside third-party libraries' own code are suppressed by name, each with its reason
# (scripts/asan-suppressions.txt, scripts/lsan-suppressions.txt); executables keep every library loaded
# to the end so that leaks can be told apart (cmake/keeplibrariesloaded.cpp).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build_dir=${CRYOSR_ASAN_BUILD_DIR:-build-asan}
labels=${CRYOSR_SANITIZE_LABELS:-}
cmake --preset sanitize -B "$build_dir" -DCRYOSR_WERROR="${CRYOSR_WERROR:-OFF}" # CMakePresets.json
if [ -z "$labels" ]; then
  cmake --build "$build_dir" -j "${CRYOSR_JOBS:-2}"
  label_filter=()
else
  # The test executables of those labels (ctest lists them from the configured tree, nothing built).
  mapfile -t targets < <(cd "$build_dir" && ctest -N -L "$labels" | sed -n 's/^ *Test *#[0-9]*: //p')
  if [ ${#targets[@]} -eq 0 ]; then
    echo "sanitize.sh: no test has a label matching '$labels'" >&2
    exit 1
  fi
  cmake --build "$build_dir" -j "${CRYOSR_JOBS:-2}" --target "${targets[@]}"
  label_filter=(-L "$labels")
fi
cd "$build_dir"
export ASAN_OPTIONS=abort_on_error=1:detect_leaks=1:strict_string_checks=1:check_initialization_order=1:suppressions=$root/scripts/asan-suppressions.txt
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$root/scripts/lsan-suppressions.txt:print_suppressions=0
xvfb-run -a -s "-screen 0 1600x1200x24" ctest --output-on-failure -j "${CRYOSR_JOBS:-2}" "${label_filter[@]}"
