#include "model/sharednorm.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace cryosr {

namespace {

thread_local SharedNormScope* t_scope = nullptr;

} // namespace

SharedNormStatistics::SharedNormStatistics(std::int64_t samples)
    : m_samples(samples)
{
}

void SharedNormStatistics::clear()
{
    m_moments.clear();
}

SharedNormScope::SharedNormScope(SharedNormStatistics& statistics, Role role, torch::Tensor samples)
    : m_statistics(statistics)
    , m_role(role)
    , m_samples(std::move(samples))
{
    if (t_scope)
        throw std::logic_error("SharedNormScope: scopes do not nest");
    t_scope = this;
}

SharedNormScope::~SharedNormScope()
{
    t_scope = nullptr;
}

void SharedNormScope::commit()
{
    std::vector<SharedNormStatistics::Moments>& moments = m_statistics.m_moments;
    for (std::size_t call = 0; call < m_gathered.size(); ++call) {
        const SharedNormStatistics::Moments& batch = m_gathered[call]; // [n, C], [n, C], [n, 1]
        if (moments.size() <= call) {
            const std::int64_t k = m_statistics.m_samples, channels = batch.sum.size(1);
            const auto options = batch.sum.options();
            moments.push_back(
                {torch::zeros({k, channels}, options), torch::zeros({k, channels}, options), torch::zeros({k, 1}, options)});
        }
        moments[call].sum.index_add_(0, m_samples, batch.sum);
        moments[call].sumOfSquares.index_add_(0, m_samples, batch.sumOfSquares);
        moments[call].mass.index_add_(0, m_samples, batch.mass);
    }
    m_gathered.clear();
}

bool sharedNormActive()
{
    return t_scope != nullptr;
}

namespace {

/// affineFromMoments in plain loops, for CPU tensors: the two dozen LibTorch calls on [n, C] tensors
/// take ~0.3 ms, longer than the normalisation itself of the network's smaller feature maps.
ChannelAffine affineFromMomentsOnCpu(torch::nn::GroupNorm& norm, const torch::Tensor& addend, const torch::Tensor& mean,
                                     const torch::Tensor& meanOfSquares)
{
    const std::int64_t n = mean.size(0), channels = mean.size(1);
    const std::int64_t groups = norm->options.num_groups(), perGroup = channels / groups;
    const auto asDoubles = [](const torch::Tensor& t) { return t.defined() ? t.to(torch::kFloat64).contiguous() : t; };
    const torch::Tensor m = asDoubles(mean), m2 = asDoubles(meanOfSquares); // [n, C]
    const torch::Tensor a = asDoubles(addend.defined() ? addend.expand({n, channels}) : addend); // [n, C], as LibTorch broadcasts
    const bool affine = norm->options.affine();
    const torch::Tensor weight = affine ? asDoubles(norm->weight) : torch::Tensor(),
                        bias = affine ? asDoubles(norm->bias) : torch::Tensor(); // [C]
    torch::Tensor scale = torch::empty({n, channels}, torch::kFloat32), shift = torch::empty_like(scale);
    const double *pm = m.data_ptr<double>(), *pm2 = m2.data_ptr<double>();
    const double* pa = a.defined() ? a.data_ptr<double>() : nullptr;
    const double *pw = affine ? weight.data_ptr<double>() : nullptr, *pb = affine ? bias.data_ptr<double>() : nullptr;
    float *ps = scale.data_ptr<float>(), *pt = shift.data_ptr<float>();
    for (std::int64_t g = 0; g < n * groups; ++g) { // g: sample × group
        const std::int64_t first = g * perGroup, channel0 = (g % groups) * perGroup;
        double groupMean = 0, groupMeanOfSquares = 0;
        for (std::int64_t i = first; i < first + perGroup; ++i) {
            const double shiftBy = pa ? pa[i] : 0.0;
            groupMean += pm[i] + shiftBy;
            groupMeanOfSquares += pm2[i] + 2 * shiftBy * pm[i] + shiftBy * shiftBy;
        }
        groupMean /= double(perGroup);
        groupMeanOfSquares /= double(perGroup);
        const double inverseSigma = 1.0
            / std::sqrt(std::max(groupMeanOfSquares - groupMean * groupMean, 0.0) + norm->options.eps());
        for (std::int64_t i = first, c = channel0; i < first + perGroup; ++i, ++c) {
            const double channelScale = inverseSigma * (pw ? pw[c] : 1.0);
            ps[i] = float(channelScale);
            pt[i] = float(((pa ? pa[i] : 0.0) - groupMean) * channelScale + (pb ? pb[c] : 0.0));
        }
    }
    return {scale, shift};
}

/// norm(x + addend) = x · scale + shift from per-channel E[x] and E[x²] ([n, C], float64; addend [n, C]
/// or undefined), the embedding moving the moments exactly: E[x + a] = E[x] + a,
/// E[(x + a)²] = E[x²] + 2a E[x] + a².
ChannelAffine affineFromMoments(torch::nn::GroupNorm& norm, const torch::Tensor& addend, torch::Tensor mean,
                                torch::Tensor meanOfSquares)
{
    if (mean.is_cpu() && !torch::GradMode::is_enabled()) // the loops record no gradient
        return affineFromMomentsOnCpu(norm, addend, mean, meanOfSquares);
    const std::int64_t n = mean.size(0), channels = mean.size(1);
    const torch::Tensor a = addend.defined() ? addend.to(torch::kFloat64) : torch::Tensor(); // [n, C]
    if (a.defined()) {
        meanOfSquares = meanOfSquares + 2 * a * mean + a.square();
        mean = mean + a;
    }
    const std::int64_t groups = norm->options.num_groups(), perGroup = channels / groups;
    const torch::Tensor groupMean = mean.reshape({n, groups, perGroup}).mean(2, true); // [n, G, 1]
    const torch::Tensor groupVariance =
        (meanOfSquares.reshape({n, groups, perGroup}).mean(2, true) - groupMean.square()).clamp_min(0);
    const torch::Tensor groupScale = (groupVariance + norm->options.eps()).rsqrt(); // [n, G, 1]

    // s = w / σ_g and t = (a − μ_g) · s + b per channel.
    torch::Tensor scale = groupScale.expand({n, groups, perGroup}).reshape({n, channels}); // [n, C]
    torch::Tensor shift = -groupMean.expand({n, groups, perGroup}).reshape({n, channels}); // [n, C]
    if (a.defined())
        shift = shift + a;
    if (norm->options.affine())
        scale = scale * norm->weight.to(torch::kFloat64).view({1, channels});
    shift = shift * scale;
    if (norm->options.affine())
        shift = shift + norm->bias.to(torch::kFloat64).view({1, channels});
    return {scale.to(torch::kFloat32), shift.to(torch::kFloat32)};
}

/// Σx and Σx² per channel, in float32 whatever x's type.
std::pair<torch::Tensor, torch::Tensor> channelSumsOf(const torch::Tensor& x)
{
    const torch::Tensor values = x.to(torch::kFloat32); // [n, C, H, W]
    return {values.sum({2, 3}), values.square().sum({2, 3})};
}

} // namespace

