#include "fusednorm.h"

#include "cpu/groupnormsilu.h"
#include "model/sharednorm.h"

#include <atomic>
#include <stdexcept>
#include <string>

#ifdef CRYOSR_HAVE_CUDA_KERNELS
#include "cuda/groupnormsilu.h"

#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#endif

namespace cryosr {

namespace {

std::atomic<bool> g_enabled{true};

bool cpuFusable(const torch::Tensor& x, const torch::Tensor& addend)
{
    const auto type = x.scalar_type();
    return g_enabled && x.is_cpu() && x.dim() == 4 && !torch::GradMode::is_enabled()
        && (type == torch::kFloat32 || type == torch::kBFloat16)
        && (x.is_contiguous() || x.is_contiguous(torch::MemoryFormat::ChannelsLast))
        && (!addend.defined() || addend.sizes() == torch::IntArrayRef{x.size(0), x.size(1)});
}

/// silu(norm(x + addend)) in two passes of engine/cpu's kernel over x on LibTorch's threads: the
/// per-channel sums (unless a SharedNormScope applies statistics it has), then the multiply-add and SiLU.
torch::Tensor cpuFused(const torch::Tensor& x, torch::nn::GroupNorm& norm, const torch::Tensor& addend)
{
    const std::int64_t n = x.size(0), channels = x.size(1);
    cpu::FeatureLayout layout;
    layout.channels = channels;
    layout.pixels = x.size(2) * x.size(3);
    layout.channelsLast = !x.is_contiguous();
    const cpu::ElementType type = x.scalar_type() == torch::kFloat32 ? cpu::ElementType::Float32 : cpu::ElementType::BFloat16;
    const int threads = at::get_num_threads();
    const auto channelSums = [&](const torch::Tensor& features) { // x itself
        torch::Tensor sum = torch::empty({n, channels}, torch::kFloat64), sumOfSquares = torch::empty_like(sum); // [n, C]
        cpu::channelMoments(type, features.data_ptr(), n, layout, sum.data_ptr<double>(), sumOfSquares.data_ptr<double>(),
                            threads);
        return std::pair{sum, sumOfSquares};
    };
    const ChannelAffine affine = groupNormAsChannelAffine(x, norm, addend, channelSums); // [n, C] float32, contiguous
    torch::Tensor y = torch::empty(
        x.sizes(),
        x.options().memory_format(layout.channelsLast ? torch::MemoryFormat::ChannelsLast : torch::MemoryFormat::Contiguous));
    cpu::scaleShiftSilu(type, x.data_ptr(), y.data_ptr(), n, layout, affine.scale.data_ptr<float>(),
                        affine.shift.data_ptr<float>(), threads);
    return y;
}

#ifdef CRYOSR_HAVE_CUDA_KERNELS
bool fusable(const torch::Tensor& x, const torch::Tensor& addend)
{
    const auto type = x.scalar_type();
    return g_enabled && x.is_cuda() && x.dim() == 4 && !torch::GradMode::is_enabled()
        && (type == torch::kFloat32 || type == torch::kBFloat16 || type == torch::kFloat16)
        && (x.is_contiguous() || x.is_contiguous(torch::MemoryFormat::ChannelsLast))
        && (!addend.defined() || (addend.scalar_type() == type && addend.dim() == 2));
}

torch::Tensor fused(const torch::Tensor& x, torch::nn::GroupNorm& norm, const torch::Tensor& addend)
{
    const auto type = x.scalar_type();
    const bool channelsLast = !x.is_contiguous() && x.is_contiguous(torch::MemoryFormat::ChannelsLast);
    const torch::Tensor gamma = norm->weight.to(type).contiguous(), beta = norm->bias.to(type).contiguous(); // [C]
    const torch::Tensor add = addend.defined() ? addend.contiguous() : torch::Tensor(); // [N, C]
    torch::Tensor y = torch::empty_like(x); // keeps x's memory format
    cuda::GroupNormShape shape;
    shape.batch = int(x.size(0));
    shape.channels = int(x.size(1));
    shape.pixels = x.size(2) * x.size(3);
    shape.groups = int(norm->options.num_groups());
    shape.channelsLast = channelsLast;
    const cuda::ElementType element = type == torch::kFloat32 ? cuda::ElementType::Float32
        : type == torch::kBFloat16                            ? cuda::ElementType::BFloat16
                                                              : cuda::ElementType::Float16;
    const c10::cuda::CUDAGuard onDevice(x.device());
    const int error = cuda::launchGroupNormSilu(element, x.data_ptr(), add.defined() ? add.data_ptr() : nullptr, gamma.data_ptr(),
                                                beta.data_ptr(), y.data_ptr(), shape, float(norm->options.eps()),
                                                c10::cuda::getCurrentCUDAStream(x.device().index()).stream());
    if (error != 0)
        throw std::runtime_error(std::string("fused GroupNorm + SiLU kernel: ") + cuda::errorString(error));
    return y;
}
#endif

} // namespace

torch::Tensor groupNormSiluReference(const torch::Tensor& x, torch::nn::GroupNorm& norm, const torch::Tensor& addend)
{
    return torch::silu(sharedGroupNorm(x, norm, addend));
}

torch::Tensor groupNormSilu(const torch::Tensor& x, torch::nn::GroupNorm& norm, const torch::Tensor& addend)
{
#ifdef CRYOSR_HAVE_CUDA_KERNELS
    if (!sharedNormActive() && fusable(x, addend))
        return fused(x, norm, addend);
#endif
    if (cpuFusable(x, addend))
        return cpuFused(x, norm, addend);
    return groupNormSiluReference(x, norm, addend);
}

bool fusedKernelsBuilt()
{
#ifdef CRYOSR_HAVE_CUDA_KERNELS
    return true;
#else
    return false;
#endif
}

void setFusedKernelsEnabled(bool enabled)
{
    g_enabled = enabled;
}

bool fusedKernelsEnabled()
{
    return g_enabled;
}

} // namespace cryosr
