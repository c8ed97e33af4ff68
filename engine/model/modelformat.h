#pragma once
// The model file format, as far as plain C++ reads it: a tensor file (io/tensorfile.h) whose header
// describes the model (architecture, schedule, scale, normalisation, training metadata) and whose
// tensors are the network's weights by name. No LibTorch: scripts/fuzz.sh fuzzes it as fuzz_modelfile.
// Engine-internal header; modelinfo.h is the public face.

#include "io/tensorfile.h"
#include "model/modelinfo.h"

#include <nlohmann/json.hpp>

namespace cryosr {

/// A model file read and checked up to the point where the weights go into a network: the container
/// is undamaged, the description is complete and valid, every tensor is float32, and the stored values
/// are exactly as many as the architecture's weights (so nothing is reserved for a forged size).
class ModelFile {
public:
    /// FormatError for a foreign, truncated, damaged or inconsistent file (saying what is wrong),
    /// UnsupportedError for a newer format or a model file of an earlier CryoSR (a LibTorch archive,
    /// read only by `cryosr-cli model convert`), FileError when the file cannot be read.
    explicit ModelFile(const std::filesystem::path& file);

    const ModelInfo& info() const { return m_info; }
    const TensorFile& tensors() const { return m_tensors; }

private:
    TensorFile m_tensors;
    ModelInfo m_info;
};

/// The header saveModel writes for `info` (without the container's tensor table).
nlohmann::json modelHeader(const ModelInfo& info);

} // namespace cryosr