ChannelAffine groupNormAsChannelAffine(const torch::Tensor& x, torch::nn::GroupNorm& norm, const torch::Tensor& addend,
                                       const ChannelSums& channelSums)
{
    // The CPU's plain loops index by these shapes, so they are checked rather than left to LibTorch.
    if (x.dim() != 4)
        throw std::invalid_argument("sharedGroupNorm: x must be [N, C, H, W]");
    const std::int64_t channels = x.size(1), groups = norm->options.num_groups();
    if (channels != norm->options.num_channels() || channels % groups != 0)
        throw std::invalid_argument("sharedGroupNorm: x of " + std::to_string(channels) + " channels for a GroupNorm of "
                                    + std::to_string(norm->options.num_channels()) + " in " + std::to_string(groups) + " groups");
    SharedNormScope* scope = t_scope;
    const std::size_t call = scope ? scope->m_call++ : 0;
    if (scope && scope->m_role == SharedNormScope::Role::Apply) {
        const std::vector<SharedNormStatistics::Moments>& gathered = scope->m_statistics.m_moments;
        if (gathered.size() <= call)
            throw std::logic_error("sharedGroupNorm: more GroupNorm calls than were gathered");
        // Per channel E[x] and E[x²] of the whole image, moved by this pass's embedding, pooled over
        // each group's channels.
        const SharedNormStatistics::Moments& moments = gathered[call];
        if (moments.sum.size(1) != channels)
            throw std::logic_error("sharedGroupNorm: the gathered statistics have other channels than this call");
        const torch::Tensor mass = moments.mass.clamp_min(1e-12).index_select(0, scope->m_samples); // [n, 1]
        return affineFromMoments(norm, addend, moments.sum.index_select(0, scope->m_samples) / mass,
                                 moments.sumOfSquares.index_select(0, scope->m_samples) / mass);
    }
    // The moments before the embedding is added, which a Gather scope records.
    auto [sum, sumOfSquares] = channelSums(x); // [n, C]
    sum = sum.to(torch::kFloat64);
    sumOfSquares = sumOfSquares.to(torch::kFloat64);
    const std::int64_t n = x.size(0);
    const double pixels = double(x.size(2) * x.size(3));
    if (scope)
        scope->m_gathered.push_back({sum, sumOfSquares, torch::full({n, 1}, pixels, sum.options())});
    return affineFromMoments(norm, addend, sum / pixels, sumOfSquares / pixels);
}

torch::Tensor sharedGroupNorm(const torch::Tensor& x, torch::nn::GroupNorm& norm, const torch::Tensor& addend)
{
    // LibTorch's own where it is right: float32 (and float64, in tests) without a scope.
    if (!t_scope && !(x.is_cpu() && x.scalar_type() != torch::kFloat32 && x.scalar_type() != torch::kFloat64))
        return norm(addend.defined() ? x + addend.unsqueeze(-1).unsqueeze(-1) : x);
    const ChannelAffine affine = groupNormAsChannelAffine(x, norm, addend, channelSumsOf);
    const std::int64_t n = x.size(0), channels = x.size(1);
    const auto perChannel = [&](const torch::Tensor& v) { return v.view({n, channels, 1, 1}).to(x.scalar_type()); };
    return torch::addcmul(perChannel(affine.shift), x, perChannel(affine.scale)); // one pass over x
}

} // namespace cryosr
