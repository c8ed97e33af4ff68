#include "model/legacymodelfile.h"

#include "io/binaryfile.h"
#include "io/errors.h"
#include "model/modelfile.h"

#include <map>

namespace cryosr {

namespace {

constexpr const char* kMagic = "cryosr-model";

std::vector<int> toInt(const c10::IValue& value)
{
    const auto list = value.toIntVector();
    return {list.begin(), list.end()};
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
    if (readValue(archive, "format_version", file, integer) != 1)
        throw FormatError(file, "not a model file of an earlier CryoSR (only format version 1 was a LibTorch archive)");
    info.scale = static_cast<int>(readValue(archive, "scale", file, integer));
    info.normalization = readValue(archive, "normalization", file, text);
    if (info.normalization != "robust")
        throw UnsupportedError(
            file, "model expects normalisation '" + info.normalization + "', which this CryoSR does not know; update CryoSR");
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
        throw FormatError(file,
                          "not a model file of an earlier CryoSR (not a complete LibTorch archive; truncated, a current "
                          "model file, or another format)");
    }
    return archive;
}

} // namespace

ModelInfo convertLegacyModel(const std::filesystem::path& from, const std::filesystem::path& to)
{
    torch::serialize::InputArchive archive = openArchive(from);
    ModelInfo info = readInfo(archive, from);
    UNet network(info.architecture);
    torch::serialize::InputArchive weights;
    if (!archive.try_read("weights", weights))
        throw FormatError(from, "model file holds no weights");
    // LibTorch's Module::load replaces each tensor whatever its shape, so check the shapes ourselves.
    std::map<std::string, std::vector<std::int64_t>> expected;
    for (const auto& p : network->named_parameters())
        expected[p.key()] = p.value().sizes().vec();
    const std::string mismatch = "model weights do not match the architecture the file describes (" + info.architecture.describe()
        + ")";
    try {
        network->load(weights);
    } catch (const c10::Error&) {
        throw FormatError(from, mismatch);
    }
    for (const auto& p : network->named_parameters())
        if (p.value().sizes().vec() != expected[p.key()])
            throw FormatError(from, mismatch + ": " + p.key() + " has the wrong shape");
    info.formatVersion = kModelFormatVersion;
    saveModel(to, info, network);
    return readModelInfo(to);
}

} // namespace cryosr
