// RELION STAR files: the micrographs a micrographs.star lists (RELION 3.1+ with an optics block, and
// the older single-block form), resolved against the project folder as RELION does.

#include "io/errors.h"
#include "io/starfile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

void write(const QString& file, const QByteArray& text)
{
    QDir().mkpath(QFileInfo(file).path());
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(text);
}

const QByteArray kRelion31 = R"(
# version 30001

data_optics

loop_
_rlnOpticsGroupName #1
_rlnOpticsGroup #2
_rlnMicrographPixelSize #3
opticsGroup1 1 0.885000

# version 30001

data_micrographs

loop_
_rlnCtfPowerSpectrum #1
_rlnMicrographName #2
_rlnOpticsGroup #3
CtfFind/job003/a_PS.ctf:mrc MotionCorr/job002/Movies/a.mrc 1
CtfFind/job003/b_PS.ctf:mrc   MotionCorr/job002/Movies/b.mrc    1
"CtfFind/job003/c d_PS.ctf:mrc" "MotionCorr/job002/Movies/c d.mrc" 1

)";

} // namespace

class TestStarFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void columnOfTheLoopThatHasIt();
    void namesResolveAgainstTheProjectFolder();
    void olderSingleBlockFiles();
    void problemsAreClear();
};

void TestStarFile::columnOfTheLoopThatHasIt()
{
    const auto names = cryosr::starColumn(kRelion31.toStdString(), "_rlnMicrographName");
    QCOMPARE(names.size(), std::size_t(3));
    QCOMPARE(QString::fromStdString(names[0]), QString("MotionCorr/job002/Movies/a.mrc"));
    QCOMPARE(QString::fromStdString(names[2]), QString("MotionCorr/job002/Movies/c d.mrc"));
    const auto pixel = cryosr::starColumn(kRelion31.toStdString(), "_rlnMicrographPixelSize");
    QCOMPARE(pixel.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(pixel[0]), QString("0.885000"));
    QVERIFY(cryosr::starColumn(kRelion31.toStdString(), "_rlnImageName").empty());
}

void TestStarFile::namesResolveAgainstTheProjectFolder()
{
    // The STAR file two folders below the project; the micrographs' names are relative to the project.
    QTemporaryDir project;
    const QString star = project.filePath("CtfFind/job003/micrographs_ctf.star");
    write(star, kRelion31);
    write(project.filePath("MotionCorr/job002/Movies/a.mrc"), "x");
    const auto files = cryosr::readMicrographStar(star.toStdString());
    QCOMPARE(files.size(), std::size_t(3));
    QCOMPARE(QDir::cleanPath(QString::fromStdString(files[1].string())),
             QDir::cleanPath(project.filePath("MotionCorr/job002/Movies/b.mrc")));
}

void TestStarFile::olderSingleBlockFiles()
{
    QTemporaryDir dir;
    const QString star = dir.filePath("mics.star");
    write(star, "data_\nloop_\n_rlnMicrographName\n/abs/one.mrc\nrel/two.mrc\n");
    const auto files = cryosr::readMicrographStar(star.toStdString());
    QCOMPARE(files.size(), std::size_t(2));
    QCOMPARE(QString::fromStdString(files[0].string()), QString("/abs/one.mrc"));
    // Nothing found on disk: relative to the STAR file's folder (the trainer then names the missing file).
    QCOMPARE(QDir::cleanPath(QString::fromStdString(files[1].string())), QDir::cleanPath(dir.filePath("rel/two.mrc")));
}

void TestStarFile::problemsAreClear()
{
    QTemporaryDir dir;
    try {
        cryosr::readMicrographStar(dir.filePath("absent.star").toStdString());
        QFAIL("no error for a missing file");
    } catch (const cryosr::FileError& e) {
        QVERIFY(QString(e.what()).contains("absent.star"));
    }
    const QString particles = dir.filePath("particles.star");
    write(particles, "data_particles\nloop_\n_rlnImageName\n1@a.mrcs\n");
    try {
        cryosr::readMicrographStar(particles.toStdString());
        QFAIL("no error for a STAR file without micrographs");
    } catch (const cryosr::FormatError& e) {
        QVERIFY2(QString(e.what()).contains("_rlnMicrographName"), e.what());
    }
}

QTEST_GUILESS_MAIN(TestStarFile)
#include "tst_starfile.moc"
