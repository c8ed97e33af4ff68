#include "model/modelfile.h"

#include <nlohmann/json.hpp>

#include "io/atomicfile.h"
#include "io/binaryfile.h"
#include "io/errors.h"

#include <map>
#include <sstream>

namespace cryosr {

namespace {

constexpr const char* kMagic = "cryosr-model";

std::vector<std::int64_t> toInt64(const std::vector<int>& values)
{
    return {values.begin(), values.end()};
}

std::vector<int> toInt(const c10::IValue& value)
{
    const auto list = value.toIntVector();
    return {list.begin(), list.end()};
}

void writeInfo(torch::serialize::OutputArchive& archive, const ModelInfo& info)
{
    const UNetConfig& a = info.architecture;
    const ScheduleSpec& s = info.schedule;
    archive.write("format", c10::IValue(std::string(kMagic)));
    archive.write("format_version", c10::IValue(static_cast<std::int64_t>(info.formatVersion)));
    archive.write("scale", c10::IValue(static_cast<std::int64_t>(info.scale)));
    archive.write("normalization", c10::IValue(info.normalization));
    archive.write("condition_upsampling", c10::IValue(conditionUpsamplingName(info.condition)));
    archive.write("training_steps", c10::IValue(info.trainingSteps));
    archive.write("metadata", c10::IValue(info.metadata));
    archive.write("unet.input_channels", c10::IValue(static_cast<std::int64_t>(a.inputChannels)));
    archive.write("unet.output_channels", c10::IValue(static_cast<std::int64_t>(a.outputChannels)));
    archive.write("unet.base_channels", c10::IValue(static_cast<std::int64_t>(a.baseChannels)));
    archive.write("unet.channel_multipliers", c10::IValue(toInt64(a.channelMultipliers)));
    archive.write("unet.res_blocks", c10::IValue(static_cast<std::int64_t>(a.resBlocksPerLevel)));
    archive.write("unet.attention_levels", c10::IValue(toInt64(a.attentionLevels)));
    archive.write("unet.dropout", c10::IValue(a.dropout));
    archive.write("unet.groups", c10::IValue(static_cast<std::int64_t>(a.groupNormGroups)));
    archive.write("schedule.kind", c10::IValue(scheduleKindName(s.kind)));
    archive.write("schedule.timesteps", c10::IValue(static_cast<std::int64_t>(s.timesteps)));
    archive.write("schedule.beta_start", c10::IValue(s.betaStart));
    archive.write("schedule.beta_end", c10::IValue(s.betaEnd));
    archive.write("schedule.cosine_offset", c10::IValue(s.cosineOffset));
}

/// Reads one entry; a missing or mistyped one means the file is not (or no longer) a sound model.
template <typename Convert>
auto readValue(torch::serialize::InputArchive& archive, const std::string& key, const std::filesystem::path& file,
               Convert convert)
{
    c10::IValue value;
    if (!archive.try_read(key, value))
        throw FormatError(file, "model file lacks its '" + key + "' entry");
    try {
        return convert(value);
    } catch (const c10::Error&) {
        throw FormatError(file, "model file entry '" + key + "' has the wrong type");
    }
}

ModelInfo readInfo(torch::serialize::InputArchive& archive, const std::filesystem::path& file)
{
    const auto text = [](const c10::IValue& v) { return v.toStringRef(); };
    const auto integer = [](const c10::IValue& v) { return v.toInt(); };
    const auto real = [](const c10::IValue& v) { return v.toDouble(); };
    c10::IValue magic;
    if (!archive.try_read("format", magic) || !magic.isString() || magic.toStringRef() != kMagic)
        throw FormatError(file, "not a CryoSR model file (a LibTorch archive without CryoSR's model entries)");
    ModelInfo info;
    info.formatVersion = static_cast<int>(readValue(archive, "format_version", file, integer));
    if (info.formatVersion > kModelFormatVersion || info.formatVersion < 1)
        throw UnsupportedError(file, "model format version " + std::to_string(info.formatVersion)
                                         + " is newer than this CryoSR reads (" + std::to_string(kModelFormatVersion)
                                         + "); update CryoSR");
    info.scale = static_cast<int>(readValue(archive, "scale", file, integer));
    info.normalization = readValue(archive, "normalization", file, text);
    if (info.normalization != "robust")
        throw UnsupportedError(file, "model expects normalisation '" + info.normalization
                                         + "', which this CryoSR does not know; update CryoSR");
    const std::string condition = readValue(archive, "condition_upsampling", file, text);
    if (condition != "fourier" && condition != "bicubic")
        throw FormatError(file, "model file names an unknown condition upsampling '" + condition + "'");
    info.condition = condition == "fourier" ? ConditionUpsampling::Fourier : ConditionUpsampling::Bicubic;
    info.trainingSteps = readValue(archive, "training_steps", file, integer);
    info.metadata = readValue(archive, "metadata", file, text);
    UNetConfig& a = info.architecture;
    a.inputChannels = static_cast<int>(readValue(archive, "unet.input_channels", file, integer));
    a.outputChannels = static_cast<int>(readValue(archive, "unet.output_channels", file, integer));
    a.baseChannels = static_cast<int>(readValue(archive, "unet.base_channels", file, integer));
    a.channelMultipliers = readValue(archive, "unet.channel_multipliers", file, toInt);
    a.resBlocksPerLevel = static_cast<int>(readValue(archive, "unet.res_blocks", file, integer));
    a.attentionLevels = readValue(archive, "unet.attention_levels", file, toInt);
    a.dropout = readValue(archive, "unet.dropout", file, real);
    a.groupNormGroups = static_cast<int>(readValue(archive, "unet.groups", file, integer));
    ScheduleSpec& s = info.schedule;
    const std::string kind = readValue(archive, "schedule.kind", file, text);
    if (kind != "linear" && kind != "cosine")
        throw FormatError(file, "model file names an unknown noise schedule '" + kind + "'");
    s.kind = kind == "linear" ? ScheduleKind::Linear : ScheduleKind::Cosine;
    s.timesteps = static_cast<int>(readValue(archive, "schedule.timesteps", file, integer));
    s.betaStart = readValue(archive, "schedule.beta_start", file, real);
    s.betaEnd = readValue(archive, "schedule.beta_end", file, real);
    s.cosineOffset = readValue(archive, "schedule.cosine_offset", file, real);
    if (info.scale < 1 || info.scale > 16)
        throw FormatError(file, "model file gives an impossible scale " + std::to_string(info.scale));
    try {
        a.validate();
        NoiseSchedule check(s);
    } catch (const ArgumentError& e) {
        throw FormatError(file, std::string("model file describes an invalid model: ") + e.what());
    }
    return info;
}

torch::serialize::InputArchive openArchive(const std::filesystem::path& file)
{
    BinaryFile probe(file); // a missing file or a directory gets the usual message
    torch::serialize::InputArchive archive;
    try {
        archive.load_from(file.string());
    } catch (const c10::Error&) {
        throw FormatError(file, "not a CryoSR model file (not a complete LibTorch archive; truncated or another format)");
    }
    return archive;
}

} // namespace

std::string conditionUpsamplingName(ConditionUpsampling method)
{
    return method == ConditionUpsampling::Fourier ? "fourier" : "bicubic";
}

void saveModel(const std::filesystem::path& file, ModelInfo info, UNet& network)
{
    info.parameters = network->parameterCount();
    info.architecture = network->config();
    torch::serialize::OutputArchive archive;
    writeInfo(archive, info);
    torch::serialize::OutputArchive weights;
    network->save(weights);
    archive.write("weights", weights);
    saveArchive(archive, file);
}

void saveArchive(torch::serialize::OutputArchive& archive, const std::filesystem::path& file)
{
    // Through memory, not a path: the archive would take the (random) temporary file's name as its
    // record prefix, and the same model must give the same bytes.
    std::ostringstream bytes;
    archive.save_to(bytes);
    const std::string data = std::move(bytes).str();
    AtomicFile out(file);
    out.writeAt(0, data.data(), data.size());
    out.commit();
}

ModelInfo createUntrainedModel(const std::filesystem::path& file, ModelInfo info, std::uint64_t seed)
{
    NoiseSchedule check(info.schedule); // refuse a bad schedule before writing anything
    if (info.scale < 1 || info.scale > 16)
        throw ArgumentError("the scale must be 1 to 16, not " + std::to_string(info.scale));
    torch::manual_seed(seed);
    UNet network(info.architecture);
    info.trainingSteps = 0;
    saveModel(file, info, network);
    info.parameters = network->parameterCount();
    return info;
}

ModelInfo copyModel(const std::filesystem::path& from, const std::filesystem::path& to,
                    const std::string& metadataPatch)
{
    LoadedModel model = loadModel(from);
    nlohmann::json metadata = nlohmann::json::parse(model.info.metadata, nullptr, false);
    const nlohmann::json patch = nlohmann::json::parse(metadataPatch, nullptr, false);
    if (!patch.is_object())
        throw ArgumentError("model metadata to add must be a JSON object");
    if (!metadata.is_object())
        metadata = nlohmann::json::object();
    metadata.update(patch);
    model.info.metadata = metadata.dump();
    saveModel(to, model.info, model.network);
    return readModelInfo(to);
}

ModelInfo readModelInfo(const std::filesystem::path& file)
{
    return loadModel(file).info;
}

LoadedModel loadModel(const std::filesystem::path& file)
{
    torch::serialize::InputArchive archive = openArchive(file);
    LoadedModel model;
    model.info = readInfo(archive, file);
    model.network = UNet(model.info.architecture);
    torch::serialize::InputArchive weights;
    if (!archive.try_read("weights", weights))
        throw FormatError(file, "model file holds no weights");
    // LibTorch's Module::load replaces each tensor whatever its shape, so check the shapes ourselves.
    std::map<std::string, std::vector<std::int64_t>> expected;
    for (const auto& p : model.network->named_parameters())
        expected[p.key()] = p.value().sizes().vec();
    const std::string mismatch = "model weights do not match the architecture the file describes ("
        + model.info.architecture.describe() + ")";
    try {
        model.network->load(weights);
    } catch (const c10::Error&) {
        throw FormatError(file, mismatch);
    }
    for (const auto& p : model.network->named_parameters())
        if (p.value().sizes().vec() != expected[p.key()])
            throw FormatError(file, mismatch + ": " + p.key() + " has the wrong shape");
    model.network->eval();
    model.info.parameters = model.network->parameterCount();
    return model;
}

} // namespace cryosr
