#include "io/mrcwriter.h"

#include "io/atomicfile.h"
#include "io/errors.h"
#include "io/mrcheader.h"
#include "io/samplecodec.h"

#include <algorithm>

static_assert(!cryosr::hostIsBigEndian(), "MrcWriter writes host-order samples under a little-endian stamp");

namespace cryosr {

namespace {
int modeOf(SampleType type)
{
    switch (type) {
    case SampleType::Int8:
        return 0;
    case SampleType::Int16:
        return 1;
    case SampleType::Float32:
        return 2;
    case SampleType::UInt16:
        return 6;
    case SampleType::Float16:
        return 12;
    default:
        throw ArgumentError("MRC cannot store " + std::string(sampleTypeName(type)) + " samples");
    }
}
} // namespace

MrcWriter::MrcWriter(const std::filesystem::path& target, const WriteSpec& spec)
    : ImageWriter(target, spec)
    , m_offset(kMrcHeaderBytes)
{
    modeOf(spec.type); // fail now, not at commit
}

int MrcWriter::rowsPerChunk() const
{
    const std::size_t rowBytes = static_cast<std::size_t>(m_spec.width) * sampleTypeBytes(m_spec.type);
    return static_cast<int>(std::max<std::size_t>(1, (4u << 20) / rowBytes));
}

void MrcWriter::appendRows(const unsigned char* encoded, std::size_t bytes, int, int)
{
    m_file->writeAt(m_offset, encoded, bytes);
    m_offset += bytes;
}

void MrcWriter::commit()
{
    if (m_sections == 0)
        throw ArgumentError(m_file->target().string() + ": no sections were written");
    MrcHeader h;
    h.size = {m_spec.width, m_spec.height, m_sections};
    h.mode = modeOf(m_spec.type);
    h.start = m_spec.start;
    h.sampling = {m_spec.width, m_spec.height, m_spec.volume ? m_sections : 1};
    const PixelSize& px = m_spec.pixelSize;
    const double x = px.x.value_or(0.0);
    const double y = px.y.value_or(x);
    const double z = px.z.value_or(x);
    h.cellLengths = {static_cast<float>(x * h.sampling[0]), static_cast<float>(y * h.sampling[1]),
                     static_cast<float>(z * h.sampling[2])};
    h.spaceGroup = m_spec.volume ? 1 : 0;
    h.origin = m_spec.origin;
    for (const std::string& label : m_spec.labels)
        if (!label.empty())
            h.labels.push_back(label.substr(0, kMrcLabelBytes));
    if (h.labels.size() > static_cast<std::size_t>(kMrcMaxLabels))
        h.labels.erase(h.labels.begin(), h.labels.end() - kMrcMaxLabels);

    // Non-finite samples make statistics meaningless: mark them undetermined as MRC 2014 allows.
    if (m_statistics.nonFiniteCount() == 0 && m_statistics.count() > 0) {
        h.dmin = static_cast<float>(m_statistics.min());
        h.dmax = static_cast<float>(m_statistics.max());
        h.dmean = static_cast<float>(m_statistics.mean());
        // mrcfile.validate recomputes the RMS of float16 data in float16, which overflows for large
        // stacks and fails a correct value; "undetermined" (-1) is valid MRC 2014 and passes.
        h.rms = m_spec.type == SampleType::Float16 ? -1.0f : static_cast<float>(m_statistics.standardDeviation());
    }
    const auto bytes = serializeMrcHeader(h);
    m_file->writeAt(0, bytes.data(), bytes.size());
    m_file->commit();
}

} // namespace cryosr
