// The CUDA kernels against their LibTorch reference on random data, on a GPU. A plain executable, not
// Qt Test: GPU machines have no Qt (../shared/PLATFORM.md). Built with CRYOSR_CUDA and a CUDA LibTorch;
// CTest runs it (label cuda); scripts/device-check.sh runs it. Exit status 0 when every check passes.

#include "model/fusednorm.h"
#include "model/unet.h"

#include <torch/torch.h>

#include <cstdio>
#include <string>

namespace {

int g_failures = 0;

void check(bool passed, const std::string& what, double error, double tolerance)
{
    std::printf("%-4s %-70s error %.3g (tolerance %.3g)\n", passed ? "PASS" : "FAIL", what.c_str(), error, tolerance);
    g_failures += passed ? 0 : 1;
}

/// max |a − b| / max |b|, in float64 on the CPU.
double relativeError(const torch::Tensor& a, const torch::Tensor& b)
{
    const torch::Tensor x = a.to(torch::kCPU, torch::kFloat64), y = b.to(torch::kCPU, torch::kFloat64);
    return (x - y).abs().max().item<double>() / std::max(1e-30, y.abs().max().item<double>());
}

struct Case {
    int batch, channels, height, width, groups;
    double offset; ///< added to x: large means test the statistics' accuracy
};

void groupNormSiluMatchesReference()
{
    const torch::Device gpu(torch::kCUDA);
    const Case cases[] = {{16, 64, 128, 128, 32, 0.0},
                          {3, 96, 17, 23, 32, 0.0},
                          {2, 256, 16, 16, 8, 0.0},
                          {4, 32, 64, 64, 32, 100.0},
                          {1, 4, 1, 1, 1, 0.0}};
    const std::pair<torch::Dtype, double> types[] = {{torch::kFloat32, 1e-4}, {torch::kBFloat16, 1e-2}, {torch::kFloat16, 2e-3}};
    torch::NoGradGuard noGrad;
    for (const Case& c : cases)
        for (const auto& [type, tolerance] : types)
            for (bool channelsLast : {false, true})
                for (bool withAddend : {false, true}) {
                    torch::nn::GroupNorm norm(torch::nn::GroupNormOptions(c.groups, c.channels));
                    norm->weight.normal_(1.0, 0.5); // not the 1 and 0 a fresh norm has
                    norm->bias.normal_(0.0, 0.5);
                    torch::Tensor x = torch::randn({c.batch, c.channels, c.height, c.width}) * 2 + c.offset; // [N, C, H, W]
                    torch::Tensor addend = withAddend ? torch::randn({c.batch, c.channels}) : torch::Tensor(); // [N, C]
                    // Inputs and weights rounded to the type first, so that the error measured is the kernel's.
                    norm->to(type);
                    x = x.to(type);
                    if (withAddend)
                        addend = addend.to(type);
                    norm->to(torch::kFloat64);
                    const torch::Tensor expected = cryosr::groupNormSiluReference(
                        x.to(torch::kFloat64), norm, withAddend ? addend.to(torch::kFloat64) : addend);
                    norm->to(gpu, type);
                    x = x.to(gpu);
                    if (channelsLast)
                        x = x.contiguous(torch::MemoryFormat::ChannelsLast);
                    if (withAddend)
                        addend = addend.to(gpu);
                    const torch::Tensor fused = cryosr::groupNormSilu(x, norm, addend);
                    const std::string what = "groupNormSilu " + std::to_string(c.batch) + "x" + std::to_string(c.channels) + "x"
                        + std::to_string(c.height) + "x" + std::to_string(c.width) + " G" + std::to_string(c.groups)
                        + (c.offset != 0 ? " offset" : "") + " " + std::string(c10::toString(type))
                        + (channelsLast ? " NHWC" : " NCHW") + (withAddend ? " +addend" : "");
                    check(fused.is_contiguous(channelsLast ? torch::MemoryFormat::ChannelsLast : torch::MemoryFormat::Contiguous),
                          what + " keeps its layout", 0, 0);
                    const double error = relativeError(fused, expected);
                    check(error <= tolerance, what, error, tolerance);
                }
}

/// The anchor network (base 64, 1-2-4-4, 2 res blocks, attention at the lowest level), random weights
/// (the zero-initialised output layers too, or the output would be 0): bf16 channels-last with the fused
/// kernels against fp32 without them.
void networkInBf16MatchesFp32()
{
    torch::NoGradGuard noGrad;
    cryosr::UNetConfig config;
    config.baseChannels = 64;
    config.channelMultipliers = {1, 2, 4, 4};
    config.resBlocksPerLevel = 2;
    config.groupNormGroups = 32;
    config.attentionLevels = {3};
    cryosr::UNet network(config);
    for (torch::Tensor& p : network->parameters())
        if (p.abs().max().item<double>() == 0)
            p.normal_(0.0, 0.02);
    network->eval();
    const torch::Device gpu(torch::kCUDA);
    network->to(gpu, torch::kFloat32);
    const torch::Tensor input = torch::randn({4, 2, 64, 64}, torch::TensorOptions().device(gpu)); // [B, 2, S, S]
    const torch::Tensor timesteps = torch::full({4}, 500.0f, input.options());
    cryosr::setFusedKernelsEnabled(false);
    const torch::Tensor reference = network->forward(input, timesteps); // [B, 1, S, S]
    cryosr::setFusedKernelsEnabled(true);
    const double fp32Error = relativeError(network->forward(input, timesteps), reference);
    check(fp32Error <= 1e-4, "UNet fp32 fused vs unfused", fp32Error, 1e-4);
    network->to(torch::kBFloat16);
    for (torch::Tensor& p : network->parameters())
        if (p.dim() == 4)
            p.set_data(p.contiguous(torch::MemoryFormat::ChannelsLast));
    const torch::Tensor fast = network->forward(input.to(torch::kBFloat16).contiguous(torch::MemoryFormat::ChannelsLast),
                                                timesteps.to(torch::kBFloat16));
    const double bf16Error = relativeError(fast, reference);
    check(bf16Error <= 1e-2, "UNet bf16 channels-last fused vs fp32 unfused", bf16Error, 1e-2);
}

} // namespace

int main()
{
    if (!torch::cuda::is_available()) {
        std::printf("SKIP no CUDA device\n");
        return 77; // CTest's SKIP_RETURN_CODE
    }
    if (!cryosr::fusedKernelsBuilt()) {
        std::printf("FAIL this build has no CUDA kernels (configure with -DCRYOSR_CUDA=ON and a CUDA LibTorch)\n");
        return 1;
    }
    torch::manual_seed(7);
    groupNormSiluMatchesReference();
    networkInBf16MatchesFp32();
    std::printf("%d failure(s)\n", g_failures);
    return g_failures == 0 ? 0 : 1;
}
