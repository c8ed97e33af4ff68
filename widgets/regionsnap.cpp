#include "regionsnap.h"

#include <algorithm>
#include <numeric>

int inputMultiple(int outputMultiple, int scale)
{
    if (outputMultiple <= 1 || scale <= 0)
        return 1;
    return outputMultiple / std::gcd(outputMultiple, scale);
}

QRect snapRegion(const QRect& region, int multiple, const QSize& bounds)
{
    multiple = std::max(1, multiple);
    if (region.isEmpty() || bounds.width() < multiple || bounds.height() < multiple)
        return {};
    auto side = [&](int length, int limit) {
        const int rounded = (length + multiple / 2) / multiple * multiple;
        return std::clamp(rounded, multiple, limit / multiple * multiple);
    };
    const int width = side(region.width(), bounds.width()), height = side(region.height(), bounds.height());
    const int x = std::clamp(region.x(), 0, bounds.width() - width);
    const int y = std::clamp(region.y(), 0, bounds.height() - height);
    return {x, y, width, height};
}
