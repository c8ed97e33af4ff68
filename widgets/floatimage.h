#pragma once
// The widgets' view of an image: float samples and a size, nothing about where they came from.

#include <QList>
#include <QSize>

/// Row-major float32 samples, implicitly shared (copies are cheap and never alias writes).
struct FloatImage {
    QSize size;
    QList<float> samples; ///< size.width() * size.height() values; sample (x, y) at y * width + x

    bool isNull() const { return size.isEmpty(); }
    float at(int x, int y) const { return samples[qsizetype(y) * size.width() + x]; }
};
