#include "training/trainingconfig.h"

#include "io/errors.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <map>

namespace cryosr {

namespace {

using Json = nlohmann::ordered_json;

template <typename Enum>
std::string nameOf(const std::map<std::string, Enum>& names, Enum value)
{
    for (const auto& [name, v] : names)
        if (v == value)
            return name;
    return {};
}

const std::map<std::string, Pairing> kPairings{{"self", Pairing::Self}, {"simulated", Pairing::Simulated}};
const std::map<std::string, Downsampling> kDownsamplings{{"fourier", Downsampling::FourierCrop},
                                                         {"binning", Downsampling::Binning}};
const std::map<std::string, ConditionUpsampling> kConditions{{"fourier", ConditionUpsampling::Fourier},
                                                             {"bicubic", ConditionUpsampling::Bicubic}};
const std::map<std::string, Prediction> kPredictions{{"epsilon", Prediction::Epsilon}, {"v", Prediction::V}};
const std::map<std::string, ConsistencyMode> kConsistencies{
    {"hard", ConsistencyMode::Hard}, {"noise", ConsistencyMode::Noise}, {"off", ConsistencyMode::Off}};
const std::map<std::string, ScheduleKind> kSchedules{{"linear", ScheduleKind::Linear}, {"cosine", ScheduleKind::Cosine}};
const std::map<std::string, DeviceChoice> kDevices{
    {"auto", DeviceChoice::Auto}, {"cpu", DeviceChoice::Cpu}, {"cuda", DeviceChoice::Cuda}};
const std::map<std::string, Precision> kPrecisions{
    {"fp32", Precision::Float32}, {"bf16", Precision::BFloat16}, {"fp16", Precision::Float16}};

std::vector<std::string> pathStrings(const std::vector<std::filesystem::path>& paths)
{
    std::vector<std::string> out;
    for (const auto& p : paths)
        out.push_back(p.string());
    return out;
}

/// Reads the keys of one JSON object into fields; every key must be known and of the right type.
class ObjectReader {
public:
    ObjectReader(const Json& object, std::string where)
        : m_object(object)
        , m_where(std::move(where))
    {
        if (!object.is_object())
            throw ArgumentError(m_where + " must be a JSON object");
    }

    template <typename T>
    void number(const std::string& key, T& field, double min, double max)
    {
        const Json* v = take(key);
        if (!v)
            return;
        if (!v->is_number() || (std::is_integral_v<T> && !v->is_number_integer()))
            throw wrong(key, std::is_integral_v<T> ? "a whole number" : "a number");
        const double d = v->get<double>();
        if (!(d >= min && d <= max))
            throw ArgumentError(m_where + key + " must be between " + Json(min).dump() + " and " + Json(max).dump() + ", not "
                                + v->dump());
        field = std::is_integral_v<T> ? static_cast<T>(v->get<std::int64_t>()) : static_cast<T>(d);
    }

    void boolean(const std::string& key, bool& field)
    {
        if (const Json* v = take(key)) {
            if (!v->is_boolean())
                throw wrong(key, "true or false");
            field = v->get<bool>();
        }
    }

    void paths(const std::string& key, std::vector<std::filesystem::path>& field)
    {
        const Json* v = take(key);
        if (!v)
            return;
        if (v->is_string()) {
            field = {v->get<std::string>()};
            return;
        }
        if (!v->is_array())
            throw wrong(key, "a path or a list of paths");
        field.clear();
        for (const Json& item : *v) {
            if (!item.is_string())
                throw wrong(key, "a list of paths");
            field.emplace_back(item.get<std::string>());
        }
    }

    void path(const std::string& key, std::filesystem::path& field)
    {
        if (const Json* v = take(key)) {
            if (!v->is_string())
                throw wrong(key, "a path");
            field = v->get<std::string>();
        }
    }

    void integers(const std::string& key, std::vector<int>& field)
    {
        const Json* v = take(key);
        if (!v)
            return;
        if (!v->is_array())
            throw wrong(key, "a list of whole numbers");
        field.clear();
        for (const Json& item : *v) {
            if (!item.is_number_integer() || item.get<std::int64_t>() < 0 || item.get<std::int64_t>() > 4096)
                throw wrong(key, "a list of whole numbers from 0 to 4096");
            field.push_back(item.get<int>());
        }
    }

    template <typename Enum>
    void choice(const std::string& key, Enum& field, const std::map<std::string, Enum>& names)
    {
        const Json* v = take(key);
        if (!v)
            return;
        const auto found = v->is_string() ? names.find(v->get<std::string>()) : names.end();
        if (found == names.end()) {
            std::string list;
            for (const auto& [name, value] : names)
                list += (list.empty() ? "" : ", ") + name;
            throw wrong(key, "one of " + list);
        }
        field = found->second;
    }

