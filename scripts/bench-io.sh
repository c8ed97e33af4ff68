#!/usr/bin/env bash
# File I/O benchmark on a K3 super-resolution-sized frame (11520 x 8184 float32, 377 MB):
# `cryosr-cli info` (a full statistics pass) and MRC -> TIFF -> MRC conversion, each against
# mrcfile/tifffile/numpy doing the same work in the same run. (That a region read touches only its
# rows is checked by tst_mrcreader/tst_tiffreader through /proc/self/io.) Prints a Markdown table of medians (seconds, peak resident MB) over $RUNS runs.
# Usage: scripts/bench-io.sh [build-dir]   (RUNS=3 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
cli="$build/app/cli/cryosr-cli"
python=/usr/bin/python3
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$python" - "$work/frame.mrc" <<'PY'
import sys, numpy as np, mrcfile
rng = np.random.default_rng(1)
data = rng.normal(100.0, 10.0, size=(8184, 11520)).astype(np.float32)
with mrcfile.new(sys.argv[1], data) as m:
    m.voxel_size = 0.415
PY

median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

# "median-seconds median-peak-MB" of a command run $runs times
measure() {
  local out
  out=$(for _ in $(seq "$runs"); do /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1; done)
  echo "$(echo "$out" | awk '{print $1}' | median) $(echo "$out" | awk '{printf "%.0f\n", $2 / 1024}' | median)"
}

printf "| task | CryoSR s | CryoSR MB | mrcfile/numpy s | mrcfile/numpy MB | time ratio |\n|---|---|---|---|---|---|\n"
row() {
  local name=$1 ours=$2 theirs=$3
  read -r t1 m1 <<<"$ours"; read -r t2 m2 <<<"$theirs"
  printf "| %s | %s | %s | %s | %s | %s |\n" "$name" "$t1" "$m1" "$t2" "$m2" "$(awk -v a="$t1" -v b="$t2" 'BEGIN { printf "%.2f", a / b }')"
}
row "start-up only (--help / python -c pass)" \
  "$(measure "$cli" --help)" \
  "$(measure "$python" -c "import mrcfile, tifffile, numpy")"
row "info: statistics of the 377 MB frame" \
  "$(measure "$cli" info --json "$work/frame.mrc")" \
  "$(measure "$python" -c "import sys,mrcfile,numpy as np; d=mrcfile.mmap(sys.argv[1],'r').data; print(d.min(),d.max(),d.mean(dtype=np.float64),d.std(dtype=np.float64))" "$work/frame.mrc")"
row "convert MRC -> TIFF (float32)" \
  "$(measure "$cli" convert "$work/frame.mrc" "$work/frame.tif")" \
  "$(measure "$python" -c "import sys,mrcfile,tifffile; tifffile.imwrite(sys.argv[2], mrcfile.mmap(sys.argv[1],'r').data)" "$work/frame.mrc" "$work/frame_np.tif")"
row "convert TIFF -> MRC (float32)" \
  "$(measure "$cli" convert "$work/frame.tif" "$work/back.mrc")" \
  "$(measure "$python" -c "import sys,mrcfile,tifffile; mrcfile.new(sys.argv[2], tifffile.imread(sys.argv[1]), overwrite=True).close()" "$work/frame.tif" "$work/back_np.mrc")"
echo
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(lscpu | sed -n 's/^Model name: *//p')"
