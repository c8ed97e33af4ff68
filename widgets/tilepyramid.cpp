#include "tilepyramid.h"

#include <algorithm>
#include <cmath>

namespace {

int ceilShift(int value, int shift)
{
    return (value + (1 << shift) - 1) >> shift;
}

} // namespace

TilePyramid::TilePyramid(const QSize& imageSize, int tileSize, int coarsestSide, std::int64_t budgetBytes)
    : m_image(imageSize)
    , m_tileSize(std::max(1, tileSize))
    , m_budget(budgetBytes)
{
    coarsestSide = std::max(1, coarsestSide);
    while (ceilShift(imageSize.width(), m_coarsest) > coarsestSide || ceilShift(imageSize.height(), m_coarsest) > coarsestSide)
        ++m_coarsest;
}

int TilePyramid::levelFor(double scale) const
{
    if (!(scale > 0))
        return m_coarsest;
    // floor(log2(1 / scale)), with a margin so a scale of exactly 1/2^L (e.g. 1:1) gets level L
    const int level = int(std::floor(std::log2(1.0 / scale) + 1e-9));
    return std::clamp(level, 0, m_coarsest);
}

std::vector<TileKey> TilePyramid::tilesIn(const QRectF& visible, int level) const
{
    const QRectF clipped = visible.intersected(QRectF(QPointF(0, 0), QSizeF(m_image)));
    if (clipped.isEmpty())
        return {};
    const double span = double(m_tileSize) * (1 << level); // image pixels per tile side
    const int lastColumn = (ceilShift(m_image.width(), level) - 1) / m_tileSize;
    const int lastRow = (ceilShift(m_image.height(), level) - 1) / m_tileSize;
    auto index = [span](double at, int last) { return std::clamp(int(std::floor(at / span)), 0, last); };
    std::vector<TileKey> keys;
    for (int row = index(clipped.top(), lastRow); row <= index(std::nextafter(clipped.bottom(), 0.0), lastRow); ++row)
        for (int column = index(clipped.left(), lastColumn); column <= index(std::nextafter(clipped.right(), 0.0), lastColumn);
             ++column)
            keys.push_back({level, column, row});
    const QPointF centre = clipped.center();
    auto distance = [&](const TileKey& key) {
        const QPointF d = QRectF(imageRect(key)).center() - centre;
        return d.x() * d.x() + d.y() * d.y();
    };
    std::stable_sort(keys.begin(), keys.end(), [&](const TileKey& a, const TileKey& b) { return distance(a) < distance(b); });
    return keys;
}

QRect TilePyramid::imageRect(const TileKey& key) const
{
    const int span = m_tileSize << key.level;
    const QRect rect(key.column * span, key.row * span, span, span);
    return rect.intersected(QRect(QPoint(0, 0), m_image));
}

QSize TilePyramid::textureSize(const TileKey& key) const
{
    const QRect rect = imageRect(key);
    return {ceilShift(rect.width(), key.level), ceilShift(rect.height(), key.level)};
}

TileKey TilePyramid::residentCover(const TileKey& key) const
{
    for (int level = key.level; level <= m_coarsest; ++level) {
        const int shift = level - key.level;
        const TileKey cover{level, key.column >> shift, key.row >> shift};
        if (level == m_coarsest || isResident(cover))
            return cover;
    }
    return key;
}

unsigned TilePyramid::texture(const TileKey& key) const
{
    const auto found = m_resident.find(key);
    return found == m_resident.end() ? 0 : found->second.texture;
}

void TilePyramid::insert(const TileKey& key, unsigned texture, std::int64_t bytes)
{
    Resident& resident = m_resident[key];
    m_bytes += bytes - resident.bytes;
    resident = {texture, bytes, m_frame};
}

void TilePyramid::markUsed(const std::vector<TileKey>& keys)
{
    ++m_frame;
    for (const TileKey& key : keys) {
        const auto found = m_resident.find(key);
        if (found != m_resident.end())
            found->second.lastUsed = m_frame;
    }
}

std::vector<unsigned> TilePyramid::evictable()
{
    if (m_bytes <= m_budget)
        return {};
    std::vector<std::map<TileKey, Resident>::iterator> candidates;
    for (auto it = m_resident.begin(); it != m_resident.end(); ++it)
        if (it->first.level < m_coarsest && it->second.lastUsed < m_frame)
            candidates.push_back(it);
    std::sort(candidates.begin(), candidates.end(), [](auto a, auto b) { return a->second.lastUsed < b->second.lastUsed; });
    std::vector<unsigned> textures;
    for (auto it : candidates) {
        if (m_bytes <= m_budget)
            break;
        textures.push_back(it->second.texture);
        m_bytes -= it->second.bytes;
        m_resident.erase(it);
    }
    return textures;
}

std::vector<unsigned> TilePyramid::takeAll()
{
    std::vector<unsigned> textures;
    for (const auto& [key, resident] : m_resident)
        textures.push_back(resident.texture);
    m_resident.clear();
    m_bytes = 0;
    return textures;
}
