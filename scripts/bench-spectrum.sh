#!/usr/bin/env bash
# The power spectrum's speed goal (issue 24: every half-overlapping 512² box of a K3 frame within 8 s),
# measured as a user meets it: whole `cryosr-cli ctf` processes (reading the file, the spectrum of all
# 1320 boxes, the fit) on an 11520 x 8184 float32 MRC of Gaussian noise (0.83 A/px), RUNS times; then
# `cryosr-cli info` on the same file, which is the read alone. The file is read from the page cache
# (written just before). Prints each run's wall time and peak resident memory, and the medians.
# Usage: scripts/bench-spectrum.sh [build-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
cli="$build/app/cli/cryosr-cli"
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 - "$work/k3.mrc" <<'PY'
import sys, numpy as np, mrcfile
data = np.random.default_rng(1).normal(100.0, 10.0, size=(8184, 11520)).astype(np.float32)
with mrcfile.new(sys.argv[1]) as mrc:
    mrc.set_data(data)
    mrc.voxel_size = 0.83
PY

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
timed() { # label command... -> "label seconds MiB" per run
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "$1 %e %M" "${@:2}" >/dev/null 2>>"$work/times" || true # ctf exits 2: noise has no rings
  done
}
timed ctf "$cli" ctf "$work/k3.mrc" --pixel-size 0.83 --json
timed read "$cli" info "$work/k3.mrc"
grep -E '^(ctf|read) ' "$work/times" >"$work/rows"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $runs runs each"
for label in ctf read; do
  seconds=$(awk -v l="$label" '$1 == l {print $2}' "$work/rows")
  mib=$(awk -v l="$label" '$1 == l {print $3 / 1024}' "$work/rows")
  echo "  $label: $(tr '\n' ' ' <<<"$seconds")s; median $(median <<<"$seconds") s, peak memory median $(median <<<"$mib") MiB"
done
echo "  (ctf = read + spectrum of all 1320 boxes + fit; goal for the spectrum of a K3 frame: <= 8 s)"
