#include "model/unet.h"

#include "model/fusednorm.h"
#include "model/sharednorm.h"

#include <algorithm>
#include <cmath>

namespace cryosr {

namespace {

torch::nn::Conv2d conv(int in, int out, int kernel, int stride = 1)
{
    return torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, kernel).stride(stride).padding(kernel / 2));
}

/// The resolution level (0 = full) a module works at, from its checkpoint name (see the constructor).
int levelOf(const std::string& name, int levels)
{
    const std::string top = name.substr(0, name.find('.'));
    const auto number = [&](std::size_t prefix) { return std::stoi(top.substr(prefix)); };
    if (top.rfind("downsample", 0) == 0)
        return number(10) + 1; // stride-2 conv: its output is one level down
    if (top.rfind("upsample", 0) == 0)
        return number(8) - 1; // conv after the 2× interpolation
    if (top.rfind("down", 0) == 0 || top.rfind("up", 0) == 0)
        return number(top[0] == 'd' ? 4 : 2);
    if (top.rfind("middle", 0) == 0)
        return levels - 1;
    return 0; // input, output, time embedding
}

/// Start a layer at zero, so a residual branch (or the whole network's output) starts as identity/zero.
void zeroInitialise(torch::nn::Conv2d& layer)
{
    torch::NoGradGuard noGrad;
    layer->weight.zero_();
    layer->bias.zero_();
}

} // namespace

torch::Tensor timestepEmbedding(const torch::Tensor& timesteps, int channels)
{
    const int half = channels / 2;
    const torch::Tensor frequencies =
        torch::exp(-std::log(10000.0) * torch::arange(half, timesteps.options().dtype(torch::kFloat32)) / half);
    const torch::Tensor angles = timesteps.to(torch::kFloat32).unsqueeze(1) * frequencies.unsqueeze(0); // [B, half]
    torch::Tensor embedding = torch::cat({torch::cos(angles), torch::sin(angles)}, 1);
    if (channels % 2 == 1)
        embedding = torch::nn::functional::pad(embedding, torch::nn::functional::PadFuncOptions({0, 1}));
    return embedding; // [B, channels]
}

ResBlockImpl::ResBlockImpl(int in, int out, int embedding, int groups, double dropout)
{
    m_norm1 = register_module("norm1", torch::nn::GroupNorm(groups, in));
    m_conv1 = register_module("conv1", conv(in, out, 3));
    m_time = register_module("time", torch::nn::Linear(embedding, out));
    m_norm2 = register_module("norm2", torch::nn::GroupNorm(groups, out));
    m_dropout = register_module("dropout", torch::nn::Dropout(dropout));
    m_conv2 = register_module("conv2", conv(out, out, 3));
    zeroInitialise(m_conv2);
    if (in != out)
        m_skip = register_module("skip", conv(in, out, 1));
}

torch::Tensor ResBlockImpl::forward(const torch::Tensor& x, const torch::Tensor& embedding)
{
    const torch::Tensor h = m_conv1(groupNormSilu(x, m_norm1));
    const torch::Tensor time = m_time(torch::silu(embedding)); // [B, out], added to every pixel before norm2
    return (m_skip ? m_skip(x) : x) + m_conv2(m_dropout(groupNormSilu(h, m_norm2, time)));
}

AttentionBlockImpl::AttentionBlockImpl(int channels, int groups)
{
    m_norm = register_module("norm", torch::nn::GroupNorm(groups, channels));
    m_qkv = register_module("qkv", conv(channels, 3 * channels, 1));
    m_projection = register_module("projection", conv(channels, channels, 1));
    zeroInitialise(m_projection);
}

torch::Tensor AttentionBlockImpl::forward(const torch::Tensor& x)
{
    // The N × N weights of a large region do not fit in memory (a 256² level is 17 GB in fp32), so
    // queries go in chunks of at most kMaxWeights weights; softmax runs over keys, so chunks are exact.
    constexpr std::int64_t kMaxWeights = std::int64_t(1) << 26;
    const auto b = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3), n = h * w;
    const auto qkv = m_qkv(sharedGroupNorm(x, m_norm)).reshape({b, 3, c, n}).unbind(1); // 3 × [B, C, N]
    const torch::Tensor queries = qkv[0].transpose(1, 2); // [B, N, C]
    const torch::Tensor values = qkv[2].transpose(1, 2); // [B, N, C]
    const std::int64_t chunk = std::max<std::int64_t>(1, kMaxWeights / (b * n));
    std::vector<torch::Tensor> parts;
    for (std::int64_t start = 0; start < n; start += chunk) {
        const torch::Tensor q = queries.narrow(1, start, std::min(chunk, n - start)); // [B, n_c, C]
        const torch::Tensor weights = torch::softmax(torch::bmm(q, qkv[1]) / std::sqrt(double(c)), -1); // [B, n_c, N]
        parts.push_back(torch::bmm(weights, values)); // [B, n_c, C]
    }
    const torch::Tensor attended = torch::cat(parts, 1).transpose(1, 2).reshape({b, c, h, w});
    return x + m_projection(attended);
}

