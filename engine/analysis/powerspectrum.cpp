#include "analysis/powerspectrum.h"

#include "imagetensor.h"
#include "io/errors.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace cryosr {

double PowerSpectrum::frequencyOf(int ring) const
{
    return ring / (double(box) * pixelSize.value_or(1.0));
}

PowerSpectrum computePowerSpectrum(const Image& image, int box, const SpectrumProgress& progress)
{
    const int fits = std::min(image.width(), image.height()) / 2 * 2;
    if (fits < 8)
        throw ArgumentError("the power spectrum needs an image of at least 8 × 8 pixels, not " + std::to_string(image.width())
                            + " × " + std::to_string(image.height()));
    box = std::max(8, std::min(box / 2 * 2, fits));
    torch::NoGradGuard noGrad;
    const torch::Tensor plane = torch::from_blob(const_cast<float*>(image.data()), {image.height(), image.width()},
                                                 torch::kFloat32); // a view: no copy of the frame
    // Tiles overlapping their neighbours by half (Welch's choice: with the taper, half-overlapping tiles
    // are nearly independent, so the speckle falls as 1/√N of twice as many tiles).
    const int step = box / 2;
    const torch::Tensor tiles = plane.unfold(0, box, step).unfold(1, box, step); // [rows, cols, box, box], a view
    const int64_t rows = tiles.size(0), cols = tiles.size(1), total = rows * cols;

    // A cosine taper over the outer eighth of each side: without it, the jump between a tile's opposite
    // edges puts a bright cross through the centre that hides Thon rings. Normalised by its mean square,
    // so white noise keeps its level.
    const int ramp = std::max(1, box / 8);
    torch::Tensor edge = torch::ones({box}, torch::kFloat32);
    for (int i = 0; i < ramp; ++i) {
        const float w = 0.5f * (1.0f - std::cos(float(M_PI) * (i + 0.5f) / ramp));
        edge[i] = w;
        edge[box - 1 - i] = w;
    }
    torch::Tensor taper = edge.view({-1, 1}) * edge.view({1, -1}); // [box, box]
    taper = taper / taper.square().mean().sqrt();

    // Every tile: a K3 frame's 1320 boxes of 512² take ~5 s here (2 cores), within the 8 s asked for.
    // Real input: rfft2 gives the half plane kx ≥ 0 in half the time; the other half is its mirror. The
    // batch buffers are reused: fresh ones each time cost seconds of page faults for a K3 frame.
    constexpr int64_t kBatch = 16;
    torch::Tensor halfSum = torch::zeros({box, box / 2 + 1}, torch::kFloat64);
    torch::Tensor batch = torch::empty({kBatch, box, box}, torch::kFloat32);
    torch::Tensor transform = torch::empty({kBatch, box, box / 2 + 1}, torch::kComplexFloat);
    for (int64_t first = 0; first < total; first += kBatch) {
        const int64_t n = std::min(total, first + kBatch) - first;
        std::vector<torch::Tensor> chosen;
        for (int64_t index = first; index < first + n; ++index)
            chosen.push_back(tiles[index / cols][index % cols]);
        torch::Tensor tilesNow = batch.narrow(0, 0, n); // [n, box, box]
        torch::stack_out(tilesNow, chosen);
        torch::nan_to_num_(tilesNow, 0.0, 0.0, 0.0); // NaN and ±inf count as 0
        tilesNow.sub_(tilesNow.mean({1, 2}, true)).mul_(taper);
        torch::Tensor spectra = transform.narrow(0, 0, n); // [n, box, box/2 + 1]
        at::fft_rfft2_out(spectra, tilesNow);
        // |F|² as re² + im²: abs() would take a square root only to square it again.
        halfSum += torch::view_as_real(spectra).square_().sum(std::vector<int64_t>{0, 3}).to(torch::kFloat64);
        if (progress && !progress(int(first + n), int(total)))
            throw Cancelled();
    }
    // P(−k) = P(k): columns box/2 + 1 … box − 1 are columns box/2 − 1 … 1 at the mirrored rows (−y mod box).
    const torch::Tensor mirrored = torch::roll(torch::flip(halfSum.slice(1, 1, box / 2), {0, 1}), 1, 0);
    const torch::Tensor sum = torch::cat({halfSum, mirrored}, 1); // [box, box]
    torch::Tensor power = torch::fft::fftshift(sum / double(total)); // [box, box], DC at (box/2, box/2)
    const int h = box / 2;
    power[h][h] = (power[h - 1][h] + power[h + 1][h] + power[h][h - 1] + power[h][h + 1]) / 4;

    PowerSpectrum result;
    result.box = box;
    result.tiles = int(total);
    result.pixelSize = image.pixelSize.x;
    const double floor = std::max(power.max().item<double>() * 1e-12, 1e-300);
    result.logPower = toImage(torch::log10(power.clamp_min(floor)));
    result.logPower.pixelSize = {};

    // Rotational average over rings of integer radius (rounded), out to Nyquist along the axes.
    const torch::Tensor axis = torch::arange(box, torch::kFloat64) - h;
    const torch::Tensor radius = torch::sqrt(axis.view({-1, 1}).square() + axis.view({1, -1}).square()).round().to(torch::kLong);
    const torch::Tensor inside = radius <= h;
    const torch::Tensor ring = radius.masked_select(inside);
    const torch::Tensor sums = torch::zeros({h + 1}, torch::kFloat64).index_add_(0, ring, power.masked_select(inside));
    const torch::Tensor counts =
        torch::zeros({h + 1}, torch::kFloat64).index_add_(0, ring, torch::ones_like(ring, torch::kFloat64));
    const torch::Tensor average = (sums / counts).contiguous();
    result.radialAverage.assign(average.data_ptr<double>(), average.data_ptr<double>() + h + 1);
    return result;
}

} // namespace cryosr
