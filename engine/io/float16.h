#pragma once
// IEEE 754 binary16 <-> binary32 conversion in plain C++ (MRC mode 12 and TIFF need it; the engine's
// I/O layer must not depend on LibTorch).

#include <cstdint>

namespace cryosr {

/// Exact: every half value (including subnormals, infinities and NaNs) has a float equal to it.
float halfToFloat(std::uint16_t half);
/// Rounds to nearest, ties to even; overflow gives infinity, NaN stays NaN.
std::uint16_t floatToHalf(float value);

} // namespace cryosr
