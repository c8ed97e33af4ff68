#pragma once
// Builds small MRC files byte by byte for reader tests: any mode, either byte order, any stamp.

#include "io/mrcheader.h"

#include <QByteArray>
#include <QtEndian>
#include <cstring>

namespace mrctestfiles {

/// Header + extended header + data. `data` holds samples already encoded little-endian; with
/// `bigEndian` every numeric header field and every `sampleBytes`-wide sample is byte-swapped.
inline QByteArray makeMrc(cryosr::MrcHeader header, const QByteArray& data, int sampleBytes, bool bigEndian = false,
                          const QByteArray& stamp = QByteArray("\x44\x44\x00\x00", 4), const QByteArray& extended = {})
{
    header.extendedHeaderBytes = static_cast<int>(extended.size());
    const auto bytes = cryosr::serializeMrcHeader(header);
    QByteArray out(reinterpret_cast<const char*>(bytes.data()), cryosr::kMrcHeaderBytes);
    if (bigEndian) {
        // Numeric words: 0-103, 108-207, 216-223 (EXTTYP, MAP, MACHST and labels are bytes).
        for (int offset = 0; offset < 224; offset += 4) {
            if (offset == 104 || offset == 208 || offset == 212)
                continue;
            std::reverse(out.begin() + offset, out.begin() + offset + 4);
        }
    }
    out.replace(212, 4, stamp);
    out += extended;
    QByteArray samples = data;
    if (bigEndian && sampleBytes > 1)
        for (qsizetype i = 0; i + sampleBytes <= samples.size(); i += sampleBytes)
            std::reverse(samples.begin() + i, samples.begin() + i + sampleBytes);
    return out + samples;
}

inline cryosr::MrcHeader header(int nx, int ny, int nz, int mode)
{
    cryosr::MrcHeader h;
    h.size = {nx, ny, nz};
    h.sampling = {nx, ny, nz};
    h.cellLengths = {nx * 2.0f, ny * 2.0f, nz * 2.0f};
    h.mode = mode;
    return h;
}

template <typename T>
QByteArray encode(const std::vector<T>& values)
{
    QByteArray out(static_cast<qsizetype>(values.size() * sizeof(T)), '\0');
    std::memcpy(out.data(), values.data(), out.size());
    return out;
}

} // namespace mrctestfiles
