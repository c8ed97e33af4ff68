#!/usr/bin/python3
"""Summarises scripts/eval-denoise-model.sh's measurements against the denoise model's goals.

   summarize-denoise-eval.py WORK_DIR
"""
import glob, json, sys

import mrcfile
import numpy as np

work = sys.argv[1]


def methods(files):
    rows = {}
    for name in files:
        for entry in json.load(open(name))["inputs"]:
            for m in entry["methods"]:
                key = "diffusion-mean" if m["method"].startswith("diffusion-mean") else m["method"]
                rows.setdefault(key, []).append(m)
    return rows


def mean(values):
    values = [v for v in values if v is not None]
    return sum(values) / len(values) if values else float("nan")


def table(title, rows):
    print(f"\n{title}")
    print("| method | PSNR dB | SSIM | FRC beyond input | coverage | tile Spearman | sigma |")
    print("|---|---|---|---|---|---|---|")
    for key in ["diffusion", "diffusion-mean", "fourier", "bicubic", "lanczos", "gaussian-oracle", "wiener-oracle"]:
        r = rows.get(key, [])
        if not r:
            continue
        cells = [mean([m["psnr"] for m in r]), mean([m["ssim"] for m in r]), mean([m["frc_beyond_input_nyquist"] for m in r]),
                 mean([m.get("coverage") for m in r]), mean([m.get("tile_rank_correlation") for m in r]),
                 mean([m.get("gaussian_sigma") for m in r])]
        print(f"| {key} | " + " | ".join("-" if c != c else f"{c:.3f}" if i in (1, 2, 3, 4) else f"{c:.2f}"
                                          for i, c in enumerate(cells)) + " |")
    return rows


def margin(rows, a, b):
    return [x["psnr"] - y["psnr"] for x, y in zip(rows[a], rows[b])]


sim = table("Simulated (held-out structure and map), against the clean image, mean over inputs",
            methods(glob.glob(f"{work}/eval-simulated-*.json")))
d = margin(sim, "diffusion-mean", "wiener-oracle")
print(f"\nmean of 8 − Wiener oracle: {mean(d):+.2f} dB (per input: {' '.join(f'{x:+.2f}' for x in d)}); goal ≥ +1 dB")
cov = [m["coverage"] for m in sim["diffusion-mean"]]
tiles = [m["tile_rank_correlation"] for m in sim["diffusion-mean"] if m.get("tile_rank_correlation") is not None]
print(f"coverage {mean(cov):.3f} (goal 0.85–0.99; per input {min(cov):.3f}–{max(cov):.3f}); "
      f"tile Spearman {mean(tiles):.3f} (goal ≥ 0.5)")

real = table("Real micrograph mic_ucsf1142, split reference, four 512² regions",
             methods(glob.glob(f"{work}/eval-real-*.json")))
d = margin(real, "diffusion-mean", "gaussian-oracle")
print(f"\nmean of 8 − best Gaussian: {mean(d):+.2f} dB (per region: {' '.join(f'{x:+.2f}' for x in d)}); goal ≥ +0.3 dB")

print("\nPure shot noise, 40 e-/A^2, one sample")
for pixel in ("1", "4"):
    raw = mrcfile.open(f"{work}/shotnoise_{pixel}.mrc").data.astype(np.float64)
    out = mrcfile.open(f"{work}/shotnoise_{pixel}_x2.mrc").data.astype(np.float64)
    # What a Gaussian of σ = 1.25 output pixels leaves of the Fourier-padded input, computed in Fourier space.
    h, w = raw.shape
    spectrum = np.fft.fftshift(np.fft.fft2(raw))
    padded = np.zeros((2 * h, 2 * w), complex)
    padded[h // 2:h // 2 + h, w // 2:w // 2 + w] = spectrum
    fy = np.fft.fftshift(np.fft.fftfreq(2 * h))[:, None]
    fx = np.fft.fftshift(np.fft.fftfreq(2 * w))[None, :]
    gauss = np.exp(-2 * np.pi ** 2 * 1.25 ** 2 * (fx ** 2 + fy ** 2))
    low = np.real(np.fft.ifft2(np.fft.ifftshift(padded * gauss))) * 4
    print(f"  {pixel} A/px: output std {out.std():.3f}, Gaussian 1.25 leaves {low.std():.3f}, input std {raw.std():.3f}"
          f" -> {'met' if out.std() <= low.std() else 'missed'}")
