#!/usr/bin/env bash
# A shipped model's interactive goal: a 128 x 128 region upscaled to 256 x 256 with 20 steps, as a
# user runs it (`cryosr-cli upscale --model default`, process start-up and model loading included),
# RUNS times on the bundled sample micrograph; prints each wall time and the median, and the time
# inside the upscale call that cryosr-cli reports.
# Usage: [MODEL=denoise] scripts/bench-default-model.sh [build-dir]   (MODEL: default unless given)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
cli="$build/app/cli/cryosr-cli"
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "device: $("$cli" --version | sed -n 2p); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
model=${MODEL:-default}
echo "model: $model, $("$cli" model show "$model" | sed -n 's/^architecture *//p')"
walls=(); inner=()
for i in $(seq "$runs"); do
  start=$(date +%s.%N)
  line=$("$cli" upscale "$build/resources/sample_micrograph.mrc" -o "$work/up.mrc" --model "$model" \
           --region $((100 + 40 * i)),300,128,128 --steps 20 --device "${DEVICE:-auto}")
  end=$(date +%s.%N)
  walls+=("$(python3 -c "print(round($end - $start, 2))")")
  inner+=("$(sed -n 's/.*, \([0-9.]*\) s)$/\1/p' <<<"$line")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
echo "128 x 128 -> 256 x 256, 20 ddim steps, $runs runs"
echo "  wall time (start-up + load + upscale + write): ${walls[*]} s; median $(median "${walls[@]}") s (goal <= 15 s)"
echo "  upscale call alone: ${inner[*]} s; median $(median "${inner[@]}") s"
