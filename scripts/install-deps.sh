#!/usr/bin/env bash
# Installs every build, test and runtime dependency of CryoSR from Debian 12 packages.
# Idempotent: packages already present are skipped by apt. Needs root (or sudo).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev libqt6opengl6-dev qt6-tools-dev qt6-l10n-tools qt6-charts-dev qt6-svg-dev
  libtorch-dev libtiff-dev libgif-dev libopenblas0-pthread nlohmann-json3-dev
  xvfb xauth libgl1-mesa-dri mesa-utils
  python3 python3-numpy python3-mrcfile python3-tifffile python3-zstandard
  qt6-qpa-plugins dpkg-dev desktop-file-utils appstream shared-mime-info
  qt6-translations-l10n fonts-wqy-microhei
  clang libclang-rt-14-dev clang-format
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
echo "install-deps: installing ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
