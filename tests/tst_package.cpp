// The Debian package: built by CPack from this build, unpacked into a temporary root (dpkg-deb -x),
// its programs run from there, its desktop files validated, its dependencies known to apt.

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run {
    int exitCode = -1;
    QString out, err;
};

Run run(const QString& program, const QStringList& arguments, const QString& folder = {})
{
    QProcess process;
    if (!folder.isEmpty())
        process.setWorkingDirectory(folder);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove("CRYOSR_MODEL_DIR"); // the package's own model must be found
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForFinished(600000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

class TestPackage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void hasTheDebianName();
    void programsRunFromTheUnpackedRoot();
    void desktopFilesAreValid();
    void userGuideIsInstalled();
    void mrcFilesGetTheMimeType();
    void licenceIsDeclared();
    void dependenciesAreKnownToApt();

private:
    QTemporaryDir m_dir;
    QString m_deb, m_root;
};

void TestPackage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (const char* tool : {"cpack", "dpkg-deb"})
        if (QStandardPaths::findExecutable(tool).isEmpty())
            QSKIP(qPrintable(QString("%1 is not installed").arg(tool)));
    const Run packed = run("cpack", {"--config", CRYOSR_BUILD_DIR "/CPackConfig.cmake", "-B", m_dir.path()});
    QVERIFY2(packed.exitCode == 0, qPrintable(packed.out + packed.err));
    const QStringList debs = QDir(m_dir.path()).entryList({"*.deb"});
    QCOMPARE(debs.size(), 1);
    m_deb = m_dir.filePath(debs.first());
    m_root = m_dir.filePath("root");
    const Run unpacked = run("dpkg-deb", {"-x", m_deb, m_root});
    QVERIFY2(unpacked.exitCode == 0, qPrintable(unpacked.err));
}

void TestPackage::hasTheDebianName()
{
    QCOMPARE(QFileInfo(m_deb).fileName(), QString("cryosr_%1_amd64.deb").arg(CRYOSR_VERSION));
}

void TestPackage::programsRunFromTheUnpackedRoot()
{
    const QString cli = m_root + "/usr/bin/cryosr-cli";
    QVERIFY(QFileInfo(cli).isExecutable());
    const Run version = run(cli, {"--version"});
    QCOMPARE(version.exitCode, 0);
    QVERIFY2(version.out.contains(CRYOSR_VERSION), qPrintable(version.out));

    const Run info = run(cli, {"info", "--json", m_root + "/usr/share/cryosr/sample_micrograph.mrc"});
    QVERIFY2(info.exitCode == 0, qPrintable(info.err));
    const QJsonObject o = QJsonDocument::fromJson(info.out.toUtf8()).object();
    QCOMPARE(o["width"].toInt(), 1024);
    QCOMPARE(o["format"].toString(), QString("mrc"));

    // `--model default` finds the packaged model beside the installed program (share/cryosr/models).
    const Run model = run(cli, {"model", "show", "default"});
    QVERIFY2(model.exitCode == 0, qPrintable(model.err));
    QVERIFY2(model.out.contains(m_root + "/usr/share/cryosr/models/default.cryosr"), qPrintable(model.out));
    const Run denoise = run(cli, {"model", "show", "denoise"});
    QVERIFY2(denoise.exitCode == 0, qPrintable(denoise.err));
    QVERIFY2(denoise.out.contains(m_root + "/usr/share/cryosr/models/denoise.cryosr"), qPrintable(denoise.out));

    const Run gui = run(m_root + "/usr/bin/cryosr", {"--version"});
    QCOMPARE(gui.exitCode, 0);
    QVERIFY2(gui.out.contains(CRYOSR_VERSION), qPrintable(gui.out));
}

