#include "io/sampletype.h"

#include <array>
#include <limits>

namespace cryosr {

namespace {
struct TypeRow {
    SampleType type;
    std::string_view name;
    int bytes;
    double min;
    double max;
};

constexpr std::array<TypeRow, 8> kTypes{{
    {SampleType::Int8, "int8", 1, -128.0, 127.0},
    {SampleType::UInt8, "uint8", 1, 0.0, 255.0},
    {SampleType::Int16, "int16", 2, -32768.0, 32767.0},
    {SampleType::UInt16, "uint16", 2, 0.0, 65535.0},
    {SampleType::Int32, "int32", 4, -2147483648.0, 2147483647.0},
    {SampleType::UInt32, "uint32", 4, 0.0, 4294967295.0},
    {SampleType::Float16, "float16", 2, -65504.0, 65504.0},
    {SampleType::Float32, "float32", 4, -std::numeric_limits<float>::max(),
     std::numeric_limits<float>::max()},
}};

const TypeRow& row(SampleType type)
{
    return kTypes[static_cast<std::size_t>(type)];
}
} // namespace

std::string_view sampleTypeName(SampleType type) { return row(type).name; }
int sampleTypeBytes(SampleType type) { return row(type).bytes; }
double sampleTypeMin(SampleType type) { return row(type).min; }
double sampleTypeMax(SampleType type) { return row(type).max; }

bool isInteger(SampleType type)
{
    return type != SampleType::Float16 && type != SampleType::Float32;
}

std::optional<SampleType> sampleTypeFromName(std::string_view name)
{
    for (const TypeRow& r : kTypes)
        if (r.name == name)
            return r.type;
    return std::nullopt;
}

} // namespace cryosr
