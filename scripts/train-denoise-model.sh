#!/usr/bin/env bash
# Trains the denoise-and-upscale model (resources/models/denoise.cryosr, card in docs/models.md) from
# the corpus scripts/make-denoise-corpus.sh simulates and the real micrographs in ../shared/data/real
# (all but mic_ucsf1142, which is held out for the evaluation), then calibrates its uncertainty on the
# calibration corpus. Resumable: run it again after an interruption and the training continues.
#
#   scripts/train-denoise-model.sh [WORK_DIR]        (default ../denoise-work)
#
# 64² crops, 12,000 steps of batch 8 (a quarter of them real neighbour-pair crops), then the
# calibration on CALIBRATION_COUNT (default 12) micrographs of the calibration corpus, at 20 steps
# and at 4. On a GPU machine add DEVICE=cuda.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(realpath -m "${1:-../denoise-work}")
real=$(realpath "${CRYOSR_SHARED_DATA_DIR:-../shared/data/real}")
cli=$(realpath "${CRYOSR_CLI:-build/app/cli/cryosr-cli}")
mkdir -p "$work/real"
for f in mic_negstain_07jan05b_512 mic_holemag_08mar13e_512 mic_sqmag_08mar13e_512 mic_leginon_256_mx512 \
         atlas_lowmag_20may08a_1024_i16 ptcl_empiar10076_320x320x7; do
  ln -sf "$real/$f.mrc" "$work/real/$f.mrc"
done

stage() { # stage NAME JSON: trains, or resumes a stopped run of the same name
  local name=$1 config=$2
  if [ -f "$work/$name/model.pt" ] && grep -q '"reason":"finished"' "$work/$name/log.jsonl" 2>/dev/null; then
    return
  fi
  echo "$config" > "$work/$name.json"
  if [ -f "$work/$name/checkpoint.pt" ]; then
    "$cli" train --resume --out "$work/$name" --device "${DEVICE:-auto}"
  else
    "$cli" train --config "$work/$name.json" --device "${DEVICE:-auto}"
  fi
}
common='"pairs": "simulated", "real_data": ["'"$work/real"'"], "real_fraction": 0.25, "prediction": "v",
  "consistency": "noise", "filtered_condition": true, "validation_data": ["'"$work/val"'"], "batch": 8,
  "architecture": {"base_channels": 16, "channel_multipliers": [1,2,4,4], "res_blocks": 2, "attention_levels": [3],
                   "dropout": 0, "groups": 8}, "checkpoint_every": 500, "log_every": 50'
stage stage1 '{"data": ["'"$work/train"'"], "out": "'"$work/stage1"'", '"$common"', "steps": 12000, "patch": 64,
  "lr": 4e-4, "warmup_steps": 500, "ema_decay": 0.999, "validate_every": 1000, "seed": 7}'

# The uncertainty: fitted on the calibration corpus (never trained on, never evaluated on).
"$cli" model calibrate "$work/stage1/model.pt" -o "$work/denoise.cryosr" --samples 8 --steps 20 \
  --region 0,0,256,256 --inputs $(ls "$work"/calib/mic_*[0-9].mrc | head -n "${CALIBRATION_COUNT:-12}")
# Few steps spread less: a scale of their own for the GUI's Fast (4 steps), used from 2 to 8 steps.
"$cli" model calibrate "$work/denoise.cryosr" -o "$work/denoise-4steps.cryosr" --samples 8 --steps 4 \
  --region 0,0,256,256 --inputs $(ls "$work"/calib/mic_*[0-9].mrc | head -n "${CALIBRATION_COUNT:-12}")
mv "$work/denoise-4steps.cryosr" "$work/denoise.cryosr"
echo "train-denoise-model: $work/denoise.cryosr; copy it to resources/models/ to ship it"
