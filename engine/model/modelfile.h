#pragma once
// Model files: the (EMA) weights as named float32 tensors and everything needed to use them —
// architecture, schedule, scale, normalisation, training metadata and a format version — in a tensor
// file (io/tensorfile.h, model/modelformat.h). Loading reads numbers and JSON only; nothing in a model
// file is executed. Engine-internal header.

#include "io/tensorfile.h"
#include "model/modelinfo.h"
#include "model/unet.h"

namespace cryosr {

struct LoadedModel {
    ModelInfo info;
    UNet network{nullptr};
};

/// Writes crash-safely (temporary file, then rename). Throws FileError when the folder is not writable.
void saveModel(const std::filesystem::path& file, ModelInfo info, UNet& network);

/// Loads and checks a model: FormatError for a truncated, foreign or tampered file (saying what is
/// wrong), UnsupportedError for a newer format version or an earlier CryoSR's LibTorch archive, FileError
/// when it cannot be read.
LoadedModel loadModel(const std::filesystem::path& file);

/// Adds every weight of `network` to `writer`, named `prefix` + its module path ("down0_res0.conv1.weight").
void addWeights(TensorFileWriter& writer, UNet& network, const std::string& prefix = {});
/// Reads every weight of `network` from `file` by name and shape; FormatError(`mismatch` + which one)
/// for a missing or misshapen one. Returns how many tensors it read.
std::size_t readWeights(const TensorFile& file, UNet& network, const std::string& prefix, const std::string& mismatch);

} // namespace cryosr