UNetImpl::UNetImpl(const UNetConfig& config)
    : m_config(config)
{
    config.validate();
    const int base = config.baseChannels;
    const int groups = config.groupNormGroups;
    const int levels = static_cast<int>(config.channelMultipliers.size());
    m_embeddingChannels = 4 * base;
    m_time1 = register_module("time1", torch::nn::Linear(base, m_embeddingChannels));
    m_time2 = register_module("time2", torch::nn::Linear(m_embeddingChannels, m_embeddingChannels));
    const auto hasAttention = [&](int level) {
        return std::find(config.attentionLevels.begin(), config.attentionLevels.end(), level) != config.attentionLevels.end();
    };

    int channels = base * config.channelMultipliers[0];
    m_input = register_module("input", conv(config.inputChannels, channels, 3));
    std::vector<int> skipChannels{channels};
    for (int l = 0; l < levels; ++l) {
        const int out = base * config.channelMultipliers[l];
        Level level;
        for (int r = 0; r < config.resBlocksPerLevel; ++r) {
            const std::string name = "down" + std::to_string(l) + "_";
            level.res.push_back(register_module(name + "res" + std::to_string(r),
                                                ResBlock(channels, out, m_embeddingChannels, groups, config.dropout)));
            channels = out;
            if (hasAttention(l))
                level.attention.push_back(
                    register_module(name + "attention" + std::to_string(r), AttentionBlock(channels, groups)));
            skipChannels.push_back(channels);
        }
        m_down.push_back(level);
        if (l < levels - 1) {
            m_downsample.push_back(register_module("downsample" + std::to_string(l), conv(channels, channels, 3, 2)));
            skipChannels.push_back(channels);
        }
    }

    m_middle1 = register_module("middle1", ResBlock(channels, channels, m_embeddingChannels, groups, config.dropout));
    m_middleAttention = register_module("middle_attention", AttentionBlock(channels, groups));
    m_middle2 = register_module("middle2", ResBlock(channels, channels, m_embeddingChannels, groups, config.dropout));

    for (int l = levels - 1; l >= 0; --l) {
        const int out = base * config.channelMultipliers[l];
        Level level;
        for (int r = 0; r <= config.resBlocksPerLevel; ++r) {
            const std::string name = "up" + std::to_string(l) + "_";
            const int skip = skipChannels.back();
            skipChannels.pop_back();
            level.res.push_back(register_module(name + "res" + std::to_string(r),
                                                ResBlock(channels + skip, out, m_embeddingChannels, groups, config.dropout)));
            channels = out;
            if (hasAttention(l))
                level.attention.push_back(
                    register_module(name + "attention" + std::to_string(r), AttentionBlock(channels, groups)));
        }
        m_up.push_back(level);
        if (l > 0)
            m_upsample.push_back(register_module("upsample" + std::to_string(l), conv(channels, channels, 3)));
    }
    m_outputNorm = register_module("output_norm", torch::nn::GroupNorm(groups, channels));
    m_output = register_module("output", conv(channels, config.outputChannels, 3));
    zeroInitialise(m_output);
}

