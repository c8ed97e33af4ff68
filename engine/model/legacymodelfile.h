#pragma once
// Model files of CryoSR before model format 2: LibTorch archives. LibTorch loads an archive through
// TorchScript, compiling the class definitions and running the pickle stored in it, so a tampered
// archive can run code. They are read only here, by an explicit conversion the user asks for
// (`cryosr-cli model convert`); loadModel refuses them. Engine-internal header.

#include "model/modelinfo.h"

#include <filesystem>

namespace cryosr {

/// Reads the LibTorch archive `from` (checking it as CryoSR did before) and writes its weights and
/// description to `to` in the current format; returns the description as written. FormatError for a
/// file that is not such an archive (a current model file included: nothing to convert).
ModelInfo convertLegacyModel(const std::filesystem::path& from, const std::filesystem::path& to);

} // namespace cryosr
