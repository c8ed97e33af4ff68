#pragma once
// The architecture of the SR3 denoising UNet, as plain values (stored in model files, set from the CLI).

#include <cstdint>
#include <string>
#include <vector>

namespace cryosr {

struct UNetConfig {
    int inputChannels = 2; ///< [x_t, upsampled low-resolution image]
    int outputChannels = 1; ///< predicted noise ε
    int baseChannels = 32;
    std::vector<int> channelMultipliers{1, 2, 4}; ///< one per resolution level
    int resBlocksPerLevel = 2;
    std::vector<int> attentionLevels{2}; ///< levels (0 = full resolution) with self-attention
    double dropout = 0.0;
    int groupNormGroups = 8;

    /// Side lengths must be multiples of this (2^(levels − 1)); the network pads and crops itself.
    int sizeMultiple() const { return 1 << (static_cast<int>(channelMultipliers.size()) - 1); }
    /// Throws ArgumentError with what is wrong (empty multipliers, groups not dividing channels, sizes
    /// beyond any network that fits in memory...).
    void validate() const;
    /// The number of weights UNet(config) has, without building it (a model file's stored values are
    /// checked against it before any memory is reserved). For a configuration that validates.
    std::int64_t parameterCount() const;
    /// "base 32, mults 1-2-4, 2 res blocks, attention at 2, groups 8, dropout 0"
    std::string describe() const;
};

} // namespace cryosr
