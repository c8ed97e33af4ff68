#pragma once
// Turning stored samples of any supported type and byte order into float32, and back.

#include "io/sampletype.h"

#include <cstddef>

namespace cryosr {

/// Converts `count` samples stored as `type` at `src` (byte-swapped first when `swapBytes`) to floats.
void decodeSamples(const unsigned char* src, SampleType type, bool swapBytes, std::size_t count, float* dst);

/// Unpacks 4-bit samples (MRC mode 101: low nibble first) of one row starting at pixel `firstPixel`.
/// `rowBytes` points at the row's first byte.
void decodeNibbles(const unsigned char* rowBytes, int firstPixel, int count, float* dst);

/// Encodes `count` floats as `type` in host byte order. Integers are rounded to nearest and saturated;
/// NaN becomes 0. Returns how many samples did not fit (saturated, NaN, or finite overflowing float16).
std::size_t encodeSamples(const float* src, std::size_t count, SampleType type, unsigned char* dst);

/// The host's byte order, for deciding when a file's samples need swapping.
constexpr bool hostIsBigEndian()
{
    return __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__;
}

} // namespace cryosr
