#pragma once
// Colour tables for the micrograph view and its exports.

#include <array>
#include <vector>

/// Grey, inverted grey, cubehelix (Green 2011; brightness rises monotonically, so it reads
/// correctly in grey print) for maps such as uncertainty, and a diverging blue-white-red map for
/// signed values such as differences (white at the middle, so zero reads as no change).
enum class Colormap { Gray, InvertedGray, Cubehelix, Diverging };

/// RGBA of `map` at t in [0, 1] (clamped).
std::array<unsigned char, 4> colormapEntry(Colormap map, double t);

/// The whole table as `entries` RGBA quadruples, t = 0 … 1 evenly (a 256 × 1 texture for the shader).
std::vector<unsigned char> colormapTable(Colormap map, int entries = 256);