    /// A nested object's value (read it with its own ObjectReader), or null when absent.
    const Json* object(const std::string& key) { return take(key); }

    /// Throws for the first key nobody asked for.
    void finish() const
    {
        for (const auto& [key, value] : m_object.items())
            if (!m_seen.count(key))
                throw ArgumentError("unknown setting " + m_where + key + " in the training configuration");
    }

private:
    const Json* take(const std::string& key)
    {
        m_seen.insert({key, true});
        const auto it = m_object.find(key);
        return it == m_object.end() || it->is_null() ? nullptr : &*it;
    }
    ArgumentError wrong(const std::string& key, const std::string& what) const
    {
        return ArgumentError(m_where + key + " must be " + what);
    }

    const Json& m_object;
    std::string m_where;
    std::map<std::string, bool> m_seen;
};

} // namespace

std::string pairingName(Pairing pairing)
{
    return nameOf(kPairings, pairing);
}

std::string downsamplingName(Downsampling method)
{
    return nameOf(kDownsamplings, method);
}

void TrainingConfig::validate() const
{
    architecture.validate();
    NoiseSchedule check(schedule);
    if (data.empty())
        throw ArgumentError("no training data: give files or folders of micrographs");
    if (out.empty())
        throw ArgumentError("no output folder for the training run");
    if (scale < 2 || scale > 8)
        throw ArgumentError("the scale must be 2 to 8, not " + std::to_string(scale));
    const int multiple = scale * architecture.sizeMultiple();
    if (patch < 16 || patch % multiple != 0)
        throw ArgumentError("the patch size must be at least 16 and a multiple of " + std::to_string(multiple)
                            + " (the scale × the network's " + std::to_string(architecture.sizeMultiple()) + "), not "
                            + std::to_string(patch));
    if (architecture.inputChannels != (filteredCondition ? 3 : 2) || architecture.outputChannels != 1)
        throw ArgumentError(std::string("the network must take ") + (filteredCondition ? "3" : "2") + " channels and predict 1");
    if (!(warmupSteps >= 0 && warmupSteps < steps))
        throw ArgumentError("the warm-up must be shorter than the training");
    if (!realData.empty() && static_cast<int>(std::lround(realFraction * batch)) < 1)
        throw ArgumentError("real_data needs real_fraction × batch of at least one crop per step");
    if (!realData.empty() && static_cast<int>(std::lround(realFraction * batch)) >= batch)
        throw ArgumentError("real_fraction leaves no crop of each batch for the data");
}

TrainingConfig withInputChannels(TrainingConfig config)
{
    config.architecture.inputChannels = config.filteredCondition ? 3 : 2;
    return config;
}

void adoptModel(TrainingConfig& config, const std::filesystem::path& model, const ModelInfo& info)
{
    config.initModel = model;
    config.filteredCondition = info.filteredCondition;
    config.prediction = info.prediction;
    config.architecture = info.architecture;
    config.schedule = info.schedule;
    config.scale = info.scale;
    config.condition = info.condition;
}

std::string configToJson(const TrainingConfig& c)
{
    const UNetConfig& a = c.architecture;
    const ScheduleSpec& s = c.schedule;
    Json json;
    json["data"] = pathStrings(c.data);
    json["validation_data"] = pathStrings(c.validationData);
    json["out"] = c.out.string();
    json["init_model"] = c.initModel.string();
    json["pixel_size"] = c.pixelSize;
    json["steps"] = c.steps;
    json["batch"] = c.batch;
    json["patch"] = c.patch;
    json["scale"] = c.scale;
    json["pairs"] = pairingName(c.pairs);
    json["real_data"] = pathStrings(c.realData);
    json["real_fraction"] = c.realFraction;
    json["real_noise_from"] = c.realNoiseFrom;
    json["prediction"] = nameOf(kPredictions, c.prediction);
    json["consistency"] = nameOf(kConsistencies, c.consistency);
    json["downsampling"] = downsamplingName(c.downsampling);
    json["condition"] = nameOf(kConditions, c.condition);
    json["filtered_condition"] = c.filteredCondition;
    json["architecture"] = {{"base_channels", a.baseChannels},
                            {"channel_multipliers", a.channelMultipliers},
                            {"res_blocks", a.resBlocksPerLevel},
                            {"attention_levels", a.attentionLevels},
                            {"dropout", a.dropout},
                            {"groups", a.groupNormGroups}};
    json["schedule"] = {{"kind", nameOf(kSchedules, s.kind)},
                        {"timesteps", s.timesteps},
                        {"beta_start", s.betaStart},
                        {"beta_end", s.betaEnd},
                        {"cosine_offset", s.cosineOffset}};
    json["lr"] = c.learningRate;
    json["weight_decay"] = c.weightDecay;
    json["warmup_steps"] = c.warmupSteps;
    json["ema_decay"] = c.emaDecay;
    json["grad_clip"] = c.gradientClip;
    json["checkpoint_every"] = c.checkpointEvery;
    json["validate_every"] = c.validateEvery;
    json["log_every"] = c.logEvery;
    json["validation_fraction"] = c.validationFraction;
    json["validation_crops"] = c.validationCrops;
    json["validation_sampling_steps"] = c.validationSamplingSteps;
    json["seed"] = c.seed;
    json["device"] = nameOf(kDevices, c.device);
    json["precision"] = nameOf(kPrecisions, c.precision);
    json["resume"] = c.resume;
    return json.dump(2);
}

std::vector<ConfigDifference> configDifferences(const TrainingConfig& first, const TrainingConfig& second)
{
    std::vector<ConfigDifference> differences;
    const auto compare = [&](const Json& a, const Json& b, const std::string& prefix, auto& self) -> void {
        for (auto it = a.begin(); it != a.end(); ++it) {
            const Json& other = b.at(it.key());
            if (it->is_object())
                self(*it, other, prefix + it.key() + ".", self);
            else if (*it != other)
                differences.push_back({prefix + it.key(), it->dump(), other.dump()});
        }
    };
    compare(Json::parse(configToJson(first)), Json::parse(configToJson(second)), "", compare);
    return differences;
}

TrainingConfig configFromJson(const std::string& text, TrainingConfig c)
{
    Json json;
    try {
        json = Json::parse(text);
    } catch (const Json::exception& e) { // parse_error, and out_of_range for numbers like 1e999
        throw ArgumentError(std::string("the training configuration is not valid JSON: ") + e.what());
    }
    ObjectReader r(json, "");
    r.paths("data", c.data);
    r.paths("validation_data", c.validationData);
    r.path("out", c.out);
    r.path("init_model", c.initModel);
    r.number("pixel_size", c.pixelSize, 0, 1e4);
    r.number("steps", c.steps, 1, 1e9);
    r.number("batch", c.batch, 1, 1024);
    r.number("patch", c.patch, 16, 4096);
    r.number("scale", c.scale, 2, 8);
    r.choice("pairs", c.pairs, kPairings);
    r.paths("real_data", c.realData);
    r.number("real_fraction", c.realFraction, 0, 0.9);
    r.number("real_noise_from", c.realNoiseFrom, 0, 0.99);
    r.choice("prediction", c.prediction, kPredictions);
    r.choice("consistency", c.consistency, kConsistencies);
    r.choice("downsampling", c.downsampling, kDownsamplings);
    r.choice("condition", c.condition, kConditions);
    r.boolean("filtered_condition", c.filteredCondition);
    if (const Json* a = r.object("architecture")) {
        ObjectReader ar(*a, "architecture.");
        UNetConfig& u = c.architecture;
        ar.number("base_channels", u.baseChannels, 1, 4096);
        ar.integers("channel_multipliers", u.channelMultipliers);
        ar.number("res_blocks", u.resBlocksPerLevel, 1, 64);
        ar.integers("attention_levels", u.attentionLevels);
        ar.number("dropout", u.dropout, 0, 0.99);
        ar.number("groups", u.groupNormGroups, 1, 4096);
        ar.finish();
    }
    if (const Json* s = r.object("schedule")) {
        ObjectReader sr(*s, "schedule.");
        ScheduleSpec& spec = c.schedule;
        sr.choice("kind", spec.kind, kSchedules);
        sr.number("timesteps", spec.timesteps, 1, kMaxTimesteps);
        sr.number("beta_start", spec.betaStart, 0, 1);
        sr.number("beta_end", spec.betaEnd, 0, 1);
        sr.number("cosine_offset", spec.cosineOffset, 0, 1);
        sr.finish();
    }
    r.number("lr", c.learningRate, 1e-9, 1);
    r.number("weight_decay", c.weightDecay, 0, 1);
    r.number("warmup_steps", c.warmupSteps, 0, 1e9);
    r.number("ema_decay", c.emaDecay, 0, 0.999999);
    r.number("grad_clip", c.gradientClip, 0, 1e6);
    r.number("checkpoint_every", c.checkpointEvery, 1, 1e9);
    r.number("validate_every", c.validateEvery, 1, 1e9);
    r.number("log_every", c.logEvery, 1, 1e9);
    r.number("validation_fraction", c.validationFraction, 0, 0.9);
    r.number("validation_crops", c.validationCrops, 1, 256);
    r.number("validation_sampling_steps", c.validationSamplingSteps, 1, 1000);
    r.number("seed", c.seed, 0, 9.0e15);
    r.choice("device", c.device, kDevices);
    r.choice("precision", c.precision, kPrecisions);
    r.boolean("resume", c.resume);
    r.finish();
    return withInputChannels(c);
}

} // namespace cryosr
