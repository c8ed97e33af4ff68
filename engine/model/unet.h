#pragma once
// The SR3 denoising network: a UNet with residual blocks, self-attention at chosen levels and a
// sinusoidal noise-level embedding. Engine-internal (LibTorch types). Registered module names are
// the checkpoint keys: renaming one breaks existing model files.

#include "model/networkcost.h"
#include "model/unetconfig.h"

#include <torch/torch.h>

namespace cryosr {

/// GroupNorm → SiLU → conv, twice, with the time embedding added in between; 1×1 skip when the
/// channel count changes. [B, in, H, W] → [B, out, H, W].
class ResBlockImpl : public torch::nn::Module {
public:
    ResBlockImpl(int in, int out, int embedding, int groups, double dropout);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& embedding);

private:
    torch::nn::GroupNorm m_norm1{nullptr}, m_norm2{nullptr};
    torch::nn::Conv2d m_conv1{nullptr}, m_conv2{nullptr}, m_skip{nullptr};
    torch::nn::Linear m_time{nullptr};
    torch::nn::Dropout m_dropout{nullptr};
};
TORCH_MODULE(ResBlock);

/// Single-head self-attention over all positions, residual. [B, C, H, W] → [B, C, H, W].
class AttentionBlockImpl : public torch::nn::Module {
public:
    AttentionBlockImpl(int channels, int groups);
    torch::Tensor forward(const torch::Tensor& x);
    std::int64_t channels() const { return m_norm->options.num_channels(); }

private:
    torch::nn::GroupNorm m_norm{nullptr};
    torch::nn::Conv2d m_qkv{nullptr}, m_projection{nullptr};
};
TORCH_MODULE(AttentionBlock);

/**
 * ε_θ([x_t, condition], t). Input [B, inputChannels, H, W] of any H, W (reflect-padded to a multiple
 * of config.sizeMultiple() and cropped back), timesteps [B] as floats; output [B, outputChannels, H, W].
 * The last convolution starts at zero, so an untrained network predicts ε = 0.
 */
class UNetImpl : public torch::nn::Module {
public:
    explicit UNetImpl(const UNetConfig& config);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& timesteps);

    /// Keeps the convolutions' weights, and the activations of every later forward pass, in `layout`
    /// (channels-last for oneDNN's bf16 on the CPU); forward's input and output stay as the caller has them.
    void setLayout(torch::MemoryFormat layout);

    const UNetConfig& config() const { return m_config; }
    std::int64_t parameterCount() const;
    /// Multiply-adds × 2 of one forward pass on [batch, in, height, width]: convolutions, linear layers
    /// and attention products (normalisation and activations, a few percent, are left out).
    double flopsPerForward(std::int64_t batch, std::int64_t height, std::int64_t width) const;
    /// The same count as a formula in the input's size.
    NetworkCost cost() const;
    /// An upper estimate of the memory one forward pass without gradients needs for its activations
    /// (the skip connections kept for the way up, the largest level's working tensors, attention
    /// scores), in bytes of `elementSize` — for choosing how many tiles fit on a device at once.
    double activationBytes(std::int64_t batch, std::int64_t height, std::int64_t width, int elementSize) const;

private:
    struct Level {
        std::vector<ResBlock> res;
        std::vector<AttentionBlock> attention; // empty when the level has none
    };

    UNetConfig m_config;
    torch::MemoryFormat m_layout = torch::MemoryFormat::Contiguous;
    int m_embeddingChannels;
    torch::nn::Linear m_time1{nullptr}, m_time2{nullptr};
    torch::nn::Conv2d m_input{nullptr};
    std::vector<Level> m_down;
    std::vector<torch::nn::Conv2d> m_downsample;
    ResBlock m_middle1{nullptr}, m_middle2{nullptr};
    AttentionBlock m_middleAttention{nullptr};
    std::vector<Level> m_up;
    std::vector<torch::nn::Conv2d> m_upsample;
    torch::nn::GroupNorm m_outputNorm{nullptr};
    torch::nn::Conv2d m_output{nullptr};
};
TORCH_MODULE(UNet);

/// Sinusoidal embedding of (possibly fractional) timesteps: [B] → [B, channels].
torch::Tensor timestepEmbedding(const torch::Tensor& timesteps, int channels);

} // namespace cryosr
