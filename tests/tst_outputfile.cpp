// The rules every output follows, shared by cryosr-cli and the GUI (engine/io/outputfile): the input is
// recognised however its name is spelt and never overwritten, and the header says where the data came from.

#include "io/errors.h"
#include "io/outputfile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <clocale>

class TestOutputFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sameFileHoweverSpelt();
    void refusesToOverwriteTheInput();
    void headerSaysWhereTheDataCameFrom();
    void labelFitsOneMrcLabel();

private:
    QTemporaryDir m_dir;
};

void TestOutputFile::sameFileHoweverSpelt()
{
    const std::string input = m_dir.filePath("input.mrc").toStdString();
    QFile file(QString::fromStdString(input));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const std::string link = m_dir.filePath("link.mrc").toStdString();
    QVERIFY(QFile::link(QString::fromStdString(input), QString::fromStdString(link)));

    QVERIFY(cryosr::isSameFile(input, input));
    QVERIFY(cryosr::isSameFile(input, m_dir.path().toStdString() + "/./input.mrc"));
    QVERIFY(cryosr::isSameFile(input, link));
    QVERIFY(!cryosr::isSameFile(input, m_dir.filePath("output.mrc").toStdString())); // not there yet
    QVERIFY(!cryosr::isSameFile(input, ""));
    QVERIFY(!cryosr::isSameFile("", ""));
}

void TestOutputFile::refusesToOverwriteTheInput()
{
    const std::string model = m_dir.filePath("model.cryosr").toStdString();
    QFile file(QString::fromStdString(model));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    cryosr::refuseToOverwrite(model, m_dir.filePath("new.cryosr").toStdString()); // no throw
    try {
        cryosr::refuseToOverwrite(model, m_dir.path().toStdString() + "/./model.cryosr", "input model");
        QFAIL("the input was not recognised");
    } catch (const cryosr::FileError& e) {
        const QString message = QString::fromUtf8(e.what());
        QVERIFY2(message.contains("model.cryosr") && message.contains("is the input model; CryoSR never overwrites its input"),
                 qPrintable(message));
    }
}

void TestOutputFile::headerSaysWhereTheDataCameFrom()
{
    // Section 3, region at (100, 40) of a 1.5 Å micrograph, upscaled 2×: 0.75 Å output pixels.
    cryosr::Provenance provenance;
    provenance.file = "mic.mrc";
    provenance.section = 3;
    provenance.region = {100, 40, 64, 32};
    cryosr::PixelSize pixel;
    pixel.x = pixel.y = 0.75;
    const cryosr::WriteSpec spec = cryosr::outputSpec(128, 64, pixel, provenance, {"CryoSR upscale x2 of mic.mrc", 2});
    QCOMPARE(spec.width, 128);
    QCOMPARE(spec.height, 64);
    QVERIFY(spec.type == cryosr::SampleType::Float32);
    QCOMPARE(spec.start[0], 200); // the region's corner in output pixels
    QCOMPARE(spec.start[1], 80);
    QCOMPARE(spec.start[2], 3); // the section it came from
    QCOMPARE(spec.origin[0], 150.0f); // Å: 200 × 0.75
    QCOMPARE(spec.origin[1], 60.0f);
    QCOMPARE(spec.pixelSize.x.value_or(0), 0.75);
    QCOMPARE(int(spec.labels.size()), 1);
    QVERIFY(spec.labels[0].rfind("CryoSR upscale x2 of mic.mrc  ", 0) == 0);

    const cryosr::WriteSpec unknownPixel = cryosr::outputSpec(128, 64, {}, provenance, {"x", 2});
    QCOMPARE(unknownPixel.origin[0], 0.0f); // no pixel size, no origin in Å
    QCOMPARE(unknownPixel.start[0], 200);
}

void TestOutputFile::labelFitsOneMrcLabel()
{
    const std::string label = cryosr::datedLabel(std::string(200, 'a'));
    QCOMPARE(int(label.size()), 58 + 2 + 18); // "28-Nov-26 10:30:00"
    QVERIFY(label.size() <= 80);
    QCOMPARE(QString::fromStdString(label.substr(58, 2)), QString("  "));
    QCOMPARE(int(cryosr::datedLabel("short").size()), 5 + 2 + 18);
    // ASCII in any locale (the GUI runs with the user's: a Japanese month name is not 3 bytes).
    const char* previous = std::setlocale(LC_TIME, nullptr);
    const std::string saved = previous ? previous : "C";
    std::setlocale(LC_TIME, "ja_JP.UTF-8"); // where installed; the C locale otherwise
    const std::string dated = cryosr::datedLabel("x");
    std::setlocale(LC_TIME, saved.c_str());
    QCOMPARE(int(dated.size()), 1 + 2 + 18);
    QVERIFY(std::all_of(dated.begin(), dated.end(), [](char c) { return static_cast<unsigned char>(c) < 128; }));
}

QTEST_GUILESS_MAIN(TestOutputFile)
#include "tst_outputfile.moc"
