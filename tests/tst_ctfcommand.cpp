// cryosr-cli ctf as a user runs it: on micrographs simulated from a real EMDB map with a known defocus
// and astigmatism (the goal: defocus within 1 %, direction within 5°), with the documented JSON keys;
// exit 2 with a message for a placeholder pixel size and for a spectrum without Thon rings.

#include "clirunner.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using testsupport::runCli;

class TestCtfCommand : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fitsSimulatedMicrographs_data();
    void fitsSimulatedMicrographs();
    void printsAReadableReport();
    void placeholderPixelSizeNeedsTheOption_data();
    void placeholderPixelSizeNeedsTheOption();
    void noRingsNoFit();
    void usageErrors_data();
    void usageErrors();

private:
    QString simulate(const QStringList& settings, double* defocus, double* astigmatism, double* angle);
    QTemporaryDir m_dir;
};

/// A 1024² micrograph of EMD-5168 particles; the simulator's report gives the CTF it drew.
QString TestCtfCommand::simulate(const QStringList& settings, double* defocus, double* astigmatism, double* angle)
{
    const QString mic = m_dir.filePath(QString("mic%1.mrc").arg(settings.join('_').remove(',')));
    const auto r = runCli(QStringList{"simulate", "--map", testsupport::sharedDataDir() + "/emd_5168_100cube.map", "-o", mic,
                                      "--size", "1024,1024", "--particles", "30"}
                          + settings);
    if (r.exitCode != 0)
        return {};
    const QRegularExpression truth(R"(defocus ([\d.]+) um \(astigmatism ([\d.e-]+) um along ([\d.]+) deg\))");
    const QRegularExpressionMatch m = truth.match(QString::fromUtf8(r.out));
    if (!m.hasMatch())
        return {};
    *defocus = m.captured(1).toDouble() * 1e4;
    *astigmatism = m.captured(2).toDouble() * 1e4;
    *angle = m.captured(3).toDouble();
    return mic;
}

void TestCtfCommand::fitsSimulatedMicrographs_data()
{
    QTest::addColumn<QStringList>("settings");
    QTest::newRow("1.5 Å/px, 40 e/Å², 1.5 µm")
        << QStringList{"--pixel-size", "1.5", "--dose", "40", "--defocus", "1.5,1.5", "--astigmatism", "0.1", "--seed", "1"};
    QTest::newRow("2 Å/px, 60 e/Å², 3 µm, 200 kV") << QStringList{"--pixel-size",  "2",   "--dose",    "60",  "--defocus", "3,3",
                                                                  "--astigmatism", "0.2", "--voltage", "200", "--seed",    "3"};
}

void TestCtfCommand::fitsSimulatedMicrographs()
{
    REQUIRE_SHARED_DATA();
    QFETCH(QStringList, settings);
    double defocus = 0, astigmatism = 0, angle = 0;
    const QString mic = simulate(settings, &defocus, &astigmatism, &angle);
    QVERIFY2(!mic.isEmpty(), "the simulator did not report its CTF");
    QStringList fit{"ctf", "--json", mic};
    if (const qsizetype v = settings.indexOf("--voltage"); v >= 0)
        fit << "--voltage" << settings[v + 1]; // the microscope must be told; the header does not say
    const auto r = runCli(fit);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject json = QJsonDocument::fromJson(r.out).object();
    const double u = json["defocus_u_um"].toDouble() * 1e4, v = json["defocus_v_um"].toDouble() * 1e4;
    const QString report = QString("%1 against truth U %2 V %3 at %4°")
                               .arg(QString::fromUtf8(r.out.trimmed()))
                               .arg(defocus + astigmatism)
                               .arg(defocus - astigmatism)
                               .arg(angle);
    qInfo("%s", qPrintable(report));
    QVERIFY2(std::abs(u - (defocus + astigmatism)) <= 0.01 * (defocus + astigmatism), qPrintable(report));
    QVERIFY2(std::abs(v - (defocus - astigmatism)) <= 0.01 * (defocus - astigmatism), qPrintable(report));
    if (astigmatism > 200) { // a direction to speak of
        double difference = std::fmod(std::abs(json["astigmatism_angle_deg"].toDouble() - angle), 180.0);
        difference = std::min(difference, 180.0 - difference);
        QVERIFY2(difference <= 5.0, qPrintable(report));
    }
    QVERIFY(json["fit_resolution_A"].toDouble() > 0);
    for (const char* key : {"file", "pixel_size", "voltage_kv", "cs_mm", "amplitude_contrast", "score", "tiles"})
        QVERIFY2(json.contains(key), key);
}

void TestCtfCommand::printsAReadableReport()
{
    REQUIRE_SHARED_DATA();
    double defocus = 0, astigmatism = 0, angle = 0;
    const QString mic =
        simulate({"--pixel-size", "1.5", "--dose", "40", "--defocus", "1.5,1.5", "--astigmatism", "0.1", "--seed", "1"}, &defocus,
                 &astigmatism, &angle);
    QVERIFY(!mic.isEmpty());
    const auto r = runCli({"ctf", mic});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    for (const char* line : {"defocus U       1.51", "defocus V       1.48", "fit resolution", "300 kV, Cs 2.7 mm"})
        QVERIFY2(r.out.contains(line), r.out.constData());
}

void TestCtfCommand::placeholderPixelSizeNeedsTheOption_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("said");
    QTest::newRow("1 Å (a grid cell)") << "mic_ucsf1142_dw_959x927.mrc"
                                       << "(1 A)";
    QTest::newRow("none (a zero cell)") << "ptcl_empiar10076_320x320x7.mrc"
                                        << "gives no pixel size";
}

void TestCtfCommand::placeholderPixelSizeNeedsTheOption()
{
    REQUIRE_SHARED_DATA();
    QFETCH(QString, file);
    QFETCH(QString, said);
    const auto r = runCli({"ctf", testsupport::sharedDataDir() + "/" + file});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(said.toUtf8()) && r.err.contains("--pixel-size"), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void TestCtfCommand::noRingsNoFit()
{
    REQUIRE_SHARED_DATA();
    // A real micrograph binned 4× and dose-weighted: no Thon rings to speak of at any pixel size tried
    // (2-5 Å), so no numbers are printed as if they were a fit; --json says why in "error".
    const QString mic = testsupport::sharedDataDir() + "/mic_ucsf1142_dw_959x927.mrc";
    const auto r = runCli({"ctf", "--json", "--pixel-size", "4", mic});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("no CTF fit"), r.err.constData());
    const QJsonObject json = QJsonDocument::fromJson(r.out).object();
    QVERIFY(json["error"].toString().contains("no CTF fit"));
    QVERIFY(!json.contains("defocus_u_um"));
}

void TestCtfCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("no file") << QStringList{"ctf"} << 1 << "needs at least one FILE";
    QTest::newRow("voltage not a number") << QStringList{"ctf", "--voltage", "high", "x.mrc"} << 1 << "--voltage";
    QTest::newRow("negative pixel size") << QStringList{"ctf", "--pixel-size", "-1", "x.mrc"} << 1 << "--pixel-size";
    QTest::newRow("missing file") << QStringList{"ctf", "--pixel-size", "1", "/nonexistent/mic.mrc"} << 2 << "mic.mrc";
}

void TestCtfCommand::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const auto r = runCli(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
}

QTEST_GUILESS_MAIN(TestCtfCommand)
#include "tst_ctfcommand.moc"
