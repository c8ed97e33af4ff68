#pragma once
// How the micrograph view turns samples into textures: half-float textures with every mip level made
// on the CPU (two threads beat a software renderer's glGenerateMipmap by 4× on a 377 MB frame), the
// normalisation they are stored in, and colour tables. Call with the view's context current.

#include "colormaps.h"
#include "floatimage.h"

#include <QFloat16>
#include <QOpenGLExtraFunctions>
#include <QRect>
#include <algorithm>
#include <cstdint>
#include <thread>
#include <utility>
#include <vector>

/// Runs body(row) for rows 0 … rows − 1, split into contiguous bands over the machine's cores.
template <typename Body>
void forRowsInParallel(int rows, const Body& body)
{
    const int threads = std::clamp(int(std::thread::hardware_concurrency()), 1, 8);
    if (threads == 1 || rows < 64) {
        for (int y = 0; y < rows; ++y)
            body(y);
        return;
    }
    std::vector<std::thread> workers;
    for (int t = 1; t < threads; ++t)
        workers.emplace_back([&, t] {
            for (int y = rows * t / threads; y < rows * (t + 1) / threads; ++y)
                body(y);
        });
    for (int y = 0; y < rows / threads; ++y)
        body(y);
    for (std::thread& worker : workers)
        worker.join();
}

/// Mean and standard deviation of an even subsample of finite values (the textures' normalisation).
std::pair<double, double> roughMoments(const FloatImage& image);

/// The texels of the pixels in `rect` at pyramid level `shift`: means of 2^shift × 2^shift blocks (a
/// partial block at the image's edge is the mean of the pixels it has), each sample through normalise()
/// first, into `means`: ceil(height / 2^shift) rows of ceil(width / 2^shift).
template <typename Normalise>
void blockMeans(const FloatImage& image, const QRect& rect, int shift, const Normalise& normalise, std::vector<float>& means)
{
    const int w = image.size.width(), block = 1 << shift;
    const int ow = (rect.width() + block - 1) >> shift, oh = (rect.height() + block - 1) >> shift;
    means.resize(std::size_t(ow) * oh);
    forRowsInParallel(oh, [&](int oy) {
        const int y0 = rect.y() + oy * block, y1 = std::min(rect.y() + rect.height(), y0 + block);
        for (int ox = 0; ox < ow; ++ox) {
            const int x0 = rect.x() + ox * block, x1 = std::min(rect.x() + rect.width(), x0 + block);
            float sum = 0;
            for (int y = y0; y < y1; ++y) {
                const float* row = image.data() + qsizetype(y) * w;
                for (int x = x0; x < x1; ++x)
                    sum += normalise(row[x]);
            }
            means[std::size_t(oy) * ow + ox] = sum / float((y1 - y0) * (x1 - x0));
        }
    });
}

/// Bytes a createMipmappedTexture() texture of this size holds: R16F, every level.
inline std::int64_t mipmappedTextureBytes(int width, int height)
{
    std::int64_t bytes = 0;
    for (;; width = std::max(1, width / 2), height = std::max(1, height / 2)) {
        bytes += std::int64_t(width) * height * 2;
        if (width == 1 && height == 1)
            return bytes;
    }
}

/// Buffers createMipmappedTexture() works in, kept by a caller that makes many textures: tiles come and
/// go as the view moves, and buffers of a new size for each would scatter free holes through the heap.
struct MipmapScratch {
    std::vector<qfloat16> halves;
    std::vector<float> level, next;
};

/// A new width × height R16F texture, level 0 from sample(x, y) (normalised floats), then 2 × 2 means
/// for each smaller level. Pixels stay crisp squares when zoomed in; zoomed out, mip levels average them.
template <typename Sample>
unsigned createMipmappedTexture(QOpenGLExtraFunctions& gl, int width, int height, const Sample& sample, MipmapScratch& scratch)
{
    int levels = 1;
    while ((std::max(width, height) >> levels) > 0)
        ++levels;
    unsigned texture = 0;
    gl.glGenTextures(1, &texture);
    gl.glBindTexture(GL_TEXTURE_2D, texture);
    gl.glTexStorage2D(GL_TEXTURE_2D, levels, GL_R16F, width, height); // all levels allocated once
    std::vector<qfloat16>& halves = scratch.halves;
    halves.resize(std::size_t(width) * height);
    forRowsInParallel(height, [&](int y) {
        float row[256];
        for (int x = 0; x < width; x += 256) {
            const int n = std::min(256, width - x);
            for (int i = 0; i < n; ++i)
                row[i] = sample(x + i, y);
            qFloatToFloat16(halves.data() + std::size_t(y) * width + x, row, n);
        }
    });
    gl.glPixelStorei(GL_UNPACK_ALIGNMENT, 2);
    gl.glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width, height, GL_RED, GL_HALF_FLOAT, halves.data());
    std::vector<float>&level = scratch.level, &next = scratch.next;
    for (int l = 1, w = width, h = height; l < levels; ++l) {
        const int nw = std::max(1, w / 2), nh = std::max(1, h / 2);
        next.resize(std::size_t(nw) * nh);
        forRowsInParallel(nh, [&](int y) {
            const int ya = std::min(2 * y, h - 1), yb = std::min(2 * y + 1, h - 1);
            for (int x = 0; x < nw; ++x) {
                const int xa = std::min(2 * x, w - 1), xb = std::min(2 * x + 1, w - 1);
                auto at = [&](int xx, int yy) { return l == 1 ? sample(xx, yy) : level[std::size_t(yy) * w + xx]; };
                next[std::size_t(y) * nw + x] = 0.25f * (at(xa, ya) + at(xb, ya) + at(xa, yb) + at(xb, yb));
            }
            qFloatToFloat16(halves.data() + std::size_t(y) * nw, next.data() + std::size_t(y) * nw, nw);
        });
        gl.glTexSubImage2D(GL_TEXTURE_2D, l, 0, 0, nw, nh, GL_RED, GL_HALF_FLOAT, halves.data());
        std::swap(level, next);
        w = nw;
        h = nh;
    }
    gl.glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
    gl.glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    gl.glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    gl.glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    gl.glBindTexture(GL_TEXTURE_2D, 0);
    return texture;
}

/// Uploads `map` as a 256 × 1 RGBA texture into `texture` (made when 0).
void uploadColormapTexture(QOpenGLExtraFunctions& gl, Colormap map, unsigned& texture);
