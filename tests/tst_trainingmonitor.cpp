// The Training page's view of one run, without a run: what its charts draw from a few log lines.

#include "trainingmonitor.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QValueAxis>
#include <cmath>
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

QChart* chart(const TrainingMonitor& monitor, const char* name)
{
    return monitor.findChild<QChartView*>(name)->chart();
}

/// The chart's axis along `orientation` (each chart has one per direction).
template <typename Axis>
Axis* axis(const TrainingMonitor& monitor, const char* name, Qt::Orientation orientation)
{
    return qobject_cast<Axis*>(chart(monitor, name)->axes(orientation).value(0));
}

bool enabled(const TrainingMonitor& monitor, const char* button)
{
    return monitor.findChild<QPushButton*>(button)->isEnabled();
}

/// `count` validation crops of 160², larger than the 80-pixel thumbnails they are shown as.
QList<FloatImage> crops(int count)
{
    QList<FloatImage> out;
    for (int i = 0; i < count; ++i)
        out << FloatImage::fromValues({160, 160}, std::vector<float>(160 * 160, float(i)));
    return out;
}

} // namespace

Q_DECLARE_METATYPE(TrainingMonitor::State)

class TestTrainingMonitor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aShortRunsFewPointsAreDrawn();
    void buttonsFollowTheState_data();
    void buttonsFollowTheState();
    void buttonsAskTheApp();
    void progressSpeedAndTimeLeft();
    void lossesALogAxisCannotShowAreSkipped();
    void theLossAxisSpansTheCurveInOctavesOrDecades();
    void thePsnrAxisHoldsBothCurves();
    void theStepAxisReachesTheLastStep();
    void markersOnlyWhilePointsAreFew();
    void samplesComeInLabelledTriples();
    void clearForgetsTheRun();
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

void TestTrainingMonitor::buttonsFollowTheState_data()
{
    QTest::addColumn<TrainingMonitor::State>("state");
    QTest::addColumn<bool>("pause");
    QTest::addColumn<bool>("resume");
    QTest::addColumn<bool>("cancel");
    using S = TrainingMonitor::State;
    QTest::newRow("starting") << S::Starting << true << false << true;
    QTest::newRow("running") << S::Running << true << false << true;
    QTest::newRow("waiting (cluster)") << S::Waiting << true << false << true;
    QTest::newRow("stopping") << S::Stopping << false << false << false;
    QTest::newRow("paused") << S::Paused << false << true << true;
    QTest::newRow("failed") << S::Failed << false << true << false;
    QTest::newRow("lost") << S::Lost << false << true << false;
    QTest::newRow("finished") << S::Finished << false << false << false;
    QTest::newRow("cancelled") << S::Cancelled << false << false << false;
}

void TestTrainingMonitor::buttonsFollowTheState()
{
    QFETCH(TrainingMonitor::State, state);
    QFETCH(bool, pause);
    QFETCH(bool, resume);
    QFETCH(bool, cancel);
    TrainingMonitor monitor;
    monitor.setState(state, "details");
    QCOMPARE(monitor.state(), state);
    QCOMPARE(enabled(monitor, "pauseButton"), pause);
    QCOMPARE(enabled(monitor, "resumeButton"), resume);
    QCOMPARE(enabled(monitor, "cancelButton"), cancel);
    QVERIFY(enabled(monitor, "openFolderButton")); // a run's folder is worth opening in any state
    QVERIFY2(monitor.stateText().endsWith(" — details"), qPrintable(monitor.stateText()));
}

