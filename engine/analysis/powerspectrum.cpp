#include "analysis/powerspectrum.h"

#include "imagetensor.h"
#include "io/errors.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

namespace cryosr {

double PowerSpectrum::frequencyOf(int ring) const
{
    return ring / (double(box) * pixelSize.value_or(1.0));
}

namespace {

/// A cosine taper over the outer eighth of each side: without it, the jump between a tile's opposite
/// edges puts a bright cross through the centre that hides Thon rings. Normalised by its mean square,
/// so white noise keeps its level. [box, box]
torch::Tensor taperOf(int box)
{
    const int ramp = std::max(1, box / 8);
    torch::Tensor edge = torch::ones({box}, torch::kFloat32);
    for (int i = 0; i < ramp; ++i) {
        const float w = 0.5f * (1.0f - std::cos(float(M_PI) * (i + 0.5f) / ramp));
        edge[i] = w;
        edge[box - 1 - i] = w;
    }
    const torch::Tensor taper = edge.view({-1, 1}) * edge.view({1, -1});
    return taper / taper.square().mean().sqrt();
}

/// Sums of the tiles' periodograms, the half plane kx ≥ 0: [box, box/2 + 1] float64 each.
struct PeriodogramSums {
    torch::Tensor all; ///< every tile
    std::array<torch::Tensor, 2> halves; ///< the tiles wholly in either half of the plane (zero when not asked)
    int64_t tiles = 0;
    std::array<int64_t, 2> halfTiles{0, 0};
};

/**
 * Every half-overlapping tile of `plane` [height, width] (a view: no copy of the frame), tapered, with
 * its mean removed. With `split` > 0, a tile that ends by `split` along the longer side also goes to
 * the first half's sum, one that starts there to the second's (`split` is a multiple of box/2, so the
 * halves are tiles of the same pass).
 */
PeriodogramSums sumPeriodograms(const torch::Tensor& plane, int box, int64_t split, const SpectrumProgress& progress)
{
    // Tiles overlapping their neighbours by half (Welch's choice: with the taper, half-overlapping tiles
    // are nearly independent, so the speckle falls as 1/√N of twice as many tiles).
    const int step = box / 2;
    const torch::Tensor tiles = plane.unfold(0, box, step).unfold(1, box, step); // [rows, cols, box, box], a view
    const int64_t rows = tiles.size(0), cols = tiles.size(1), total = rows * cols;
    const bool alongWidth = plane.size(1) >= plane.size(0);
    const torch::Tensor taper = taperOf(box);

    // Every tile: a K3 frame's 1320 boxes of 512² take ~5 s here (2 cores), within the 8 s asked for.
    // Real input: rfft2 gives the half plane kx ≥ 0 in half the time; the other half is its mirror. The
    // batch buffers are reused: fresh ones each time cost seconds of page faults for a K3 frame.
    constexpr int64_t kBatch = 16;
    // Each tile is in one group: the first half, the second, or neither (across the split, or no split
    // asked for), so one index_add per batch sums all three and the whole is their sum.
    constexpr int64_t kNeitherHalf = 2;
    const auto groupOf = [&](int64_t index) -> int64_t {
        const int64_t start = step * (alongWidth ? index % cols : index / cols);
        if (split <= 0)
            return kNeitherHalf;
        return start + box <= split ? 0 : start >= split ? 1 : kNeitherHalf;
    };
    torch::Tensor groupSums = torch::zeros({3, box, box / 2 + 1}, torch::kFloat64);
    torch::Tensor batchSums = torch::empty({3, box, box / 2 + 1}, torch::kFloat32);
    torch::Tensor batch = torch::empty({kBatch, box, box}, torch::kFloat32);
    torch::Tensor transform = torch::empty({kBatch, box, box / 2 + 1}, torch::kComplexFloat);
    torch::Tensor powers = torch::empty({kBatch, box, box / 2 + 1}, torch::kFloat32);
    PeriodogramSums sums;
    sums.tiles = total;
    for (int64_t first = 0; first < total; first += kBatch) {
        const int64_t n = std::min(total, first + kBatch) - first;
        std::vector<torch::Tensor> chosen;
        std::vector<int64_t> groups;
        for (int64_t index = first; index < first + n; ++index) {
            chosen.push_back(tiles[index / cols][index % cols]);
            groups.push_back(groupOf(index));
            if (groups.back() != kNeitherHalf)
                ++sums.halfTiles[std::size_t(groups.back())];
        }
        torch::Tensor tilesNow = batch.narrow(0, 0, n); // [n, box, box]
        torch::stack_out(tilesNow, chosen);
        torch::nan_to_num_(tilesNow, 0.0, 0.0, 0.0); // NaN and ±inf count as 0
        tilesNow.sub_(tilesNow.mean({1, 2}, true)).mul_(taper);
        torch::Tensor spectra = transform.narrow(0, 0, n); // [n, box, box/2 + 1]
        at::fft_rfft2_out(spectra, tilesNow);
        // |F|² as re² + im²: abs() would take a square root only to square it again.
        torch::Tensor power = powers.narrow(0, 0, n); // [n, box, box/2 + 1]
        torch::sum_out(power, torch::view_as_real(spectra).square_(), 3);
        batchSums.zero_().index_add_(0, torch::tensor(groups, torch::kLong), power);
        groupSums += batchSums; // in place: float64 += float32, no temporary
        if (progress && !progress(int(first + n), int(total)))
            throw Cancelled();
    }
    sums.all = groupSums.sum(0);
    sums.halves = {groupSums[0], groupSums[1]};
    return sums;
}

/// The spectrum of the mean periodogram from its half plane's sum over `tiles` tiles.
PowerSpectrum spectrumOf(const torch::Tensor& halfSum, int64_t tiles, int box, std::optional<double> pixelSize)
{
    // P(−k) = P(k): columns box/2 + 1 … box − 1 are columns box/2 − 1 … 1 at the mirrored rows (−y mod box).
    const torch::Tensor mirrored = torch::roll(torch::flip(halfSum.slice(1, 1, box / 2), {0, 1}), 1, 0);
    const torch::Tensor sum = torch::cat({halfSum, mirrored}, 1); // [box, box]
    torch::Tensor power = torch::fft::fftshift(sum / double(tiles)); // [box, box], DC at (box/2, box/2)
    const int h = box / 2;
    power[h][h] = (power[h - 1][h] + power[h + 1][h] + power[h][h - 1] + power[h][h + 1]) / 4;

    PowerSpectrum result;
    result.box = box;
    result.tiles = int(tiles);
    result.pixelSize = pixelSize;
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

/// The side of the tiles for an image whose shorter side is `shorter`: `box` or the largest even side that fits.
int boxFitting(int box, int64_t shorter)
{
    return std::max(8, std::min(box / 2 * 2, int(shorter / 2 * 2)));
}

} // namespace

PowerSpectrum computePowerSpectrum(const Image& image, int box, const SpectrumProgress& progress)
{
    const int fits = std::min(image.width(), image.height()) / 2 * 2;
    if (fits < 8)
        throw ArgumentError("the power spectrum needs an image of at least 8 × 8 pixels, not " + std::to_string(image.width())
                            + " × " + std::to_string(image.height()));
    box = boxFitting(box, fits);
    torch::NoGradGuard noGrad;
    const torch::Tensor plane = torch::from_blob(const_cast<float*>(image.data()), {image.height(), image.width()},
                                                 torch::kFloat32); // a view: no copy of the frame
    // The halves: split across the longer side at a multiple of box/2, so where each half holds a whole
    // tile they come from the same pass; smaller images are split and tiled again with smaller boxes.
    const int longer = std::max(image.width(), image.height()), shorter = std::min(image.width(), image.height());
    const int64_t split = longer / 2 / (box / 2) * (box / 2);
    const bool halvesInPass = split >= box;
    const PeriodogramSums sums = sumPeriodograms(plane, box, halvesInPass ? split : 0, progress);
    PowerSpectrum result = spectrumOf(sums.all, sums.tiles, box, image.pixelSize.x);
    if (halvesInPass) {
        for (std::size_t half = 0; half < 2; ++half)
            result.halves.push_back(spectrumOf(sums.halves[half], sums.halfTiles[half], box, image.pixelSize.x));
    } else if (longer / 2 >= 8) {
        const int halfLength = longer / 2, halfBox = boxFitting(box, std::min(halfLength, shorter));
        const int axis = image.width() >= image.height() ? 1 : 0;
        for (int half = 0; half < 2; ++half) {
            const PeriodogramSums halfSums =
                sumPeriodograms(plane.narrow(axis, half * (longer - halfLength), halfLength), halfBox, 0, {});
            result.halves.push_back(spectrumOf(halfSums.all, halfSums.tiles, halfBox, image.pixelSize.x));
        }
    }
    return result;
}

} // namespace cryosr
