#pragma once
// What a CryoSR model file says about itself, as plain values (no LibTorch types), for `model show`,
// the GUI's model list and every loader.

#include "diffusion/noiseschedule.h"
#include "model/unetconfig.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace cryosr {

/// The model file format this build writes and reads.
/// Version 1 (CryoSR before this format) was a LibTorch archive, read only by `cryosr-cli model convert`.
inline constexpr int kModelFormatVersion = 2;

/// How the low-resolution image is brought to the output grid before the network sees it; a model is
/// trained with one and must be used with it.
enum class ConditionUpsampling { Fourier, Bicubic };
std::string conditionUpsamplingName(ConditionUpsampling method); ///< "fourier", "bicubic"

struct ModelInfo {
    int formatVersion = kModelFormatVersion;
    UNetConfig architecture;
    ScheduleSpec schedule;
    int scale = 2;                         ///< upscaling factor the model was trained for
    std::string normalization = "robust";  ///< per-image normalisation the model expects
    ConditionUpsampling condition = ConditionUpsampling::Fourier;
    std::int64_t trainingSteps = 0;        ///< 0 for an untrained model
    std::string metadata = "{}";           ///< training metadata as JSON text (data, hardware, config)
    std::int64_t parameters = 0;           ///< filled in when saved or loaded
};

/// Checks a model file (undamaged, a valid description, as many weights as its architecture has) and
/// returns its description without building the network; throws like loadModel.
ModelInfo readModelInfo(const std::filesystem::path& file);

/// Copies a model to `to` (crash-safely), with the JSON object `metadataPatch` merged into its
/// metadata (e.g. evaluation results added to its card). Throws like loadModel and saveModel.
ModelInfo copyModel(const std::filesystem::path& from, const std::filesystem::path& to,
                    const std::string& metadataPatch);

/// Writes an untrained model described by `info` (weights initialised from `seed`) and returns the
/// description as saved. Throws ArgumentError for an invalid architecture or schedule.
ModelInfo createUntrainedModel(const std::filesystem::path& file, ModelInfo info, std::uint64_t seed);

} // namespace cryosr
