#pragma once
// Model files: one LibTorch archive holding the (EMA) weights and everything needed to use them —
// architecture, schedule, scale, normalisation, training metadata and a format version. We write only
// tensors and plain values; LibTorch reads archives through TorchScript's loader, so whether a
// crafted archive can run code on load is still to be settled (issue 11). Engine-internal header.

#include "model/modelinfo.h"
#include "model/unet.h"

namespace cryosr {

struct LoadedModel {
    ModelInfo info;
    UNet network{nullptr};
};

/// Writes a LibTorch archive to `file` crash-safely (temporary file, then rename), through memory so
/// that the same content gives the same bytes. Throws FileError.
void saveArchive(torch::serialize::OutputArchive& archive, const std::filesystem::path& file);

/// Writes crash-safely (temporary file, then rename). Throws FileError when the folder is not writable.
void saveModel(const std::filesystem::path& file, ModelInfo info, UNet& network);

/// Loads and checks a model: FormatError for a truncated, foreign or tampered file (saying what is
/// wrong), UnsupportedError for a newer format version, FileError when it cannot be read.
LoadedModel loadModel(const std::filesystem::path& file);

} // namespace cryosr
