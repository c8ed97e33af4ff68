#pragma once
// Everything a training run is made of, as plain values: what `cryosr-cli train` takes as flags or
// as `--config FILE.json`, what the GUI's wizard writes, and what the model file records. The JSON
// schema is the one place these fields are named (see configToJson); unknown keys are refused so a
// typo cannot silently fall back to a default.

#include "computedevice.h"
#include "diffusion/noiseschedule.h"
#include "model/modelinfo.h"
#include "model/unetconfig.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace cryosr {

/// Which image the network learns to produce from the low-resolution input.
enum class Pairing {
    Self, ///< the real high-resolution crop (faithful detail of real data, noise included)
    Simulated, ///< the noise-free image of a simulated micrograph (learns to denoise too)
};

/// How the low-resolution input is made from the high-resolution crop.
enum class Downsampling {
    FourierCrop, ///< cryo-EM's binning: no aliasing; what `upscale` inverts with data consistency
    Binning, ///< averaging s × s pixels (a camera's hardware binning)
};

struct TrainingConfig {
    std::vector<std::filesystem::path> data; ///< files and folders
    std::vector<std::filesystem::path> validationData; ///< optional; else a share of `data`'s files
    std::filesystem::path out; ///< holds model.pt, checkpoint.pt, log.jsonl
    std::filesystem::path initModel; ///< fine-tuning: start from this model's weights (its architecture,
        ///< schedule, scale and condition must be the configuration's)
    double pixelSize = 0.0; ///< Å per pixel of the data, recorded in the model's card (0: unknown)
    std::int64_t steps = 20000; ///< total optimizer steps (a resumed run continues up to it)
    int batch = 8;
    int patch = 64; ///< high-resolution crop side
    int scale = 2;
    Pairing pairs = Pairing::Self;
    /// Real micrographs without clean targets, learned from by neighbour sub-sampling (Noise2Noise on
    /// the posterior mean): of a 2P crop M, the low-resolution input is A = M[0::2, 0::2] Fourier-cropped,
    /// the state x_t is made from C = M[0::2, 1::2] and the loss compares x̂_0 with B = M[1::2, 1::2]
    /// (C and B moved onto A's grid): three sub-lattices whose shot noise is independent, so the best
    /// x̂_0 is the clean image's expectation. Only at noise levels t ≥ realNoiseFrom · T, where x_t hides
    /// C's own noise. Empty: no such term.
    std::vector<std::filesystem::path> realData;
    double realFraction = 0.25; ///< share of each batch taken from realData (when given)
    double realNoiseFrom = 0.6; ///< the real term's timesteps start at this fraction of T
    Prediction prediction = Prediction::Epsilon;
    ConsistencyMode consistency = ConsistencyMode::Hard; ///< recorded as the model's default; validation uses it
    Downsampling downsampling = Downsampling::FourierCrop;
    ConditionUpsampling condition = ConditionUpsampling::Fourier;
    /// Condition on the input's empirical Wiener filtering too (diffusion/condition.h); the network then
    /// takes 3 channels (architecture.inputChannels follows this, see withInputChannels).
    bool filteredCondition = false;
    UNetConfig architecture;
    ScheduleSpec schedule;
    double learningRate = 2e-4;
    double weightDecay = 1e-4;
    std::int64_t warmupSteps = 500; ///< linear warm-up, then cosine decay to 0 at `steps`
    double emaDecay = 0.999;
    double gradientClip = 1.0; ///< global L2 norm; 0 turns clipping off
    std::int64_t checkpointEvery = 1000;
    std::int64_t validateEvery = 1000;
    std::int64_t logEvery = 10;
    double validationFraction = 0.1; ///< of the files, when validationData is empty
    int validationCrops = 8;
    int validationSamplingSteps = 20; ///< DDIM steps for the validation PSNR
    std::uint64_t seed = 0;
    DeviceChoice device = DeviceChoice::Auto;
    Precision precision = Precision::Float32; ///< bf16: mixed precision (autocast) on CUDA
    bool resume = false;

    /// Throws ArgumentError naming the first impossible field (patch not a multiple of what the
    /// network and the scale need, steps < 1, ...).
    void validate() const;
};

/// `config` with architecture.inputChannels as its condition needs: 2, or 3 when filtered.
TrainingConfig withInputChannels(TrainingConfig config);

/// The configuration as a JSON object (paths as given, enums by name).
std::string configToJson(const TrainingConfig& config);

/// A setting two configurations hold differently: its key in configToJson's schema (nested keys
/// joined by a dot, "architecture.base_channels") and each one's value as JSON text.
struct ConfigDifference {
    std::string key;
    std::string first;
    std::string second;
};
std::vector<ConfigDifference> configDifferences(const TrainingConfig& first, const TrainingConfig& second);

/// Reads a JSON object of configToJson's schema over `defaults`: absent keys keep their default.
/// Throws ArgumentError for malformed JSON, an unknown key or a value of the wrong type or range.
TrainingConfig configFromJson(const std::string& json, TrainingConfig defaults = {});

/// Fine-tuning `model`: its architecture, schedule, scale and condition become the configuration's.
void adoptModel(TrainingConfig& config, const std::filesystem::path& model, const ModelInfo& info);

/// The image files named by `inputs`: files as given, folders searched (recursively) for MRC/MRCS/TIFF,
/// sorted, RELION STAR files (.star) as the micrographs they list; simulated clean images
/// (NAME.clean.EXT) are never inputs of their own. Throws FileError for a path that does not exist,
/// ArgumentError for a folder without images and FormatError for a STAR file without micrographs.
std::vector<std::filesystem::path> collectImageFiles(const std::vector<std::filesystem::path>& inputs);

/// The clean partner `cryosr-cli simulate --clean` writes beside a simulated micrograph: a.mrc → a.clean.mrc.
std::filesystem::path cleanPartnerOf(const std::filesystem::path& micrograph);

std::string pairingName(Pairing pairing); ///< "self", "simulated"
std::string downsamplingName(Downsampling method); ///< "fourier", "binning"

} // namespace cryosr
