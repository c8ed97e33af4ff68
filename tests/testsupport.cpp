#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>
#include <cmath>

namespace testsupport {

QString sharedDataDir()
{
    QString dir = qEnvironmentVariable("CRYOSR_SHARED_DATA_DIR");
    if (dir.isEmpty())
        dir = QStringLiteral(CRYOSR_SHARED_DATA_DIR);
    return QFileInfo(dir + QStringLiteral("/README.md")).exists() ? QDir(dir).absolutePath() : QString();
}

QStringList sharedImageFiles()
{
    const QString dir = sharedDataDir();
    if (dir.isEmpty())
        return {};
    QStringList files;
    const QStringList patterns{"*.mrc", "*.mrcs", "*.map", "*.tif", "*.tiff"};
    for (const QFileInfo& info : QDir(dir).entryInfoList(patterns, QDir::Files, QDir::Name))
        files << info.absoluteFilePath();
    return files;
}

QString pythonWithReaders()
{
    static const QString python = [] {
        const QString candidate = QStringLiteral(CRYOSR_PYTHON);
        QProcess p;
        p.start(candidate, {"-c", "import numpy, mrcfile, tifffile"});
        const bool ok = p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        return ok ? candidate : QString();
    }();
    return python;
}

QList<QJsonObject> independentRead(const QStringList& files, const QString& dumpDir, QString* error)
{
    QStringList args{QStringLiteral(CRYOSR_TEST_TOOLS_DIR "/independent_reader.py")};
    if (!dumpDir.isEmpty())
        args << "--dump" << dumpDir;
    args << files;
    QProcess p;
    p.start(pythonWithReaders(), args);
    if (!p.waitForFinished(300000) || p.exitCode() != 0) {
        *error = QString::fromUtf8(p.readAllStandardError());
        return {};
    }
    QList<QJsonObject> out;
    for (const QByteArray& line : p.readAllStandardOutput().split('\n'))
        if (!line.trimmed().isEmpty())
            out << QJsonDocument::fromJson(line).object();
    return out;
}

QList<float> dumpedSamples(const QString& dumpDir, int index)
{
    QFile f(QStringLiteral("%1/%2.f32").arg(dumpDir).arg(index));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = f.readAll();
    QList<float> samples(bytes.size() / 4);
    memcpy(samples.data(), bytes.constData(), static_cast<size_t>(samples.size()) * 4);
    return samples;
}

QString mrcfileValidate(const QString& file)
{
    QProcess p;
    p.start(pythonWithReaders(),
            {"-c",
             "import sys, io, mrcfile\nout = io.StringIO()\nok = mrcfile.validate(sys.argv[1], print_file=out)\n"
             "print('' if ok else out.getvalue())\nsys.exit(0 if ok else 1)",
             file});
    p.waitForFinished(60000);
    if (p.exitCode() == 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()).trimmed();
}

QString compareWithIndependentReader(cryosr::ImageReader& reader, const QJsonObject& expected, const QList<float>& samples)
{
    const cryosr::FileInfo& info = reader.info();
    const QString name = QFileInfo(QString::fromStdString(info.file)).fileName() + ": ";
    if (info.width != expected["width"].toInt() || info.height != expected["height"].toInt()
        || info.sections != expected["sections"].toInt())
        return name + "dimensions differ";
    if (QString::fromLatin1(cryosr::sampleTypeName(info.sampleType)) != expected["dtype"].toString())
        return name + "sample type differs";
    if (info.mrc && info.mrc->mode != expected["mrc_mode"].toInt())
        return name + "MRC mode differs";
    const QJsonArray px = expected["pixel_size_xyz"].toArray();
    const std::optional<double> ours[3] = {info.pixelSize.x, info.pixelSize.y, info.pixelSize.z};
    for (int axis = 0; axis < 3; ++axis) {
        const bool agree = ours[axis]
            ? !px[axis].isNull() && std::abs(*ours[axis] - px[axis].toDouble()) <= 1e-5 * px[axis].toDouble()
            : px[axis].isNull();
        if (!agree)
            return name
                + QString("pixel size of axis %1 is %2, expected %3")
                      .arg(axis)
                      .arg(ours[axis] ? QString::number(*ours[axis]) : "unknown")
                      .arg(px[axis].isNull() ? "unknown" : QString::number(px[axis].toDouble()));
    }
    if (samples.size() != qsizetype(info.width) * info.height * info.sections)
        return name + "the independent reader dumped a different number of samples";
    qsizetype k = 0;
    for (int s = 0; s < info.sections; ++s) {
        const cryosr::Image section = reader.readSection(s);
        for (std::size_t p = 0; p < section.pixelCount(); ++p, ++k)
            if (section.data()[p] != samples[k])
                return name
                    + QString("section %1 sample %2 is %3, the independent reader has %4")
                          .arg(s)
                          .arg(p)
                          .arg(section.data()[p])
                          .arg(samples[k]);
    }
    return {};
}

QString compareRegionWithCrop(cryosr::ImageReader& reader, int section, const cryosr::Region& region)
{
    const cryosr::Image whole = reader.readSection(section);
    const cryosr::Image part = reader.readRegion(section, region);
    if (part.width() != region.width || part.height() != region.height || part.provenance.region != region
        || part.provenance.section != section)
        return "the region's size or provenance is wrong";
    for (int y = 0; y < region.height; ++y)
        for (int x = 0; x < region.width; ++x)
            if (part.at(x, y) != whole.at(region.x + x, region.y + y))
                return QString("region pixel (%1, %2) differs from the section's").arg(x).arg(y);
    return {};
}

qint64 bytesReadSoFar()
{
    QFile io("/proc/self/io");
    if (!io.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : io.readAll().split('\n'))
        if (line.startsWith("rchar:"))
            return line.mid(6).trimmed().toLongLong();
    return -1;
}

void writeBytes(const QString& file, const QByteArray& bytes)
{
    QFile f(file);
    QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(file));
    QCOMPARE(f.write(bytes), bytes.size());
}

} // namespace testsupport
