#!/usr/bin/env python3
"""Independent reader for CryoSR's tests: describes image files with mrcfile and tifffile.

usage: independent_reader.py [--dump DIR] FILE...

Prints one JSON object per file (width, height, sections, dtype, mrc_mode, pixel_size_xyz, min, max,
mean, std over all sections). With --dump, also writes every section's samples as little-endian
float32 to DIR/<index>.f32 so a test can compare pixels one by one. Pixel-size rules follow the
formats' documented conventions: MRC |cell|/m (unknown when 0); TIFF resolution in inch or cm, or
ImageJ's unit= for unit-less resolution; pixels of 0.1 mm or more are print placeholders (unknown).
"""
import json
import sys
import warnings

import numpy as np

warnings.simplefilter("ignore")


def mrc_describe(path):
    import mrcfile
    with mrcfile.open(path, permissive=True) as m:
        h = m.header
        data = np.asarray(m.data)
        if data.ndim == 2:
            data = data[np.newaxis]
        cell = [float(h.cella.x), float(h.cella.y), float(h.cella.z)]
        grid = [int(h.mx), int(h.my), int(h.mz)]
        size = [abs(c) / g if g > 0 and c != 0 else None for c, g in zip(cell, grid)]
        return data, {"format": "mrc", "mrc_mode": int(h.mode), "dtype": str(data.dtype), "pixel_size_xyz": size}


def imagej_unit(desc):
    units = {"nm": 10.0, "micron": 1e4, "um": 1e4, "\u00b5m": 1e4, "A": 1.0, "\u00c5": 1.0, "mm": 1e7, "cm": 1e8}
    for line in desc.splitlines():
        if line.startswith("unit="):
            return units.get(line[5:].strip(), 0.0)
    return 0.0


def decode_page_by_hand(page, fh):
    """For what tifffile cannot decode without imagecodecs: ZSTD strips and packed 12-bit samples."""
    if page.is_tiled or page.predictor != 1:
        raise NotImplementedError(f"{page.compression.name} with predictor {page.predictor}")
    rows = []
    for offset, count in zip(page.dataoffsets, page.databytecounts):
        fh.seek(offset)
        raw = fh.read(count)
        if page.compression.name == "ZSTD":
            import zstandard
            raw = zstandard.ZstdDecompressor().decompress(raw, max_output_size=1 << 30)
        elif page.compression.name != "NONE":
            raise NotImplementedError(page.compression.name)
        rows.append(raw)
    raw = b"".join(rows)
    height, width = page.shape
    bits = page.bitspersample
    if bits in (8, 16, 32):
        order = "<" if page.parent.byteorder == "<" else ">"
        return np.frombuffer(raw, dtype=page.dtype.newbyteorder(order))[: height * width].reshape(height, width)
    row_bytes = (width * bits + 7) // 8
    unpacked = np.unpackbits(np.frombuffer(raw, np.uint8)[: height * row_bytes].reshape(height, row_bytes), axis=1)
    samples = unpacked[:, : width * bits].reshape(height, width, bits)
    weights = (1 << np.arange(bits - 1, -1, -1)).astype(np.uint32)
    return (samples.astype(np.uint32) * weights).sum(axis=2).astype(page.dtype)


def tiff_describe(path):
    import tifffile
    with tifffile.TiffFile(path) as t:
        first = t.pages[0]
        pages = [p for p in t.pages if p.shape == first.shape and p.dtype == first.dtype]
        decoded = []
        for p in pages:
            try:
                decoded.append(p.asarray())
            except (NotImplementedError, ValueError):
                decoded.append(decode_page_by_hand(p, t.filehandle))
        data = np.stack(decoded)
        tags = first.tags
        unit = tags["ResolutionUnit"].value if "ResolutionUnit" in tags else 2
        per_unit = {2: 2.54e8, 3: 1e8}.get(int(unit), 0.0)
        if int(unit) == 1 and t.is_imagej:
            per_unit = imagej_unit(first.description)

        def axis(name):
            if name not in tags or per_unit == 0.0:
                return None
            num, den = tags[name].value
            if num == 0:
                return None
            size = per_unit * den / num
            return None if size >= 1e6 else size

        z = None
        if t.is_imagej and per_unit:
            spacing = t.imagej_metadata.get("spacing")
            z = float(spacing) * per_unit if spacing else None
        return data, {"format": "tiff", "mrc_mode": None, "dtype": str(data.dtype),
                      "pixel_size_xyz": [axis("XResolution"), axis("YResolution"), z]}


def main(argv):
    dump = None
    if len(argv) >= 2 and argv[0] == "--dump":
        dump, argv = argv[1], argv[2:]
    for index, path in enumerate(argv):
        with open(path, "rb") as f:
            magic = f.read(4)
        tiff = magic[:2] in (b"II", b"MM")
        data, out = tiff_describe(path) if tiff else mrc_describe(path)
        values = data.astype(np.float64)
        out.update(file=path, width=int(data.shape[2]), height=int(data.shape[1]), sections=int(data.shape[0]),
                   min=float(values.min()), max=float(values.max()), mean=float(values.mean()),
                   std=float(values.std()))
        if dump:
            data.astype("<f4").tofile(f"{dump}/{index}.f32")
        print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1:])
