#include "training/checkpoint.h"

#include "io/atomicfile.h"
#include "io/binaryfile.h"
#include "io/errors.h"

#include <sstream>

namespace cryosr {

namespace {

constexpr const char* kMagic = "cryosr-checkpoint";
constexpr std::int64_t kVersion = 1;

torch::serialize::InputArchive openCheckpoint(const std::filesystem::path& file, CheckpointInfo& info)
{
    BinaryFile probe(file); // a missing file or a directory gets the usual message
    torch::serialize::InputArchive archive;
    try {
        archive.load_from(file.string());
        c10::IValue magic, version, step, elapsed, config;
        if (!archive.try_read("format", magic) || !magic.isString() || magic.toStringRef() != kMagic)
            throw FormatError(file, "not a CryoSR training checkpoint");
        if (!archive.try_read("version", version) || version.toInt() != kVersion)
            throw UnsupportedError(file, "checkpoint from another CryoSR version; start a new run");
        if (!archive.try_read("step", step) || !archive.try_read("elapsed_seconds", elapsed)
            || !archive.try_read("config", config))
            throw FormatError(file, "checkpoint lacks its step or configuration");
        info.step = step.toInt();
        info.elapsedSeconds = elapsed.toDouble();
        info.configJson = config.toStringRef();
    } catch (const c10::Error&) {
        throw FormatError(file, "not a complete CryoSR training checkpoint (truncated or another format)");
    }
    return archive;
}

void loadWeights(torch::serialize::InputArchive& archive, const std::string& key, torch::nn::Module& module,
                 const std::filesystem::path& file)
{
    torch::serialize::InputArchive part;
    if (!archive.try_read(key, part))
        throw FormatError(file, "checkpoint lacks its '" + key + "' entry");
    std::vector<std::vector<std::int64_t>> shapes;
    for (const auto& p : module.parameters())
        shapes.push_back(p.sizes().vec());
    module.load(part);
    const auto loaded = module.parameters();
    for (std::size_t i = 0; i < loaded.size(); ++i)
        if (loaded[i].sizes().vec() != shapes[i])
            throw FormatError(file, "checkpoint weights do not fit the configured network");
}

/// Writes the archive crash-safely, through memory: given a path, LibTorch would take the (random)
/// temporary file's name as its record prefix, and the same state must give the same bytes.
void saveArchive(torch::serialize::OutputArchive& archive, const std::filesystem::path& file)
{
    std::ostringstream bytes;
    archive.save_to(bytes);
    const std::string data = std::move(bytes).str();
    AtomicFile out(file);
    out.writeAt(0, data.data(), data.size());
    out.commit();
}

} // namespace

void saveCheckpoint(const std::filesystem::path& file, const CheckpointInfo& info, UNet& network, UNet& ema,
                    torch::optim::Optimizer& optimizer)
{
    torch::serialize::OutputArchive archive, weights, averaged, state;
    archive.write("format", c10::IValue(std::string(kMagic)));
    archive.write("version", c10::IValue(kVersion));
    archive.write("step", c10::IValue(info.step));
    archive.write("elapsed_seconds", c10::IValue(info.elapsedSeconds));
    archive.write("config", c10::IValue(info.configJson));
    network->save(weights);
    ema->save(averaged);
    optimizer.save(state);
    archive.write("network", weights);
    archive.write("ema", averaged);
    archive.write("optimizer", state);
    saveArchive(archive, file);
}

CheckpointInfo loadCheckpoint(const std::filesystem::path& file, UNet& network, UNet& ema,
                              torch::optim::Optimizer& optimizer)
{
    CheckpointInfo info;
    torch::serialize::InputArchive archive = openCheckpoint(file, info);
    try {
        loadWeights(archive, "network", *network, file);
        loadWeights(archive, "ema", *ema, file);
        torch::serialize::InputArchive state;
        if (!archive.try_read("optimizer", state))
            throw FormatError(file, "checkpoint lacks its optimizer state");
        optimizer.load(state);
    } catch (const c10::Error&) {
        throw FormatError(file, "checkpoint does not fit the configured network");
    }
    return info;
}

CheckpointInfo readCheckpointInfo(const std::filesystem::path& file)
{
    CheckpointInfo info;
    openCheckpoint(file, info);
    return info;
}

} // namespace cryosr
