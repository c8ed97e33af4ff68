#include "io/float16.h"

#include <bit>

namespace cryosr {

float halfToFloat(std::uint16_t half)
{
    const std::uint32_t sign = static_cast<std::uint32_t>(half & 0x8000u) << 16;
    const std::uint32_t exponent = (half >> 10) & 0x1Fu;
    std::uint32_t mantissa = half & 0x3FFu;

    std::uint32_t bits;
    if (exponent == 0x1F) { // infinity or NaN: keep the payload
        bits = sign | 0x7F800000u | (mantissa << 13);
    } else if (exponent != 0) { // normal
        bits = sign | ((exponent + 112u) << 23) | (mantissa << 13);
    } else if (mantissa == 0) { // signed zero
        bits = sign;
    } else { // subnormal half: normalise into a float
        int shift = 0;
        while ((mantissa & 0x400u) == 0) {
            mantissa <<= 1;
            ++shift;
        }
        mantissa &= 0x3FFu;
        bits = sign | (static_cast<std::uint32_t>(113 - shift) << 23) | (mantissa << 13);
    }
    return std::bit_cast<float>(bits);
}

std::uint16_t floatToHalf(float value)
{
    const std::uint32_t bits = std::bit_cast<std::uint32_t>(value);
    const std::uint16_t sign = static_cast<std::uint16_t>((bits >> 16) & 0x8000u);
    const std::uint32_t absBits = bits & 0x7FFFFFFFu;

    if (absBits >= 0x7F800000u) // infinity or NaN (keep NaN quiet and non-zero)
        return sign | (absBits > 0x7F800000u ? 0x7E00u : 0x7C00u);
    if (absBits >= 0x477FF000u) // rounds to beyond 65504: infinity
        return sign | 0x7C00u;

    const int exponent = static_cast<int>(absBits >> 23) - 127;
    if (exponent >= -14) { // normal half
        std::uint32_t rounded = absBits + 0x0FFFu + ((absBits >> 13) & 1u); // ties to even
        return sign | static_cast<std::uint16_t>((rounded - (112u << 23)) >> 13);
    }
    if (exponent < -25) // below half the smallest subnormal: zero
        return sign;
    // Subnormal half: value = mantissa * 2^-24, with the implicit bit made explicit.
    const std::uint32_t mantissa = (absBits & 0x7FFFFFu) | 0x800000u;
    const int shift = -exponent - 1; // 14..24 bits to drop so that the unit is 2^-24
    const std::uint32_t truncated = mantissa >> shift;
    const std::uint32_t remainder = mantissa & ((1u << shift) - 1u);
    const std::uint32_t halfway = 1u << (shift - 1);
    std::uint32_t result = truncated;
    if (remainder > halfway || (remainder == halfway && (truncated & 1u)))
        ++result;
    return sign | static_cast<std::uint16_t>(result);
}

} // namespace cryosr
