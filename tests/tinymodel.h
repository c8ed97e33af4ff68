#pragma once
// The network engine tests train or sample with: ~10 k parameters, two levels, no attention, so a
// step on 32-64 pixels takes milliseconds. Properties tested with it (consistency, units, seeds,
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

} // namespace testsupport
