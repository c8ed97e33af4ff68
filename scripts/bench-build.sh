#!/usr/bin/env bash
# Times the README's test command from a fresh clone: the build (Ninja, two jobs) and the test suite
# (xvfb-run ctest, two jobs), for each git revision given, one after the other on this machine, so the
# ratios come from one run. Dependencies must be installed already (scripts/install-deps.sh).
#   scripts/bench-build.sh 0002094 HEAD      → one line per revision: build s, tests s, total s
# Each clone goes to a temporary folder, removed afterwards. Takes about 30-45 min per revision here.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
[ $# -gt 0 ] || set -- HEAD
printf '%-12s %8s %8s %8s %s\n' revision build_s tests_s total_s result
for revision in "$@"; do
  work=$(mktemp -d)
  git clone -q "$repo" "$work/src"
  git -C "$work/src" checkout -q "$(git rev-parse "$revision")"
  start=$SECONDS
  cmake -S "$work/src" -B "$work/src/build" -G Ninja > "$work/configure.log"
  build_status=0
  cmake --build "$work/src/build" -j "${CRYOSR_JOBS:-2}" > "$work/build.log" 2>&1 || build_status=$?
  built=$SECONDS
  test_status=0
  (cd "$work/src/build" && xvfb-run -a ctest -j "${CRYOSR_JOBS:-2}" > "$work/ctest.log" 2>&1) || test_status=$?
  tested=$SECONDS
  result=$([ $build_status -eq 0 ] && [ $test_status -eq 0 ] && echo passed || echo "failed (logs in $work)")
  printf '%-12s %8d %8d %8d %s\n' "$revision" $((built - start)) $((tested - built)) $((tested - start)) "$result"
  [ "$result" = passed ] && rm -rf "$work"
done
