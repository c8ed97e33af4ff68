#include "colormaps.h"

#include <algorithm>
#include <cmath>

std::array<unsigned char, 4> colormapEntry(Colormap map, double t)
{
    auto byte = [](double v) { return static_cast<unsigned char>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
    t = std::clamp(t, 0.0, 1.0);
    switch (map) {
    case Colormap::InvertedGray:
        return {byte(1 - t), byte(1 - t), byte(1 - t), 255};
    case Colormap::Cubehelix: {
        // Green (2011), Bull. Astr. Soc. India 39, 289: start 0.5, rotations -1.5, hue 1, gamma 1.
        const double amplitude = t * (1 - t) / 2, phi = 2 * M_PI * (0.5 / 3 - 1.5 * t);
        const double c = std::cos(phi), s = std::sin(phi);
        return {byte(t + amplitude * (-0.14861 * c + 1.78277 * s)), byte(t + amplitude * (-0.29227 * c - 0.90649 * s)),
                byte(t + amplitude * (1.97294 * c)), 255};
    }
    case Colormap::Diverging: { // blue (59, 76, 192) – near white (242, 242, 242) – red (180, 4, 38)
        const double u = t < 0.5 ? t * 2 : (1 - t) * 2; // 0 at the ends, 1 at the middle
        const std::array<double, 3> end = t < 0.5 ? std::array<double, 3>{59, 76, 192} : std::array<double, 3>{180, 4, 38};
        return {byte((end[0] + (242 - end[0]) * u) / 255), byte((end[1] + (242 - end[1]) * u) / 255),
                byte((end[2] + (242 - end[2]) * u) / 255), 255};
    }
    case Colormap::Gray:
        break;
    }
    return {byte(t), byte(t), byte(t), 255};
}

std::vector<unsigned char> colormapTable(Colormap map, int entries)
{
    std::vector<unsigned char> rgba;
    rgba.reserve(std::size_t(entries) * 4);
    for (int i = 0; i < entries; ++i) {
        const auto entry = colormapEntry(map, i / double(std::max(1, entries - 1)));
        rgba.insert(rgba.end(), entry.begin(), entry.end());
    }
    return rgba;
}
