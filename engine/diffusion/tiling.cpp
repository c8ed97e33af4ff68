#include "diffusion/tiling.h"

#include "io/errors.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

namespace cryosr {

namespace {

/// Starts of the tiles along one axis of `length`: the first at 0, the last at length − tile.
std::vector<int> axisStarts(int length, int tile, int overlap)
{
    if (length <= tile)
        return {0};
    // n tiles reach when (n − 1)(tile − overlap) + tile ≥ length, i.e. n = ⌈(length − overlap)/(tile − overlap)⌉;
    // spread evenly, neighbours then overlap by at least `overlap`.
    const int n = std::max(2, (length - overlap + (tile - overlap) - 1) / (tile - overlap));
    std::vector<int> starts;
    for (int i = 0; i < n; ++i)
        starts.push_back(static_cast<int>(std::int64_t(i) * (length - tile) / (n - 1)));
    return starts;
}

/// Weight of the pixel `d` pixels inside a ramp of `length`: sin²(π/2 · (d + ½)/length), in (0, 1).
double ramp(int d, int length)
{
    const double s = std::sin(std::numbers::pi / 2 * (d + 0.5) / length);
    return s * s;
}

/// Weights along one axis of a tile at `start` of `size`, given its neighbours' starts on that axis.
std::vector<double> axisWeights(int start, int size, const std::vector<int>& starts)
{
    std::vector<double> w(static_cast<std::size_t>(size), 1.0);
    const auto it = std::find(starts.begin(), starts.end(), start);
    if (it != starts.begin()) { // a neighbour before: ramp up over the shared pixels
        const int shared = *(it - 1) + size - start;
        for (int d = 0; d < shared && d < size; ++d)
            w[static_cast<std::size_t>(d)] *= ramp(d, shared);
    }
    if (it + 1 != starts.end()) { // a neighbour after: ramp down
        const int shared = start + size - *(it + 1);
        for (int d = 0; d < shared && d < size; ++d)
            w[static_cast<std::size_t>(size - 1 - d)] *= ramp(d, shared);
    }
    return w;
}

} // namespace

TileLayout planTiles(int width, int height, int tile, int overlap)
{
    if (width < 1 || height < 1)
        throw ArgumentError("nothing to tile: the image is empty");
    if (tile < 16)
        throw ArgumentError("the tile size must be at least 16 pixels, not " + std::to_string(tile));
    if (overlap < 0 || overlap >= tile)
        throw ArgumentError("the tile overlap must be 0 to " + std::to_string(tile - 1) + " pixels (less than the tile), not "
                            + std::to_string(overlap));
    TileLayout layout;
    layout.width = width;
    layout.height = height;
    layout.overlap = overlap;
    const int tileWidth = std::min(tile, width), tileHeight = std::min(tile, height);
    for (int y : axisStarts(height, tile, overlap))
        for (int x : axisStarts(width, tile, overlap))
            layout.tiles.push_back(TileRect{x, y, tileWidth, tileHeight});
    return layout;
}

std::vector<float> blendWeights(const TileLayout& layout, std::size_t index)
{
    const TileRect& t = layout.tiles.at(index);
    std::vector<int> xs, ys;
    for (const TileRect& r : layout.tiles) {
        if (r.y == t.y)
            xs.push_back(r.x);
        if (r.x == t.x)
            ys.push_back(r.y);
    }
    const std::vector<double> wx = axisWeights(t.x, t.width, xs), wy = axisWeights(t.y, t.height, ys);
    std::vector<float> weights(static_cast<std::size_t>(t.width) * static_cast<std::size_t>(t.height));
    for (int y = 0; y < t.height; ++y)
        for (int x = 0; x < t.width; ++x)
            weights[static_cast<std::size_t>(y) * static_cast<std::size_t>(t.width) + static_cast<std::size_t>(x)] =
                static_cast<float>(wy[static_cast<std::size_t>(y)] * wx[static_cast<std::size_t>(x)]);
    return weights;
}

TileLayout statisticsWindows(const TileLayout& tiles)
{
    constexpr int kWindow = 512; // windows of 512 normalise like the untiled run of a region that size
    const TileRect& tile = tiles.tiles.front();
    return statisticsWindows(tiles, std::max({kWindow, tile.width, tile.height}));
}

TileLayout statisticsWindows(const TileLayout& tiles, int side)
{
    constexpr std::size_t kMostWindows = 8;
    const int width = tiles.width, height = tiles.height;
    TileLayout layout = planTiles(width, height, side, std::min(32, side / 4));
    const TileRect& first = layout.tiles.front();
    const double share = double(width) * height / (4.0 * first.width * first.height);
    const std::size_t count = std::clamp<std::size_t>(std::size_t(std::lround(share)), 1, kMostWindows);
    if (count == 1 && layout.tiles.size() > 1) {
        layout.tiles = {
            TileRect{(width - first.width) / 2, (height - first.height) / 2, first.width, first.height}}; // the middle
    } else if (layout.tiles.size() > count) {
        std::vector<TileRect> chosen;
        for (std::size_t i = 0; i < count; ++i) // evenly through the row-by-row list, first and last included
            chosen.push_back(layout.tiles[i * (layout.tiles.size() - 1) / (count - 1)]);
        layout.tiles = chosen;
    }
    return layout;
}

double stepFlops(const NetworkCost& cost, const TileLayout& layout, int samples)
{
    const TileRect& tile = layout.tiles.front();
    double flops = double(layout.tiles.size()) * cost.forward(samples, tile.height, tile.width);
    if (!layout.isSingle())
        for (const TileRect& window : statisticsWindows(layout).tiles)
            flops += cost.forward(samples, window.height, window.width);
    return flops;
}

} // namespace cryosr
