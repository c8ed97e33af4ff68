#include "model/modelformat.h"

#include "io/errors.h"

#include <limits>

namespace cryosr {

namespace {

constexpr const char* kFormat = "cryosr-model";

/// Typed access to the description: a missing or mistyped entry, or a number out of range, names the
/// entry (nlohmann's own conversions would truncate or overflow silently).
class Reader {
public:
    Reader(const nlohmann::json& object, std::string prefix, const std::filesystem::path& file)
        : m_object(object)
        , m_prefix(std::move(prefix))
        , m_file(file)
    {
    }

    const nlohmann::json& entry(const std::string& key, bool (nlohmann::json::*isType)() const noexcept) const
    {
        const auto it = m_object.find(key);
        if (it == m_object.end())
            throw FormatError(m_file, "model file lacks its '" + m_prefix + key + "' entry");
        if (!((*it).*isType)())
            throw FormatError(m_file, "model file entry '" + m_prefix + key + "' has the wrong type");
        return *it;
    }
    Reader object(const std::string& key) const
    {
        return Reader(entry(key, &nlohmann::json::is_object), m_prefix + key + ".", m_file);
    }
    bool has(const std::string& key) const { return m_object.contains(key); }
    /// The objects of an array entry, each read like this one.
    std::vector<Reader> objects(const std::string& key) const
    {
        const nlohmann::json& list = entry(key, &nlohmann::json::is_array);
        std::vector<Reader> items;
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (!list[i].is_object() || i >= 64)
                throw FormatError(m_file, "model file entry '" + m_prefix + key + "' has the wrong type");
            items.emplace_back(list[i], m_prefix + key + "[" + std::to_string(i) + "].", m_file);
        }
        return items;
    }
    std::string text(const std::string& key) const { return entry(key, &nlohmann::json::is_string).get<std::string>(); }
    bool boolean(const std::string& key) const { return entry(key, &nlohmann::json::is_boolean).get<bool>(); }
    double real(const std::string& key) const { return entry(key, &nlohmann::json::is_number).get<double>(); }
    std::int64_t integer(const std::string& key, std::int64_t low = std::numeric_limits<int>::min(),
                         std::int64_t high = std::numeric_limits<int>::max()) const
    {
        return checked(entry(key, &nlohmann::json::is_number_integer), key, low, high);
    }
    std::vector<int> integers(const std::string& key) const
    {
        const nlohmann::json& list = entry(key, &nlohmann::json::is_array);
        std::vector<int> values;
        for (const nlohmann::json& v : list) {
            if (!v.is_number_integer() || values.size() >= 64)
                throw FormatError(m_file, "model file entry '" + m_prefix + key + "' has the wrong type");
            values.push_back(static_cast<int>(checked(v, key, std::numeric_limits<int>::min(), std::numeric_limits<int>::max())));
        }
        return values;
    }

private:
    std::int64_t checked(const nlohmann::json& value, const std::string& key, std::int64_t low, std::int64_t high) const
    {
        // Unsigned JSON integers above INT64_MAX do not fit either.
        if (value.is_number_unsigned() && value.get<std::uint64_t>() > static_cast<std::uint64_t>(high))
            throw FormatError(m_file, "model file entry '" + m_prefix + key + "' is out of range");
        const std::int64_t v = value.get<std::int64_t>();
        if (v < low || v > high)
            throw FormatError(m_file, "model file entry '" + m_prefix + key + "' is out of range");
        return v;
    }

