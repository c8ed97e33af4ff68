#include "io/sampletype.h"

#include <array>

namespace cryosr {

namespace {
struct TypeRow {
    SampleType type;
    std::string_view name;
    int bytes;
};

constexpr std::array<TypeRow, 8> kTypes{{
    {SampleType::Int8, "int8", 1},
    {SampleType::UInt8, "uint8", 1},
    {SampleType::Int16, "int16", 2},
    {SampleType::UInt16, "uint16", 2},
    {SampleType::Int32, "int32", 4},
    {SampleType::UInt32, "uint32", 4},
    {SampleType::Float16, "float16", 2},
    {SampleType::Float32, "float32", 4},
}};

const TypeRow& row(SampleType type)
{
    return kTypes[static_cast<std::size_t>(type)];
}
} // namespace

std::string_view sampleTypeName(SampleType type)
{
    return row(type).name;
}
int sampleTypeBytes(SampleType type)
{
    return row(type).bytes;
}

std::optional<SampleType> sampleTypeFromName(std::string_view name)
{
    for (const TypeRow& r : kTypes)
        if (r.name == name)
            return r.type;
    return std::nullopt;
}

} // namespace cryosr
