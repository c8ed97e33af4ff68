#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

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
            {"-c", "import sys, io, mrcfile\nout = io.StringIO()\nok = mrcfile.validate(sys.argv[1], print_file=out)\n"
                   "print('' if ok else out.getvalue())\nsys.exit(0 if ok else 1)",
             file});
    p.waitForFinished(60000);
    if (p.exitCode() == 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()).trimmed();
}

void writeBytes(const QString& file, const QByteArray& bytes)
{
    QFile f(file);
    QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(file));
    QCOMPARE(f.write(bytes), bytes.size());
}

} // namespace testsupport
