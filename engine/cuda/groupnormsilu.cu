// Fused GroupNorm + SiLU (+ per-channel add). At the UNet's channel counts these element-wise passes, not
// the convolutions, dominate a step on a GPU (../shared/PLATFORM.md): unfused, the add, the norm and the
// SiLU each read and write the whole activation; fused, it is read twice (statistics, then output) and
// written once.

#include "groupnormsilu.h"

#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <cuda_runtime.h>

namespace cryosr::cuda {

namespace {

constexpr int kThreads = 512;
constexpr int kWarps = kThreads / 32;

__device__ inline float toFloat(float v)
{
    return v;
}
__device__ inline float toFloat(__nv_bfloat16 v)
{
    return __bfloat162float(v);
}
__device__ inline float toFloat(__half v)
{
    return __half2float(v);
}
template <typename T>
__device__ inline T fromFloat(float v);
template <>
__device__ inline float fromFloat<float>(float v)
{
    return v;
}
template <>
__device__ inline __nv_bfloat16 fromFloat<__nv_bfloat16>(float v)
{
    return __float2bfloat16(v);
}
template <>
__device__ inline __half fromFloat<__half>(float v)
{
    return __float2half(v);
}

/// Running mean and sum of squared deviations (Welford); merged with Chan's formula, which stays
/// accurate where sum and sum of squares in fp32 would cancel (large means, small spread).
struct Moments {
    float count = 0, mean = 0, m2 = 0;

    __device__ void add(float v)
    {
        count += 1;
        const float delta = v - mean;
        mean += delta / count;
        m2 += delta * (v - mean);
    }
    __device__ void merge(const Moments& o)
    {
        if (o.count == 0)
            return;
        const float total = count + o.count, delta = o.mean - mean;
        mean += delta * o.count / total;
        m2 += o.m2 + delta * delta * count * o.count / total;
        count = total;
    }
};

__device__ Moments mergeInBlock(Moments m)
{
    __shared__ Moments perWarp[kWarps];
    for (int offset = 16; offset > 0; offset /= 2) {
        Moments other;
        other.count = __shfl_down_sync(0xffffffffu, m.count, offset);
        other.mean = __shfl_down_sync(0xffffffffu, m.mean, offset);
        other.m2 = __shfl_down_sync(0xffffffffu, m.m2, offset);
        m.merge(other);
    }
    const int warp = threadIdx.x / 32, lane = threadIdx.x % 32;
    if (lane == 0)
        perWarp[warp] = m;
    __syncthreads();
    __shared__ Moments total;
    if (threadIdx.x == 0) {
        Moments all;
        for (int w = 0; w < kWarps; ++w)
            all.merge(perWarp[w]);
        total = all;
    }
    __syncthreads();
    return total;
}

/// One block per (sample, group). Element i of the group is channel g·(C/G) + i / HW, pixel i % HW in
/// NCHW; in NHWC it is pixel i / (C/G), channel g·(C/G) + i % (C/G), so neighbouring threads read
/// neighbouring addresses in both layouts.
template <typename T>
__global__ void __launch_bounds__(kThreads)
    groupNormSilu(const T* __restrict__ x, const T* __restrict__ addend, const T* __restrict__ gamma, const T* __restrict__ beta,
                  T* __restrict__ y, GroupNormShape shape, float epsilon)
{
    const int n = blockIdx.x / shape.groups, g = blockIdx.x % shape.groups;
    const int perGroup = shape.channels / shape.groups;
    const std::int64_t count = std::int64_t(perGroup) * shape.pixels;
    auto locate = [&](std::int64_t i, int& c) -> std::int64_t {
        if (shape.channelsLast) {
            const std::int64_t p = i / perGroup;
            c = g * perGroup + int(i % perGroup);
            return (std::int64_t(n) * shape.pixels + p) * shape.channels + c;
        }
        c = g * perGroup + int(i / shape.pixels);
        return (std::int64_t(n) * shape.channels + c) * shape.pixels + i % shape.pixels;
    };
    auto value = [&](std::int64_t at, int c) {
        return toFloat(x[at]) + (addend ? toFloat(addend[std::int64_t(n) * shape.channels + c]) : 0.0f);
    };

    Moments m;
    for (std::int64_t i = threadIdx.x; i < count; i += kThreads) {
        int c;
        const std::int64_t at = locate(i, c);
        m.add(value(at, c));
    }
    const Moments group = mergeInBlock(m);
    const float mean = group.mean, inverseStd = rsqrtf(group.m2 / group.count + epsilon);

    for (std::int64_t i = threadIdx.x; i < count; i += kThreads) {
        int c;
        const std::int64_t at = locate(i, c);
        const float v = (value(at, c) - mean) * inverseStd * toFloat(gamma[c]) + toFloat(beta[c]);
        y[at] = fromFloat<T>(v / (1.0f + __expf(-v)));
    }
}

template <typename T>
int launch(const void* x, const void* addend, const void* gamma, const void* beta, void* y, const GroupNormShape& shape,
           float epsilon, void* stream)
{
    groupNormSilu<T><<<shape.batch * shape.groups, kThreads, 0, static_cast<cudaStream_t>(stream)>>>(
        static_cast<const T*>(x), static_cast<const T*>(addend), static_cast<const T*>(gamma), static_cast<const T*>(beta),
        static_cast<T*>(y), shape, epsilon);
    return int(cudaGetLastError());
}

} // namespace

int launchGroupNormSilu(ElementType type, const void* x, const void* addend, const void* gamma, const void* beta, void* y,
                        const GroupNormShape& shape, float epsilon, void* stream)
{
    if (shape.batch <= 0 || shape.groups <= 0 || shape.pixels <= 0 || shape.channels % shape.groups != 0)
        return int(cudaErrorInvalidValue);
    switch (type) {
    case ElementType::Float32:
        return launch<float>(x, addend, gamma, beta, y, shape, epsilon, stream);
    case ElementType::BFloat16:
        return launch<__nv_bfloat16>(x, addend, gamma, beta, y, shape, epsilon, stream);
    case ElementType::Float16:
        return launch<__half>(x, addend, gamma, beta, y, shape, epsilon, stream);
    }
    return int(cudaErrorInvalidValue);
}

const char* errorString(int code)
{
    return cudaGetErrorString(static_cast<cudaError_t>(code));
}

} // namespace cryosr::cuda
