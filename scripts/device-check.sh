#!/usr/bin/env bash
# One prepared run on a GPU machine (no Qt, no package registry there): configure the engine and
# cryosr-cli against the machine's CUDA LibTorch (from its PyTorch), build, and check that the CLI
# runs and sees the GPU. Prints a short table; copies logs to $OUT when set.
# Usage (from the repository root on the GPU machine): scripts/device-check.sh
set -uo pipefail
cd "$(dirname "$0")/.."
out=${OUT:-/tmp/cryosr-device-check}
mkdir -p "$out"
prefix=$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')
status=()

step() { # name, command...
  local name=$1; shift
  local start=$(date +%s)
  if "$@" >"$out/$name.log" 2>&1; then status+=("$name|ok|$(( $(date +%s) - start ))s")
  else status+=("$name|FAILED|$(( $(date +%s) - start ))s"); tail -20 "$out/$name.log"; fi
}

step configure cmake -S . -B build-cuda -G Ninja -DCRYOSR_GUI=OFF -DCRYOSR_TESTS=OFF -DCMAKE_PREFIX_PATH="$prefix"
step build cmake --build build-cuda -j "$(nproc)" --target cryosr-cli cryosr_sample
step version build-cuda/app/cli/cryosr-cli --version
step info build-cuda/app/cli/cryosr-cli info --json build-cuda/resources/sample_micrograph.mrc
step convert build-cuda/app/cli/cryosr-cli convert build-cuda/resources/sample_micrograph.mrc "$out/sample_f16.mrc" --dtype float16

printf "%-10s %-7s %s\n" step result time
for s in "${status[@]}"; do IFS='|' read -r a b c <<<"$s"; printf "%-10s %-7s %s\n" "$a" "$b" "$c"; done
cat "$out/version.log"
! printf '%s\n' "${status[@]}" | grep -q FAILED
