#pragma once
// How a large image is cut into equal, overlapping tiles for the network, and how much each tile's
// prediction counts at each pixel when the tiles are fused. Plain C++ (the GUI draws the same tiles).

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

} // namespace cryosr
