#pragma once
// The storage type of samples in a file. In memory CryoSR always holds float32; the file's own type
// is kept so that conversions can preserve it and `info` can report it.

#include <optional>
#include <string>
#include <string_view>

namespace cryosr {

enum class SampleType { Int8, UInt8, Int16, UInt16, Int32, UInt32, Float16, Float32 };

/// numpy-style name: "int8", "uint16", "float32", ...
std::string_view sampleTypeName(SampleType type);
/// Inverse of sampleTypeName; nullopt for an unknown name.
std::optional<SampleType> sampleTypeFromName(std::string_view name);
/// Bytes one sample occupies when stored unpacked.
int sampleTypeBytes(SampleType type);

} // namespace cryosr
