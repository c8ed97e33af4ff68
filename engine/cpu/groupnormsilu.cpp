#include "cpu/groupnormsilu.h"

#include <algorithm>
#include <bit>
#include <exception>
#include <type_traits>
#include <vector>

// The loops below are written so that the compiler vectorises them (independent lanes, no reductions
// it would have to reorder), and compiled with -O3 (engine/CMakeLists.txt). With GCC on x86-64 the
// per-piece functions are also cloned for AVX-512 and for x86-64-v3 (AVX2 with FMA), and the dynamic
// loader picks the clone the CPU runs.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define CRYOSR_VECTOR_CLONES __attribute__((target_clones("avx512f", "arch=x86-64-v3", "default")))
#else
#define CRYOSR_VECTOR_CLONES
#endif

namespace cryosr::cpu {

namespace {

using BFloat16Bits = std::uint16_t;

[[gnu::always_inline]] inline float load(float v)
{
    return v;
}

[[gnu::always_inline]] inline float load(BFloat16Bits v)
{
    return std::bit_cast<float>(std::uint32_t(v) << 16);
}

[[gnu::always_inline]] inline void store(float& to, float v)
{
    to = v;
}

/// Rounds to the nearest bf16, ties to even (as c10::BFloat16 does); NaN stays a quiet NaN.
[[gnu::always_inline]] inline void store(BFloat16Bits& to, float v)
{
    const std::uint32_t bits = std::bit_cast<std::uint32_t>(v);
    const std::uint32_t rounded = bits + 0x7FFFu + ((bits >> 16) & 1u);
    const bool nan = (bits & 0x7FFFFFFFu) > 0x7F800000u;
    to = BFloat16Bits(nan ? (bits >> 16) | 0x40u : rounded >> 16);
}

/// e^x by Cody-Waite reduction and Cephes' polynomial (relative error ~1e-7), branch-free so that it
/// vectorises; x is clamped to [−87, 88], where e^x stays a normal float.
[[gnu::always_inline]] inline float exponential(float x)
{
    x = std::min(std::max(x, -87.0f), 88.0f);
    constexpr float roundingMagic = 12582912.0f; // 1.5 · 2^23: adding and subtracting it rounds to an integer
    const float shifted = x * 1.44269504088896341f + roundingMagic; // its low mantissa bits: round(x / ln 2)
    const float n = shifted - roundingMagic;
    const float r = (x - n * 0.693359375f) + n * 2.12194440e-4f; // x − n ln 2, ln 2 in two parts
    float p = 1.9875691500e-4f;
    p = p * r + 1.3981999507e-3f;
    p = p * r + 8.3334519073e-3f;
    p = p * r + 4.1665795894e-2f;
    p = p * r + 1.6666665459e-1f;
    p = p * r + 5.0000001201e-1f;
    const float er = p * r * r + r + 1.0f; // e^r
    // · 2^n, the exponent taken from the bits rather than by a float-to-int conversion (undefined for NaN).
    const std::uint32_t exponent = std::bit_cast<std::uint32_t>(shifted) - std::bit_cast<std::uint32_t>(roundingMagic) + 127u;
    return er * std::bit_cast<float>(exponent << 23);
}

[[gnu::always_inline]] inline float siluOf(float v)
{
    return v / (1.0f + exponential(-v));
}

/// Channels-last rows are short (C values), so the loops run over `repeat` pixels at once, ≥ 256
/// values, with the per-channel values tiled to that length.
constexpr std::int64_t kTiledValues = 256;

std::int64_t pixelsPerBlock(std::int64_t channels)
{
    return std::max<std::int64_t>(1, (kTiledValues + channels - 1) / channels);
}

/// Float sums over at most this many values per lane before they go into double.
constexpr std::int64_t kFloatRun = 64;

template <class T>
[[gnu::always_inline]] inline void momentsChannelsLast(const T* __restrict x, std::int64_t channels, std::int64_t begin,
                                                       std::int64_t end, double* sum, double* sumOfSquares)
{
    const std::int64_t repeat = pixelsPerBlock(channels), width = repeat * channels;
    std::vector<float> s(static_cast<std::size_t>(width)), q(static_cast<std::size_t>(width));
    float* __restrict ps = s.data();
    float* __restrict pq = q.data();
    for (std::int64_t p = begin; p < end;) {
        std::fill(s.begin(), s.end(), 0.0f);
        std::fill(q.begin(), q.end(), 0.0f);
        for (std::int64_t run = 0; run < kFloatRun && p < end; ++run) {
            const std::int64_t n = std::min(repeat, end - p) * channels;
            const T* __restrict row = x + p * channels;
            for (std::int64_t i = 0; i < n; ++i) {
                const float v = load(row[i]);
                ps[i] += v;
                pq[i] += v * v;
            }
            p += std::min(repeat, end - p);
        }
        for (std::int64_t i = 0; i < width; ++i) {
            sum[i % channels] += ps[i];
            sumOfSquares[i % channels] += pq[i];
        }
    }
}

template <class T>
[[gnu::always_inline]] inline void momentsChannelMajor(const T* __restrict x, std::int64_t channels, std::int64_t pixels,
                                                       std::int64_t begin, std::int64_t end, double* sum, double* sumOfSquares)
{
    constexpr std::int64_t lanes = 16;
    for (std::int64_t c = 0; c < channels; ++c) {
        const T* __restrict plane = x + c * pixels;
        double total = 0, totalOfSquares = 0;
        std::int64_t p = begin;
        while (end - p >= lanes) {
            float s[lanes] = {}, q[lanes] = {};
            for (std::int64_t run = 0; run < kFloatRun && end - p >= lanes; ++run, p += lanes)
                for (std::int64_t j = 0; j < lanes; ++j) {
                    const float v = load(plane[p + j]);
                    s[j] += v;
                    q[j] += v * v;
                }
            for (std::int64_t j = 0; j < lanes; ++j) {
                total += s[j];
                totalOfSquares += q[j];
            }
        }
        for (; p < end; ++p) {
            const double v = load(plane[p]);
            total += v;
            totalOfSquares += v * v;
        }
        sum[c] += total;
        sumOfSquares[c] += totalOfSquares;
    }
}

template <class T>
[[gnu::always_inline]] inline void siluChannelsLast(const T* __restrict x, T* __restrict y, std::int64_t channels,
                                                    std::int64_t begin, std::int64_t end, const float* scale, const float* shift)
{
    const std::int64_t repeat = pixelsPerBlock(channels), width = repeat * channels;
    std::vector<float> a(static_cast<std::size_t>(width)), b(static_cast<std::size_t>(width));
    std::vector<float> values(std::is_same_v<T, float> ? 0 : static_cast<std::size_t>(width)); // bf16's, converted
    for (std::int64_t i = 0; i < width; ++i) {
        a[std::size_t(i)] = scale[i % channels];
        b[std::size_t(i)] = shift[i % channels];
    }
    const float* __restrict pa = a.data();
    const float* __restrict pb = b.data();
    float* __restrict v = values.data();
    for (std::int64_t p = begin; p < end; p += repeat) {
        const std::int64_t n = std::min(repeat, end - p) * channels;
        const T* __restrict in = x + p * channels;
        T* __restrict out = y + p * channels;
        if constexpr (std::is_same_v<T, float>) {
            for (std::int64_t i = 0; i < n; ++i)
                out[i] = siluOf(in[i] * pa[i] + pb[i]);
        } else {
            // Three simple loops rather than one: the one loop's conversions from and to bf16 ran out of
            // vector registers (half the speed of float).
            for (std::int64_t i = 0; i < n; ++i)
                v[i] = load(in[i]);
            for (std::int64_t i = 0; i < n; ++i)
                v[i] = siluOf(v[i] * pa[i] + pb[i]);
            for (std::int64_t i = 0; i < n; ++i)
                store(out[i], v[i]);
        }
    }
}

template <class T>
[[gnu::always_inline]] inline void siluChannelMajor(const T* __restrict x, T* __restrict y, std::int64_t channels,
                                                    std::int64_t pixels, std::int64_t begin, std::int64_t end, const float* scale,
                                                    const float* shift)
{
    for (std::int64_t c = 0; c < channels; ++c) {
        const float a = scale[c], b = shift[c];
        const T* __restrict in = x + c * pixels;
        T* __restrict out = y + c * pixels;
        for (std::int64_t p = begin; p < end; ++p)
            store(out[p], siluOf(load(in[p]) * a + b));
    }
}

/// Adds Σx and Σx² over pixels [begin, end) of one sample (x points at it) to sum and sumOfSquares ([C]).
CRYOSR_VECTOR_CLONES
void addPieceMoments(ElementType type, const void* x, const FeatureLayout& layout, std::int64_t begin, std::int64_t end,
                     double* sum, double* sumOfSquares)
{
    if (type == ElementType::Float32) {
        const auto* values = static_cast<const float*>(x);
        if (layout.channelsLast)
            momentsChannelsLast(values, layout.channels, begin, end, sum, sumOfSquares);
        else
            momentsChannelMajor(values, layout.channels, layout.pixels, begin, end, sum, sumOfSquares);
    } else {
        const auto* values = static_cast<const BFloat16Bits*>(x);
        if (layout.channelsLast)
            momentsChannelsLast(values, layout.channels, begin, end, sum, sumOfSquares);
        else
            momentsChannelMajor(values, layout.channels, layout.pixels, begin, end, sum, sumOfSquares);
    }
}

/// scaleShiftSilu over pixels [begin, end) of one sample; scale and shift are the sample's [C].
CRYOSR_VECTOR_CLONES
void pieceSilu(ElementType type, const void* x, void* y, const FeatureLayout& layout, std::int64_t begin, std::int64_t end,
               const float* scale, const float* shift)
{
    if (type == ElementType::Float32) {
        const auto* in = static_cast<const float*>(x);
        auto* out = static_cast<float*>(y);
        if (layout.channelsLast)
            siluChannelsLast(in, out, layout.channels, begin, end, scale, shift);
        else
            siluChannelMajor(in, out, layout.channels, layout.pixels, begin, end, scale, shift);
    } else {
        const auto* in = static_cast<const BFloat16Bits*>(x);
        auto* out = static_cast<BFloat16Bits*>(y);
        if (layout.channelsLast)
            siluChannelsLast(in, out, layout.channels, begin, end, scale, shift);
        else
            siluChannelMajor(in, out, layout.channels, layout.pixels, begin, end, scale, shift);
    }
}

/// How finely a batch is split: at least 16 pieces per sample, and 4 per thread, so that the threads
/// share the work evenly whatever the batch.
struct Pieces {
    Pieces(std::int64_t batch, std::int64_t pixels, int threads)
    {
        const std::int64_t wanted = std::max<std::int64_t>(16, (4 * std::int64_t(threads) + batch - 1) / batch);
        length = std::max<std::int64_t>(1, (pixels + wanted - 1) / wanted);
        perSample = (pixels + length - 1) / length;
        count = batch * perSample;
    }
    std::int64_t length, perSample, count;
};

/// Runs piece(sample, first pixel, end pixel, piece index) for every piece on `threads` threads. An
/// exception (bad_alloc) must not leave an OpenMP region, so the first is kept and thrown after it.
template <class Piece>
void forEachPiece(const Pieces& pieces, std::int64_t pixels, [[maybe_unused]] int threads, const Piece& piece)
{
    std::exception_ptr failure;
#ifdef _OPENMP
#pragma omp parallel for num_threads(threads) schedule(static)
#endif
    for (std::int64_t i = 0; i < pieces.count; ++i) {
        try {
            const std::int64_t sample = i / pieces.perSample, first = (i % pieces.perSample) * pieces.length;
            piece(sample, first, std::min(first + pieces.length, pixels), i);
        } catch (...) {
#ifdef _OPENMP
#pragma omp critical(cryosr_cpu_failure)
#endif
            if (!failure)
                failure = std::current_exception();
        }
    }
    if (failure)
        std::rethrow_exception(failure);
}

std::int64_t elementBytes(ElementType type)
{
    return type == ElementType::Float32 ? 4 : 2;
}

} // namespace

void channelMoments(ElementType type, const void* x, std::int64_t batch, const FeatureLayout& layout, double* sum,
                    double* sumOfSquares, int threads)
{
    const std::int64_t channels = layout.channels, sampleBytes = channels * layout.pixels * elementBytes(type);
    // Per piece (each thread writes only its own pieces' rows), then added up per sample.
    const Pieces pieces(batch, layout.pixels, threads);
    std::vector<double> partial(static_cast<std::size_t>(pieces.count * 2 * channels)); // [pieces, 2, C]
    const auto* bytes = static_cast<const char*>(x);
    forEachPiece(pieces, layout.pixels, threads, [&](std::int64_t sample, std::int64_t first, std::int64_t last, std::int64_t i) {
        double* row = partial.data() + i * 2 * channels;
        addPieceMoments(type, bytes + sample * sampleBytes, layout, first, last, row, row + channels);
    });
    std::fill(sum, sum + batch * channels, 0.0);
    std::fill(sumOfSquares, sumOfSquares + batch * channels, 0.0);
    for (std::int64_t i = 0; i < pieces.count; ++i) {
        const double* row = partial.data() + i * 2 * channels;
        const std::int64_t sample = i / pieces.perSample;
        for (std::int64_t c = 0; c < channels; ++c) {
            sum[sample * channels + c] += row[c];
            sumOfSquares[sample * channels + c] += row[channels + c];
        }
    }
}

void scaleShiftSilu(ElementType type, const void* x, void* y, std::int64_t batch, const FeatureLayout& layout, const float* scale,
                    const float* shift, int threads)
{
    const std::int64_t channels = layout.channels, sampleBytes = channels * layout.pixels * elementBytes(type);
    const auto* in = static_cast<const char*>(x);
    auto* out = static_cast<char*>(y);
    forEachPiece(Pieces(batch, layout.pixels, threads), layout.pixels, threads,
                 [&](std::int64_t sample, std::int64_t first, std::int64_t last, std::int64_t) {
                     pieceSilu(type, in + sample * sampleBytes, out + sample * sampleBytes, layout, first, last,
                               scale + sample * channels, shift + sample * channels);
                 });
}

float silu(float v)
{
    return siluOf(v);
}

} // namespace cryosr::cpu