torch::Tensor UNetImpl::forward(const torch::Tensor& input, const torch::Tensor& timesteps)
{
    namespace F = torch::nn::functional;
    // Pad to the network's multiple (reflecting the image where it is large enough), crop back at the end.
    const int64_t multiple = m_config.sizeMultiple();
    const int64_t height = input.size(2), width = input.size(3);
    const int64_t padBottom = (multiple - height % multiple) % multiple, padRight = (multiple - width % multiple) % multiple;
    torch::Tensor x = input;
    if (padBottom > 0 || padRight > 0) {
        F::PadFuncOptions options({0, padRight, 0, padBottom});
        if (padBottom < height && padRight < width)
            options.mode(torch::kReflect);
        else
            options.mode(torch::kReplicate);
        // LibTorch 1.13 has no bf16 reflection padding on the CPU: such tensors are padded in float32.
        const bool viaFloat = x.is_cpu() && x.scalar_type() == torch::kBFloat16;
        x = viaFloat ? F::pad(x.to(torch::kFloat32), options).to(torch::kBFloat16) : F::pad(x, options);
    }
    x = x.contiguous(m_layout);

    // The embedding is computed in float32 and then follows the network's dtype (bf16/fp16).
    const torch::Tensor sinusoid = timestepEmbedding(timesteps, m_config.baseChannels).to(input.scalar_type());
    const torch::Tensor embedding = m_time2(torch::silu(m_time1(sinusoid))); // [B, 4C]
    torch::Tensor h = m_input(x);
    std::vector<torch::Tensor> skips{h};
    for (std::size_t l = 0; l < m_down.size(); ++l) {
        for (std::size_t r = 0; r < m_down[l].res.size(); ++r) {
            h = m_down[l].res[r](h, embedding);
            if (!m_down[l].attention.empty())
                h = m_down[l].attention[r](h);
            skips.push_back(h);
        }
        if (l < m_downsample.size()) {
            h = m_downsample[l](h);
            skips.push_back(h);
        }
    }
    h = m_middle2(m_middleAttention(m_middle1(h, embedding)), embedding);
    for (std::size_t l = 0; l < m_up.size(); ++l) {
        for (std::size_t r = 0; r < m_up[l].res.size(); ++r) {
            h = m_up[l].res[r](torch::cat({h, skips.back()}, 1), embedding);
            skips.pop_back();
            if (!m_up[l].attention.empty())
                h = m_up[l].attention[r](h);
        }
        if (l < m_upsample.size())
            h = m_upsample[l](
                F::interpolate(h, F::InterpolateFuncOptions().scale_factor(std::vector<double>{2, 2}).mode(torch::kNearest)));
    }
    h = m_output(groupNormSilu(h, m_outputNorm));
    return h
        .index({torch::indexing::Slice(), torch::indexing::Slice(), torch::indexing::Slice(0, height),
                torch::indexing::Slice(0, width)})
        .contiguous(); // cropped, in the caller's order
}

void UNetImpl::setLayout(torch::MemoryFormat layout)
{
    m_layout = layout;
    const torch::NoGradGuard noGrad;
    for (torch::Tensor& p : parameters())
        if (p.dim() == 4)
            p.set_data(p.contiguous(layout));
}

NetworkCost UNetImpl::cost() const
{
    // A level-l module sees P / 4^l pixels of the padded input's P; attention's products grow with their square.
    const int levels = static_cast<int>(m_config.channelMultipliers.size());
    NetworkCost cost;
    cost.sizeMultiple = static_cast<int>(m_config.sizeMultiple());
    for (const auto& item : named_modules("", false)) {
        const double shrink = std::ldexp(1.0, -2 * levelOf(item.key(), levels)); // 1 / 4^l
        if (const auto* c = item.value()->as<torch::nn::Conv2dImpl>())
            cost.perPixel += 2.0 * double(c->weight.numel()) * shrink;
        else if (const auto* l = item.value()->as<torch::nn::LinearImpl>())
            cost.fixed += 2.0 * double(l->weight.numel());
        else if (const auto* a = item.value()->as<AttentionBlockImpl>())
            cost.perPixelSquared += 4.0 * double(a->channels()) * shrink * shrink; // Q·Kᵀ and weights·V
    }
    return cost;
}

double UNetImpl::flopsPerForward(std::int64_t batch, std::int64_t height, std::int64_t width) const
{
    return cost().forward(batch, static_cast<int>(height), static_cast<int>(width));
}

double UNetImpl::activationBytes(std::int64_t batch, std::int64_t height, std::int64_t width, int elementSize) const
{
    const std::int64_t multiple = m_config.sizeMultiple();
    const double paddedHeight = double((height + multiple - 1) / multiple * multiple);
    const double paddedWidth = double((width + multiple - 1) / multiple * multiple);
    double skips = 0, largest = 0, attention = 0;
    for (std::size_t l = 0; l < m_config.channelMultipliers.size(); ++l) {
        const double pixels = paddedHeight * paddedWidth / double(1 << (2 * l));
        const double level = double(m_config.baseChannels * m_config.channelMultipliers[l]) * pixels;
        skips += double(m_config.resBlocksPerLevel + 1) * level;
        largest = std::max(largest, level);
        if (std::find(m_config.attentionLevels.begin(), m_config.attentionLevels.end(), int(l)) != m_config.attentionLevels.end())
            attention = std::max(attention, 2 * pixels * pixels); // scores and their softmax
    }
    // Up-path blocks see twice the channels (skip concatenated) and keep a few intermediates alive.
    return double(batch) * double(elementSize) * (skips + 8 * largest + attention);
}

std::int64_t UNetImpl::parameterCount() const
{
    std::int64_t count = 0;
    for (const auto& p : parameters())
        count += p.numel();
    return count;
}

} // namespace cryosr
