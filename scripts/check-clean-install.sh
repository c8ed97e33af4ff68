#!/usr/bin/env bash
# Installs the Debian package into a fresh, minimal Debian 12 (debootstrap) and runs it there, so that
# apt resolves every dependency from nothing: cryosr-cli info and upscale on a real micrograph, and the
# GUI under Xvfb in Chinese (its screenshot is left in the chroot's /root/zh.png). Needs root, network
# access to a Debian mirror and about 2 GB; not part of CI (it downloads ~500 MB).
# Usage: sudo scripts/check-clean-install.sh [BUILD_DIR] [CHROOT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
root=${2:-/tmp/cryosr-clean-root}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
micrograph=../shared/data/real/mic_negstain_07jan05b_512.mrc

(cd "$build" && cpack -G DEB > /dev/null)
deb=$(ls "$build"/cryosr_*_amd64.deb | head -1)
[ -d "$root/usr" ] || debootstrap --variant=minbase bookworm "$root" "$mirror"
cp "$deb" "$root/root/cryosr.deb"
cp "$micrograph" "$root/root/micrograph.mrc"
chroot "$root" bash -euc '
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq /root/cryosr.deb xvfb xauth > /dev/null
  cd /root
  cryosr-cli --version
  cryosr-cli info micrograph.mrc
  cryosr-cli upscale micrograph.mrc -o up.mrc --region 0,0,64,64 --steps 4
  cryosr --version
  xvfb-run -a -s "-screen 0 1400x900x24" cryosr --language zh_CN --screenshot zh.png
  ls /usr/share/doc/cryosr/user-guide.md zh.png
'
echo "clean install: passed (screenshot: $root/root/zh.png)"
