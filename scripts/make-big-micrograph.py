#!/usr/bin/env python3
"""Writes a SIDE x SIDE float32 MRC (default 4096) by repeating the first section of an MRC file:
a whole-micrograph-sized input for benchmarks (bench-whole-micrograph.sh, device-check.sh) from a
small real one. numpy only, so it runs on the GPU machine too.
Usage: scripts/make-big-micrograph.py IN.mrc OUT.mrc [SIDE]"""
import sys

import numpy as np

source, target = sys.argv[1], sys.argv[2]
side = int(sys.argv[3]) if len(sys.argv) > 3 else 4096
hdr = np.fromfile(source, np.int32, count=256)
nx, ny, mode, next_ = (int(v) for v in (hdr[0], hdr[1], hdr[3], hdr[23]))
dtype = {1: np.int16, 2: np.float32, 6: np.uint16}[mode]
img = np.fromfile(source, dtype, count=nx * ny, offset=1024 + next_).reshape(ny, nx).astype(np.float32)
big = np.tile(img, (side // ny + 1, side // nx + 1))[:side, :side]
h = np.zeros(256, np.int32)
h[0:4], h[7:10], h[16:19] = (side, side, 1, 2), (side, side, 1), (1, 2, 3)
h[10:16] = np.array([side, side, 1.0, 90.0, 90.0, 90.0], np.float32).view(np.int32)  # 1 Å pixels
h[19:22] = np.array([big.min(), big.max(), big.mean()], np.float32).view(np.int32)
header = bytearray(h.tobytes())
header[208:216] = b"MAP " + bytes([0x44, 0x44, 0, 0])  # little-endian machine stamp
with open(target, "wb") as f:
    f.write(bytes(header))
    f.write(big.astype("<f4").tobytes())
