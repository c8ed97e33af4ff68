#!/usr/bin/env bash
# Builds the engine and cryosr-cli the way a GPU machine does: no Qt, no GUI, no tests, and
# (optionally) no libtiff. Proves the engine and the CLI carry no Qt dependency, then runs the CLI.
# Usage: scripts/headless-build.sh [extra CMake args, e.g. -DCMAKE_PREFIX_PATH=<libtorch>]
#   CRYOSR_HEADLESS_CLI=build/app/cli/cryosr-cli scripts/headless-build.sh
#     (CI) configures the same way and builds only the readers without libtiff; the engine and CLI
#     sources are those the main build compiled with no Qt on their include path (nothing there links
#     Qt into them), and its cryosr-cli is the one checked and run. Saves a second LibTorch build.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${CRYOSR_HEADLESS_BUILD_DIR:-build-headless}
cmake --preset headless -B "$build_dir" -DCRYOSR_TIFF="${CRYOSR_TIFF:-OFF}" -DCRYOSR_WERROR="${CRYOSR_WERROR:-OFF}" "$@" # CMakePresets.json
if [ -n "${CRYOSR_HEADLESS_CLI:-}" ]; then
  cmake --build "$build_dir" -j "${CRYOSR_JOBS:-2}" --target cryosr_io
  cli=$CRYOSR_HEADLESS_CLI
  sample="$(dirname "$cli")/../../resources/sample_micrograph.mrc"
else
  cmake --build "$build_dir" -j "${CRYOSR_JOBS:-2}" --target cryosr-cli cryosr_sample
  cli="$build_dir/app/cli/cryosr-cli"
  sample="$build_dir/resources/sample_micrograph.mrc"
fi
# Our binary must not link Qt itself. (Debian's LibTorch loads Qt 5 indirectly through OpenCV's
# highgui; that needs no display unless a window is opened, which nothing here does.)
if readelf -d "$cli" | grep NEEDED | grep -qi 'libqt'; then
  echo "headless-build: cryosr-cli links Qt directly:" >&2
  readelf -d "$cli" | grep NEEDED | grep -i libqt >&2
  exit 1
fi
env -u DISPLAY -u WAYLAND_DISPLAY "$cli" --version
env -u DISPLAY -u WAYLAND_DISPLAY "$cli" info "$sample"
echo "headless-build: OK (engine and cryosr-cli build without Qt and run without a display)"
