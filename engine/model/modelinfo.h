#pragma once
// What a CryoSR model file says about itself, as plain values (no LibTorch types), for `model show`,
// the GUI's model list and every loader.

#include "diffusion/noiseschedule.h"
#include "model/unetconfig.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace cryosr {

/// The model file format this build writes; it reads this version and older ones.
inline constexpr int kModelFormatVersion = 1;

struct ModelInfo {
    int formatVersion = kModelFormatVersion;
    UNetConfig architecture;
    ScheduleSpec schedule;
    int scale = 2;                         ///< upscaling factor the model was trained for
    std::string normalization = "robust";  ///< per-image normalisation the model expects
    std::int64_t trainingSteps = 0;        ///< 0 for an untrained model
    std::string metadata = "{}";           ///< training metadata as JSON text (data, hardware, config)
    std::int64_t parameters = 0;           ///< filled in when saved or loaded
};

/// Loads and checks a model file and returns its description; throws like loadModel.
ModelInfo readModelInfo(const std::filesystem::path& file);

} // namespace cryosr
