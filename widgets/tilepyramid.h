#pragma once
// Which textures the micrograph view needs for a zoom, and which it keeps: geometry and bookkeeping
// only (texture ids are opaque numbers here), so the cache's rules are tested without OpenGL.

#include <QRect>
#include <QRectF>
#include <QSize>
#include <cstdint>
#include <map>
#include <tuple>
#include <vector>

/// One tile of the pyramid: level L holds means of 2^L × 2^L pixel blocks, cut into tiles of at most
/// tileSize × tileSize texels; (column, row) counts tiles of that level from the top left.
struct TileKey {
    int level = 0;
    int column = 0;
    int row = 0;
    friend bool operator<(const TileKey& a, const TileKey& b)
    {
        return std::tie(a.level, a.row, a.column) < std::tie(b.level, b.row, b.column);
    }
    friend bool operator==(const TileKey& a, const TileKey& b)
    {
        return std::tie(a.level, a.row, a.column) == std::tie(b.level, b.row, b.column);
    }
};

/**
 * A huge image is viewed through a pyramid: the coarsest level (at most `coarsestSide` texels a side) is
 * always on the card, and of the finer levels only tiles of the level a zoom needs (texels ≥ screen
 * pixels > half the texels, so the card's trilinear filter reads the tile's own mip levels 0 and 1) and
 * only those in view, kept while the cache's budget allows. A whole 11520 × 8184 frame at full
 * resolution costs 240 MB of half-float textures with mips; a 1280 × 800 view (device pixels) needs
 * ≤ 25 MB of them, usually ~10. Images within `coarsestSide` have a single level, all of it kept.
 *
 * Resident tiles carry a texture id and their size in bytes; evictable() names those to delete, least
 * recently used first, when the total is over the budget: never the coarsest level, never a tile the last
 * frame used. So the budget bounds what is kept beyond the view, not what the view itself needs (a 4K
 * screen's view can need more).
 */
class TilePyramid {
public:
    TilePyramid() = default;
    TilePyramid(const QSize& imageSize, int tileSize, int coarsestSide, std::int64_t budgetBytes);

    int coarsestLevel() const { return m_coarsest; }
    int tileSize() const { return m_tileSize; }
    /// The level whose texels are at least as many as the screen pixels at `scale` (screen per image pixel).
    int levelFor(double scale) const;
    /// Tiles of `level` touching `visible` (image pixels), nearest to its centre first.
    std::vector<TileKey> tilesIn(const QRectF& visible, int level) const;
    /// Every tile of `level`.
    std::vector<TileKey> tilesOf(int level) const { return tilesIn(QRectF(QPointF(0, 0), QSizeF(m_image)), level); }
    /// Image pixels a tile covers (clipped to the image).
    QRect imageRect(const TileKey& key) const;
    /// The tile's texels: its pixels in 2^level blocks, a partial block at the image's edge counting as one.
    QSize textureSize(const TileKey& key) const;
    /// The resident tile of a coarser level covering `key` (the coarsest one always is), for drawing
    /// while `key` loads; itself if resident.
    TileKey residentCover(const TileKey& key) const;

    bool isResident(const TileKey& key) const { return m_resident.count(key) != 0; }
    unsigned texture(const TileKey& key) const;
    void insert(const TileKey& key, unsigned texture, std::int64_t bytes);
    /// Marks tiles as needed by the frame being drawn (they stay, and count as just used).
    void markUsed(const std::vector<TileKey>& keys);
    /// Textures to delete (forgotten here) to bring the total within the budget.
    std::vector<unsigned> evictable();
    /// Every resident texture (forgotten here), for a new image.
    std::vector<unsigned> takeAll();
    std::int64_t residentBytes() const { return m_bytes; }
    int residentCount() const { return int(m_resident.size()); }

private:
    struct Resident {
        unsigned texture = 0;
        std::int64_t bytes = 0;
        std::uint64_t lastUsed = 0; // frame counter
    };
    QSize m_image;
    int m_tileSize = 512;
    int m_coarsest = 0;
    std::int64_t m_budget = 0;
    std::map<TileKey, Resident> m_resident;
    std::int64_t m_bytes = 0;
    std::uint64_t m_frame = 0;
};