void TestPackage::userGuideIsInstalled()
{
    // The guide Help > About points to, with the pictures it shows (relative links: images/…).
    QFile guide(m_root + "/usr/share/doc/cryosr/user-guide.md");
    QVERIFY(guide.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(guide.readAll());
    static const QRegularExpression picture(QStringLiteral("\\]\\((images/[^)]+)\\)"));
    int pictures = 0;
    for (auto it = picture.globalMatch(text); it.hasNext(); ++pictures) {
        const QString image = it.next().captured(1);
        QVERIFY2(QFileInfo::exists(m_root + "/usr/share/doc/cryosr/" + image), qPrintable(image + " is not installed"));
    }
    QVERIFY2(pictures >= 5, qPrintable(QString::number(pictures)));
}

void TestPackage::desktopFilesAreValid()
{
    const QString id = "io.github.cryosr.CryoSR";
    for (const char* icon : {"16x16", "48x48", "256x256"})
        QVERIFY(QFileInfo::exists(QString("%1/usr/share/icons/hicolor/%2/apps/%3.png").arg(m_root, icon, id)));
    QVERIFY(QFileInfo::exists(m_root + "/usr/share/icons/hicolor/scalable/apps/" + id + ".svg"));
    if (QStandardPaths::findExecutable("desktop-file-validate").isEmpty()
        || QStandardPaths::findExecutable("appstreamcli").isEmpty())
        QSKIP("desktop-file-validate or appstreamcli is not installed (scripts/install-deps.sh installs both)");
    const Run desktop = run("desktop-file-validate", {m_root + "/usr/share/applications/" + id + ".desktop"});
    QVERIFY2(desktop.exitCode == 0 && !desktop.out.contains("error"), qPrintable(desktop.out + desktop.err));
    const Run metainfo = run("appstreamcli", {"validate", "--no-net", m_root + "/usr/share/metainfo/" + id + ".metainfo.xml"});
    QVERIFY2(metainfo.exitCode == 0, qPrintable(metainfo.out + metainfo.err));
}

void TestPackage::mrcFilesGetTheMimeType()
{
    // What update-mime-database (run by the mime trigger on installation) makes of the packaged definition.
    if (QStandardPaths::findExecutable("update-mime-database").isEmpty())
        QSKIP("update-mime-database is not installed (package shared-mime-info)");
    const QString mime = m_root + "/usr/share/mime";
    const Run updated = run("update-mime-database", {mime});
    QVERIFY2(updated.exitCode == 0, qPrintable(updated.err));
    QFile globs(mime + "/globs2");
    QVERIFY(globs.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(globs.readAll());
    QVERIFY2(text.contains("application/x-mrc:*.mrc\n") && text.contains("application/x-mrc:*.mrcs\n"), qPrintable(text));
    QFile desktop(m_root + "/usr/share/applications/io.github.cryosr.CryoSR.desktop");
    QVERIFY(desktop.open(QIODevice::ReadOnly));
    QVERIFY(desktop.readAll().contains("MimeType=application/x-mrc;"));
}

void TestPackage::licenceIsDeclared()
{
    // BSD-3-Clause as an SPDX identifier in Debian's machine-readable copyright file (with the licences of
    // the third-party code compiled into the programs) and in the AppStream metadata.
    QFile copyright(m_root + "/usr/share/doc/cryosr/copyright");
    QVERIFY(copyright.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(copyright.readAll());
    QVERIFY(text.startsWith("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"));
    QVERIFY(text.contains("Files: *\nCopyright: 2026 the CryoSR developers\nLicense: BSD-3-Clause\n"));
    QVERIFY2(text.contains("nlohmann/json") && text.contains("\nLicense: Expat\n"), qPrintable(text));
    QFile metainfo(m_root + "/usr/share/metainfo/io.github.cryosr.CryoSR.metainfo.xml");
    QVERIFY(metainfo.open(QIODevice::ReadOnly));
    QVERIFY(metainfo.readAll().contains("<project_license>BSD-3-Clause</project_license>"));
}

void TestPackage::dependenciesAreKnownToApt()
{
    // Every dependency (or one of each set of alternatives) is a package apt knows, so apt resolves them.
    // Recommends too: apt installs them by default (Qt's translations, a CJK font).
    const Run fields = run("dpkg-deb", {"-f", m_deb, "Depends"});
    const Run recommends = run("dpkg-deb", {"-f", m_deb, "Recommends"});
    QCOMPARE(fields.exitCode, 0);
    const QStringList depends = fields.out.trimmed().split(", ");
    QVERIFY2(depends.size() > 5, qPrintable(fields.out));
    QVERIFY(fields.out.contains("libtorch") && fields.out.contains("libqt6widgets6") && fields.out.contains("qt6-qpa-plugins"));
    QVERIFY2(recommends.out.contains("qt6-translations-l10n") && recommends.out.contains("fonts-"), qPrintable(recommends.out));
    if (QStandardPaths::findExecutable("apt-cache").isEmpty())
        QSKIP("apt-cache is not available");
    for (const QString& dependency : depends + recommends.out.trimmed().split(", ")) {
        bool known = false;
        for (const QString& alternative : dependency.split(" | ")) {
            const QString name = alternative.section(' ', 0, 0);
            known = known || run("apt-cache", {"show", "--no-all-versions", name}).exitCode == 0;
        }
        QVERIFY2(known, qPrintable(dependency + " is not known to apt"));
    }
}

QTEST_GUILESS_MAIN(TestPackage)
#include "tst_package.moc"
