#!/usr/bin/env bash
# Regenerates the default 2x model (resources/models/default.cryosr) from data the project can
# remake: micrographs simulated from EMD-5168 and crops of the shared real micrographs. Held out of
# training (the validation data, and what docs/models.md evaluates on): the map EMD-3197 and the real
# cryo-EM micrograph mic_ucsf1142.
#
#   scripts/train-default-model.sh [WORK_DIR] [STEPS]
#
# Needs a built tree (build/) and ../shared/data/real. On a GPU machine add DEVICE=cuda.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-build/default-model}
steps=${2:-10000}
real=${CRYOSR_SHARED_DATA_DIR:-../shared/data/real}
cli=build/app/cli/cryosr-cli
mkdir -p "$work/train" "$work/validation"

# Simulated training micrographs (self-supervised pairs use the noisy image; the clean one is kept
# for evaluation).
for seed in 1 2 3 4 5 6 7 8; do
  out="$work/train/sim5168_$seed.mrc"
  [ -f "$out" ] || "$cli" simulate --map "$real/emd_5168_100cube.map" -o "$out" \
      --clean "$work/train/sim5168_$seed.clean.mrc" --size 512,512 --particles 30 --seed "$seed" > /dev/null
done
ln -sf "$(realpath "$real/mic_ucsf1142_dw_959x927.mrc")" "$work/validation/ucsf1142.mrc"
held="$work/validation/sim3197.mrc"
[ -f "$held" ] || "$cli" simulate --map "$real/emd_3197_20cube.map" -o "$held" --clean "$work/validation/sim3197.clean.mrc" \
    --size 512,512 --pixel-size 3 --particles 30 --seed 100 > /dev/null

"$cli" train --out "$work/run" --steps "$steps" --batch 8 --patch 64 --scale 2 --pairs self \
  --base-channels 16 --channel-mults 1,2,4,4 --res-blocks 2 --attention-levels 3 \
  --lr 4e-4 --warmup 200 --ema 0.998 --checkpoint-every 250 --validate-every 500 --seed 1 \
  --device "${DEVICE:-auto}" \
  --data "$work/train" "$real/mic_negstain_07jan05b_512.mrc" "$real/mic_holemag_08mar13e_512.mrc" \
         "$real/mic_sqmag_08mar13e_512.mrc" "$real/mic_leginon_256_mx512.mrc" \
         "$real/atlas_lowmag_20may08a_1024_i16.mrc" "$real/ptcl_empiar10076_320x320x7.mrc" \
  --validation-data "$work/validation"
