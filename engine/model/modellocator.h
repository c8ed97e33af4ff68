#pragma once
// Where models are found: a path as given, or the name of a model shipped with CryoSR ("default",
// "denoise"). Plain C++.

#include <filesystem>
#include <string>
#include <vector>

namespace cryosr {

/// The models CryoSR ships, by the names `--model` takes; each is NAME.cryosr on the search path.
/// default: the faithful 2× upscaler (keeps the measured data, noise included); denoise: denoise and
/// upscale 2× (the specimen without its shot noise, with a calibrated uncertainty).
inline const std::vector<std::string> kShippedModels{"default", "denoise"};

/// Folders searched for shipped models, in order: $CRYOSR_MODEL_DIR, then share/cryosr/models next to
/// the executable's prefix (installed), then the build tree's models folder (CRYOSR_BUILD_MODEL_DIR).
std::vector<std::filesystem::path> modelSearchPath();

/// `nameOrPath` itself, or for a shipped model's name the first NAME.cryosr on the search path. Throws
/// FileError saying where it looked when there is none.
std::filesystem::path locateModel(const std::string& nameOrPath);

} // namespace cryosr
