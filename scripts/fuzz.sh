#!/usr/bin/env bash
# Builds the libFuzzer harnesses (clang, CRYOSR_FUZZ=ON, in build-fuzz/), seeds each from the real files
# in ../shared/data/real and the malformed-file suite's cases, and runs each one.
#   scripts/fuzz.sh                 each harness for FUZZ_SECONDS (default 30)
#   FUZZ_RUNS=10000000 scripts/fuzz.sh   each for that many executions (docs/reliability.md's long run)
#   FUZZ_ONLY=fuzz_tiffreader …    only that harness
#   FUZZ_SEED=1 …                  libFuzzer's random seed (default: a new one each run); with FUZZ_RUNS
#                                  and the same corpus a run repeats exactly, which is what CI does
# A crash, sanitizer report, leak or timeout fails the run; the input is saved in build-fuzz/findings/.
set -euo pipefail
shopt -s nullglob
cd "$(dirname "$0")/.."
build=${CRYOSR_FUZZ_BUILD_DIR:-build-fuzz}
data=${CRYOSR_SHARED_DATA_DIR:-../shared/data/real}
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCRYOSR_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
cmake --build "$build" -j "${CRYOSR_JOBS:-2}"

corpus=$build/corpus
mkdir -p "$build/findings"
seed() { # seed NAME FILE...: copies (the first 64 KiB of) each file into the harness's corpus
  local name=$1; shift
  mkdir -p "$corpus/$name"
  for f in "$@"; do [ -f "$f" ] && head -c 65536 "$f" > "$corpus/$name/$(basename "$f")"; done
  return 0
}
[ -d "$data" ] || echo "fuzz.sh: $data is absent; seeding from the built-in cases only"
seed fuzz_mrcreader "$data"/*.mrc "$data"/*.mrcs "$data"/*.map
seed fuzz_tiffreader "$data"/*.tif "$data"/*.tiff
seed fuzz_atomicmodel "$data"/../structures/*.pdb
for name in fuzz_starfile fuzz_trainingconfig fuzz_modelfile fuzz_atomicmodel; do mkdir -p "$corpus/$name"; cp tests/fuzz/seeds/$name/* "$corpus/$name/"; done
# The malformed-file suite's cases (tests/tst_malformedfiles.cpp), where the normal build has it.
malformed=${CRYOSR_BUILD_DIR:-build}/tests/tst_malformedfiles
if [ -x "$malformed" ]; then
  cases=$(mktemp -d)
  CRYOSR_FUZZ_SEEDS=$cases "$malformed" badFilesGiveClearErrors > /dev/null
  for f in "$cases"/*; do
    case "$f" in *.tif|*.tiff) cp "$f" "$corpus/fuzz_tiffreader/";; *) cp "$f" "$corpus/fuzz_mrcreader/";; esac
  done
  rm -rf "$cases"
else
  echo "fuzz.sh: no $malformed (build the tests first) — seeding without the malformed-file suite"
fi

status=0
for harness in "$build"/tests/fuzz/fuzz_*; do
  [ -x "$harness" ] && [ -f "$harness" ] || continue
  name=$(basename "$harness")
  [ -z "${FUZZ_ONLY:-}" ] || [ "$name" = "$FUZZ_ONLY" ] || continue
  mkdir -p "$corpus/$name"
  if [ -n "${FUZZ_RUNS:-}" ]; then budget=(-runs="$FUZZ_RUNS"); else budget=(-max_total_time="${FUZZ_SECONDS:-30}"); fi
  echo "=== $name (${budget[*]})"
  # -timeout: one input taking 10 s is a hang; -rss_limit_mb: no input may make a reader take 2 GB.
  if ! "$harness" "$corpus/$name" "${budget[@]}" -seed="${FUZZ_SEED:-0}" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
       -artifact_prefix="$build/findings/$name-" -print_final_stats=1 2> "$build/$name.log"; then
    status=1
    tail -40 "$build/$name.log"
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb|Done [0-9]+ runs" "$build/$name.log" || true
done
exit $status
