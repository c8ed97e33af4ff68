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


def lzw_decode(data):
    """TIFF's LZW (MSB-first codes, 9-12 bits, early change), written from the TIFF 6.0 text."""
    out = bytearray()
    table = [bytes([i]) for i in range(256)] + [b"", b""]
    width, bit, prev = 9, 0, None
    total = len(data) * 8
    while bit + width <= total:
        window = int.from_bytes(data[bit // 8: bit // 8 + 3].ljust(3, b"\0"), "big")
        code = (window >> (24 - width - bit % 8)) & ((1 << width) - 1)
        bit += width
        if code == 256:
            table, width, prev = table[:258], 9, None
            continue
        if code == 257:
            break
        if prev is None:
            entry = table[code]
        else:
            entry = table[code] if code < len(table) else prev + prev[:1]
            table.append(prev + entry[:1])
        out += entry
        prev = entry
        if len(table) >= (1 << width) - 1 and width < 12:
            width += 1
    return bytes(out)


def undo_float_predictor(raw, width, bytes_per_sample):
    """Predictor 3: per row, bytes were split into planes (most significant first) and differenced."""
    row_bytes = width * bytes_per_sample
    rows = np.frombuffer(raw, np.uint8)[: len(raw) // row_bytes * row_bytes].reshape(-1, row_bytes)
    rows = np.cumsum(rows, axis=1, dtype=np.uint64).astype(np.uint8)
    planes = rows.reshape(-1, bytes_per_sample, width).transpose(0, 2, 1)
    return np.ascontiguousarray(planes).view(f">f{bytes_per_sample}").astype(np.float32).tobytes()


def decode_page_by_hand(page, fh):
    """For what tifffile cannot decode without imagecodecs: ZSTD, LZW, the predictors, packed
    12-bit samples; strips or tiles."""
    bits = page.bitspersample
    bps = max(1, bits // 8)
    if page.is_tiled:
        chunk_h, chunk_w = page.tilelength, page.tilewidth
    else:
        chunk_h, chunk_w = page.rowsperstrip, page.shape[1]
    height, width = page.shape
    row_bytes = (chunk_w * bits + 7) // 8
    order = "<" if page.parent.byteorder == "<" else ">"
    image = np.zeros((height, width), page.dtype)
    tiles_across = (width + chunk_w - 1) // chunk_w
    for index, (offset, count) in enumerate(zip(page.dataoffsets, page.databytecounts)):
        fh.seek(offset)
        raw = fh.read(count)
        name = page.compression.name
        if name == "ZSTD":
            import zstandard
            raw = zstandard.ZstdDecompressor().decompress(raw, max_output_size=1 << 30)
        elif name in ("DEFLATE", "ADOBE_DEFLATE"):
            import zlib
            raw = zlib.decompress(raw)
        elif name == "LZW":
            raw = lzw_decode(raw)
        elif name != "NONE":
            raise NotImplementedError(name)
        rows = len(raw) // row_bytes
        if page.predictor == 3:
            chunk = np.frombuffer(undo_float_predictor(raw, chunk_w, bps), np.float32).reshape(rows, chunk_w)
        elif bits in (8, 16, 32):
            chunk = np.frombuffer(raw[: rows * row_bytes], page.dtype.newbyteorder(order)).reshape(rows, chunk_w)
            if page.predictor == 2:  # horizontal differencing, modulo the sample size
                unsigned = chunk.view(f"u{bps}") if bps > 1 else chunk.view(np.uint8)
                chunk = np.cumsum(unsigned, axis=1, dtype=unsigned.dtype).view(page.dtype)
        else:
            packed = np.frombuffer(raw[: rows * row_bytes], np.uint8).reshape(rows, row_bytes)
            samples = np.unpackbits(packed, axis=1)[:, : chunk_w * bits].reshape(rows, chunk_w, bits)
            weights = (1 << np.arange(bits - 1, -1, -1)).astype(np.uint32)
            chunk = (samples.astype(np.uint32) * weights).sum(axis=2).astype(page.dtype)
        y = (index // tiles_across) * chunk_h if page.is_tiled else index * chunk_h
        x = (index % tiles_across) * chunk_w if page.is_tiled else 0
        h, w = min(chunk_h, height - y, chunk.shape[0]), min(chunk_w, width - x)
        image[y: y + h, x: x + w] = chunk[:h, :w]
    return image


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
