#!/usr/bin/env bash
# Measures a denoise-and-upscale model against the issue's goals (docs/models.md's card), on data it
# was neither trained nor tuned on:
#   simulated  the held-out corpus (scripts/make-denoise-corpus.sh: structure 2DQJ, map EMD-5168), one
#              256² region per micrograph (input 128²), mean of 8 samples, 20 steps, against the clean
#              image; beside it Fourier, bicubic, Lanczos and the best Gaussian and radial Wiener filters
#              (oracles tuned on the clean image)
#   real       the real micrograph mic_ucsf1142 (never trained on), split reference, four 512² regions
#   noise      pure shot noise (no specimen) at 40 e⁻/Å², one sample: the output's standard deviation
#              against what a Gaussian low-pass of σ = 1.25 output pixels leaves of the padded input
# Every figure goes to WORK_DIR/eval-*.json and a summary table to standard output.
#
#   scripts/eval-denoise-model.sh [MODEL] [WORK_DIR]      (defaults: denoise, ../denoise-work)
# EVAL_COUNT=N evaluates the first N simulated micrographs (all 24 take about an hour on two cores).
set -euo pipefail
cd "$(dirname "$0")/.."
model=${1:-denoise}
work=${2:-../denoise-work}
real=${CRYOSR_SHARED_DATA_DIR:-../shared/data/real}
cli=${CRYOSR_CLI:-build/app/cli/cryosr-cli}
extra=(${EVAL_OPTIONS:-}) # e.g. EVAL_OPTIONS="--consistency off"
tests=("$work"/test/mic_*[0-9].mrc)
tests=("${tests[@]:0:${EVAL_COUNT:-${#tests[@]}}}") # EVAL_COUNT=N: the first N held-out micrographs only
half=$(( ${#tests[@]} / 2 ))

# Two processes of one thread each: the machine's two cores.
OMP_NUM_THREADS=1 "$cli" eval --model "$model" --reference clean --region 0,0,256,256 --samples 8 --steps 20 --json \
  "${extra[@]}" --inputs "${tests[@]:0:$half}" > "$work/eval-simulated-a.json" &
OMP_NUM_THREADS=1 "$cli" eval --model "$model" --reference clean --region 0,0,256,256 --samples 8 --steps 20 --json \
  "${extra[@]}" --inputs "${tests[@]:$half}" > "$work/eval-simulated-b.json" &
wait
for i in 0 1; do
  regions=("0,0,512,512" "447,0,512,512" "0,415,512,512" "447,415,512,512")
  for r in "${regions[@]:$((2 * i)):2}"; do
    OMP_NUM_THREADS=1 "$cli" eval --model "$model" --reference split --region "$r" --samples 8 --steps 20 --json \
      "${extra[@]}" --inputs "$real/mic_ucsf1142_dw_959x927.mrc" > "$work/eval-real-${r//,/_}.json"
  done &
done
wait

# Pure shot noise: flat fields of 256² at 40 e⁻/Å² and two pixel sizes, upscaled with one sample.
/usr/bin/python3 - "$work" <<'PY'
import sys, numpy as np, mrcfile
work = sys.argv[1]
for pixel in (1.0, 4.0):
    counts = np.random.default_rng(1).poisson(40 * pixel * pixel, (256, 256)).astype(np.float32)
    with mrcfile.new(f"{work}/shotnoise_{pixel:g}.mrc", overwrite=True) as m:
        m.set_data(counts)
        m.voxel_size = pixel
PY
for pixel in 1 4; do
  OMP_NUM_THREADS=2 "$cli" upscale "$work/shotnoise_$pixel.mrc" -o "$work/shotnoise_${pixel}_x2.mrc" --model "$model" \
    --steps 20 --samples 1 --seed 1 "${extra[@]}" > /dev/null
done

/usr/bin/python3 scripts/summarize-denoise-eval.py "$work"
