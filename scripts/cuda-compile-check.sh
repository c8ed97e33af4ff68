#!/usr/bin/env bash
# The CUDA kernels (engine/cuda) compile with nvcc, warnings as errors, for every architecture the
# CUDA build targets. Nothing here can run them: scripts/device-check.sh does that on a GPU machine.
# Run after scripts/test.sh has installed the build's packages. Skips (exit 0) where there is no nvcc.
set -euo pipefail
cd "$(dirname "$0")/.."
nvcc=$(command -v nvcc || echo /usr/local/cuda/bin/nvcc)
if [ ! -x "$nvcc" ]; then
  echo "nvcc not found: the CUDA kernels were not compiled (skipped)"
  exit 0
fi
build=${BUILD_DIR:-build-cuda-kernels}
cmake -S . -B "$build" -G Ninja -DCRYOSR_CUDA=ON -DCRYOSR_GUI=OFF -DCRYOSR_TESTS=OFF \
  -DCMAKE_CUDA_COMPILER="$nvcc" -DCMAKE_CUDA_FLAGS="-Werror all-warnings" > /dev/null # errors go to stderr
cmake --build "$build" --target cryosr_cuda_kernels
echo "CUDA kernels compiled with $("$nvcc" --version | tail -1)"