void TestTrainingMonitor::buttonsAskTheApp()
{
    TrainingMonitor monitor;
    QSignalSpy pause(&monitor, &TrainingMonitor::pauseRequested);
    QSignalSpy resume(&monitor, &TrainingMonitor::resumeRequested);
    QSignalSpy cancel(&monitor, &TrainingMonitor::cancelRequested);
    QSignalSpy folder(&monitor, &TrainingMonitor::openFolderRequested);
    monitor.setState(TrainingMonitor::State::Running);
    QTest::mouseClick(monitor.findChild<QPushButton*>("pauseButton"), Qt::LeftButton);
    monitor.setState(TrainingMonitor::State::Paused);
    QTest::mouseClick(monitor.findChild<QPushButton*>("pauseButton"), Qt::LeftButton); // disabled: nothing
    QTest::mouseClick(monitor.findChild<QPushButton*>("resumeButton"), Qt::LeftButton);
    QTest::mouseClick(monitor.findChild<QPushButton*>("cancelButton"), Qt::LeftButton);
    QTest::mouseClick(monitor.findChild<QPushButton*>("openFolderButton"), Qt::LeftButton);
    QCOMPARE(pause.count(), 1);
    QCOMPARE(resume.count(), 1);
    QCOMPARE(cancel.count(), 1);
    QCOMPARE(folder.count(), 1);
}

void TestTrainingMonitor::progressSpeedAndTimeLeft()
{
    TrainingMonitor monitor;
    const auto speed = [&] { return monitor.findChild<QLabel*>("runSpeed")->text(); };
    monitor.setProgress(150, 12000, 2.5, 3725);
    QCOMPARE(monitor.progressText(), QString("150/12000"));
    QCOMPARE(speed(), QString("2.5 steps/s, 1:02:05 left"));
    monitor.setProgress(151, 12000, 0.8, 59.6);
    QCOMPARE(speed(), QString("0.8 steps/s, 1:00 left"));
    monitor.setProgress(152, 12000, 0.8, std::nan("")); // no estimate yet
    QCOMPARE(speed(), QString("0.8 steps/s, unknown left"));
    monitor.setProgress(0, 12000, 0.0, 0.0); // no speed measured: nothing to say
    QCOMPARE(speed(), QString());
}

void TestTrainingMonitor::lossesALogAxisCannotShowAreSkipped()
{
    TrainingMonitor monitor;
    monitor.addLoss(50, 0.0);
    monitor.addLoss(100, -1.0);
    monitor.addLoss(150, std::nan(""));
    monitor.addLoss(200, INFINITY);
    QCOMPARE(monitor.lossPoints(), 0);
    monitor.addLoss(250, 0.1);
    QCOMPARE(monitor.lossPoints(), 1);
    monitor.addValidation(250, std::nan(""), std::nan(""), 20.0); // a PSNR needs both values
    QCOMPARE(monitor.validationPoints(), 0);
    monitor.addValidation(300, 0.2, 21.0, 20.0);
    QCOMPARE(monitor.validationPoints(), 1);
}

void TestTrainingMonitor::theLossAxisSpansTheCurveInOctavesOrDecades()
{
    TrainingMonitor monitor;
    auto* lossAxis = axis<QLogValueAxis>(monitor, "lossChart", Qt::Vertical);
    QVERIFY(lossAxis);
    monitor.addLoss(50, 0.4);
    monitor.addLoss(100, 0.1);
    monitor.addValidation(100, 0.2, 20.0, 19.0);
    QCOMPARE(lossAxis->base(), 2.0); // a span of 4: octaves
    QCOMPARE(lossAxis->min(), 0.1 * 0.8);
    QCOMPARE(lossAxis->max(), 0.4 * 1.25);
    monitor.addLoss(150, 0.001); // a span of 400: decades
    QCOMPARE(lossAxis->base(), 10.0);
    QCOMPARE(lossAxis->min(), 0.001 * 0.8);
    monitor.addValidation(150, 0.0005, 21.0, 19.0); // the validation loss counts too
    QCOMPARE(lossAxis->min(), 0.0005 * 0.8);
}

void TestTrainingMonitor::thePsnrAxisHoldsBothCurves()
{
    TrainingMonitor monitor;
    auto* psnrAxis = axis<QValueAxis>(monitor, "psnrChart", Qt::Vertical);
    QVERIFY(psnrAxis);
    QCOMPARE(psnrAxis->min(), 0.0); // nothing yet: a plausible range
    QCOMPARE(psnrAxis->max(), 40.0);
    monitor.addValidation(1000, 0.2, 16.8, 21.0); // the model below Fourier padding: both in view
    monitor.addValidation(2000, 0.1, 22.3, 21.0);
    QCOMPARE(psnrAxis->min(), 16.0);
    QCOMPARE(psnrAxis->max(), 23.0);
}

