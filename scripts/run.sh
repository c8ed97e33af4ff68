#!/usr/bin/env bash
# One command for a new user: install dependencies, build, and start CryoSR on the bundled sample
# micrograph (a synthetic micrograph that the build generates with the project's own code).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
sample=build/resources/sample_micrograph.mrc
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run.sh: built, but there is no display to show the window on." >&2
  echo "        On a desktop session it opens directly; on a server try: xvfb-run -a build/app/gui/cryosr --screenshot shot.png $sample" >&2
  exit 1
fi
exec build/app/gui/cryosr "$sample"
