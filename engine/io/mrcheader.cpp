#include "io/mrcheader.h"

#include "io/errors.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <cstdlib>

namespace cryosr {

namespace {

bool isKnownMode(std::int32_t mode)
{
    switch (mode) {
    case 0:
    case 1:
    case 2:
    case 3:
    case 4:
    case 6:
    case 12:
    case 101:
        return true;
    default:
        return false;
    }
}

/// Reads little- or big-endian fields out of the raw header bytes.
class FieldReader {
public:
    FieldReader(const unsigned char* bytes, bool bigEndian)
        : m_bytes(bytes)
        , m_bigEndian(bigEndian)
    {
    }

    std::uint32_t u32(int offset) const
    {
        const unsigned char* p = m_bytes + offset;
        if (m_bigEndian)
            return std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | p[3];
        return std::uint32_t(p[3]) << 24 | std::uint32_t(p[2]) << 16 | std::uint32_t(p[1]) << 8 | p[0];
    }
    std::int32_t i32(int offset) const { return static_cast<std::int32_t>(u32(offset)); }
    float f32(int offset) const { return std::bit_cast<float>(u32(offset)); }

private:
    const unsigned char* m_bytes;
    bool m_bigEndian;
};

class FieldWriter {
public:
    explicit FieldWriter(unsigned char* bytes)
        : m_bytes(bytes)
    {
    }
    void u32(int offset, std::uint32_t v) const
    {
        for (int i = 0; i < 4; ++i)
            m_bytes[offset + i] = static_cast<unsigned char>(v >> (8 * i));
    }
    void i32(int offset, std::int32_t v) const { u32(offset, static_cast<std::uint32_t>(v)); }
    void f32(int offset, float v) const { u32(offset, std::bit_cast<std::uint32_t>(v)); }

private:
    unsigned char* m_bytes;
};

/// Largest |NX|, |NY|, |NZ| under one byte order: the true order gives the smaller, sane values.
std::uint64_t largestDimension(const FieldReader& r)
{
    std::uint64_t largest = 0;
    for (int i = 0; i < 3; ++i)
        largest = std::max<std::uint64_t>(largest, std::llabs(static_cast<long long>(r.i32(4 * i))));
    return largest;
}

bool chooseBigEndian(const unsigned char* bytes)
{
    const FieldReader little(bytes, false);
    const FieldReader big(bytes, true);
    const bool littleMode = isKnownMode(little.i32(12));
    const bool bigMode = isKnownMode(big.i32(12));
    if (littleMode != bigMode)
        return bigMode;
    const std::uint64_t littleDims = largestDimension(little);
    const std::uint64_t bigDims = largestDimension(big);
    if (littleDims != bigDims)
        return bigDims < littleDims;
    // Truly ambiguous (e.g. mode 0 with byte-symmetric sizes): trust the stamp's 0x11 = big-endian.
    return bytes[212] == 0x11;
}

} // namespace

std::string MrcHeader::extendedHeaderTypeString() const
{
    std::string s(extendedHeaderType.begin(), extendedHeaderType.end());
    while (!s.empty() && (s.back() == '\0' || s.back() == ' '))
        s.pop_back();
    // Keep only printable ASCII so a junk field cannot break a terminal or JSON output.
    for (char& c : s)
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7E)
            c = '?';
    return s;
}

MrcHeader parseMrcHeader(const std::array<unsigned char, kMrcHeaderBytes>& raw, const std::filesystem::path& file)
{
    const unsigned char* bytes = raw.data();
    MrcHeader h;
    std::memcpy(h.mapId.data(), bytes + 208, 4);
    h.bigEndian = chooseBigEndian(bytes);
    const FieldReader r(bytes, h.bigEndian);

    h.mode = r.i32(12);
    if (!isKnownMode(h.mode)) {
        if (h.hasMapId())
            throw UnsupportedError(file, "unknown MRC mode " + std::to_string(h.mode) + " (known: 0, 1, 2, 3, 4, 6, 12, 101)");
        throw FormatError(file, "not an MRC or TIFF file (no 'MAP ' identifier and no valid MRC mode)");
    }
    for (int i = 0; i < 3; ++i) {
        h.size[i] = r.i32(4 * i);
        h.start[i] = r.i32(16 + 4 * i);
        h.sampling[i] = r.i32(28 + 4 * i);
        h.cellLengths[i] = r.f32(40 + 4 * i);
        h.cellAngles[i] = r.f32(52 + 4 * i);
        h.axisOrder[i] = r.i32(64 + 4 * i);
        h.origin[i] = r.f32(196 + 4 * i);
    }
    h.dmin = r.f32(76);
    h.dmax = r.f32(80);
    h.dmean = r.f32(84);
    h.spaceGroup = r.i32(88);
    h.extendedHeaderBytes = r.i32(92);
    std::memcpy(h.extendedHeaderType.data(), bytes + 104, 4);
    h.version = r.i32(108);
    h.imodStamp = r.u32(152);
    h.imodFlags = r.u32(156);
    std::memcpy(h.machineStamp.data(), bytes + 212, 4);
    h.rms = r.f32(216);

    const std::int32_t labelCount = std::clamp(r.i32(220), 0, kMrcMaxLabels);
    for (int i = 0; i < labelCount; ++i) {
        const char* text = reinterpret_cast<const char*>(bytes + 224 + kMrcLabelBytes * i);
        std::string label(text, strnlen(text, kMrcLabelBytes));
        while (!label.empty() && label.back() == ' ')
            label.pop_back();
        h.labels.push_back(label);
    }
    return h;
}

std::array<unsigned char, kMrcHeaderBytes> serializeMrcHeader(const MrcHeader& h)
{
    std::array<unsigned char, kMrcHeaderBytes> out{};
    const FieldWriter w(out.data());
    for (int i = 0; i < 3; ++i) {
        w.i32(4 * i, h.size[i]);
        w.i32(16 + 4 * i, h.start[i]);
        w.i32(28 + 4 * i, h.sampling[i]);
        w.f32(40 + 4 * i, h.cellLengths[i]);
        w.f32(52 + 4 * i, h.cellAngles[i]);
        w.i32(64 + 4 * i, h.axisOrder[i]);
        w.f32(196 + 4 * i, h.origin[i]);
    }
    w.i32(12, h.mode);
    w.f32(76, h.dmin);
    w.f32(80, h.dmax);
    w.f32(84, h.dmean);
    w.i32(88, h.spaceGroup);
    w.i32(92, h.extendedHeaderBytes);
    std::memcpy(out.data() + 104, h.extendedHeaderType.data(), 4);
    w.i32(108, h.version);
    std::memcpy(out.data() + 208, "MAP ", 4);
    const unsigned char littleEndianStamp[4] = {0x44, 0x44, 0x00, 0x00};
    std::memcpy(out.data() + 212, littleEndianStamp, 4);
    w.f32(216, h.rms);

    const int labelCount = std::min<int>(static_cast<int>(h.labels.size()), kMrcMaxLabels);
    w.i32(220, labelCount);
    for (int i = 0; i < labelCount; ++i) {
        char* field = reinterpret_cast<char*>(out.data() + 224 + kMrcLabelBytes * i);
        std::memset(field, ' ', kMrcLabelBytes);
        const std::string& label = h.labels[i];
        std::memcpy(field, label.data(), std::min<std::size_t>(label.size(), kMrcLabelBytes));
    }
    return out;
}

} // namespace cryosr
