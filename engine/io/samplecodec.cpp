#include "io/samplecodec.h"

#include "io/float16.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <cstdint>
#include <cstring>

namespace cryosr {

namespace {

// std::byteswap is C++23; these are what it compiles to.
inline std::uint8_t byteSwap(std::uint8_t v)
{
    return v;
}
inline std::uint16_t byteSwap(std::uint16_t v)
{
    return __builtin_bswap16(v);
}
inline std::uint32_t byteSwap(std::uint32_t v)
{
    return __builtin_bswap32(v);
}

template <typename Stored>
void convert(const unsigned char* src, bool swapBytes, std::size_t count, float* dst)
{
    using Bits = std::conditional_t<sizeof(Stored) == 1, std::uint8_t,
                                    std::conditional_t<sizeof(Stored) == 2, std::uint16_t, std::uint32_t>>;
    if (!swapBytes) { // a separate loop, so the compiler vectorises the common case
        for (std::size_t i = 0; i < count; ++i) {
            Stored value;
            std::memcpy(&value, src + i * sizeof(Stored), sizeof(Stored));
            dst[i] = static_cast<float>(value);
        }
        return;
    }
    for (std::size_t i = 0; i < count; ++i) {
        Bits bits;
        std::memcpy(&bits, src + i * sizeof(Stored), sizeof(Stored));
        dst[i] = static_cast<float>(std::bit_cast<Stored>(byteSwap(bits)));
    }
}

void convertHalf(const unsigned char* src, bool swapBytes, std::size_t count, float* dst)
{
    for (std::size_t i = 0; i < count; ++i) {
        std::uint16_t bits;
        std::memcpy(&bits, src + 2 * i, 2);
        dst[i] = halfToFloat(swapBytes ? byteSwap(bits) : bits);
    }
}

template <typename Stored>
std::size_t encodeInteger(const float* src, std::size_t count, unsigned char* dst)
{
    constexpr double lowest = static_cast<double>(std::numeric_limits<Stored>::lowest());
    constexpr double highest = static_cast<double>(std::numeric_limits<Stored>::max());
    std::size_t clipped = 0;
    for (std::size_t i = 0; i < count; ++i) {
        double v = std::nearbyint(static_cast<double>(src[i]));
        if (std::isnan(v)) {
            v = 0.0;
            ++clipped;
        } else if (v < lowest || v > highest) {
            v = std::clamp(v, lowest, highest);
            ++clipped;
        }
        const Stored stored = static_cast<Stored>(v);
        std::memcpy(dst + i * sizeof(Stored), &stored, sizeof(Stored));
    }
    return clipped;
}

} // namespace

std::size_t encodeSamples(const float* src, std::size_t count, SampleType type, unsigned char* dst)
{
    switch (type) {
    case SampleType::Int8:
        return encodeInteger<std::int8_t>(src, count, dst);
    case SampleType::UInt8:
        return encodeInteger<std::uint8_t>(src, count, dst);
    case SampleType::Int16:
        return encodeInteger<std::int16_t>(src, count, dst);
    case SampleType::UInt16:
        return encodeInteger<std::uint16_t>(src, count, dst);
    case SampleType::Int32:
        return encodeInteger<std::int32_t>(src, count, dst);
    case SampleType::UInt32:
        return encodeInteger<std::uint32_t>(src, count, dst);
    case SampleType::Float16: {
        std::size_t overflowed = 0;
        for (std::size_t i = 0; i < count; ++i) {
            const std::uint16_t half = floatToHalf(src[i]);
            if ((half & 0x7FFFu) == 0x7C00u && std::isfinite(src[i]))
                ++overflowed;
            std::memcpy(dst + 2 * i, &half, 2);
        }
        return overflowed;
    }
    case SampleType::Float32:
        std::memcpy(dst, src, count * sizeof(float));
        return 0;
    }
    return 0;
}

void decodeSamples(const unsigned char* src, SampleType type, bool swapBytes, std::size_t count, float* dst)
{
    switch (type) {
    case SampleType::Int8:
        convert<std::int8_t>(src, swapBytes, count, dst);
        break;
    case SampleType::UInt8:
        convert<std::uint8_t>(src, swapBytes, count, dst);
        break;
    case SampleType::Int16:
        convert<std::int16_t>(src, swapBytes, count, dst);
        break;
    case SampleType::UInt16:
        convert<std::uint16_t>(src, swapBytes, count, dst);
        break;
    case SampleType::Int32:
        convert<std::int32_t>(src, swapBytes, count, dst);
        break;
    case SampleType::UInt32:
        convert<std::uint32_t>(src, swapBytes, count, dst);
        break;
    case SampleType::Float16:
        convertHalf(src, swapBytes, count, dst);
        break;
    case SampleType::Float32:
        convert<float>(src, swapBytes, count, dst);
        break;
    }
}

void decodeNibbles(const unsigned char* rowBytes, int firstPixel, int count, float* dst)
{
    for (int i = 0; i < count; ++i) {
        const int pixel = firstPixel + i;
        const unsigned char byte = rowBytes[pixel / 2];
        dst[i] = static_cast<float>((pixel % 2 == 0) ? (byte & 0x0F) : (byte >> 4));
    }
}

} // namespace cryosr
