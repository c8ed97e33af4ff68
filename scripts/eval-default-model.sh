#!/usr/bin/env bash
# The evaluation table of docs/models.md: the default model (or MODEL=FILE) against Fourier padding,
# bicubic and Lanczos on held-out data, with `cryosr-cli eval` (mean of K=8 samples, 20 DDIM steps):
#   real       4 crops of 256 x 256 of mic_ucsf1142 (a real cryo-EM micrograph never trained on)
#   simulated  4 crops of 256 x 256 of a micrograph simulated from EMD-3197 (a map never trained on),
#              compared with its clean image
# Usage: scripts/eval-default-model.sh [WORK_DIR]   (WORK_DIR from train-default-model.sh holds the
# held-out simulation; it is made again when missing). Prints Markdown; JSON goes to WORK_DIR/eval.
# STEPS=N samples with N DDIM steps instead of 20 (issue 25 compares 4 with 50).
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-build/default-model}
real=${CRYOSR_SHARED_DATA_DIR:-../shared/data/real}
cli=build/app/cli/cryosr-cli
model=${MODEL:-default}
steps=${STEPS:-20}
mkdir -p "$work/validation" "$work/eval"
held="$work/validation/sim3197.mrc"
[ -f "$held" ] || "$cli" simulate --map "$real/emd_3197_20cube.map" -o "$held" --clean "$work/validation/sim3197.clean.mrc" \
    --size 512,512 --pixel-size 3 --particles 30 --seed 100 > /dev/null

for corner in 100,100 600,100 100,600 600,600; do
  "$cli" eval --model "$model" --inputs "$real/mic_ucsf1142_dw_959x927.mrc" --region "$corner,256,256" \
    --samples 8 --steps "$steps" --json > "$work/eval/real_${corner/,/_}.json"
done
for corner in 0,0 256,0 0,256 256,256; do
  "$cli" eval --model "$model" --inputs "$held" --reference clean --region "$corner,256,256" \
    --samples 8 --steps "$steps" --json > "$work/eval/sim_${corner/,/_}.json"
done

python3 - "$work/eval" <<'PY'
import glob, json, sys, statistics as st
for name, pattern in (("real (mic_ucsf1142, 4 crops, vs the crop itself)", "real_*.json"),
                      ("simulated (EMD-3197, 4 crops, vs the clean image)", "sim_*.json")):
    runs = [json.load(open(f)) for f in sorted(glob.glob(f"{sys.argv[1]}/{pattern}"))]
    rows = {}
    for run in runs:
        for m in run["inputs"][0]["methods"]:
            rows.setdefault(m["method"], []).append(m)
    print(f"\n{name}: {runs[0]['model']}, step {runs[0]['training_steps']}, {runs[0]['steps']} sampling steps, {runs[0]['device']}\n")
    print("| method | PSNR dB | SSIM | FRC beyond input Nyquist | FRC 0.143 (1/px) | consistency error | mean std | rank corr. std~error |")
    print("|---|---|---|---|---|---|---|---|")
    for method, ms in rows.items():
        f = lambda key: [m[key] for m in ms if m[key] is not None]
        mean = lambda key, fmt: (fmt % st.mean(f(key))) if f(key) else "-"
        print(f"| {method} | {mean('psnr', '%.2f')} | {mean('ssim', '%.3f')} | {mean('frc_beyond_input_nyquist', '%.3f')} | "
              f"{mean('frc_0143_cycles_per_pixel', '%.3f')} | {mean('consistency_error', '%.2g')} | "
              f"{mean('mean_std', '%.3g')} | {mean('std_error_rank_correlation', '%.3f')} |")
PY