    const nlohmann::json& m_object;
    std::string m_prefix;
    const std::filesystem::path& m_file;
};

ModelInfo readDescription(const nlohmann::json& header, const std::filesystem::path& file)
{
    const Reader top(header, "", file);
    const auto format = header.find("format");
    if (format == header.end() || *format != kFormat)
        throw FormatError(file, "not a CryoSR model file (a CryoSR tensor file of another kind)");
    ModelInfo info;
    info.formatVersion = static_cast<int>(top.integer("format_version"));
    if (info.formatVersion > kModelFormatVersion)
        throw UnsupportedError(file,
                               "model format version " + std::to_string(info.formatVersion) + " is newer than this CryoSR reads ("
                                   + std::to_string(kModelFormatVersion) + "); update CryoSR");
    if (info.formatVersion < kOldestTensorModelFormat)
        throw FormatError(
            file, "model file claims format version " + std::to_string(info.formatVersion) + ", which was never a tensor file");
    info.scale = static_cast<int>(top.integer("scale", 1, 16));
    info.normalization = top.text("normalization");
    if (info.normalization != "robust")
        throw UnsupportedError(
            file, "model expects normalisation '" + info.normalization + "', which this CryoSR does not know; update CryoSR");
    const std::string condition = top.text("condition_upsampling");
    if (condition != "fourier" && condition != "bicubic")
        throw FormatError(file, "model file names an unknown condition upsampling '" + condition + "'");
    info.condition = condition == "fourier" ? ConditionUpsampling::Fourier : ConditionUpsampling::Bicubic;
    info.trainingSteps = top.integer("training_steps", 0, std::numeric_limits<std::int64_t>::max());
    const auto metadata = header.find("metadata");
    info.metadata = metadata == header.end() ? "{}" : metadata->dump();
    if (info.formatVersion >= 3) { // version 2 files predict ε, keep the data hard and are not calibrated
        const std::string prediction = top.text("prediction");
        if (prediction != "epsilon" && prediction != "v")
            throw UnsupportedError(file, "model predicts '" + prediction + "', which this CryoSR does not know; update CryoSR");
        info.prediction = prediction == "v" ? Prediction::V : Prediction::Epsilon;
        const auto consistency = consistencyFromName(top.text("consistency"));
        if (!consistency)
            throw FormatError(file, "model file names an unknown consistency '" + top.text("consistency") + "'");
        info.consistency = *consistency;
        info.filteredCondition = top.boolean("condition_filtered");
        if (header.contains("calibration")) {
            const Reader calibration = top.object("calibration");
            const auto checkedScale = [&](const Reader& entry, const std::string& name) {
                const double scale = entry.real("sd_scale");
                if (!(scale > 0.0 && scale < 1e3))
                    throw FormatError(file, "model file entry '" + name + "sd_scale' is out of range");
                return scale;
            };
            info.standardDeviationScale = checkedScale(calibration, "calibration.");
            if (calibration.has("by_steps")) { // optional: older files have only the general scale
                const std::vector<Reader> fits = calibration.objects("by_steps");
                for (std::size_t i = 0; i < fits.size(); ++i)
                    info.stepStandardDeviationScales[static_cast<int>(fits[i].integer("steps", 1, 1 << 20))] =
                        checkedScale(fits[i], "calibration.by_steps[" + std::to_string(i) + "].");
            }
        }
    }

    const Reader unet = top.object("unet");
    UNetConfig& a = info.architecture;
    a.inputChannels = static_cast<int>(unet.integer("input_channels"));
    a.outputChannels = static_cast<int>(unet.integer("output_channels"));
    a.baseChannels = static_cast<int>(unet.integer("base_channels"));
    a.channelMultipliers = unet.integers("channel_multipliers");
    a.resBlocksPerLevel = static_cast<int>(unet.integer("res_blocks"));
    a.attentionLevels = unet.integers("attention_levels");
    a.dropout = unet.real("dropout");
    a.groupNormGroups = static_cast<int>(unet.integer("groups"));

    const Reader schedule = top.object("schedule");
    ScheduleSpec& s = info.schedule;
    const std::string kind = schedule.text("kind");
    if (kind != "linear" && kind != "cosine")
        throw FormatError(file, "model file names an unknown noise schedule '" + kind + "'");
    s.kind = kind == "linear" ? ScheduleKind::Linear : ScheduleKind::Cosine;
    s.timesteps = static_cast<int>(schedule.integer("timesteps"));
    s.betaStart = schedule.real("beta_start");
    s.betaEnd = schedule.real("beta_end");
    s.cosineOffset = schedule.real("cosine_offset");
    if (a.inputChannels != (info.filteredCondition ? 3 : 2) || a.outputChannels != 1)
        throw FormatError(file,
                          "model file's network takes " + std::to_string(a.inputChannels) + " channels and gives "
                              + std::to_string(a.outputChannels) + "; its condition needs "
                              + std::to_string(info.filteredCondition ? 3 : 2) + " and 1");
    try {
        a.validate();
        NoiseSchedule check(s);
    } catch (const ArgumentError& e) {
        throw FormatError(file, std::string("model file describes an invalid model: ") + e.what());
    }
    info.parameters = a.parameterCount();
    return info;
}

TensorFile openContainer(const std::filesystem::path& file)
{
    if (isLibTorchArchive(file))
        throw UnsupportedError(file,
                               "a model file of an earlier CryoSR (a LibTorch archive, whose loading can run code "
                               "stored in it); if you trust where it came from, convert it once with "
                               "`cryosr-cli model convert` (see docs/models.md)");
    return TensorFile(file, "model file");
}

} // namespace

