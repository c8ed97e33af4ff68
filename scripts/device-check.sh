#!/usr/bin/env bash
# One prepared run on a GPU machine (no Qt, no package registry there): configure the engine,
# cryosr-cli and the CUDA kernels against the machine's CUDA LibTorch (from its PyTorch), build, run
# tst_cudakernels (the fused kernel against LibTorch on random data; the anchor network in bf16 against
# fp32), then check the engine on the GPU through the CLI (the Qt Test suite cannot build there): same
# seed → same bytes, CPU and GPU agree, bf16/fp16 run, data consistency holds; then the bench figures,
# each speed technique alone and together on the issue's anchor network. Prints a short table; logs
# and JSON go to $OUT.
# Usage (repository root, GPU machine): scripts/device-check.sh
#   Where the GPU machine lacks nlohmann-json (a header-only Debian package here), copy it first:
#   mkdir -p .device-deps && cp -r /usr/include/nlohmann .device-deps/ and pass carry [".device-deps"].
#        DEVICE=cpu PYTHON=/usr/bin/python3 scripts/device-check.sh   rehearses it on the CPU (no half precisions)
set -uo pipefail
cd "$(dirname "$0")/.."
out=${OUT:-/tmp/cryosr-device-check}
device=${DEVICE:-cuda}
py=${PYTHON:-python3} # with numpy
mkdir -p "$out"
build=build-$device
cli=$build/app/cli/cryosr-cli
status=()

step() { # name, command...
  local name=$1; shift
  local start=$(date +%s)
  if "$@" >"$out/$name.log" 2>&1; then status+=("$name|ok|$(( $(date +%s) - start ))s")
  else status+=("$name|FAILED|$(( $(date +%s) - start ))s"); tail -20 "$out/$name.log"; fi
}

# float32 data of an MRC file we wrote (1024-byte header, no extended header) → max |a − b| / range(b);
# passes when it is at most the third argument (and at least the optional fourth)
compare() {
  "$py" - "$@" <<'PY'
import sys, numpy as np
a, b = (np.fromfile(f, np.float32, offset=1024) for f in sys.argv[1:3])
d = float(np.abs(a - b).max()) / float(b.max() - b.min())
print(f"relative max difference {d:.3g}")
at_least = float(sys.argv[4]) if len(sys.argv) > 4 else 0.0
sys.exit(0 if at_least <= d <= float(sys.argv[3]) else 1)
PY
}

