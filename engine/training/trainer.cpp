#include "training/trainer.h"

#include "computetarget.h"
#include "errormessage.h"
#include "diffusion/consistency.h"
#include "diffusion/prediction.h"
#include "diffusion/sampler.h"
#include "fourier/resample.h"
#include "imagetensor.h"
#include "io/errors.h"
#include "io/imagewriter.h"
#include "model/modelfile.h"
#include "model/modellocator.h"
#include "training/checkpoint.h"
#include "training/trainingdata.h"

#include <ATen/autocast_mode.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <fstream>

namespace cryosr {

namespace {

using Json = nlohmann::ordered_json;
using Clock = std::chrono::steady_clock;

/// True for an empty file or one whose last byte is a newline.
bool endsWithNewline(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary | std::ios::ate);
    if (!in || in.tellg() <= 0)
        return true;
    in.seekg(-1, std::ios::end);
    return in.get() == '\n';
}

/// log.jsonl: one object per line, flushed at once so a follower (the GUI) sees each event.
class TrainingLog {
public:
    explicit TrainingLog(const std::filesystem::path& file)
        : m_file(file)
        , m_out(file, std::ios::app)
    {
        if (!m_out)
            throw FileError(file, "cannot be opened for writing");
        // A run killed while writing (SIGKILL, power loss) can leave half a line; end it, so that the
        // resumed run's events start on lines of their own (readers skip the broken one).
        if (!endsWithNewline(file))
            m_out << '\n' << std::flush;
    }
    void write(Json event)
    {
        const std::time_t now = std::time(nullptr);
        char stamp[32];
        std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
        event["time"] = stamp;
        m_out << event.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n' << std::flush;
        if (!m_out)
            throw FileError(m_file, "cannot be written (disk full?)");
    }

private:
    std::filesystem::path m_file;
    std::ofstream m_out;
};

/// A value that is finite or JSON null.
Json number(double value)
{
    return std::isfinite(value) ? Json(value) : Json(nullptr);
}

/// Data order, noise, timesteps and dropout of step `step` depend on (seed, step) only: that is what
/// makes a resumed run take exactly the steps an uninterrupted one would (splitmix64 of both).
std::uint64_t stepSeed(std::uint64_t seed, std::int64_t step)
{
    std::uint64_t z = seed + 0x9e3779b97f4a7c15ULL * static_cast<std::uint64_t>(step + 1);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return (z ^ (z >> 31)) & 0x7fffffffffffffffULL;
}

/// Linear warm-up to the base rate, then half a cosine down to zero at the last step.
double learningRateAt(const TrainingConfig& c, std::int64_t step)
{
    if (step <= c.warmupSteps)
        return c.learningRate * static_cast<double>(step) / static_cast<double>(std::max<std::int64_t>(c.warmupSteps, 1));
    const double progress = static_cast<double>(step - c.warmupSteps) / static_cast<double>(c.steps - c.warmupSteps);
    return c.learningRate * 0.5 * (1.0 + std::cos(M_PI * std::min(progress, 1.0)));
}

/// EMA with the usual warm-up of its decay (min(d, (1 + n)/(10 + n))), so early averages are not
/// dominated by the random initialisation.
void updateEma(UNet& ema, UNet& network, double decay, std::int64_t step)
{
    const double d = std::min(decay, (1.0 + static_cast<double>(step)) / (10.0 + static_cast<double>(step)));
    torch::NoGradGuard noGrad;
    auto averaged = ema->parameters();
    const auto current = network->parameters();
    for (std::size_t i = 0; i < averaged.size(); ++i)
        averaged[i].mul_(d).add_(current[i].detach(), 1.0 - d);
}

/// Mean over the batch of 10 log10(range² / MSE), range = the target crop's max − min.
double psnr(const torch::Tensor& estimate, const torch::Tensor& target)
{
    const auto flat = target.flatten(1);
    const auto range = flat.amax(1) - flat.amin(1);
    const auto mse = (estimate - target).pow(2).flatten(1).mean(1);
    return (10.0 * torch::log10(range.pow(2) / mse)).mean().item<double>();
}

void copyWeights(UNet from, UNet to) // holders: shared modules
{
    torch::NoGradGuard noGrad;
    auto target = to->parameters();
    const auto source = from->parameters();
    for (std::size_t i = 0; i < target.size(); ++i)
        target[i].copy_(source[i]);
}

/// The model a fine-tuning run starts from, checked against the configuration (a mismatch would make
/// the weights mean something else, or not fit at all).
LoadedModel loadFineTuned(const TrainingConfig& c)
{
    LoadedModel model = loadModel(locateModel(c.initModel.string()));
    const ModelInfo& m = model.info;
    const auto differs = [&](const std::string& what, const std::string& model, const std::string& config) {
        return ArgumentError("cannot fine-tune " + c.initModel.string() + ": its " + what + " is " + model
                             + ", the configuration's " + config + " (take them from the model)");
    };
    if (m.architecture.describe() != c.architecture.describe())
        throw differs("architecture", m.architecture.describe(), c.architecture.describe());
    if (m.scale != c.scale)
        throw differs("scale", std::to_string(m.scale), std::to_string(c.scale));
    if (m.condition != c.condition)
        throw differs("condition", conditionUpsamplingName(m.condition), conditionUpsamplingName(c.condition));
    if (m.filteredCondition != c.filteredCondition)
        throw differs("condition filtering", m.filteredCondition ? "on" : "off", c.filteredCondition ? "on" : "off");
    if (m.prediction != c.prediction)
        throw differs("prediction", predictionName(m.prediction), predictionName(c.prediction));
    const NoiseSchedule ours(c.schedule), theirs(m.schedule);
    if (ours.betas() != theirs.betas())
        throw differs("noise schedule", std::to_string(theirs.timesteps()) + " steps",
                      "another (" + std::to_string(ours.timesteps()) + " steps)");
    return model;
}

struct Validation {
    TrainingBatch batch; ///< fixed crops
    torch::Tensor noise; ///< fixed ε for the loss
    torch::Tensor timesteps; ///< spread over the schedule
};

class Run {
public:
    Run(const TrainingConfig& config, const TrainingCallbacks& callbacks)
        : m_config(config)
        , m_callbacks(callbacks)
        , m_schedule(config.schedule)
    {
    }
    TrainingOutcome go(std::stop_token stop);

private:
    void note(const std::string& text)
    {
        if (m_callbacks.note)
            m_callbacks.note(text);
    }
    /// The network's output for x_t = √ᾱ x0 + √(1 − ᾱ) noise at timesteps t.
    struct Forward {
        torch::Tensor output; ///< [B, 1, P, P]
        torch::Tensor alphaBar; ///< [B, 1, 1, 1]
        torch::Tensor xt; ///< [B, 1, P, P]
    };
    Forward forward(UNet& network, const torch::Tensor& x0, const torch::Tensor& condition, const torch::Tensor& noise,
                    const torch::Tensor& t);
    torch::Tensor lossOf(UNet& network, const TrainingBatch& batch, const torch::Tensor& noise, const torch::Tensor& t);
    /// The neighbour term: x̂_0 of x_t made from the view C against the independent reference B, in
    /// the network output's units (so it weighs like the simulated term).
    torch::Tensor realLossOf(UNet& network, const NeighbourBatch& batch, const torch::Tensor& noise, const torch::Tensor& t);
    /// Steps from `step` to the configured total (or a stop request); returns the last step taken.
    std::int64_t loop(std::int64_t step, std::stop_token stop, bool& stopped);
    ValidationReport validate(std::int64_t step);
    void checkpoint(std::int64_t step);

