#pragma once
// How a large image is cut into equal, overlapping tiles for the network, how much each tile's
// prediction counts at each pixel when the tiles are fused, and what a step of such a run costs.
// Plain C++ (the GUI draws the same tiles and estimates the same cost).

#include "model/networkcost.h"

#include <vector>

namespace cryosr {

struct TileRect {
    int x = 0, y = 0, width = 0, height = 0;
};

struct TileLayout {
    int width = 0, height = 0; ///< of the whole image
    int overlap = 0; ///< the least overlap between neighbours (more where tiles are spread out)
    std::vector<TileRect> tiles; ///< all of one size, row by row

    bool isSingle() const { return tiles.size() <= 1; }
};

/**
 * Equal tiles of min(tile, width) × min(tile, height) covering width × height, spread evenly so that
 * neighbours overlap by at least `overlap` pixels; one tile when the image fits. Throws ArgumentError
 * when tile ≤ overlap or either is out of range.
 */
TileLayout planTiles(int width, int height, int tile, int overlap);

/**
 * The blend weight of each pixel of tile `index` [height × width, row-major]: 1 inside, falling over
 * every overlap with a neighbour as a raised cosine (sin² ramp) that with the neighbour's own ramp sums
 * to 1, so no pixel is dominated by the edge of a tile, where the network sees least context. Never 0.
 */
std::vector<float> blendWeights(const TileLayout& layout, std::size_t index);

/**
 * Where a tiled run gathers the whole image's GroupNorm statistics at each step, per sample
 * (model/sharednorm.h): the whole image when it is at most 512 on a side (or the tiles' side, if
 * larger); otherwise windows of that size spread evenly over it, about one per four windows' worth of
 * image, 1 to 8 (a single one in the middle). A run that runs out of memory in them halves the side.
 */
TileLayout statisticsWindows(const TileLayout& tiles);
/// statisticsWindows() with windows of `side` (the tiled denoiser's way down after running out of memory).
TileLayout statisticsWindows(const TileLayout& tiles, int side);

/// FLOPs of one step of a run laid out as `layout` with `samples` samples: every tile and, for a tiled
/// run, its statistics windows.
double stepFlops(const NetworkCost& cost, const TileLayout& layout, int samples);

} // namespace cryosr
