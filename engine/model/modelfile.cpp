#include "model/modelfile.h"

#include "io/errors.h"
#include "io/tensorfile.h"
#include "model/modelformat.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <functional>

namespace cryosr {

namespace {

/// Every tensor the file must hold for `network`: its weights (and buffers, should a layer ever have any).
std::vector<std::pair<std::string, torch::Tensor>> namedTensors(UNet& network)
{
    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    for (const auto& p : network->named_parameters())
        tensors.emplace_back(p.key(), p.value());
    for (const auto& b : network->named_buffers())
        tensors.emplace_back(b.key(), b.value());
    return tensors;
}

} // namespace

void addWeights(TensorFileWriter& writer, UNet& network, const std::string& prefix)
{
    for (const auto& [name, tensor] : namedTensors(network)) {
        const torch::Tensor values = tensor.detach().to(torch::kCPU, torch::kFloat32).contiguous();
        writer.add(prefix + name, values.sizes().vec(), values.data_ptr<float>());
    }
}

std::size_t readWeights(const TensorFile& file, UNet& network, const std::string& prefix, const std::string& mismatch)
{
    const auto tensors = namedTensors(network);
    torch::NoGradGuard noGrad;
    for (const auto& [name, tensor] : tensors) {
        const TensorEntry* entry = file.find(prefix + name);
        if (!entry)
            throw FormatError(file.path(), mismatch + ": " + prefix + name + " is missing");
        if (entry->shape != tensor.sizes().vec())
            throw FormatError(file.path(), mismatch + ": " + prefix + name + " has the wrong shape");
        torch::Tensor values = torch::empty(entry->shape, torch::kFloat32);
        file.read(*entry, values.data_ptr<float>());
        tensor.copy_(values); // to the network's device and type
    }
    return tensors.size();
}

void saveModel(const std::filesystem::path& file, ModelInfo info, UNet& network)
{
    info.parameters = network->parameterCount();
    info.architecture = network->config();
    TensorFileWriter writer;
    addWeights(writer, network);
    writer.write(file, modelHeader(info));
}

LoadedModel loadModel(const std::filesystem::path& file)
{
    const ModelFile stored(file); // the description, and exactly as many values as the architecture's weights
    LoadedModel model;
    model.info = stored.info();
    model.network = UNet(model.info.architecture);
    const std::string mismatch = "model weights do not match the architecture the file describes ("
        + model.info.architecture.describe() + ")";
    const std::size_t read = readWeights(stored.tensors(), model.network, {}, mismatch);
    if (read != stored.tensors().tensors().size())
        throw FormatError(file,
                          mismatch + ": it holds " + std::to_string(stored.tensors().tensors().size())
                              + " tensors, the network has " + std::to_string(read));
    model.network->eval();
    return model;
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

namespace {

/// Loads `from`, merges `metadataPatch` into its metadata, lets `edit` change the description, saves to `to`.
ModelInfo rewriteModel(const std::filesystem::path& from, const std::filesystem::path& to, const std::string& metadataPatch,
                       const std::function<void(ModelInfo&)>& edit)
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
    if (edit)
        edit(model.info);
    saveModel(to, model.info, model.network);
    return readModelInfo(to);
}

} // namespace

ModelInfo copyModel(const std::filesystem::path& from, const std::filesystem::path& to, const std::string& metadataPatch)
{
    return rewriteModel(from, to, metadataPatch, {});
}

ModelInfo calibrateModel(const std::filesystem::path& from, const std::filesystem::path& to, int steps, double scale,
                         const std::string& metadataPatch)
{
    if (!(scale > 0.0 && scale < 1e3))
        throw ArgumentError("a standard deviation scale must be positive and below 1000, not " + std::to_string(scale));
    if (steps < 1)
        throw ArgumentError("a calibration needs at least one sampling step, not " + std::to_string(steps));
    const bool general = isGeneralCalibration(readModelInfo(from), steps); // before the patch renames anything
    return rewriteModel(from, to, metadataPatch, [&](ModelInfo& info) {
        if (general)
            info.standardDeviationScale = scale;
        info.stepStandardDeviationScales[steps] = scale;
    });
}

bool isGeneralCalibration(const ModelInfo& info, int steps)
{
    if (!info.standardDeviationScale)
        return true;
    // The first calibration sets both the general scale and its steps' own, so they match.
    const auto fitted = info.stepStandardDeviationScales.find(steps);
    if (fitted != info.stepStandardDeviationScales.end())
        return fitted->second == *info.standardDeviationScale;
    // Files calibrated before step-specific scales existed name the general fit's steps only in the
    // metadata `model calibrate` wrote: {"calibration": {"steps": N, ...}}.
    const nlohmann::json metadata = nlohmann::json::parse(info.metadata, nullptr, false);
    const nlohmann::json* calibration = metadata.is_object() && metadata.contains("calibration") ? &metadata["calibration"]
                                                                                                 : nullptr;
    return calibration && calibration->is_object() && calibration->contains("steps")
        && (*calibration)["steps"].is_number_integer() && (*calibration)["steps"].get<int>() == steps;
}

double standardDeviationScaleFor(const ModelInfo& info, int steps)
{
    double nearest = 0.0, distance = std::log(2.0) + 1e-9; // within a factor of two
    for (const auto& [fitted, scale] : info.stepStandardDeviationScales) { // ascending: the larger wins a tie
        const double d = std::abs(std::log(double(std::max(steps, 1)) / fitted));
        if (d <= distance) {
            nearest = scale;
            distance = d;
        }
    }
    return nearest > 0.0 ? nearest : info.standardDeviationScale.value_or(1.0);
}

ModelInfo readModelInfo(const std::filesystem::path& file)
{
    return ModelFile(file).info();
}

} // namespace cryosr