    TrainingConfig m_config;
    TrainingCallbacks m_callbacks;
    NoiseSchedule m_schedule;
    ComputeTarget m_target;
    bool m_autocast = false;
    torch::Tensor m_alphaBar; // [T] on the device
    UNet m_network{nullptr}, m_ema{nullptr};
    std::unique_ptr<torch::optim::AdamW> m_optimizer;
    std::unique_ptr<CropSampler> m_data;
    std::unique_ptr<NeighbourSampler> m_real;
    int m_realCount = 0; ///< crops of each batch from m_real
    std::optional<Validation> m_validation;
    std::unique_ptr<TrainingLog> m_log;
    Json m_lastValidation;
    Json m_files;
    double m_elapsedBefore = 0;
    std::int64_t m_step = 0; ///< the step being taken, for the log when it fails
    Clock::time_point m_started = Clock::now();
};

Run::Forward Run::forward(UNet& network, const torch::Tensor& x0, const torch::Tensor& condition, const torch::Tensor& noise,
                          const torch::Tensor& t)
{
    const torch::Tensor a = m_alphaBar.index_select(0, t.to(torch::kLong)).view({-1, 1, 1, 1});
    const torch::Tensor xt = torch::sqrt(a) * x0 + torch::sqrt(1 - a) * noise; // the closed-form forward process, [B, 1, P, P]
    at::autocast::set_enabled(m_autocast);
    torch::Tensor output = network->forward(torch::cat({xt, condition}, 1), t.to(torch::kFloat32));
    if (m_autocast) {
        at::autocast::set_enabled(false);
        at::autocast::clear_cache();
    }
    return {output.to(torch::kFloat32), a, xt};
}

torch::Tensor Run::lossOf(UNet& network, const TrainingBatch& batch, const torch::Tensor& noise, const torch::Tensor& t)
{
    const Forward f = forward(network, batch.target, batch.condition, noise, t);
    return torch::mse_loss(f.output, trainingTarget(batch.target, noise, f.alphaBar, m_config.prediction));
}

torch::Tensor Run::realLossOf(UNet& network, const NeighbourBatch& batch, const torch::Tensor& noise, const torch::Tensor& t)
{
    const Forward f = forward(network, batch.view, batch.condition, noise, t);
    const torch::Tensor error = cleanFrom(f.output, f.xt, f.alphaBar, m_config.prediction) - batch.reference;
    // An x̂_0 error is an output error times √(1 − ᾱ) (v) or √(1 − ᾱ)/√ᾱ (ε).
    const torch::Tensor a = f.alphaBar;
    const torch::Tensor weight = m_config.prediction == Prediction::V ? 1 / (1 - a) : a / (1 - a);
    return (error.square() * weight).mean();
}

ValidationReport Run::validate(std::int64_t step)
{
    const Validation& v = *m_validation;
    torch::NoGradGuard noGrad;
    ValidationReport report{step, lossOf(m_ema, v.batch, v.noise, v.timesteps).item<double>(), 0, 0, {}};

    const auto condition = v.batch.condition;
    const NoisePredictor predict = [&](const torch::Tensor& x, const torch::Tensor& t) {
        const torch::Tensor a = m_alphaBar.index_select(0, t.to(torch::kLong)).view({-1, 1, 1, 1});
        return epsilonFrom(m_ema->forward(torch::cat({x, condition}, 1), t), x, a, m_config.prediction);
    };
    const DataConsistency data(m_config.consistency, v.batch.lowRes);
    PredictionHook consistency;
    if (data.mode() != ConsistencyMode::Off)
        consistency = [&](const torch::Tensor& x0) { return data(x0); };
    SamplerSettings sampler;
    sampler.kind = SamplerKind::Ddim;
    sampler.steps = std::min(m_config.validationSamplingSteps, m_schedule.timesteps());
    sampler.seed = m_config.seed ^ 0xfeedULL;
    sampler.antitheticPairs = false; // one sample of each of different crops
    const auto options = torch::TensorOptions().dtype(torch::kFloat32).device(m_target.device);
    const torch::Tensor output = sample(m_schedule, predict, v.batch.target.sizes(), sampler, options, {}, {}, consistency).x0;
    report.psnr = psnr(output, v.batch.target);
    const int p = m_config.patch;
    report.psnrFourier = psnr(fourierResize(v.batch.lowRes, p, p), v.batch.target);

    char name[64];
    std::snprintf(name, sizeof name, "step-%07lld.mrc", static_cast<long long>(step));
    report.samples = std::filesystem::path("validation") / name;
    std::filesystem::create_directories(m_config.out / "validation");
    WriteSpec spec;
    spec.width = spec.height = p;
    spec.labels = {"CryoSR validation at step " + std::to_string(step) + ": condition, output, target per crop"};
    auto writer = createImageWriter(m_config.out / report.samples, FileFormat::Mrc, spec);
    for (std::int64_t i = 0; i < std::min<std::int64_t>(4, output.size(0)); ++i)
        for (const auto& plane : {condition[i][0], output[i][0], v.batch.target[i][0]})
            writer->writeSection(toImage(plane));
    writer->commit();
    return report;
}

void Run::checkpoint(std::int64_t step)
{
    const double elapsed = m_elapsedBefore + std::chrono::duration<double>(Clock::now() - m_started).count();
    saveCheckpoint(m_config.out / "checkpoint.pt", {step, elapsed, configToJson(m_config)}, m_network, m_ema, *m_optimizer);
    ModelInfo info;
    info.architecture = m_config.architecture;
    info.schedule = m_config.schedule;
    info.scale = m_config.scale;
    info.condition = m_config.condition;
    info.prediction = m_config.prediction;
    info.filteredCondition = m_config.filteredCondition;
    info.consistency = m_config.consistency;
    info.trainingSteps = step;
    Json metadata;
    metadata["config"] = Json::parse(configToJson(m_config));
    metadata["files"] = m_files;
    metadata["device"] = m_target.description;
    metadata["wall_seconds"] = elapsed;
    metadata["last_validation"] = m_lastValidation;
    info.metadata = metadata.dump();
    saveModel(m_config.out / "model.pt", info, m_ema);
    m_log->write({{"event", "checkpoint"}, {"step", step}, {"model", "model.pt"}, {"checkpoint", "checkpoint.pt"}});
}

std::int64_t Run::loop(std::int64_t step, std::stop_token stop, bool& stopped)
{
    const TrainingConfig& c = m_config;
    m_network->train();
    m_ema->eval(); // the EMA network is only evaluated: no dropout
    double windowLoss = 0, windowSeconds = 0, stepsPerSecond = 0;
    int windowSteps = 0;
    stopped = false;
    while (step < c.steps) {
        const auto began = Clock::now();
        m_step = ++step;
        const std::uint64_t seed = stepSeed(c.seed, step);
        std::mt19937_64 random(seed);
        torch::manual_seed(seed);
        const int simulatedCount = c.batch - m_realCount;
        TrainingBatch batch = m_data->draw(random, simulatedCount);
        const auto noise = torch::randn(batch.target.sizes()).to(m_target.device); // [B, 1, P, P]
        const auto t = torch::randint(0, m_schedule.timesteps(), {simulatedCount}).to(m_target.device);
        for (torch::Tensor* x : {&batch.target, &batch.lowRes, &batch.condition})
            *x = x->to(m_target.device);
        NeighbourBatch real;
        torch::Tensor realNoise, realT;
        if (m_realCount > 0) {
            real = m_real->draw(random, m_realCount);
            for (torch::Tensor* x : {&real.lowRes, &real.condition, &real.view, &real.reference})
                *x = x->to(m_target.device);
            realNoise = torch::randn(real.view.sizes()).to(m_target.device);
            const auto first = static_cast<std::int64_t>(c.realNoiseFrom * m_schedule.timesteps());
            realT = torch::randint(first, m_schedule.timesteps(), {m_realCount}).to(m_target.device);
        }

        const double lr = learningRateAt(c, step);
        for (auto& group : m_optimizer->param_groups())
            static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);
        m_optimizer->zero_grad();
        torch::Tensor loss = lossOf(m_network, batch, noise, t);
        if (m_realCount > 0) // each crop weighs the same, whichever term it is in
            loss = (loss * simulatedCount + realLossOf(m_network, real, realNoise, realT) * m_realCount) / c.batch;
        loss.backward();
        if (c.gradientClip > 0)
            torch::nn::utils::clip_grad_norm_(m_network->parameters(), c.gradientClip);
        m_optimizer->step();
        updateEma(m_ema, m_network, c.emaDecay, step);
        const double value = loss.item<double>();
        if (!std::isfinite(value))
            throw Error("training diverged at step " + std::to_string(step)
                        + " (the loss is not finite); lower the learning rate and resume or restart");

        windowLoss += value;
        windowSeconds += std::chrono::duration<double>(Clock::now() - began).count();
        ++windowSteps;
        stepsPerSecond = windowSteps / windowSeconds;
        const double eta = static_cast<double>(c.steps - step) / stepsPerSecond;
        if (m_callbacks.step)
            m_callbacks.step({step, c.steps, value, lr, stepsPerSecond, eta});
        stopped = stop.stop_requested() && step < c.steps;
        if (step % c.logEvery == 0 || step == c.steps || stopped) { // the step it stops at too, for the plots
            m_log->write({{"event", "step"},
                          {"step", step},
                          {"total_steps", c.steps},
                          {"loss", windowLoss / windowSteps},
                          {"lr", lr},
                          {"steps_per_second", number(stepsPerSecond)},
                          {"eta_seconds", number(eta)}});
            windowLoss = windowSeconds = 0;
            windowSteps = 0;
        }
        if (m_validation && (step % c.validateEvery == 0 || step == c.steps)) {
            const ValidationReport report = validate(step);
            m_lastValidation = {{"step", step},
                                {"val_loss", number(report.loss)},
                                {"val_psnr", number(report.psnr)},
                                {"val_psnr_fourier", number(report.psnrFourier)},
                                {"samples", report.samples.string()}};
            Json event{{"event", "validation"}};
            event.update(m_lastValidation);
            m_log->write(event);
            if (m_callbacks.validation)
                m_callbacks.validation(report);
        }
        if (stopped || step % c.checkpointEvery == 0 || step == c.steps)
            checkpoint(step);
        if (stopped)
            break;
    }
    return step;
}

