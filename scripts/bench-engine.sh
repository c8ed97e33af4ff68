#!/usr/bin/env bash
# Diffusion engine benchmark on this machine's CPU (or DEVICE=cuda): one denoising step of the default
# UNet (model init's architecture) at several sizes via `cryosr-cli bench`, the cost of the rest of an
# upscale step (consistency FFTs, sampler update) as a ratio to the network alone, the thread-pool
# speed-up measured in the same run, and peak memory of upscaling as the region grows. Prints Markdown.
# Usage: scripts/bench-engine.sh [build-dir]   (REPEATS=10 timed steps per bench)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
cli="$build/app/cli/cryosr-cli"
device=${DEVICE:-cpu}
repeats=${REPEATS:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
json() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

echo "device: $("$cli" --version | sed -n 2p); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo
echo "| network input | ms per step (median of $repeats) | GFLOP per step | TFLOP/s |"
echo "|---|---|---|---|"
for size in 64 128 256; do
  r=$("$cli" bench --device "$device" --size "$size" --repeats "$repeats" --json)
  echo "| 1 x 2 x $size x $size | $(json ms_per_step <<<"$r") | $(json gflop_per_step <<<"$r") | $(json tflops <<<"$r") |"
done

echo
one=$(OMP_NUM_THREADS=1 "$cli" bench --device "$device" --size 128 --repeats "$repeats" --json | json ms_per_step)
all=$("$cli" bench --device "$device" --size 128 --repeats "$repeats" --json | json ms_per_step)
echo "CPU threads: 1 thread $one ms, all $all ms per step at 128: speed-up $(python3 -c "print(round($one / $all, 2))")x"

# A whole upscale step against the network alone (same 128 x 128 output): 64 x 64 region, 20 steps.
"$cli" model init -o "$work/m.cryosr" --seed 1 >/dev/null
"$cli" convert "$build/resources/sample_micrograph.mrc" "$work/mic.mrc" >/dev/null
start=$(date +%s.%N)
"$cli" upscale "$work/mic.mrc" -o "$work/up.mrc" --model "$work/m.cryosr" --region 100,100,64,64 --steps 20 --device "$device" \
  --precision fp32 >/dev/null # as `bench` (auto would be bf16 on CPUs with it)
end=$(date +%s.%N)
startup_start=$(date +%s.%N); "$cli" model show "$work/m.cryosr" >/dev/null; startup_end=$(date +%s.%N)
per_step=$(python3 -c "print(round(1000 * (($end - $start) - ($startup_end - $startup_start)) / 20, 1))")
echo "upscale 64 x 64 -> 128 x 128, 20 ddim steps: $per_step ms per step without start-up; network alone $all ms: ratio $(python3 -c "print(round($per_step / $all, 2))")"

echo
echo "| region -> output (1 step) | peak resident MB |"
echo "|---|---|"
for side in 64 128 256; do
  mb=$( { /usr/bin/time -f "%M" "$cli" upscale "$work/mic.mrc" -o "$work/m$side.mrc" --model "$work/m.cryosr" \
          --region 0,0,$side,$side --steps 1 --device "$device" --precision fp32 >/dev/null; } 2>&1 | tail -1)
  echo "| $side x $side -> $((2 * side)) x $((2 * side)) | $((mb / 1024)) |"
done
