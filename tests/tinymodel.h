#pragma once
// The network engine tests train or sample with: ~10 k parameters, two levels, no attention at any
// level (the middle block always has it), so a step on 32-64 pixels takes milliseconds. Properties tested with it (consistency, units, seeds,
// resume) hold for any network.

#include "model/unetconfig.h"

namespace testsupport {

inline cryosr::UNetConfig tinyArchitecture()
{
    cryosr::UNetConfig c;
    c.baseChannels = 8;
    c.channelMultipliers = {1, 2};
    c.resBlocksPerLevel = 1;
    c.attentionLevels = {};
    c.groupNormGroups = 4;
    return c;
}

/// The tiny network with a third level, for the GUI's tests, whose speed measurement runs it at a 256²
/// output: the middle block's attention then sees 64² positions instead of 128² (a 1 GiB product,
/// ~30 s per measurement here). Sides in steps of 4 output pixels.
inline cryosr::UNetConfig tinyArchitectureForTheSpeedMeasurement()
{
    cryosr::UNetConfig c = tinyArchitecture();
    c.channelMultipliers = {1, 2, 2};
    return c;
}

} // namespace testsupport