TrainingOutcome Run::go(std::stop_token stop)
{
    TrainingConfig& c = m_config;
    c.validate();
    if (c.precision == Precision::Float16)
        throw ArgumentError("fp16 training needs loss scaling, which this trainer does not do; use bf16 (or fp32)");
    m_target = resolveComputeTarget(c.device, c.precision);
    if (c.precision == Precision::BFloat16 && !m_target.device.is_cuda())
        throw ArgumentError("bf16 training (mixed precision) runs on CUDA only; use fp32 on the CPU");
    m_autocast = c.precision == Precision::BFloat16;
    if (m_autocast)
        at::autocast::set_autocast_gpu_dtype(at::kBFloat16);

    // The folder: a new run must not overwrite an old one; a resumed run needs its checkpoint.
    const auto checkpointFile = c.out / "checkpoint.pt";
    const bool haveRun = std::filesystem::exists(checkpointFile) || std::filesystem::exists(c.out / "model.pt");
    if (c.resume && !std::filesystem::exists(checkpointFile))
        throw ArgumentError("nothing to resume: " + checkpointFile.string() + " does not exist");
    if (!c.resume && haveRun)
        throw ArgumentError(c.out.string() + " already holds a training run; resume it or choose another folder");

    // The data, read and checked completely before anything is written.
    DataSplit split;
    if (c.validationData.empty())
        split = splitByFile(collectImageFiles(c.data), c.validationFraction, c.seed);
    else
        split = {collectImageFiles(c.data), collectImageFiles(c.validationData)};
    if (split.training.empty())
        throw ArgumentError("no files left for training after holding out the validation files");
    m_data = std::make_unique<CropSampler>(loadTrainingImages(split.training, c.pairs, c.patch), c);
    std::vector<std::filesystem::path> realFiles;
    if (!c.realData.empty()) {
        realFiles = collectImageFiles(c.realData);
        m_real = std::make_unique<NeighbourSampler>(loadTrainingImages(realFiles, Pairing::Self, 2 * c.patch), c);
        m_realCount = static_cast<int>(std::lround(c.realFraction * c.batch));
    }
    std::optional<CropSampler> validationData;
    if (!split.validation.empty())
        validationData.emplace(loadTrainingImages(split.validation, c.pairs, c.patch), c);
    for (const auto& [key, files] :
         {std::pair{"training", &split.training}, std::pair{"validation", &split.validation}, std::pair{"real", &realFiles}}) {
        Json list = Json::array();
        for (const auto& f : *files)
            list.push_back(f.string());
        m_files[key] = list;
    }
    const auto count = [](std::size_t n, const std::string& noun) {
        return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
    };
    note("training on " + count(split.training.size(), "file") + " (" + count(m_data->imageCount(), "image") + ")"
         + (m_real ? " and " + count(realFiles.size(), "real micrograph") + " as neighbour pairs" : std::string())
         + ", validating on " + count(split.validation.size(), "file"));

    std::error_code error;
    std::filesystem::create_directories(c.out, error);
    if (error)
        throw FileError(c.out, "cannot be created: " + error.message());

    torch::manual_seed(c.seed);
    m_network = UNet(c.architecture);
    m_ema = UNet(c.architecture);
    if (!c.initModel.empty() && !c.resume)
        copyWeights(loadFineTuned(c).network, m_network);
    copyWeights(m_network, m_ema);
    m_network->to(m_target.device);
    m_ema->to(m_target.device);
    m_optimizer = std::make_unique<torch::optim::AdamW>(m_network->parameters(),
                                                        torch::optim::AdamWOptions(c.learningRate).weight_decay(c.weightDecay));
    std::int64_t step = 0;
    if (c.resume) {
        const CheckpointInfo info = loadCheckpoint(checkpointFile, m_network, m_ema, *m_optimizer);
        step = info.step;
        m_elapsedBefore = info.elapsedSeconds;
        note("resuming at step " + std::to_string(step) + " of " + std::to_string(c.steps));
    }
    m_alphaBar = torch::tensor(m_schedule.alphasCumprod(), torch::kFloat64).to(torch::kFloat32).to(m_target.device);

    if (validationData) {
        std::mt19937_64 random(c.seed ^ 0x7a11da7eULL);
        torch::manual_seed(c.seed ^ 0x7a11da7eULL);
        Validation v;
        v.batch = validationData->draw(random, c.validationCrops);
        v.noise = torch::randn(v.batch.target.sizes());
        v.timesteps = (torch::arange(c.validationCrops, torch::kFloat32) + 0.5)
            * (m_schedule.timesteps() / double(c.validationCrops));
        for (torch::Tensor* t : {&v.batch.target, &v.batch.lowRes, &v.batch.condition, &v.noise, &v.timesteps})
            *t = t->to(m_target.device);
        v.timesteps = v.timesteps.floor();
        m_validation = std::move(v);
    }

    m_log = std::make_unique<TrainingLog>(c.out / "log.jsonl");
    m_log->write({{"event", "start"},
                  {"step", step},
                  {"total_steps", c.steps},
                  {"device", m_target.description + (m_autocast ? " (bf16 autocast)" : "")},
                  {"parameters", m_network->parameterCount()},
                  {"files", m_files},
                  {"config", Json::parse(configToJson(c))}});

    bool stopped = false;
    try {
        step = loop(step, stop, stopped);
    } catch (const std::exception& e) {
        m_log->write({{"event", "error"}, {"step", m_step}, {"message", e.what()}}); // the GUI shows why it ended
        throw;
    }
    const double elapsed = m_elapsedBefore + std::chrono::duration<double>(Clock::now() - m_started).count();
    m_log->write({{"event", "end"}, {"step", step}, {"reason", stopped ? "stopped" : "finished"}, {"wall_seconds", elapsed}});
    return {step, stopped, c.out / "model.pt"};
}

} // namespace

TrainingOutcome train(const TrainingConfig& config, std::stop_token stop, const TrainingCallbacks& callbacks)
{
    try {
        Run run(config, callbacks);
        return run.go(stop);
    } catch (const std::exception& error) {
        throwIfOutOfMemory(error); // as the engine's own type
        throw;
    }
}

TrainingConfig storedTrainingConfig(const std::filesystem::path& folder)
{
    return configFromJson(readCheckpointInfo(folder / "checkpoint.pt").configJson);
}

} // namespace cryosr