void TestTrainingMonitor::theStepAxisReachesTheLastStep()
{
    TrainingMonitor monitor;
    auto* lossSteps = axis<QValueAxis>(monitor, "lossChart", Qt::Horizontal);
    auto* psnrSteps = axis<QValueAxis>(monitor, "psnrChart", Qt::Horizontal);
    QVERIFY(lossSteps && psnrSteps);
    QCOMPARE(lossSteps->min(), 0.0);
    QVERIFY(lossSteps->max() >= 10.0);
    monitor.addLoss(1234, 0.2);
    monitor.addValidation(1000, 0.2, 20.0, 19.0);
    QVERIFY2(lossSteps->max() >= 1234 && lossSteps->max() < 2000, qPrintable(QString::number(lossSteps->max())));
    QVERIFY2(psnrSteps->max() >= 1000 && psnrSteps->max() < 1500, qPrintable(QString::number(psnrSteps->max())));
}

void TestTrainingMonitor::markersOnlyWhilePointsAreFew()
{
    TrainingMonitor monitor;
    auto* training = qobject_cast<QLineSeries*>(chart(monitor, "lossChart")->series().value(0));
    QVERIFY(training);
    for (int step = 1; step <= 30; ++step)
        monitor.addLoss(step * 50, 1.0 / step);
    QVERIFY(training->pointsVisible()); // a few points: each marked
    monitor.addLoss(31 * 50, 0.03);
    QVERIFY(!training->pointsVisible()); // a curve: the line is enough
    QCOMPARE(monitor.lossPoints(), 31);
}

void TestTrainingMonitor::samplesComeInLabelledTriples()
{
    TrainingMonitor monitor;
    monitor.setSamples(500, crops(6)); // two crops: input, output, target of each
    const auto title = [&] { return monitor.findChild<QLabel*>("samplesTitle")->text(); };
    QVERIFY2(title().contains("step 500"), qPrintable(title()));
    QStringList tips;
    for (int i = 0; i < 6; ++i) {
        auto* sample = monitor.findChild<QLabel*>(QStringLiteral("sample%1").arg(i));
        QVERIFY(sample);
        QCOMPARE(sample->pixmap().width(), 80);
        tips << sample->toolTip();
    }
    QCOMPARE(tips, QStringList({"input", "output", "target", "input", "output", "target"}));
    monitor.setSamples(1000, crops(3)); // the latest replace the earlier
    QVERIFY(title().contains("step 1000"));
    QVERIFY(monitor.findChild<QLabel*>("sample2"));
    QVERIFY(!monitor.findChild<QLabel*>("sample3"));
}

void TestTrainingMonitor::clearForgetsTheRun()
{
    TrainingMonitor monitor;
    monitor.setTitle("tiny-test", "2 training files");
    monitor.setState(TrainingMonitor::State::Finished);
    monitor.setProgress(4, 4, 1.0, 0.0);
    monitor.addLoss(4, 0.2);
    monitor.addValidation(4, 0.25, 20.0, 18.0);
    monitor.setSamples(4, crops(3));
    monitor.clear();
    QCOMPARE(monitor.findChild<QLabel*>("runTitle")->text(), QString());
    QCOMPARE(monitor.findChild<QLabel*>("runDetails")->text(), QString());
    QCOMPARE(monitor.state(), TrainingMonitor::State::Waiting);
    QCOMPARE(monitor.progressText(), QString("0/1"));
    QCOMPARE(monitor.lossPoints(), 0);
    QCOMPARE(monitor.validationPoints(), 0);
    QVERIFY(!monitor.findChild<QLabel*>("sample0"));
    QCOMPARE(monitor.findChild<QLabel*>("samplesTitle")->text(), QString());
    QCOMPARE(axis<QValueAxis>(monitor, "psnrChart", Qt::Vertical)->max(), 40.0);
}

QTEST_MAIN(TestTrainingMonitor)
#include "tst_trainingmonitor.moc"