# The output, Fourier-cropped to the input region's size, equals the region (data consistency).
consistency() {
  "$py" - "$@" <<'PY'
import sys, numpy as np
up_file, in_file, x, y, w, h = sys.argv[1], sys.argv[2], *map(int, sys.argv[3:7])
hdr = np.fromfile(in_file, np.int32, count=56)
nx, ny, mode, next_ = hdr[0], hdr[1], hdr[3], hdr[23]
dtype = {1: np.int16, 2: np.float32, 6: np.uint16}[int(mode)]
img = np.fromfile(in_file, dtype, count=nx * ny, offset=1024 + next_).reshape(ny, nx)[y:y + h, x:x + w].astype(np.float64)
up = np.fromfile(up_file, np.float32, offset=1024).reshape(2 * h, 2 * w).astype(np.float64)
def crop(F, n, axis):  # n bins of a spectrum along axis; an even n folds ±n/2 into its Nyquist bin
    F = np.moveaxis(F, axis, 0)
    out = np.concatenate([F[:(n + 1) // 2], F[F.shape[0] - n // 2:]])
    if n % 2 == 0:
        out[n // 2] = F[n // 2] + F[F.shape[0] - n // 2]
    return np.moveaxis(out, 0, axis)
back = np.real(np.fft.ifft2(crop(crop(np.fft.fft2(up), h, 0), w, 1))) / 4
d = np.abs(back - img).max() / (img.max() - img.min())
print(f"relative max |crop(up) - input| {d:.3g}")
sys.exit(0 if d < 1e-4 else 1)
PY
}

json_dir=()
[ -d .device-deps/nlohmann ] && json_dir=(-DCRYOSR_NLOHMANN_INCLUDE_DIR="$PWD/.device-deps")
targets=(cryosr-cli cryosr_sample)
if [ "$device" = cuda ]; then
  prefix=$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')
  # The kernels need nvcc; without it the rest is still measured (the table says "fused" is missing).
  kernels=OFF
  if command -v nvcc >/dev/null || [ -x /usr/local/cuda/bin/nvcc ]; then kernels=ON; targets+=(tst_cudakernels); fi
  step configure cmake -S . -B "$build" -G Ninja -DCRYOSR_GUI=OFF -DCRYOSR_TESTS=OFF -DCRYOSR_CUDA=$kernels \
    -DCMAKE_PREFIX_PATH="$prefix" "${json_dir[@]}"
else
  step configure cmake -S . -B "$build" -G Ninja -DCRYOSR_GUI=OFF -DCRYOSR_TESTS=OFF "${json_dir[@]}"
fi
step build cmake --build "$build" -j "$(nproc)" --target "${targets[@]}"
[ -x "$build/tests/cuda/tst_cudakernels" ] && step cuda-kernels "$build/tests/cuda/tst_cudakernels"
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader > "$out/card.txt" 2>&1
python3 -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda, "cudnn", torch.backends.cudnn.version())' \
  >> "$out/card.txt" 2>&1
sample=$build/resources/sample_micrograph.mrc
step version "$cli" --version
step info "$cli" info --json "$sample"
step convert "$cli" convert "$sample" "$out/sample_f16.mrc" --dtype float16
step model "$cli" model init -o "$out/model.cryosr" --seed 1
# The comparisons run the shipped (trained) default model: an untrained network predicts ε = 0 (its
# last convolution starts at zero), so every precision and device would agree exactly and prove nothing.
model=default
up() { "$cli" upscale "$sample" --model "$model" --region 300,400,96,80 --steps 8 --seed 3 "$@"; }
step upscale up -o "$out/up1.mrc" --device "$device" --precision fp32
step upscale-again up -o "$out/up2.mrc" --device "$device" --precision fp32
step same-seed compare "$out/up1.mrc" "$out/up2.mrc" 0
step consistency consistency "$out/up1.mrc" "$sample" 300 400 96 80
model=$out/model.cryosr
step upscale-untrained up -o "$out/up-untrained.mrc" --device "$device" --precision fp32
model=default
step network-matters compare "$out/up-untrained.mrc" "$out/up1.mrc" 10 0.05 # 0.57 on the CPU
step upscale-cpu up -o "$out/up-cpu.mrc" --device cpu --precision fp32 # auto would be bf16 on AVX512-BF16 hosts
# LibTorch lets cuDNN run fp32 convolutions in TF32 (10-bit mantissa) unless told otherwise; bf16 (7 bits)
# differs from fp32 by 0.019 on the CPU in this run, so TF32 should stay well inside 0.01.
step cpu-agrees compare "$out/up1.mrc" "$out/up-cpu.mrc" 1e-2
step samples up -o "$out/mean.mrc" --samples 4 --std "$out/std.mrc" --frames "$out/frames.mrcs" --device "$device"
# Training on the device (bf16 autocast on CUDA), a resume to a larger total, and eval of the result.
train_precision=fp32
[ "$device" = cuda ] && train_precision=bf16
step train "$cli" train --data "$sample" "$out/sample_f16.mrc" --out "$out/run" --steps 40 --batch 8 --patch 64 \
  --warmup 5 --checkpoint-every 20 --validate-every 20 --device "$device" --precision "$train_precision"
step train-resume "$cli" train --resume --out "$out/run" --steps 60
step eval "$cli" eval --model "$out/run/model.pt" --inputs "$sample" --region 0,0,256,256 --samples 4 --steps 10 \
  --device "$device" --json
precisions=(fp32)
if [ "$device" = cuda ]; then
  precisions=(fp32 bf16 fp16)
  step upscale-bf16 up -o "$out/up-bf16.mrc" --device cuda --precision bf16
  step bf16-close compare "$out/up-bf16.mrc" "$out/up1.mrc" 0.05
  step upscale-fp16 up -o "$out/up-fp16.mrc" --device cuda --precision fp16
  step fp16-close compare "$out/up-fp16.mrc" "$out/up1.mrc" 0.05
fi
for p in "${precisions[@]}"; do
  for b in 1 8; do
    step "bench-$p-b$b" "$cli" bench --device "$device" --precision "$p" --batch "$b" --size 256 --repeats 20 --json
  done
done

# The issue's anchor: base 64, 1-2-4-4, 2 res blocks, attention at the lowest level, 16 x 2 x 128 x 128
# (PyTorch on an H100: eager fp32 24.6 ms, torch.compile bf16 13.8 ms; the goal is 9.9 ms in bf16).
# Each technique alone on top of bf16, then all together, all in this one run.
if [ "$device" = cuda ]; then
  anchor=(--device cuda --base-channels 64 --channel-mults 1,2,4,4 --res-blocks 2 --attention-levels 3 --groups 32
          --batch 16 --size 128 --repeats 50 --warmup 5 --json)
  step anchor-fp32-plain "$cli" bench "${anchor[@]}" --precision fp32 --fused off
  step anchor-bf16-plain "$cli" bench "${anchor[@]}" --precision bf16 --fused off
  step anchor-bf16-fused "$cli" bench "${anchor[@]}" --precision bf16
  step anchor-bf16-nhwc "$cli" bench "${anchor[@]}" --precision bf16 --fused off --channels-last
  step anchor-bf16-autotune "$cli" bench "${anchor[@]}" --precision bf16 --fused off --cudnn-benchmark
  step anchor-bf16-graph "$cli" bench "${anchor[@]}" --precision bf16 --fused off --cuda-graph
  step anchor-bf16-all "$cli" bench "${anchor[@]}" --precision bf16 --channels-last --cudnn-benchmark --cuda-graph
  step anchor-fp16-all "$cli" bench "${anchor[@]}" --precision fp16 --channels-last --cudnn-benchmark --cuda-graph
fi

# A whole micrograph: 4096 x 4096 (the sample repeated) to 8192 x 8192 with 20 steps and the default
# model, tiled (256, overlap 32) and batched by free memory; the wrote line gives time, tiles and batch.
step big-input "$py" scripts/make-big-micrograph.py "$sample" "$out/big.mrc"
if [ "$device" = cuda ]; then
  step whole-4096-bf16 "$cli" upscale "$out/big.mrc" -o "$out/whole-bf16.mrc" --steps 20 --device cuda --precision bf16
  step whole-4096-fp32 "$cli" upscale "$out/big.mrc" -o "$out/whole-fp32.mrc" --steps 20 --device cuda
fi

printf "%-16s %-7s %s\n" step result time
for s in "${status[@]}"; do IFS='|' read -r a b c <<<"$s"; printf "%-16s %-7s %s\n" "$a" "$b" "$c"; done
cat "$out/version.log" "$out/card.txt"
[ -f "$out/cuda-kernels.log" ] && grep -E "^FAIL|failure" "$out/cuda-kernels.log"
for f in "$out"/anchor-*.log; do
  [ -f "$f" ] && "$py" - "$f" <<'PY'
import json, sys, os
o = json.loads(open(sys.argv[1]).read().strip().splitlines()[-1])
print(f"{os.path.basename(sys.argv[1])[:-4]:22} {o['ms_per_step']:8.2f} ms/step {o['tflops']:7.1f} TFLOP/s  {o['precision']}, {o['techniques']}")
PY
done
for f in "$out"/{network-matters,cpu-agrees,bf16-close,fp16-close}.log; do
  [ -f "$f" ] && echo "$(basename "$f" .log): $(tail -1 "$f")"
done
for f in "$out"/bench-*.log "$out"/whole-*.log; do [ -f "$f" ] && echo "$(basename "$f" .log): $(tail -1 "$f")"; done
! printf '%s\n' "${status[@]}" | grep -q FAILED
