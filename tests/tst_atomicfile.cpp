// Crash-safe writing (engine/io/atomicfile): a file appears under its name only complete; a writer killed
// at any moment (SIGKILL, here from a forked child) leaves the previous file as it was and nothing else;
// hidden temporaries that killed processes left on file systems without unnamed files are cleaned up.

#include "io/atomicfile.h"
#include "io/errors.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

QByteArray readAll(const QString& file)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeText(const QString& file, const QByteArray& text)
{
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

/// Every entry of the folder, hidden ones included.
QStringList entries(const QString& folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

/// What AtomicFile puts in its hidden names for this host.
QString hostForNames()
{
    char name[256] = {};
    gethostname(name, sizeof name - 1);
    QString host = QString::fromLocal8Bit(name);
    host.replace('/', '_').replace('-', '_');
    return host.isEmpty() ? QStringLiteral("host") : host;
}

} // namespace

class TestAtomicFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void nothingAppearsBeforeCommit();
    void commitReplacesTheTargetWhole();
    void anUncommittedFileLeavesNothing();
    void aKilledWriterLeavesThePreviousFileAndNothingElse_data();
    void aKilledWriterLeavesThePreviousFileAndNothingElse();
    void staleHiddenFilesOfDeadProcessesAreRemoved();
    void aMissingFolderIsAClearError();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_target;
};

void TestAtomicFile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_target = m_dir->filePath("out.mrc");
    writeText(m_target, "the previous file");
}

void TestAtomicFile::nothingAppearsBeforeCommit()
{
    cryosr::AtomicFile file(m_target.toStdString());
    if (!file.isUnnamed())
        QSKIP("this file system has no unnamed files (O_TMPFILE); the hidden-name fallback is tested below");
    const std::vector<char> megabyte(1 << 20, 'x');
    file.writeAt(0, megabyte.data(), megabyte.size());
    QCOMPARE(entries(m_dir->path()), QStringList{"out.mrc"});
    QCOMPARE(readAll(m_target), QByteArray("the previous file"));
    // libtiff reopens the file by this path: it must reach the same, still unnamed, file.
    QFile reopened(QString::fromStdString(file.reopenablePath().string()));
    QVERIFY(reopened.open(QIODevice::ReadOnly));
    QCOMPARE(reopened.size(), qint64(megabyte.size()));
}

void TestAtomicFile::commitReplacesTheTargetWhole()
{
    {
        cryosr::AtomicFile file(m_target.toStdString());
        file.writeAt(0, "new ", 4);
        file.writeAt(4, "contents", 8);
        file.commit();
        QCOMPARE(file.descriptor(), -1);
    }
    QCOMPARE(readAll(m_target), QByteArray("new contents"));
    QCOMPARE(entries(m_dir->path()), QStringList{"out.mrc"});
    // The permissions a plain new file gets (umask applied), not a temporary file's 0600.
    const mode_t mask = umask(0);
    umask(mask);
    QCOMPARE(int(QFileInfo(m_target).permissions() & (QFile::ReadOther | QFile::ReadGroup)) != 0, (mask & 044) != 044);
}

void TestAtomicFile::anUncommittedFileLeavesNothing()
{
    {
        cryosr::AtomicFile file(m_target.toStdString());
        file.writeAt(0, "half", 4);
    }
    QCOMPARE(entries(m_dir->path()), QStringList{"out.mrc"});
    QCOMPARE(readAll(m_target), QByteArray("the previous file"));
}

void TestAtomicFile::aKilledWriterLeavesThePreviousFileAndNothingElse_data()
{
    QTest::addColumn<int>("megabytesBeforeKill");
    QTest::newRow("after 1 MB") << 1;
    QTest::newRow("after 16 MB") << 16;
    QTest::newRow("after 48 MB") << 48;
}

void TestAtomicFile::aKilledWriterLeavesThePreviousFileAndNothingElse()
{
    // The child writes 64 MB and commits; it tells us after each megabyte and is killed with SIGKILL
    // (no destructor, no cleanup of any kind) once it has written the row's amount.
    QFETCH(int, megabytesBeforeKill);
    int report[2];
    QVERIFY(pipe(report) == 0);
    const std::string target = m_target.toStdString();
    const pid_t child = fork();
    if (child == 0) {
        close(report[0]);
        cryosr::AtomicFile file(target);
        const std::vector<char> megabyte(1 << 20, 'n');
        for (int i = 0; i < 64; ++i) {
            file.writeAt(std::uint64_t(i) << 20, megabyte.data(), megabyte.size());
            const char done = 1;
            if (write(report[1], &done, 1) != 1)
                _exit(3);
            usleep(2000);
        }
        file.commit();
        _exit(0);
    }
    close(report[1]);
    char done = 0;
    for (int i = 0; i < megabytesBeforeKill; ++i)
        QVERIFY(read(report[0], &done, 1) == 1);
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    close(report[0]);
    QVERIFY(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    QCOMPARE(readAll(m_target), QByteArray("the previous file"));
    QCOMPARE(entries(m_dir->path()), QStringList{"out.mrc"});
}

void TestAtomicFile::staleHiddenFilesOfDeadProcessesAreRemoved()
{
    // On NFS a writer's data has a hidden name; a killed writer leaves it. A process that has ended
    // (this child) left one; ours (alive) and another host's may still be writing and are kept.
    const pid_t child = fork();
    if (child == 0)
        _exit(0);
    waitpid(child, nullptr, 0);
    const QString prefix = ".out.mrc.cryosr-" + hostForNames() + "-";
    const QString dead = prefix + QString::number(child) + "-a1b2c3";
    const QString alive = prefix + QString::number(getpid()) + "-d4e5f6";
    const QString elsewhere = ".out.mrc.cryosr-otherhost-" + QString::number(child) + "-g7h8i9";
    for (const QString& name : {dead, alive, elsewhere})
        writeText(m_dir->filePath(name), "partial");
    QCOMPARE(cryosr::removeStaleTemporaries(m_target.toStdString()), 1);
    QStringList expected{alive, elsewhere, "out.mrc"};
    expected.sort();
    QCOMPARE(entries(m_dir->path()), expected);
}

void TestAtomicFile::aMissingFolderIsAClearError()
{
    try {
        cryosr::AtomicFile file(m_dir->filePath("no such folder/out.mrc").toStdString());
        QFAIL("no error");
    } catch (const cryosr::FileError& e) {
        QVERIFY2(QString(e.what()).contains("cannot create a file in") && QString(e.what()).contains("No such file"), e.what());
    }
}

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomicfile.moc"
