#!/usr/bin/env bash
# Makes the user guide's pictures (docs/images/guide-*.png) with the app itself (`cryosr --screenshot`),
# on the bundled synthetic sample micrograph, in a fresh settings and data folder so that nothing of
# yours shows. Needs a build (scripts/build.sh) and a display or xvfb-run.
# Usage: scripts/make-user-guide-screenshots.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
app=$build/app/gui/cryosr
sample=$build/resources/sample_micrograph.mrc
out=docs/images
mkdir -p "$out"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data OMP_WAIT_POLICY=PASSIVE
# English whatever this machine's language; the Language section shows the German interface.
run() { xvfb-run -a -s "-screen 0 1600x1200x24" "$app" --language "${LANGUAGE_SHOWN:-en}" "$@" "$sample"; }
region=(--upscale-region 448,392,96,96 --steps 20 --seed 5) # a particle in the middle

run --screenshot "$out/guide-viewer.png"
run --screenshot "$out/guide-spectrum.png" --view fft
run --screenshot "$out/guide-reverse-process.png" "${region[@]}" --show-step 6
run --screenshot "$out/guide-result.png" "${region[@]}"
run --screenshot "$out/guide-compare.png" "${region[@]}" --compare split
run --screenshot "$out/guide-uncertainty.png" "${region[@]}" --samples 4 --uncertainty 0.6
run --screenshot "$out/guide-training.png" --view training
LANGUAGE_SHOWN=de run --screenshot "$out/guide-language.png"
ls -la "$out"/guide-*.png
