#pragma once
// The widgets' view of an image: float samples and a size, nothing about where they came from.

#include <QSize>
#include <memory>
#include <vector>

/**
 * Row-major float32 samples shared read-only: copies are cheap and nobody writes through them, so a
 * 377 MB frame read by the engine is shown without a second copy (the owner is kept alive by the
 * shared pointer's control block).
 */
struct FloatImage {
    QSize size;
    std::shared_ptr<const float> samples; ///< width × height values; sample (x, y) at y * width + x

    bool isNull() const { return size.isEmpty() || !samples; }
    qsizetype count() const { return isNull() ? 0 : qsizetype(size.width()) * size.height(); }
    const float* data() const { return samples.get(); }
    float at(int x, int y) const { return samples.get()[qsizetype(y) * size.width() + x]; }

    /// An image owning `values` (width × height of them).
    static FloatImage fromValues(const QSize& size, std::vector<float> values)
    {
        auto owner = std::make_shared<const std::vector<float>>(std::move(values));
        return {size, std::shared_ptr<const float>(owner, owner->data())};
    }
};
