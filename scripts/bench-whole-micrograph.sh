#!/usr/bin/env bash
# Whole-micrograph upscaling with the default model, tiled (tiles of 256 output pixels overlapping by
# 32, the CLI's defaults), on this machine's CPU (or DEVICE=cuda). A 4096 x 4096 micrograph takes hours
# on a CPU, so two smaller pieces of a real 1024 x 1024 micrograph are timed (STEPS steps, median of
# REPEATS runs each); a step's time grows with the tiles (the network) and the output's pixels (noise,
# fusion, consistency FFTs), plus the statistics windows (512² network passes that give every tile the
# whole image's normalisation: one at 1024² output, four at 2048², eight from 3600² or so up). A window's
# cost is timed alone (an untiled 256² input: one 512² pass a step), and 4096 x 4096 -> 8192 x 8192 with
# 20 steps is extrapolated from the larger piece less its windows (per tile and per output pixel) plus
# eight windows; peak memory linearly in pixels.
# FULL=1 also runs one step of a real 4096 x 4096 (the input repeated): ~5 min on 2 CPU cores.
# Prints Markdown. Usage: scripts/bench-whole-micrograph.sh [build-dir]
#   (STEPS=2 REPEATS=3 DEVICE=cpu FULL=0; CLI=path to time another cryosr-cli)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
cli=${CLI:-$build/app/cli/cryosr-cli}
device=${DEVICE:-cpu}
steps=${STEPS:-2}
repeats=${REPEATS:-3}
input=${INPUT:-../shared/data/real/atlas_lowmag_20may08a_1024_i16.mrc}
[ -f "$input" ] || { echo "needs $input (../shared/data/real, or set INPUT to a 1024 x 1024 micrograph)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "device: $("$cli" --version | sed -n 2p); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(nproc) CPUs"
echo
echo "| input -> output | tiles | s per step (median of $repeats, $steps steps each) | peak MB |"
echo "|---|---|---|---|"
# One timed run: sets median (seconds per step), peak (MB), tiles and windows over REPEATS runs of `upscale ... $*`.
time_steps() {
  local times=() line seconds mb
  peak=0
  for ((r = 0; r < repeats; ++r)); do
    rm -f "$work/out.mrc"
    line=$( { /usr/bin/time -f "peak %M" "$cli" upscale "$input" -o "$work/out.mrc" --steps "$steps" \
              --device "$device" --seed "$r" "$@"; } 2>&1 )
    seconds=$(sed -n 's/.*fp32, \([0-9.]*\) s.*/\1/p; s/.*bf16, \([0-9.]*\) s.*/\1/p' <<<"$line" | head -1)
    tiles=$(sed -n 's/.* \([0-9]*\) tiles of .*/\1/p' <<<"$line")
    windows=$(sed -n 's/.*normalised by \([0-9]*\) window.*/\1/p' <<<"$line")
    mb=$(( $(sed -n 's/^peak \([0-9]*\)$/\1/p' <<<"$line") / 1024 ))
    peak=$(( mb > peak ? mb : peak ))
    times+=("$(python3 -c "print($seconds / $steps)")")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -g | python3 -c "import sys; v=[float(x) for x in sys.stdin]; print(round(v[len(v)//2], 3))")
}

time_steps --region 0,0,256,256 --tile 512
window=$median
echo "| 256 x 256 -> 512 x 512 (one window's pass) | 1 | $window | $peak |"
results=()
for side in 512 1024; do
  time_steps --region 0,0,$side,$side
  echo "| $side x $side -> $((2 * side)) x $((2 * side)) | $tiles + $windows windows | $median | $peak |"
  results+=("$tiles $((2 * side)) $median $peak $windows")
done

python3 - "$window" "${results[@]}" <<'PY'
import math, sys
window = float(sys.argv[1])
(t1, s1, y1, m1, w1), (t2, s2, y2, m2, w2) = [tuple(float(v) for v in r.split()) for r in sys.argv[2:]]
p1, p2 = (s1 / 1e3) ** 2, (s2 / 1e3) ** 2   # output megapixels
side = 8192
n = math.ceil((side - 32) / (256 - 32))
tiles, mpx, windows = n * n, (side / 1e3) ** 2, 8
# The larger piece's cost less its windows, per tile and per output megapixel, each scaled up (two
# estimates), and the big image's eight windows.
rest = y2 - w2 * window
by_tiles, by_pixels = rest / t2 * tiles + windows * window, rest / p2 * mpx + windows * window
memory = m1 + (m2 - m1) * (mpx - p1) / (p2 - p1)
print()
print(f"a window's pass {window:.2f} s; larger piece less its {w2:.0f} window(s): {rest / t2:.3f} s per tile, "
      f"{rest / p2:.2f} s per output megapixel, per step; the windows' share of its step {w2 * window / y2:.0%}")
print(f"4096 x 4096 -> 8192 x 8192, 20 steps (extrapolated): {tiles} tiles + {windows} windows, "
      f"{by_pixels:.0f}-{by_tiles:.0f} s per step, {20 * by_pixels / 3600:.1f}-{20 * by_tiles / 3600:.1f} h "
      f"(the windows {windows * window / by_tiles:.0%}); peak memory about {memory / 1024:.1f} GB (linear in pixels)")
PY

# FULL=1: one step of the real thing (the input repeated to 4096 x 4096), timed and its memory measured.
if [ "${FULL:-0}" = 1 ]; then
  /usr/bin/python3 scripts/make-big-micrograph.py "$input" "$work/big.mrc"
  line=$( { /usr/bin/time -f "peak %M" "$cli" upscale "$work/big.mrc" -o "$work/big_x2.mrc" --steps 1 --device "$device"; } 2>&1 )
  echo "$line" | grep -v "^peak"
  seconds=$(sed -n 's/.*fp32, \([0-9.]*\) s, .*/\1/p; s/.*bf16, \([0-9.]*\) s, .*/\1/p' <<<"$line" | head -1)
  mb=$(( $(sed -n 's/^peak \([0-9]*\)$/\1/p' <<<"$line") / 1024 ))
  echo "4096 x 4096 -> 8192 x 8192, 1 step measured: $seconds s, peak $mb MB; 20 steps: $(python3 -c "print(round(20 * $seconds / 3600, 2))") h"
fi
