#!/usr/bin/env bash
# Simulates the denoise model's data (docs/models.md) with `cryosr-cli simulate --corpus`: randomised
# conditions (pixel size 0.5-15 Å, dose 10-80 e⁻/Å², defocus 0.3-4 µm with astigmatism, ice, carbon,
# contamination, …), 512 × 512 micrographs with their clean images.
#   train  480  five structures (1A5T, 1J6Z, 1akeA, 1ggg, 3MFP) and the map EMD-3197
#   val      8  the same particles, other seeds: validation during training
#   calib   24  the same particles, other seeds: the uncertainty's calibration
#   test    24  held out: the structure 2DQJ and the map EMD-5168, never trained, tuned or calibrated on
#
#   scripts/make-denoise-corpus.sh [WORK_DIR]     (default ../denoise-work; existing files are kept)
# Needs a built tree (build/) and ../shared/data. Two shards run at once (the machine's two cores).
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-../denoise-work}
shared=${CRYOSR_SHARED_DATA_DIR:-../shared/data/real}/..
cli=${CRYOSR_CLI:-build/app/cli/cryosr-cli}
s=$shared/structures
training=(--structure "$s/1A5T.pdb" --structure "$s/1J6Z.pdb" --structure "$s/1akeA.pdb" --structure "$s/1ggg.pdb"
          --structure "$s/3MFP.pdb" --map "$shared/real/emd_3197_20cube.map")
heldout=(--structure "$s/2DQJ.pdb" --map "$shared/real/emd_5168_100cube.map")
corpus() { # corpus NAME COUNT SEED PARTICLES...
  local name=$1 count=$2 seed=$3; shift 3
  for shard in 0 1; do
    OMP_NUM_THREADS=1 "$cli" simulate --corpus "$count" --out-dir "$work/$name" --size 512,512 --seed "$seed" \
      --shard "$shard/2" "$@" > "$work/$name-$shard.log" &
  done
  wait
  echo "make-denoise-corpus: $work/$name: $(ls "$work/$name" | grep -c '^mic_[0-9]*\.mrc$') micrographs"
}
mkdir -p "$work"
corpus train 480 2026 "${training[@]}"
corpus val 8 99 "${training[@]}"
corpus calib 24 777 "${training[@]}"
corpus test 24 4242 "${heldout[@]}"
