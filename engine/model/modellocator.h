#pragma once
// Where models are found: a path as given, or "default" (the model shipped with CryoSR). Plain C++.

#include <filesystem>
#include <string>
#include <vector>

namespace cryosr {

/// The file name of the model `default` stands for.
inline constexpr const char* kDefaultModelFileName = "default.cryosr";

/// Folders searched for `default`, in order: $CRYOSR_MODEL_DIR, then share/cryosr/models next to the
/// executable's prefix (installed), then the build tree's models folder (CRYOSR_BUILD_MODEL_DIR).
std::vector<std::filesystem::path> modelSearchPath();

/// `nameOrPath` itself, or for "default" the first default.cryosr on the search path. Throws FileError
/// saying where it looked when there is none.
std::filesystem::path locateModel(const std::string& nameOrPath);

} // namespace cryosr
