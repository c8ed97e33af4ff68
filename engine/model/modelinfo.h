#pragma once
// What a CryoSR model file says about itself, as plain values (no LibTorch types), for `model show`,
// the GUI's model list and every loader.

#include "diffusion/noiseschedule.h"
#include "model/unetconfig.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace cryosr {

/// The model file format this build writes (and the newest it reads).
/// Version 1 (CryoSR before this format) was a LibTorch archive, read only by `cryosr-cli model convert`.
/// Version 2 files (ε-prediction, hard consistency, no calibration) still load.
inline constexpr int kModelFormatVersion = 3;
inline constexpr int kOldestTensorModelFormat = 2;

/// How the low-resolution image is brought to the output grid before the network sees it; a model is
/// trained with one and must be used with it.
enum class ConditionUpsampling { Fourier, Bicubic };
std::string conditionUpsamplingName(ConditionUpsampling method); ///< "fourier", "bicubic"

/// What the network outputs: the noise ε (DDPM), or v = √ᾱ ε − √(1 − ᾱ) x_0 (well conditioned at every
/// noise level, which denoising from very noisy inputs and few-step sampling need).
enum class Prediction { Epsilon, V };
std::string predictionName(Prediction prediction); ///< "epsilon", "v"

/// How each step's predicted clean image x̂_0 is reconciled with the measured low-resolution input y
/// within y's band: Hard replaces it by y (the measurement, noise included, kept exactly); Noise keeps
/// each frequency of y in proportion to its signal-to-noise ratio measured from y itself (strong low
/// frequencies as measured, noisy ones as the model predicts); Off leaves x̂_0 alone.
enum class ConsistencyMode { Hard, Noise, Off };
std::string consistencyName(ConsistencyMode mode); ///< "hard", "noise", "off"
std::optional<ConsistencyMode> consistencyFromName(const std::string& name);

struct ModelInfo {
    int formatVersion = kModelFormatVersion;
    UNetConfig architecture;
    ScheduleSpec schedule;
    int scale = 2; ///< upscaling factor the model was trained for
    std::string normalization = "robust"; ///< per-image normalisation the model expects
    ConditionUpsampling condition = ConditionUpsampling::Fourier;
    /// The network also sees the input's empirical Wiener filtering (diffusion/condition.h): 3 input channels.
    bool filteredCondition = false;
    std::int64_t trainingSteps = 0; ///< 0 for an untrained model
    std::string metadata = "{}"; ///< training metadata as JSON text (data, hardware, config)
    std::int64_t parameters = 0; ///< filled in when saved or loaded
    Prediction prediction = Prediction::Epsilon;
    ConsistencyMode consistency = ConsistencyMode::Hard; ///< the default an upscale uses
    /// The spread of K samples times this is the calibrated standard deviation of the posterior (fitted
    /// on held-out simulations, see docs/models.md); nullopt: never calibrated, the raw spread is used.
    std::optional<double> standardDeviationScale;
    /// Scales fitted for a number of sampling steps, by steps: few-step samples spread less than those of
    /// 20 steps, so a scale fitted at 20 would leave them overconfident. Each is used within a factor of
    /// two of its steps (standardDeviationScaleFor).
    std::map<int, double> stepStandardDeviationScales;
};

/// The scale for `steps` sampling steps: the step-specific one fitted nearest to `steps` within a factor
/// of two (the larger on a tie), else standardDeviationScale, else 1 (the raw spread).
double standardDeviationScaleFor(const ModelInfo& info, int steps);

/// Checks a model file (undamaged, a valid description, as many weights as its architecture has) and
/// returns its description without building the network; throws like loadModel.
ModelInfo readModelInfo(const std::filesystem::path& file);

/// Copies a model to `to` (crash-safely), with the JSON object `metadataPatch` merged into its
/// metadata (e.g. evaluation results added to its card). Throws like loadModel and saveModel.
ModelInfo copyModel(const std::filesystem::path& from, const std::filesystem::path& to, const std::string& metadataPatch);

/// Copies a model to `to` (crash-safely) with the standard deviation scale `scale` fitted at `steps`
/// sampling steps (ModelInfo::stepStandardDeviationScales; also the general standardDeviationScale when
/// the model had none, or when it refits the general one's steps: isGeneralCalibration) and
/// `metadataPatch` merged into its metadata (how it was fitted).
ModelInfo calibrateModel(const std::filesystem::path& from, const std::filesystem::path& to, int steps, double scale,
                         const std::string& metadataPatch);

/// Whether a calibration at `steps` sampling steps is (or replaces) the model's general one: the model
/// has none yet, or its general one was fitted at `steps`.
bool isGeneralCalibration(const ModelInfo& info, int steps);

/// Writes an untrained model described by `info` (weights initialised from `seed`) and returns the
/// description as saved. Throws ArgumentError for an invalid architecture or schedule.
ModelInfo createUntrainedModel(const std::filesystem::path& file, ModelInfo info, std::uint64_t seed);

} // namespace cryosr
