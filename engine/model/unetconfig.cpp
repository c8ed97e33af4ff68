#include "model/unetconfig.h"

#include "io/errors.h"

#include <algorithm>

namespace cryosr {

void UNetConfig::validate() const
{
    const auto fail = [](const std::string& what) { throw ArgumentError("UNet configuration: " + what); };
    // The upper limits lie far beyond any network that fits a GPU; they keep parameterCount() exact.
    if (inputChannels < 1 || outputChannels < 1 || inputChannels > 64 || outputChannels > 64)
        fail("input and output channels must be 1 to 64");
    if (baseChannels < 1 || baseChannels > 4096)
        fail("base channels must be 1 to 4096");
    if (channelMultipliers.empty() || channelMultipliers.size() > 8)
        fail("give 1 to 8 channel multipliers");
    if (resBlocksPerLevel < 1 || resBlocksPerLevel > 16)
        fail("1 to 16 residual blocks per level");
    if (dropout < 0.0 || dropout >= 1.0)
        fail("dropout must be in [0, 1)");
    if (groupNormGroups < 1)
        fail("GroupNorm groups must be at least 1");
    for (const int m : channelMultipliers) {
        if (m < 1 || m > 64)
            fail("channel multipliers must be 1 to 64");
        if ((baseChannels * m) % groupNormGroups != 0)
            fail(std::to_string(groupNormGroups) + " GroupNorm groups do not divide " + std::to_string(baseChannels * m)
                 + " channels");
    }
    for (const int level : attentionLevels)
        if (level < 0 || level >= static_cast<int>(channelMultipliers.size()))
            fail("attention level " + std::to_string(level) + " does not exist (levels 0 to "
                 + std::to_string(channelMultipliers.size() - 1) + ")");
}

std::int64_t UNetConfig::parameterCount() const
{
    // Mirrors UNetImpl's constructor (tst_unet compares the two): convolutions and linear layers with
    // biases, GroupNorm with a scale and shift per channel.
    using Count = std::int64_t;
    const auto conv = [](Count in, Count out, Count kernel) { return in * out * kernel * kernel + out; };
    const auto linear = [](Count in, Count out) { return in * out + out; };
    const auto norm = [](Count channels) { return 2 * channels; };
    const Count embedding = 4 * Count(baseChannels);
    const auto resBlock = [&](Count in, Count out) {
        return norm(in) + conv(in, out, 3) + linear(embedding, out) + norm(out) + conv(out, out, 3)
            + (in != out ? conv(in, out, 1) : 0);
    };
    const auto attention = [&](Count c) { return norm(c) + conv(c, 3 * c, 1) + conv(c, c, 1); };
    const auto hasAttention = [&](int level) {
        return std::find(attentionLevels.begin(), attentionLevels.end(), level) != attentionLevels.end();
    };
    const int levels = static_cast<int>(channelMultipliers.size());

    Count channels = Count(baseChannels) * channelMultipliers[0];
    Count total = linear(baseChannels, embedding) + linear(embedding, embedding) + conv(inputChannels, channels, 3);
    std::vector<Count> skips{channels};
    for (int l = 0; l < levels; ++l) {
        const Count out = Count(baseChannels) * channelMultipliers[l];
        for (int r = 0; r < resBlocksPerLevel; ++r) {
            total += resBlock(channels, out) + (hasAttention(l) ? attention(out) : 0);
            channels = out;
            skips.push_back(channels);
        }
        if (l < levels - 1) {
            total += conv(channels, channels, 3);
            skips.push_back(channels);
        }
    }
    total += 2 * resBlock(channels, channels) + attention(channels);
    for (int l = levels - 1; l >= 0; --l) {
        const Count out = Count(baseChannels) * channelMultipliers[l];
        for (int r = 0; r <= resBlocksPerLevel; ++r) {
            total += resBlock(channels + skips.back(), out) + (hasAttention(l) ? attention(out) : 0);
            skips.pop_back();
            channels = out;
        }
        if (l > 0)
            total += conv(channels, channels, 3);
    }
    return total + norm(channels) + conv(channels, outputChannels, 3);
}

std::string UNetConfig::describe() const
{
    std::string mults, attention;
    for (const int m : channelMultipliers)
        mults += (mults.empty() ? "" : "-") + std::to_string(m);
    for (const int a : attentionLevels)
        attention += (attention.empty() ? "" : ",") + std::to_string(a);
    return "base " + std::to_string(baseChannels) + ", mults " + mults + ", " + std::to_string(resBlocksPerLevel)
        + " res blocks, attention at " + (attention.empty() ? "none" : attention) + ", groups " + std::to_string(groupNormGroups)
        + ", dropout " + std::to_string(dropout).substr(0, 4);
}

} // namespace cryosr
