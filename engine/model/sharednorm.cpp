#include "model/sharednorm.h"

#include <stdexcept>

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

/// norm(x + addend) from per-channel E[x] and E[x²] ([n, C], float32; addend [n, C] or undefined), the
/// embedding moving the moments exactly: E[x + a] = E[x] + a, E[(x + a)²] = E[x²] + 2a E[x] + a².
torch::Tensor normaliseWithMoments(const torch::Tensor& x, torch::nn::GroupNorm& norm, const torch::Tensor& addend,
                                   torch::Tensor mean, torch::Tensor meanOfSquares)
{
    const std::int64_t n = x.size(0), channels = x.size(1);
    if (addend.defined()) {
        const torch::Tensor a = addend.to(torch::kFloat32);
        meanOfSquares = meanOfSquares + 2 * a * mean + a.square();
        mean = mean + a;
    }
    const std::int64_t groups = norm->options.num_groups(), perGroup = channels / groups;
    const torch::Tensor groupMean = mean.reshape({n, groups, perGroup}).mean(2, true); // [n, G, 1]
    const torch::Tensor groupVariance =
        (meanOfSquares.reshape({n, groups, perGroup}).mean(2, true) - groupMean.square()).clamp_min(0);
    const torch::Tensor groupScale = (groupVariance + norm->options.eps()).rsqrt(); // [n, G, 1]

    // norm(x + a) = x · s + t per channel, with s = w / σ_g and t = (a − μ_g) · s + b: one pass over x
    // (memory-bound on a CPU; the step-by-step form took six).
    torch::Tensor scale = groupScale.expand({n, groups, perGroup}).reshape({n, channels}); // [n, C]
    torch::Tensor shift = -groupMean.expand({n, groups, perGroup}).reshape({n, channels}); // [n, C]
    if (addend.defined())
        shift = shift + addend.to(torch::kFloat32);
    if (norm->options.affine())
        scale = scale * norm->weight.to(torch::kFloat32).view({1, channels});
    shift = shift * scale;
    if (norm->options.affine())
        shift = shift + norm->bias.to(torch::kFloat32).view({1, channels});
    const auto perChannel = [&](const torch::Tensor& v) { return v.view({n, channels, 1, 1}).to(x.scalar_type()); };
    return torch::addcmul(perChannel(shift), x, perChannel(scale));
}

/// norm(x + addend), its statistics from x in float32. LibTorch 1.13's own GroupNorm on the CPU gets
/// bf16 in channels-last order wrong (relative error 0.7-6 against float32; tst_unet), and
/// that is the order bf16 runs in on the CPU.
torch::Tensor groupNormInFloat32(const torch::Tensor& x, torch::nn::GroupNorm& norm, const torch::Tensor& addend)
{
    const torch::Tensor values = x.to(torch::kFloat32); // [n, C, H, W]
    return normaliseWithMoments(x, norm, addend, values.mean({2, 3}), values.square().mean({2, 3}));
}

} // namespace

torch::Tensor sharedGroupNorm(const torch::Tensor& x, torch::nn::GroupNorm& norm, const torch::Tensor& addend)
{
    const bool ownStatistics = x.is_cpu() && x.scalar_type() != torch::kFloat32;
    const auto plain = [&] {
        if (ownStatistics)
            return groupNormInFloat32(x, norm, addend);
        return norm(addend.defined() ? x + addend.unsqueeze(-1).unsqueeze(-1) : x);
    };
    SharedNormScope* scope = t_scope;
    if (!scope)
        return plain();
    const std::size_t call = scope->m_call++;
    const std::int64_t n = x.size(0), height = x.size(2), width = x.size(3);

    if (scope->m_role == SharedNormScope::Role::Gather) {
        // The moments before the embedding is added; bf16 on the CPU normalises with them too.
        const torch::Tensor values = x.to(torch::kFloat32); // [n, C, H, W]
        const torch::Tensor sum = values.sum({2, 3}), sumOfSquares = values.square().sum({2, 3}); // [n, C]
        const double pixels = double(height * width);
        scope->m_gathered.push_back({sum, sumOfSquares, torch::full({n, 1}, pixels, values.options())});
        if (ownStatistics)
            return normaliseWithMoments(x, norm, addend, sum / pixels, sumOfSquares / pixels);
        return plain();
    }

    const std::vector<SharedNormStatistics::Moments>& gathered = scope->m_statistics.m_moments;
    if (gathered.size() <= call)
        throw std::logic_error("sharedGroupNorm: more GroupNorm calls than were gathered");
    // Per channel E[x] and E[x²] of the whole image, moved by this pass's embedding, pooled over each
    // group's channels.
    const SharedNormStatistics::Moments& moments = gathered[call];
    const torch::Tensor mass = moments.mass.clamp_min(1e-12).index_select(0, scope->m_samples); // [n, 1]
    return normaliseWithMoments(x, norm, addend, moments.sum.index_select(0, scope->m_samples) / mass,
                                moments.sumOfSquares.index_select(0, scope->m_samples) / mass);
}

} // namespace cryosr
