#pragma once
// CryoSR's tensor files (models): named float32 arrays behind a JSON header, read by plain C++.
// Nothing in such a file is ever executed — unlike a LibTorch archive, whose loading compiles and runs
// the TorchScript and pickle it carries. No LibTorch here, so the reader is fuzzed on its own.
//
// Layout, little-endian:
//   bytes 0-7    magic "\x89CRYOSR\n" (the high byte and the newline show up damage from text transfers)
//   bytes 8-11   container version (1)
//   bytes 12-15  header length N
//   N bytes      UTF-8 JSON object, padded with spaces so that the data starts at a multiple of 64:
//                the caller's own keys, plus "tensors": [{"name", "dtype": "float32", "shape": [...]}],
//                "data_bytes" and "checksum": "fnv1a64:<16 hex digits>" (FNV-1a over the data)
//   data         the tensors' values, back to back in the order of "tensors", row-major

#include "io/binaryfile.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace cryosr {

struct TensorEntry {
    std::string name;
    std::vector<std::int64_t> shape;
    std::uint64_t offset = 0; ///< from the start of the file
    std::uint64_t elements = 0;
};

/// A checked tensor file: the constructor reads the header and the checksum of all data, so every
/// later read is known to be in the file and undamaged.
class TensorFile {
public:
    /// FileError when the file cannot be read; FormatError (saying what is wrong) for anything that is
    /// not a complete, undamaged tensor file; UnsupportedError for a newer container version. `what` names
    /// the kind of file in messages ("not a CryoSR model file (...)").
    explicit TensorFile(const std::filesystem::path& file, const std::string& what = "tensor file");

    const std::filesystem::path& path() const { return m_file.path(); }
    /// The header without the container's own keys ("tensors", "data_bytes", "checksum").
    const nlohmann::json& header() const { return m_header; }
    const std::vector<TensorEntry>& tensors() const { return m_tensors; }
    /// Null when there is no tensor of that name.
    const TensorEntry* find(const std::string& name) const;
    /// Reads the entry's values into `out` (entry.elements floats).
    void read(const TensorEntry& entry, float* out) const;

private:
    void readTable(const nlohmann::json& table);
    void checkData(const nlohmann::json& header, std::uint64_t dataStart);

    BinaryFile m_file;
    nlohmann::json m_header;
    std::vector<TensorEntry> m_tensors;
};

/// Collects tensors and writes them with a header, crash-safely (AtomicFile). The values are copied
/// when added, so the caller's buffers may change afterwards.
class TensorFileWriter {
public:
    void add(const std::string& name, const std::vector<std::int64_t>& shape, const float* values);
    /// `header` must be a JSON object without the container's own keys. Throws FileError.
    void write(const std::filesystem::path& file, nlohmann::json header) const;

private:
    nlohmann::json m_table = nlohmann::json::array();
    std::vector<float> m_values;
};

/// True when `file` starts like a zip file, as the LibTorch archives of earlier CryoSR versions' models
/// and checkpoints do (only 4 bytes are read; the archive is never opened). Never throws.
bool isLibTorchArchive(const std::filesystem::path& file);

} // namespace cryosr
