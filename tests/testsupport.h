#pragma once
// Shared helpers of the Qt Test executables: where the real data lives, the independent Python
// reader (mrcfile/tifffile) and mrcfile's validator.

#include "io/imagereader.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace testsupport {

/// ../shared/data/real (or $CRYOSR_SHARED_DATA_DIR); empty when absent.
QString sharedDataDir();
/// Every image file in the shared data folder, sorted.
QStringList sharedImageFiles();
/// Python 3 with numpy, mrcfile and tifffile (Debian's /usr/bin/python3 by default); empty if absent.
QString pythonWithReaders();

/// Runs tests/tools/independent_reader.py; with `dumpDir`, section samples go to dumpDir/<i>.f32.
/// Returns one object per file; an empty list when the reader failed (the error goes to `error`).
QList<QJsonObject> independentRead(const QStringList& files, const QString& dumpDir, QString* error);
/// Samples written by independentRead for file number `index` (all sections, float32).
QList<float> dumpedSamples(const QString& dumpDir, int index);

/// mrcfile.validate on `file`: empty when valid, else its report.
QString mrcfileValidate(const QString& file);

/// Compares a reader's header facts and every sample with the independent reader's view of the same
/// file (`expected` from independentRead, `samples` from dumpedSamples). Empty when they agree,
/// else what differs.
QString compareWithIndependentReader(cryosr::ImageReader& reader, const QJsonObject& expected, const QList<float>& samples);
/// Empty when readRegion(section, region) equals that crop of readSection(section).
QString compareRegionWithCrop(cryosr::ImageReader& reader, int section, const cryosr::Region& region);
/// Bytes this process has read through system calls so far (/proc/self/io "rchar"); -1 if unknown.
qint64 bytesReadSoFar();

/// Writes `bytes` to a new file (for malformed-file tests).
void writeBytes(const QString& file, const QByteArray& bytes);

} // namespace testsupport

/// Skips the test with a clear message when the shared real data is not there.
#define REQUIRE_SHARED_DATA()                                                                                                    \
    do {                                                                                                                         \
        if (testsupport::sharedDataDir().isEmpty())                                                                              \
            QSKIP("../shared/data/real is absent (set CRYOSR_SHARED_DATA_DIR to run this test)");                                \
    } while (false)

#define REQUIRE_PYTHON_READERS()                                                                                                 \
    do {                                                                                                                         \
        if (testsupport::pythonWithReaders().isEmpty())                                                                          \
            QSKIP("python3 with numpy, mrcfile and tifffile is not installed (scripts/install-deps.sh)");                        \
    } while (false)
