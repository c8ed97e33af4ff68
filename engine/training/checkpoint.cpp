#include "training/checkpoint.h"

#include "io/errors.h"
#include "io/tensorfile.h"
#include "model/modelfile.h"

#include <nlohmann/json.hpp>

#include <sstream>
#include <type_traits>

namespace cryosr {

namespace {

// A tensor file like a model (io/tensorfile.h), so resuming reads numbers only. Version 1 was a LibTorch
// archive; such a checkpoint is refused (start a new run, or resume with the CryoSR that wrote it).
constexpr const char* kFormat = "cryosr-checkpoint";
constexpr std::int64_t kVersion = 2;

/// The optimizer's state is keyed by the parameter's TensorImpl: as text in Debian's LibTorch 1.13,
/// as the pointer itself in LibTorch 2.
using StateKey = std::remove_cvref_t<decltype(std::declval<torch::optim::AdamW&>().state())>::key_type;

template <typename Key = StateKey> // a template, so that only the matching branch is compiled
Key stateKey(const torch::Tensor& parameter)
{
    if constexpr (std::is_same_v<Key, std::string>) {
        std::ostringstream text; // as LibTorch 1.13 writes the key (c10::guts::to_string)
        text << static_cast<const void*>(parameter.unsafeGetTensorImpl());
        return text.str();
    } else
        return static_cast<Key>(parameter.unsafeGetTensorImpl());
}

std::vector<torch::Tensor> optimizedParameters(torch::optim::AdamW& optimizer)
{
    std::vector<torch::Tensor> parameters;
    for (const auto& group : optimizer.param_groups())
        parameters.insert(parameters.end(), group.params().begin(), group.params().end());
    return parameters;
}

void addMoment(TensorFileWriter& writer, const std::string& name, const torch::Tensor& moment)
{
    const torch::Tensor values = moment.detach().to(torch::kCPU, torch::kFloat32).contiguous();
    writer.add(name, values.sizes().vec(), values.data_ptr<float>());
}

/// Reads the header; throws FormatError/UnsupportedError for anything but a checkpoint of this version.
CheckpointInfo readHeader(const TensorFile& file)
{
    const nlohmann::json& header = file.header();
    const auto format = header.find("format"); // json::value() would throw its own error for a non-string
    if (format == header.end() || *format != kFormat)
        throw FormatError(file.path(), "not a CryoSR training checkpoint");
    const auto version = header.find("version");
    if (version == header.end() || *version != kVersion)
        throw UnsupportedError(file.path(), "checkpoint from another CryoSR version; start a new run");
    const auto step = header.find("step"), elapsed = header.find("elapsed_seconds"), config = header.find("config");
    if (step == header.end() || !step->is_number_integer() || elapsed == header.end() || !elapsed->is_number()
        || config == header.end() || !config->is_string())
        throw FormatError(file.path(), "checkpoint lacks its step or configuration");
    CheckpointInfo info;
    info.step = step->get<std::int64_t>();
    info.elapsedSeconds = elapsed->get<double>();
    info.configJson = config->get<std::string>();
    return info;
}

/// An earlier CryoSR's checkpoint is a LibTorch archive; it is named, never opened.
TensorFile openCheckpoint(const std::filesystem::path& file)
{
    if (isLibTorchArchive(file))
        throw UnsupportedError(file, "checkpoint from another CryoSR version; start a new run");
    return TensorFile(file, "training checkpoint");
}

} // namespace

void saveCheckpoint(const std::filesystem::path& file, const CheckpointInfo& info, UNet& network, UNet& ema,
                    torch::optim::AdamW& optimizer)
{
    TensorFileWriter writer;
    addWeights(writer, network, "network/");
    addWeights(writer, ema, "ema/");
    // AdamW's moments per parameter, in the optimizer's order; none before its first step.
    nlohmann::json steps = nlohmann::json::array();
    const auto parameters = optimizedParameters(optimizer);
    for (std::size_t i = 0; i < parameters.size(); ++i) {
        const auto found = optimizer.state().find(stateKey(parameters[i]));
        if (found == optimizer.state().end()) {
            steps.push_back(nullptr);
            continue;
        }
        const auto& state = static_cast<const torch::optim::AdamWParamState&>(*found->second);
        steps.push_back(state.step());
        addMoment(writer, "adamw/" + std::to_string(i) + "/exp_avg", state.exp_avg());
        addMoment(writer, "adamw/" + std::to_string(i) + "/exp_avg_sq", state.exp_avg_sq());
        if (state.max_exp_avg_sq().defined())
            addMoment(writer, "adamw/" + std::to_string(i) + "/max_exp_avg_sq", state.max_exp_avg_sq());
    }
    writer.write(file,
                 {{"format", kFormat},
                  {"version", kVersion},
                  {"step", info.step},
                  {"elapsed_seconds", info.elapsedSeconds},
                  {"config", info.configJson},
                  {"adamw_steps", steps}});
}

CheckpointInfo loadCheckpoint(const std::filesystem::path& file, UNet& network, UNet& ema, torch::optim::AdamW& optimizer)
{
    const TensorFile stored = openCheckpoint(file);
    const CheckpointInfo info = readHeader(stored);
    const std::string mismatch = "checkpoint does not fit the configured network";
    readWeights(stored, network, "network/", mismatch);
    readWeights(stored, ema, "ema/", mismatch);

    const auto parameters = optimizedParameters(optimizer);
    const nlohmann::json steps = stored.header().value("adamw_steps", nlohmann::json());
    if (!steps.is_array() || steps.size() != parameters.size())
        throw FormatError(file, mismatch + " (its optimizer state is for another network)");
    const auto moment = [&](std::size_t i, const char* which, const torch::Tensor& parameter) {
        const TensorEntry* entry = stored.find("adamw/" + std::to_string(i) + "/" + which);
        if (!entry || entry->shape != parameter.sizes().vec())
            throw FormatError(file, mismatch + " (optimizer state " + std::to_string(i) + " is missing or misshapen)");
        torch::Tensor values = torch::empty(entry->shape, torch::kFloat32);
        stored.read(*entry, values.data_ptr<float>());
        return values.to(parameter.options());
    };
    optimizer.state().clear();
    for (std::size_t i = 0; i < parameters.size(); ++i) {
        if (steps[i].is_null())
            continue;
        if (!steps[i].is_number_integer())
            throw FormatError(file, mismatch + " (its optimizer state is damaged)");
        auto state = std::make_unique<torch::optim::AdamWParamState>();
        state->step(steps[i].get<std::int64_t>());
        state->exp_avg(moment(i, "exp_avg", parameters[i]));
        state->exp_avg_sq(moment(i, "exp_avg_sq", parameters[i]));
        if (stored.find("adamw/" + std::to_string(i) + "/max_exp_avg_sq"))
            state->max_exp_avg_sq(moment(i, "max_exp_avg_sq", parameters[i]));
        optimizer.state()[stateKey(parameters[i])] = std::move(state);
    }
    return info;
}

CheckpointInfo readCheckpointInfo(const std::filesystem::path& file)
{
    return readHeader(openCheckpoint(file));
}

} // namespace cryosr
