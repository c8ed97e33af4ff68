#include "samplemicrograph.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>
#include <vector>

namespace cryosr {

namespace {

struct Blob {
    double x, y, sigma, density;
};

/// One particle's projected densities: a ring of subunits or a compact cluster.
std::vector<Blob> makeParticle(std::mt19937_64& rng, double cx, double cy)
{
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<Blob> blobs;
    const double angle = 2 * std::numbers::pi * unit(rng);
    if (unit(rng) < 0.5) {
        const int subunits = 6 + static_cast<int>(unit(rng) * 4);
        const double radius = 14 + 8 * unit(rng);
        for (int i = 0; i < subunits; ++i) {
            const double a = angle + 2 * std::numbers::pi * i / subunits;
            blobs.push_back({cx + radius * std::cos(a), cy + radius * std::sin(a), 4.5, 1.0});
        }
    } else {
        const int subunits = 5 + static_cast<int>(unit(rng) * 6);
        for (int i = 0; i < subunits; ++i) {
            const double r = 16 * std::sqrt(unit(rng));
            const double a = 2 * std::numbers::pi * unit(rng);
            blobs.push_back({cx + r * std::cos(a), cy + r * std::sin(a), 4 + 4 * unit(rng), 0.6 + 0.6 * unit(rng)});
        }
    }
    return blobs;
}

} // namespace

Image makeSampleMicrograph(const SampleMicrographSpec& spec)
{
    std::mt19937_64 rng(spec.seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    Image image(spec.width, spec.height);
    std::vector<double> density(image.pixelCount(), 0.0); // projected protein, arbitrary units

    // Particles, kept apart so they read as single particles.
    std::vector<std::pair<double, double>> centres;
    for (int attempt = 0; attempt < spec.particles * 20 && static_cast<int>(centres.size()) < spec.particles; ++attempt) {
        const double cx = 40 + (spec.width - 80) * unit(rng);
        const double cy = 40 + (spec.height - 80) * unit(rng);
        const bool crowded = std::any_of(centres.begin(), centres.end(), [&](const auto& c) {
            return std::hypot(c.first - cx, c.second - cy) < 70;
        });
        if (!crowded)
            centres.emplace_back(cx, cy);
    }
    for (const auto& [cx, cy] : centres) {
        for (const Blob& b : makeParticle(rng, cx, cy)) {
            const int reach = static_cast<int>(std::ceil(4 * b.sigma));
            for (int y = std::max(0, int(b.y) - reach); y <= std::min(spec.height - 1, int(b.y) + reach); ++y)
                for (int x = std::max(0, int(b.x) - reach); x <= std::min(spec.width - 1, int(b.x) + reach); ++x) {
                    const double d2 = (x - b.x) * (x - b.x) + (y - b.y) * (y - b.y);
                    density[static_cast<std::size_t>(y) * spec.width + x] += b.density * std::exp(-d2 / (2 * b.sigma * b.sigma));
                }
        }
    }

    // Ice thickness varies slowly; a carbon film covers one corner beyond a curved edge.
    std::vector<Blob> ice;
    for (int i = 0; i < 6; ++i)
        ice.push_back({spec.width * unit(rng), spec.height * unit(rng), spec.width * (0.2 + 0.3 * unit(rng)),
                       0.08 * (unit(rng) - 0.5)});
    std::normal_distribution<double> gaussian(0.0, 1.0);
    for (int y = 0; y < spec.height; ++y) {
        for (int x = 0; x < spec.width; ++x) {
            double transmission = 1.0;
            for (const Blob& b : ice)
                transmission += b.density * std::exp(-((x - b.x) * (x - b.x) + (y - b.y) * (y - b.y)) / (2 * b.sigma * b.sigma));
            const double edge = std::hypot(x - 1.25 * spec.width, y + 0.25 * spec.height) - 0.75 * spec.width;
            transmission -= 0.15 / (1 + std::exp(edge / 3.0)); // carbon absorbs a little more
            transmission -= 0.12 * density[static_cast<std::size_t>(y) * spec.width + x];
            const double expected = spec.electronsPerPixel * transmission;
            // Shot noise: Poisson counts, Gaussian-approximated at this dose.
            image.at(x, y) = static_cast<float>(expected + std::sqrt(std::max(expected, 0.0)) * gaussian(rng));
        }
    }
    image.pixelSize = PixelSize{spec.pixelSize, spec.pixelSize, spec.pixelSize};
    return image;
}

} // namespace cryosr
