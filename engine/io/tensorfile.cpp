#include "io/tensorfile.h"

#include "io/atomicfile.h"
#include "io/errors.h"

#include <algorithm>
#include <bit>
#include <cstdio>
#include <cstring>
#include <set>

namespace cryosr {

// Values are stored little-endian and read into memory as they are; a big-endian port would swap here.
static_assert(std::endian::native == std::endian::little, "tensor files are read as little-endian");

namespace {

constexpr char kMagic[8] = {'\x89', 'C', 'R', 'Y', 'O', 'S', 'R', '\n'};
constexpr std::uint32_t kContainerVersion = 1;
constexpr std::uint64_t kPrefixBytes = 16;
constexpr std::uint64_t kDataAlignment = 64;
constexpr std::uint64_t kMaxHeaderBytes = 16 << 20; // a table of ~100,000 tensors; more is not a model
constexpr std::size_t kMaxDimensions = 8;
constexpr std::size_t kMaxNameLength = 1024;
constexpr int kMaxNesting = 64;
constexpr const char* kContainerKeys[] = {"tensors", "data_bytes", "checksum"};

/// FNV-1a, 64-bit: enough to tell damage (a cut transfer, a flipped block) from a sound file. It is not
/// a signature: a file edited on purpose can carry a matching sum, but it can still hold only numbers.
class Fnv1a64 {
public:
    void add(const unsigned char* bytes, std::size_t count)
    {
        for (std::size_t i = 0; i < count; ++i)
            m_hash = (m_hash ^ bytes[i]) * 0x100000001b3ULL;
    }
    std::string text() const
    {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "fnv1a64:%016llx", static_cast<unsigned long long>(m_hash));
        return buffer;
    }

private:
    std::uint64_t m_hash = 0xcbf29ce484222325ULL;
};

std::uint32_t littleEndian32(const unsigned char* bytes)
{
    return std::uint32_t(bytes[0]) | std::uint32_t(bytes[1]) << 8 | std::uint32_t(bytes[2]) << 16 | std::uint32_t(bytes[3]) << 24;
}

} // namespace

TensorFile::TensorFile(const std::filesystem::path& file, const std::string& what)
    : m_file(file)
{
    const auto fail = [&](const std::string& why) { throw FormatError(file, "not a CryoSR " + what + " (" + why + ")"); };
    unsigned char prefix[kPrefixBytes];
    if (m_file.size() < kPrefixBytes)
        fail("too short");
    m_file.readAt(0, prefix, kPrefixBytes, "the file's start");
    if (std::memcmp(prefix, kMagic, sizeof kMagic) != 0)
        fail("it does not start with CryoSR's signature");
    if (const std::uint32_t version = littleEndian32(prefix + 8); version != kContainerVersion)
        throw UnsupportedError(file,
                               what + " container version " + std::to_string(version) + " is not the one this CryoSR reads ("
                                   + std::to_string(kContainerVersion) + "); update CryoSR");
    const std::uint64_t headerBytes = littleEndian32(prefix + 12);
    if (headerBytes > kMaxHeaderBytes)
        throw FormatError(file,
                          "damaged header (it claims " + withThousands(headerBytes) + " bytes; no header needs more than "
                              + withThousands(kMaxHeaderBytes) + ")");
    if (headerBytes > m_file.size() - kPrefixBytes)
        throw FormatError(file,
                          "file ends inside its header (it claims " + withThousands(headerBytes) + " header bytes; the file has "
                              + withThousands(m_file.size()) + ")");
    std::string text(headerBytes, '\0');
    m_file.readAt(kPrefixBytes, text.data(), text.size(), "the header");
    // Printing JSON recurses, so a header nested thousands deep would overflow the stack when a model's
    // metadata is shown or saved; no header of ours goes beyond a few levels.
    const auto limitDepth = [&](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
        if (depth > kMaxNesting)
            throw FormatError(file, "damaged header (nested more than " + std::to_string(kMaxNesting) + " levels deep)");
        return true;
    };
    nlohmann::json header = nlohmann::json::parse(text, limitDepth, false);
    if (header.is_discarded() || !header.is_object())
        throw FormatError(file, "damaged header (not a JSON object)");
    const auto table = header.find("tensors");
    if (table == header.end() || !table->is_array())
        throw FormatError(file, "damaged header (no tensor table)");
    readTable(*table);
    checkData(header, kPrefixBytes + headerBytes);
    for (const char* key : kContainerKeys)
        header.erase(key);
    m_header = std::move(header);
}

