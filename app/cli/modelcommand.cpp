// cryosr-cli model: create an untrained model, describe a model file, or convert an earlier CryoSR's one.

#include "arguments.h"
#include "commands.h"
#include "commonoptions.h"
#include "json.h"

#include "io/errors.h"
#include "model/legacymodelfile.h"
#include "model/modelinfo.h"
#include "model/modellocator.h"

#include <iostream>
#include <sstream>

namespace cryosr::cli {

const char* const kModelHelp =
    "usage: cryosr-cli model init -o FILE [--scale 2] [--base-channels 32] [--channel-mults 1,2,4]\n"
    "                             [--res-blocks 2] [--attention-levels L,...|none] [--groups 8] [--dropout 0]\n"
    "                             [--timesteps 1000] [--schedule linear|cosine] [--beta-start 1e-4]\n"
    "                             [--beta-end 0.02] [--condition fourier|bicubic] [--seed 0]\n"
    "       cryosr-cli model show FILE|default [--json]\n"
    "       cryosr-cli model convert OLD -o NEW\n"
    "\n"
    "init writes an untrained model: a starting point for `cryosr-cli train` and a fixture for tests.\n"
    "Its output layer starts at zero (it predicts no noise), so upscaling with it keeps the input's\n"
    "own frequencies but fills the band beyond them with amplified noise. The schedule (linear β from --beta-start to --beta-end over --timesteps, or\n"
    "cosine), the scale and how the condition is upsampled are part of the model. Attention runs at\n"
    "the listed levels (0 = full resolution; by default the lowest resolution) and always in the\n"
    "middle block.\n"
    "\n"
    "show describes a model file: architecture, parameter count, schedule, training steps and metadata.\n"
    "`default` is the model shipped with CryoSR (looked for in $CRYOSR_MODEL_DIR, then the installation).\n"
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
        .add("normalization", m.normalization)
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
              << "condition     " << conditionUpsamplingName(m.condition) << " upsampling, " << m.normalization
              << " normalisation\n"
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
              << withThousands(static_cast<std::uint64_t>(saved.parameters)) << " parameters; "
              << saved.architecture.describe() << ")\n";
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
    std::error_code ec;
    if (std::filesystem::equivalent(in, *out, ec))
        throw FileError(*out, "is the input file; CryoSR never overwrites its input");
    const ModelInfo converted = convertLegacyModel(in, *out);
    std::cout << "wrote " << *out << " (" << converted.scale << "x model, "
              << withThousands(static_cast<std::uint64_t>(converted.parameters)) << " parameters, model format "
              << converted.formatVersion << ")\n";
    return kExitOk;
}

} // namespace

int runModel(const std::vector<std::string>& args)
{
    if (args.empty())
        throw UsageError("model needs a subcommand: init, show or convert");
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (args[0] == "init")
        return runInit(rest);
    if (args[0] == "show")
        return runShow(rest);
    if (args[0] == "convert")
        return runModelConvert(rest);
    throw UsageError("unknown model subcommand '" + args[0] + "' (init, show or convert)");
}

} // namespace cryosr::cli
