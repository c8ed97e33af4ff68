#include "model/unetconfig.h"

#include "io/errors.h"

#include <algorithm>

namespace cryosr {

void UNetConfig::validate() const
{
    const auto fail = [](const std::string& what) { throw ArgumentError("UNet configuration: " + what); };
    if (inputChannels < 1 || outputChannels < 1)
        fail("input and output channels must be at least 1");
    if (baseChannels < 1)
        fail("base channels must be at least 1");
    if (channelMultipliers.empty() || channelMultipliers.size() > 8)
        fail("give 1 to 8 channel multipliers");
    if (resBlocksPerLevel < 1)
        fail("at least one residual block per level");
    if (dropout < 0.0 || dropout >= 1.0)
        fail("dropout must be in [0, 1)");
    if (groupNormGroups < 1)
        fail("GroupNorm groups must be at least 1");
    for (const int m : channelMultipliers) {
        if (m < 1)
            fail("channel multipliers must be at least 1");
        if ((baseChannels * m) % groupNormGroups != 0)
            fail(std::to_string(groupNormGroups) + " GroupNorm groups do not divide " + std::to_string(baseChannels * m)
                 + " channels");
    }
    for (const int level : attentionLevels)
        if (level < 0 || level >= static_cast<int>(channelMultipliers.size()))
            fail("attention level " + std::to_string(level) + " does not exist (levels 0 to "
                 + std::to_string(channelMultipliers.size() - 1) + ")");
}

std::string UNetConfig::describe() const
{
    std::string mults, attention;
    for (const int m : channelMultipliers)
        mults += (mults.empty() ? "" : "-") + std::to_string(m);
    for (const int a : attentionLevels)
        attention += (attention.empty() ? "" : ",") + std::to_string(a);
    return "base " + std::to_string(baseChannels) + ", mults " + mults + ", " + std::to_string(resBlocksPerLevel)
        + " res blocks, attention at " + (attention.empty() ? "none" : attention) + ", groups "
        + std::to_string(groupNormGroups) + ", dropout " + std::to_string(dropout).substr(0, 4);
}

} // namespace cryosr