void TensorFile::readTable(const nlohmann::json& table)
{
    const auto fail = [&](std::size_t index, const std::string& what) {
        throw FormatError(path(), "damaged header (tensor " + std::to_string(index) + " " + what + ")");
    };
    std::set<std::string> names;
    for (std::size_t i = 0; i < table.size(); ++i) {
        const nlohmann::json& item = table[i];
        if (!item.is_object())
            fail(i, "is not described by an object");
        const auto name = item.find("name"), dtype = item.find("dtype"), shape = item.find("shape");
        if (name == item.end() || !name->is_string() || name->get_ref<const std::string&>().empty()
            || name->get_ref<const std::string&>().size() > kMaxNameLength)
            fail(i, "has no name");
        TensorEntry entry;
        entry.name = name->get<std::string>();
        if (!names.insert(entry.name).second)
            fail(i, "repeats the name '" + entry.name + "'");
        if (dtype == item.end() || *dtype != "float32")
            fail(i, "'" + entry.name + "' is not float32");
        if (shape == item.end() || !shape->is_array() || shape->size() > kMaxDimensions)
            fail(i, "'" + entry.name + "' has no valid shape");
        entry.elements = 1;
        for (const nlohmann::json& side : *shape) {
            if (!side.is_number_integer() || side.get<std::int64_t>() < 0
                || __builtin_mul_overflow(entry.elements, side.get<std::uint64_t>(), &entry.elements))
                fail(i, "'" + entry.name + "' has an impossible shape");
            entry.shape.push_back(side.get<std::int64_t>());
        }
        m_tensors.push_back(std::move(entry));
    }
}

void TensorFile::checkData(const nlohmann::json& header, std::uint64_t dataStart)
{
    const std::uint64_t fileSize = m_file.size();
    std::uint64_t offset = dataStart;
    for (TensorEntry& entry : m_tensors) {
        entry.offset = offset;
        std::uint64_t bytes = 0;
        if (__builtin_mul_overflow(entry.elements, std::uint64_t(sizeof(float)), &bytes) || bytes > fileSize - offset)
            throw FormatError(
                path(), "file ends inside tensor '" + entry.name + "' (the file has " + withThousands(fileSize) + " bytes)");
        offset += bytes;
    }
    const auto dataBytes = header.find("data_bytes");
    if (dataBytes == header.end() || !dataBytes->is_number_unsigned() || *dataBytes != offset - dataStart)
        throw FormatError(path(), "damaged header (its data size does not match its tensor table)");
    if (offset != fileSize)
        throw FormatError(path(), withThousands(fileSize - offset) + " bytes follow the last tensor (damaged or not "
                                      "a CryoSR tensor file)");
    Fnv1a64 sum;
    std::vector<unsigned char> buffer(1 << 20);
    for (std::uint64_t at = dataStart; at < fileSize;) {
        const std::size_t count = static_cast<std::size_t>(std::min<std::uint64_t>(buffer.size(), fileSize - at));
        m_file.readAt(at, buffer.data(), count, "the tensor data");
        sum.add(buffer.data(), count);
        at += count;
    }
    const auto checksum = header.find("checksum");
    if (checksum == header.end() || *checksum != sum.text())
        throw FormatError(path(), "its data do not match their checksum (the file is damaged or was altered)");
}

const TensorEntry* TensorFile::find(const std::string& name) const
{
    const auto it = std::find_if(m_tensors.begin(), m_tensors.end(), [&](const TensorEntry& e) { return e.name == name; });
    return it == m_tensors.end() ? nullptr : &*it;
}

void TensorFile::read(const TensorEntry& entry, float* out) const
{
    m_file.readAt(entry.offset, out, entry.elements * sizeof(float), entry.name.c_str());
}

void TensorFileWriter::add(const std::string& name, const std::vector<std::int64_t>& shape, const float* values)
{
    std::uint64_t elements = 1;
    for (const std::int64_t side : shape)
        elements *= static_cast<std::uint64_t>(side);
    m_table.push_back({{"name", name}, {"dtype", "float32"}, {"shape", shape}});
    m_values.insert(m_values.end(), values, values + elements);
}

void TensorFileWriter::write(const std::filesystem::path& file, nlohmann::json header) const
{
    const auto* bytes = reinterpret_cast<const unsigned char*>(m_values.data());
    const std::size_t dataBytes = m_values.size() * sizeof(float);
    Fnv1a64 sum;
    sum.add(bytes, dataBytes);
    header["tensors"] = m_table;
    header["data_bytes"] = dataBytes;
    header["checksum"] = sum.text();
    std::string text = header.dump();
    const std::uint64_t padded = (kPrefixBytes + text.size() + kDataAlignment - 1) / kDataAlignment * kDataAlignment;
    text.append(padded - kPrefixBytes - text.size(), ' '); // JSON whitespace: the data start aligned
    unsigned char prefix[kPrefixBytes];
    std::memcpy(prefix, kMagic, sizeof kMagic);
    const std::uint32_t lengths[2] = {kContainerVersion, static_cast<std::uint32_t>(text.size())};
    std::memcpy(prefix + 8, lengths, sizeof lengths);
    AtomicFile out(file);
    out.writeAt(0, prefix, kPrefixBytes);
    out.writeAt(kPrefixBytes, text.data(), text.size());
    out.writeAt(kPrefixBytes + text.size(), bytes, dataBytes);
    out.commit();
}

bool isLibTorchArchive(const std::filesystem::path& file)
{
    try {
        BinaryFile in(file);
        char start[4];
        if (in.size() < sizeof start)
            return false;
        in.readAt(0, start, sizeof start, "the file's start");
        return std::memcmp(start, "PK\x03\x04", sizeof start) == 0;
    } catch (const Error&) {
        return false;
    }
}

} // namespace cryosr
