#!/usr/bin/env bash
# Issue 25's interactive speed goal: a 128 x 128 region to 256 x 256 with `--model denoise --steps 4`
# in at most a quarter of the wall time of `--model default --steps 20`, whole cryosr-cli processes
# (start-up and model loading included), the two interleaved RUNS times on the bundled sample so that
# both see the same machine; prints each wall time, the medians and their ratio.
# Usage: scripts/bench-few-steps.sh [build-dir]   (RUNS=5; DEVICE=auto and PRECISION=auto by default)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
cli="$build/app/cli/cryosr-cli"
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "device: $("$cli" --version | sed -n 2p); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
wall() { # wall MODEL STEPS REGION_X: seconds of one whole process
  local start end
  start=$(date +%s.%N)
  "$cli" upscale "$build/resources/sample_micrograph.mrc" -o "$work/up.mrc" --model "$1" --steps "$2" \
    --region "$3",300,128,128 --device "${DEVICE:-auto}" --precision "${PRECISION:-auto}" > /dev/null
  end=$(date +%s.%N)
  python3 -c "print(round($end - $start, 2))"
}
slow=(); fast=()
for i in $(seq "$runs"); do
  slow+=("$(wall default 20 $((100 + 40 * i)))")
  fast+=("$(wall denoise 4 $((100 + 40 * i)))")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
echo "default, 20 steps (s): ${slow[*]}; median $(median "${slow[@]}")"
echo "denoise, 4 steps (s):  ${fast[*]}; median $(median "${fast[@]}")"
echo "ratio of the medians (goal <= 0.25): $(python3 -c "print(round($(median "${fast[@]}") / $(median "${slow[@]}"), 3))")"
