#include "viewtextures.h"

#include <cmath>

std::pair<double, double> roughMoments(const FloatImage& image)
{
    const qsizetype n = image.count(), stride = std::max<qsizetype>(1, n / (1 << 20));
    double sum = 0, squares = 0, count = 0;
    for (qsizetype i = 0; i < n; i += stride) {
        const double v = image.data()[i];
        if (std::isfinite(v)) {
            sum += v;
            squares += v * v;
            count += 1;
        }
    }
    if (count == 0)
        return {0.0, 1.0};
    const double mean = sum / count, variance = std::max(0.0, squares / count - mean * mean);
    const double sigma = std::sqrt(variance);
    return {mean, sigma > 1e-30 * std::max(1.0, std::abs(mean)) ? sigma : 1.0};
}

void uploadColormapTexture(QOpenGLExtraFunctions& gl, Colormap map, unsigned& texture)
{
    constexpr int kEntries = 256; // the fragment shader's lookUp() expects 256
    const std::vector<unsigned char> rgba = colormapTable(map, kEntries);
    if (!texture)
        gl.glGenTextures(1, &texture);
    gl.glBindTexture(GL_TEXTURE_2D, texture);
    gl.glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    gl.glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, kEntries, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    gl.glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    gl.glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    gl.glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    gl.glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    gl.glBindTexture(GL_TEXTURE_2D, 0);
}
