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
    const int across = image.width() / box, down = image.height() / box;
    const int step = across * down < 64 ? box / 2 : box;
    const torch::Tensor tiles = plane.unfold(0, box, step).unfold(1, box, step); // [rows, cols, box, box], a view
    const int64_t rows = tiles.size(0), cols = tiles.size(1);

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

    // At most kMaxTiles tiles, spread evenly over the grid: speckle falls only as 1/√N, so averaging all
    // 352 tiles of a K3 super-resolution frame took 8 s for a spectrum that looks the same.
    constexpr int64_t kMaxTiles = 64, kBatch = 16;
    const int64_t total = rows * cols, used = std::min(total, kMaxTiles);
    torch::Tensor sum = torch::zeros({box, box}, torch::kFloat64);
    for (int64_t first = 0; first < used; first += kBatch) {
        std::vector<torch::Tensor> chosen;
        for (int64_t k = first; k < std::min(used, first + kBatch); ++k) {
            const int64_t index = k * total / used;
            chosen.push_back(tiles[index / cols][index % cols]);
        }
        torch::Tensor batch = torch::nan_to_num(torch::stack(chosen), 0.0, 0.0, 0.0); // [n, box, box]
        batch = (batch - batch.mean({1, 2}, true)) * taper;
        sum += torch::fft::fft2(batch).abs().square().sum(0).to(torch::kFloat64);
        if (progress && !progress(int(std::min(used, first + kBatch)), int(used)))
            throw Cancelled();
    }
    torch::Tensor power = torch::fft::fftshift(sum / double(used)); // [box, box], DC at (box/2, box/2)
    const int h = box / 2;
    power[h][h] = (power[h - 1][h] + power[h + 1][h] + power[h][h - 1] + power[h][h + 1]) / 4;

    PowerSpectrum result;
    result.box = box;
    result.tiles = int(used);
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
