// The Training page's view of one run, without a run: what its charts draw from a few log lines.

#include "trainingmonitor.h"

#include <QApplication>
#include <QChartView>
#include <QTest>
#include <cstdlib>

namespace {

/// Pixels of `image` within a few levels of `colour`.
int pixelsOf(const QImage& image, QColor colour)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            count += std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green()) + std::abs(c.blue() - colour.blue())
                < 40;
        }
    return count;
}

} // namespace

class TestTrainingMonitor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aShortRunsFewPointsAreDrawn();
};

void TestTrainingMonitor::aShortRunsFewPointsAreDrawn()
{
    // A run of 4 steps logged every 50 has one loss point (the final step) and one validation: a line
    // needs two points, so without markers the charts stay empty.
    TrainingMonitor monitor;
    monitor.resize(900, 600);
    monitor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&monitor));
    const QImage emptyLoss = monitor.findChild<QChartView*>("lossChart")->grab().toImage();
    const QImage emptyPsnr = monitor.findChild<QChartView*>("psnrChart")->grab().toImage();
    monitor.addLoss(4, 0.2);
    monitor.addValidation(4, 0.25, 20.0, 18.0);
    QApplication::processEvents();
    const QImage loss = monitor.findChild<QChartView*>("lossChart")->grab().toImage();
    const QImage psnr = monitor.findChild<QChartView*>("psnrChart")->grab().toImage();
    const QColor training(0x1f, 0x77, 0xb4), model(0x2c, 0xa0, 0x2c);
    // The legend's swatch has the colour too: the plot must add to it.
    QVERIFY2(pixelsOf(loss, training) > pixelsOf(emptyLoss, training) + 10,
             qPrintable(QStringLiteral("%1 vs %2").arg(pixelsOf(loss, training)).arg(pixelsOf(emptyLoss, training))));
    QVERIFY2(pixelsOf(psnr, model) > pixelsOf(emptyPsnr, model) + 10,
             qPrintable(QStringLiteral("%1 vs %2").arg(pixelsOf(psnr, model)).arg(pixelsOf(emptyPsnr, model))));
}

QTEST_MAIN(TestTrainingMonitor)
#include "tst_trainingmonitor.moc"
