// cryosr-cli model: create an untrained model, describe a model file, or convert an earlier CryoSR's one.

#include "arguments.h"
#include "commands.h"
#include "commonoptions.h"
#include "json.h"

#include "evaluation/evaluation.h"
#include "io/errors.h"
#include "model/legacymodelfile.h"
#include "model/modelinfo.h"
#include "io/outputfile.h"
#include "model/modellocator.h"
#include "training/trainingconfig.h"

#include <cstdio>
#include <iostream>
#include <sstream>

namespace cryosr::cli {

const char* const kModelHelp =
    "usage: cryosr-cli model init -o FILE [--scale 2] [--base-channels 32] [--channel-mults 1,2,4]\n"
    "                             [--res-blocks 2] [--attention-levels L,...|none] [--groups 8] [--dropout 0]\n"
    "                             [--timesteps 1000] [--schedule linear|cosine] [--beta-start 1e-4]\n"
    "                             [--beta-end 0.02] [--condition fourier|bicubic] [--seed 0]\n"
    "       cryosr-cli model show FILE|default|denoise [--json]\n"
    "       cryosr-cli model convert OLD -o NEW\n"
    "       cryosr-cli model calibrate MODEL --inputs SIMULATED... -o NEW [--samples K] [--steps N]\n"
    "                                  [--coverage C] [--region x,y,w,h] [--section N]\n"
    "\n"
    "init writes an untrained model: a starting point for `cryosr-cli train` and a fixture for tests.\n"
    "Its output layer starts at zero (it predicts no noise), so upscaling with it keeps the input's\n"
    "own frequencies but fills the band beyond them with amplified noise. The schedule (linear β from --beta-start to --beta-end "
    "over --timesteps, or\n"
    "cosine), the scale and how the condition is upsampled are part of the model. Attention runs at\n"
    "the listed levels (0 = full resolution; by default the lowest resolution) and always in the\n"
    "middle block.\n"
    "\n"
    "show describes a model file: architecture, parameter count, schedule, what the network predicts,\n"
    "its condition, default data term and calibration, training steps and metadata. `default` and\n"
    "`denoise` are the models shipped with CryoSR (looked for in $CRYOSR_MODEL_DIR, then the installation).\n"
    "\n"
    "calibrate makes the uncertainty of MODEL mean what it says: it upscales each simulated micrograph\n"
    "(its Fourier crop, with K samples, default 8, and N steps, default 20) and compares the mean with\n"
    "the clean image NAME.clean.EXT beside it, then scales the standard deviation so that the errors\n"
    "of a K-sample mean lie within 2 sd sqrt(1 + 1/K) for a share C (default 0.95) of all pixels. NEW is\n"
    "MODEL with that scale and how it was fitted in its metadata. Use simulations the model was neither\n"
    "trained nor will be evaluated on. A model's first calibration is its general one; calibrating it\n"
    "again with other steps adds a scale for those (few steps spread less), used from half to twice them;\n"
    "with the same steps it replaces that scale. The samples come in antithetic pairs, as `upscale`\n"
    "draws them by default.\n"
    "\n"
    "convert rewrites a model file of an earlier CryoSR (model format 1, a LibTorch archive) in the\n"
    "current format. Model files now hold only numbers and a JSON description, and CryoSR refuses the old\n"
    "archives elsewhere: LibTorch loads an archive by compiling and running code stored in it, so convert\n"
    "only files from people you trust. OLD is never changed.\n"
    "Exit status: 0 on success, 1 for a usage error, 2 when a file cannot be read or written.\n";

namespace {

std::string joined(const std::vector<int>& values)
{
    std::string text;
    for (const int v : values)
        text += (text.empty() ? "" : ",") + std::to_string(v);
    return text;
}

std::string scheduleText(const ScheduleSpec& s)
{
    std::ostringstream text;
    text << scheduleKindName(s.kind) << ", T = " << s.timesteps;
    if (s.kind == ScheduleKind::Linear)
        text << ", beta " << s.betaStart << " to " << s.betaEnd;
    else
        text << ", offset " << s.cosineOffset;
    return text.str();
}

/// The step-specific calibrations as a JSON object {"4": 2.1, ...}.
std::string stepScalesJson(const ModelInfo& m)
{
    JsonObject scales;
    for (const auto& [steps, scale] : m.stepStandardDeviationScales)
        scales.add(std::to_string(steps), std::optional<double>(scale), 6);
    return scales.str();
}

/// "; for 4 steps (2 to 8) 2.1" for each step-specific calibration.
std::string stepScalesText(const ModelInfo& m)
{
    std::ostringstream text;
    for (const auto& [steps, scale] : m.stepStandardDeviationScales)
        text << "; for " << steps << (steps == 1 ? " step" : " steps") << " (" << std::max(1, (steps + 1) / 2) << " to "
             << 2 * steps << ") " << scale;
    return text.str();
}

std::string json(const std::string& file, const ModelInfo& m)
{
    const UNetConfig& a = m.architecture;
    const ScheduleSpec& s = m.schedule;
    JsonObject architecture;
    architecture.add("input_channels", a.inputChannels)
        .add("output_channels", a.outputChannels)
        .add("base_channels", a.baseChannels)
        .addRaw("channel_multipliers", "[" + joined(a.channelMultipliers) + "]")
        .add("res_blocks", a.resBlocksPerLevel)
        .addRaw("attention_levels", "[" + joined(a.attentionLevels) + "]")
        .add("groups", a.groupNormGroups)
        .add("dropout", std::optional<double>(a.dropout));
    JsonObject schedule;
    schedule.add("kind", scheduleKindName(s.kind))
        .add("timesteps", s.timesteps)
        .add("beta_start", std::optional<double>(s.betaStart))
        .add("beta_end", std::optional<double>(s.betaEnd))
        .add("cosine_offset", std::optional<double>(s.cosineOffset));
    // Metadata is JSON we wrote; anything else (a hand-edited file) is passed on as a string.
    const bool object = m.metadata.size() >= 2 && m.metadata.front() == '{' && m.metadata.back() == '}';
    JsonObject out;
    out.add("file", file)
        .add("format_version", m.formatVersion)
        .add("scale", m.scale)
        .add("parameters", static_cast<long long>(m.parameters))
        .addRaw("architecture", architecture.str())
        .addRaw("schedule", schedule.str())
        .add("condition_upsampling", conditionUpsamplingName(m.condition))
        .add("condition_filtered", m.filteredCondition ? 1 : 0)
        .add("normalization", m.normalization)
        .add("prediction", predictionName(m.prediction))
        .add("consistency", consistencyName(m.consistency))
        .add("sd_scale", m.standardDeviationScale, 6)
        .addRaw("sd_scale_by_steps", stepScalesJson(m))
        .add("step", static_cast<long long>(m.trainingSteps));
    if (object)
        out.addRaw("metadata", m.metadata);
    else
        out.add("metadata", m.metadata);
    return out.str();
}

void printText(const std::string& file, const ModelInfo& m)
{
    std::cout << "file          " << file << '\n'
              << "format        CryoSR model, version " << m.formatVersion << '\n'
              << "scale         " << m.scale << "x\n"
              << "parameters    " << withThousands(static_cast<std::uint64_t>(m.parameters)) << '\n'
              << "architecture  " << m.architecture.describe() << '\n'
              << "schedule      " << scheduleText(m.schedule) << '\n'
              << "condition     " << conditionUpsamplingName(m.condition) << " upsampling"
              << (m.filteredCondition ? " and the input's empirical Wiener filtering" : "") << ", " << m.normalization
              << " normalisation\n"
              << "predicts      " << (m.prediction == Prediction::V ? "v (velocity)" : "epsilon (the noise)") << '\n'
              << "data term     " << consistencyName(m.consistency) << " consistency by default\n"
              << "uncertainty   "
              << (m.standardDeviationScale ? "calibrated: the samples' spread times " + std::to_string(*m.standardDeviationScale)
                                           : std::string("not calibrated: the samples' spread"))
              << stepScalesText(m) << '\n'
              << "training      "
              << (m.trainingSteps == 0 ? std::string("untrained")
                                       : withThousands(static_cast<std::uint64_t>(m.trainingSteps)) + " steps")
              << '\n'
              << "metadata      " << m.metadata << '\n';
}

int runInit(const std::vector<std::string>& args)
{
    std::set<std::string> options{"output", "scale", "timesteps", "schedule", "beta-start", "beta-end", "condition", "seed"};
    options.insert(kArchitectureOptions.begin(), kArchitectureOptions.end());
    const Arguments parsed(args, options, {});
    if (!parsed.positionals().empty())
        throw UsageError("model init takes no file names besides -o FILE");
    const auto out = parsed.value("output");
    if (!out)
        throw UsageError("model init needs -o FILE");
    ModelInfo info;
    info.architecture = architectureFrom(parsed);
    info.scale = static_cast<int>(parsed.integer("scale", 1, 16).value_or(2));
    info.schedule.timesteps = static_cast<int>(parsed.integer("timesteps", 1, 100000).value_or(1000));
    const std::string schedule = parsed.value("schedule").value_or("linear");
    if (schedule != "linear" && schedule != "cosine")
        throw UsageError("--schedule must be linear or cosine, not '" + schedule + "'");
    info.schedule.kind = schedule == "linear" ? ScheduleKind::Linear : ScheduleKind::Cosine;
    info.schedule.betaStart = parsed.real("beta-start", 1e-8, 0.999).value_or(info.schedule.betaStart);
    info.schedule.betaEnd = parsed.real("beta-end", 1e-8, 0.999).value_or(info.schedule.betaEnd);
    if (info.schedule.betaEnd < info.schedule.betaStart)
        throw UsageError("--beta-end must not be below --beta-start (noise grows along the schedule)");
    const std::string condition = parsed.value("condition").value_or("fourier");
    if (condition != "fourier" && condition != "bicubic")
        throw UsageError("--condition must be fourier or bicubic, not '" + condition + "'");
    info.condition = condition == "fourier" ? ConditionUpsampling::Fourier : ConditionUpsampling::Bicubic;
    const auto seed = static_cast<std::uint64_t>(parsed.integer("seed", 0, INT64_MAX).value_or(0));
    const ModelInfo saved = createUntrainedModel(*out, info, seed);
    std::cout << "wrote untrained " << saved.scale << "x model " << *out << " ("
              << withThousands(static_cast<std::uint64_t>(saved.parameters)) << " parameters; " << saved.architecture.describe()
              << ")\n";
    return kExitOk;
}

int runShow(const std::vector<std::string>& args)
{
    const Arguments parsed(args, {}, {"json"});
    if (parsed.positionals().size() != 1)
        throw UsageError("model show needs one FILE (or default)");
    const std::filesystem::path file = locateModel(parsed.positionals()[0]);
    const ModelInfo info = readModelInfo(file);
    if (parsed.flag("json"))
        std::cout << json(file.string(), info) << '\n';
    else
        printText(file.string(), info);
    return kExitOk;
}

int runModelConvert(const std::vector<std::string>& args)
{
    const Arguments parsed(args, {"output"}, {});
    if (parsed.positionals().size() != 1)
        throw UsageError("model convert needs one OLD model file");
    const auto out = parsed.value("output");
    if (!out)
        throw UsageError("model convert needs -o NEW");
    const std::filesystem::path in = parsed.positionals()[0];
    refuseToOverwrite(in, *out);
    const ModelInfo converted = convertLegacyModel(in, *out);
    std::cout << "wrote " << *out << " (" << converted.scale << "x model, "
              << withThousands(static_cast<std::uint64_t>(converted.parameters)) << " parameters, model format "
              << converted.formatVersion << ")\n";
    return kExitOk;
}

int runCalibrate(const std::vector<std::string>& args)
{
    const Arguments parsed(args, {"inputs", "output", "samples", "steps", "coverage", "region", "section"}, {});
    if (parsed.positionals().empty())
        throw UsageError("model calibrate needs a MODEL");
    const std::filesystem::path model = locateModel(parsed.positionals()[0]);
    std::vector<std::filesystem::path> inputs;
    for (const std::string& file : parsed.values("inputs"))
        inputs.emplace_back(file);
    for (std::size_t i = 1; i < parsed.positionals().size(); ++i)
        inputs.emplace_back(parsed.positionals()[i]);
    const auto out = parsed.value("output");
    if (inputs.empty() || !out)
        throw UsageError("model calibrate needs --inputs SIMULATED... (with their clean images) and -o NEW");
    refuseToOverwrite(model, *out, "input model");
    const Upscaler upscaler(model, deviceFrom(parsed), precisionFrom(parsed));
    UpscaleSettings settings;
    settings.samples = static_cast<int>(parsed.integer("samples", 2, 256).value_or(8));
    settings.sampler.steps = static_cast<int>(parsed.integer("steps", 1, upscaler.model().schedule.timesteps)
                                                  .value_or(std::min(20, upscaler.model().schedule.timesteps)));
    const double target = parsed.real("coverage", 0.5, 0.999).value_or(0.95);
    std::vector<EvaluationTask> tasks;
    std::string files;
    for (const auto& file : inputs) {
        tasks.push_back(
            highResolutionTask(readInput(file, parsed), readInput(cleanPartnerOf(file), parsed), upscaler.model().scale));
        files += (files.empty() ? "" : ",") + jsonString(file.filename().string());
    }
    const CalibrationFit fit = fitStandardDeviationScale(upscaler, tasks, settings, target);
    const int steps = settings.sampler.steps;
    const double scale = standardDeviationScaleFor(upscaler.model(), steps) * fit.scale; // the fit ran with that applied
    const std::string how = JsonObject()
                                .addRaw("files", "[" + files + "]")
                                .add("samples", settings.samples)
                                .add("steps", steps)
                                .add("coverage_target", target, 4)
                                .add("coverage_before", fit.coverageBefore, 4)
                                .add("pixels", static_cast<long long>(fit.pixels))
                                .str();
    // The first calibration is the model's general one (and so is a refit at its steps); later ones are
    // for their number of steps.
    const std::string key = isGeneralCalibration(upscaler.model(), steps) ? "calibration"
                                                                          : "calibration_" + std::to_string(steps) + "_steps";
    calibrateModel(model, *out, steps, scale, "{\"" + key + "\":" + how + "}");
    std::printf("wrote %s: standard deviation scale %.4g for %d steps (covered %.1f %% of %zu pixels before, %.1f %% after)\n",
                out->c_str(), scale, steps, 100 * fit.coverageBefore, fit.pixels, 100 * target);
    return kExitOk;
}

} // namespace

int runModel(const std::vector<std::string>& args)
{
    if (args.empty())
        throw UsageError("model needs a subcommand: init, show, convert or calibrate");
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (args[0] == "init")
        return runInit(rest);
    if (args[0] == "show")
        return runShow(rest);
    if (args[0] == "convert")
        return runModelConvert(rest);
    if (args[0] == "calibrate")
        return runCalibrate(rest);
    throw UsageError("unknown model subcommand '" + args[0] + "' (init, show, convert or calibrate)");
}

} // namespace cryosr::cli