std::string conditionUpsamplingName(ConditionUpsampling method)
{
    return method == ConditionUpsampling::Fourier ? "fourier" : "bicubic";
}

std::string predictionName(Prediction prediction)
{
    return prediction == Prediction::V ? "v" : "epsilon";
}

std::string consistencyName(ConsistencyMode mode)
{
    switch (mode) {
    case ConsistencyMode::Hard:
        return "hard";
    case ConsistencyMode::Noise:
        return "noise";
    case ConsistencyMode::Off:
        return "off";
    }
    return "hard";
}

std::optional<ConsistencyMode> consistencyFromName(const std::string& name)
{
    for (ConsistencyMode mode : {ConsistencyMode::Hard, ConsistencyMode::Noise, ConsistencyMode::Off})
        if (consistencyName(mode) == name)
            return mode;
    return std::nullopt;
}

ModelFile::ModelFile(const std::filesystem::path& file)
    : m_tensors(openContainer(file))
    , m_info(readDescription(m_tensors.header(), file))
{
    std::uint64_t stored = 0;
    for (const TensorEntry& entry : m_tensors.tensors())
        stored += entry.elements; // cannot overflow: each tensor lies inside the file
    if (stored != static_cast<std::uint64_t>(m_info.parameters))
        throw FormatError(file,
                          "model file holds " + withThousands(stored) + " weights, but the architecture it describes ("
                              + m_info.architecture.describe() + ") has " + withThousands(m_info.parameters));
}

nlohmann::json modelHeader(const ModelInfo& info)
{
    const UNetConfig& a = info.architecture;
    const ScheduleSpec& s = info.schedule;
    nlohmann::json metadata = nlohmann::json::parse(info.metadata, nullptr, false);
    if (metadata.is_discarded())
        metadata = info.metadata; // not JSON: kept as text
    nlohmann::json header = {{"format", kFormat},
                             {"format_version", kModelFormatVersion},
                             {"prediction", predictionName(info.prediction)},
                             {"consistency", consistencyName(info.consistency)},
                             {"condition_filtered", info.filteredCondition},
                             {"scale", info.scale},
                             {"normalization", info.normalization},
                             {"condition_upsampling", conditionUpsamplingName(info.condition)},
                             {"training_steps", info.trainingSteps},
                             {"unet",
                              {{"input_channels", a.inputChannels},
                               {"output_channels", a.outputChannels},
                               {"base_channels", a.baseChannels},
                               {"channel_multipliers", a.channelMultipliers},
                               {"res_blocks", a.resBlocksPerLevel},
                               {"attention_levels", a.attentionLevels},
                               {"dropout", a.dropout},
                               {"groups", a.groupNormGroups}}},
                             {"schedule",
                              {{"kind", scheduleKindName(s.kind)},
                               {"timesteps", s.timesteps},
                               {"beta_start", s.betaStart},
                               {"beta_end", s.betaEnd},
                               {"cosine_offset", s.cosineOffset}}},
                             {"metadata", metadata}};
    if (info.standardDeviationScale) {
        header["calibration"] = {{"sd_scale", *info.standardDeviationScale}};
        if (!info.stepStandardDeviationScales.empty()) {
            nlohmann::json fits = nlohmann::json::array();
            for (const auto& [steps, scale] : info.stepStandardDeviationScales)
                fits.push_back({{"steps", steps}, {"sd_scale", scale}});
            header["calibration"]["by_steps"] = fits;
        }
    }
    return header;
}

} // namespace cryosr
