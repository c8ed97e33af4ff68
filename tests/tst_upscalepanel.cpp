// The upscale panel: regions snapped to the model's multiple inside the image, choices remembered
// across restarts, the run-time estimate from a measured speed, and what cannot run here not offered.

#include "regionsnap.h"
#include "upscalepanel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

class TestUpscalePanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void inputMultipleFollowsTheNetworkAndScale_data();
    void inputMultipleFollowsTheNetworkAndScale();
    void regionsSnapInsideTheImage_data();
    void regionsSnapInsideTheImage();
    void panelSnapsTypedAndSetRegions();
    void choicesPersistAcrossRestarts();
    void newcomerStartsWithTheFirstModel();
    void oldConsistencyCheckBoxIsRead();
    void estimateScalesWithTheRun();
    void cudaAndHalfPrecisionNeedAGpu();
    void savedDeviceAndPrecisionWaitForTheDevices();
    void anOldDefaultPrecisionBecomesAutomatic();
    void upscaleNeedsARegionAndAUsableModel();
    void typedValuesAreTakenAndInvalidOnesRefused();
    void fastModeRunsFourDdimStepsAndKeepsTheChoices();
    void wheelScrollsThePanelNotItsSettings();

private:
    QTemporaryDir m_config;
};

void TestUpscalePanel::initTestCase()
{
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    QCoreApplication::setOrganizationName("CryoSRTest");
    QCoreApplication::setApplicationName("tst_upscalepanel");
}

void TestUpscalePanel::init()
{
    QSettings().clear();
}

void TestUpscalePanel::inputMultipleFollowsTheNetworkAndScale_data()
{
    QTest::addColumn<int>("outputMultiple");
    QTest::addColumn<int>("scale");
    QTest::addColumn<int>("expected");
    QTest::newRow("4 levels, 2x") << 8 << 2 << 4;
    QTest::newRow("4 levels, 4x") << 8 << 4 << 2;
    QTest::newRow("2 levels, 4x") << 2 << 4 << 1;
    QTest::newRow("3 levels, 3x") << 4 << 3 << 4;
    QTest::newRow("no multiple") << 1 << 2 << 1;
}

void TestUpscalePanel::inputMultipleFollowsTheNetworkAndScale()
{
    QFETCH(int, outputMultiple);
    QFETCH(int, scale);
    QFETCH(int, expected);
    QCOMPARE(inputMultiple(outputMultiple, scale), expected);
}

void TestUpscalePanel::regionsSnapInsideTheImage_data()
{
    QTest::addColumn<QRect>("region");
    QTest::addColumn<int>("multiple");
    QTest::addColumn<QSize>("bounds");
    QTest::addColumn<QRect>("expected");
    QTest::newRow("already whole") << QRect(10, 20, 64, 32) << 4 << QSize(200, 100) << QRect(10, 20, 64, 32);
    QTest::newRow("rounds down") << QRect(10, 20, 65, 33) << 4 << QSize(200, 100) << QRect(10, 20, 64, 32);
    QTest::newRow("rounds up") << QRect(10, 20, 63, 30) << 4 << QSize(200, 100) << QRect(10, 20, 64, 32);
    QTest::newRow("at least one multiple") << QRect(5, 5, 1, 2) << 8 << QSize(200, 100) << QRect(5, 5, 8, 8);
    QTest::newRow("moves in at the edge") << QRect(190, 90, 20, 20) << 4 << QSize(200, 100) << QRect(180, 80, 20, 20);
    QTest::newRow("no larger than fits") << QRect(0, 0, 300, 300) << 8 << QSize(202, 99) << QRect(0, 0, 200, 96);
    QTest::newRow("image below one multiple") << QRect(0, 0, 3, 3) << 8 << QSize(6, 100) << QRect();
    QTest::newRow("empty stays empty") << QRect() << 4 << QSize(200, 100) << QRect();
}

void TestUpscalePanel::regionsSnapInsideTheImage()
{
    QFETCH(QRect, region);
    QFETCH(int, multiple);
    QFETCH(QSize, bounds);
    QFETCH(QRect, expected);
    QCOMPARE(snapRegion(region, multiple, bounds), expected);
}

void TestUpscalePanel::panelSnapsTypedAndSetRegions()
{
    UpscalePanel panel;
    panel.setImage(QSize(300, 200), 1.5);
    panel.setRegionRules(4, 2);
    QSignalSpy changed(&panel, &UpscalePanel::regionChanged);
    panel.setRegion(QRect(10, 10, 49, 31));
    QCOMPARE(panel.region(), QRect(10, 10, 48, 32));
    QCOMPARE(changed.count(), 1);
    panel.setRegion(QRect(10, 10, 48, 32)); // the snapped region again: no signal (no loop with the view)
    QCOMPARE(changed.count(), 1);
    panel.setRegion(QRect(10, 10, 49, 33)); // dragged to a size that snaps to the same region: the view
    QCOMPARE(changed.count(), 2); // must still learn it, or its label says 49 × 33
    QCOMPARE(changed.last().at(0).toRect(), QRect(10, 10, 48, 32));
    QCOMPARE(panel.findChild<QSpinBox*>("regionWidth")->value(), 48);
    QVERIFY(panel.findChild<QLabel*>("regionSize")->text().contains("48 × 32 px → 96 × 64 px"));
    QVERIFY(panel.findChild<QLabel*>("regionSize")->text().contains("72 × 48 Å"));

    auto* width = panel.findChild<QSpinBox*>("regionWidth");
    width->setValue(69); // typed: snapped to 68 (the nearest multiple of 4)
    QCOMPARE(panel.region(), QRect(10, 10, 68, 32));
    QCOMPARE(width->value(), 68);
    panel.findChild<QSpinBox*>("regionX")->setValue(290); // pushed back inside the image
    QCOMPARE(panel.region(), QRect(232, 10, 68, 32));
}

void TestUpscalePanel::choicesPersistAcrossRestarts()
{
    {
        UpscalePanel panel;
        panel.setModels({{"default", "/models/default.cryosr", "card", true, "", "hard"},
                         {"mine", "/models/mine.cryosr", "card", true, "", "hard"}});
        auto* model = panel.findChild<QComboBox*>("model");
        model->setCurrentIndex(1);
        panel.findChild<QComboBox*>("sampler")->setCurrentIndex(2);
        panel.findChild<QSpinBox*>("steps")->setValue(17);
        panel.findChild<QSpinBox*>("samples")->setValue(4);
        UpscaleOptions o = panel.options();
        o.randomSeed = false;
        o.seed = 1234;
        o.eta = 0.3;
        o.consistency = "noise";
        panel.setOptions(o);
    }
    UpscalePanel restarted;
    restarted.setModels({{"default", "/models/default.cryosr", "card", true, "", "hard"},
                         {"mine", "/models/mine.cryosr", "card", true, "", "hard"}});
    const UpscaleOptions o = restarted.options();
    QCOMPARE(o.modelFile, QString("/models/mine.cryosr"));
    QCOMPARE(o.sampler, QString("dpmpp"));
    QCOMPARE(o.steps, 17);
    QCOMPARE(o.samples, 4);
    QCOMPARE(o.randomSeed, false);
    QCOMPARE(o.seed, 1234u);
    QCOMPARE(o.eta, 0.3);
    QCOMPARE(o.consistency, QString("noise"));
}

void TestUpscalePanel::newcomerStartsWithTheFirstModel()
{
    const QList<ModelEntry> models{{"default", "/m/default.cryosr", "card", true, "Faithful upscale", "hard"},
                                   {"denoise", "/m/denoise.cryosr", "card", true, "Denoise and upscale", "noise"}};
    {
        UpscalePanel panel;
        panel.setModels(models);
        QCOMPARE(panel.options().modelFile, QString("/m/default.cryosr"));
        auto* model = panel.findChild<QComboBox*>("model");
        QCOMPARE(model->itemText(1), QString("denoise — Denoise and upscale"));
        // "The model's default" says what it is for the model shown, and follows the model.
        auto* consistency = panel.findChild<QComboBox*>("consistency");
        QCOMPARE(panel.options().consistency, QString("model"));
        QVERIFY2(consistency->currentText().contains("exactly"), qPrintable(consistency->currentText()));
        model->setCurrentIndex(1);
        QVERIFY2(consistency->currentText().contains("signal-to-noise"), qPrintable(consistency->currentText()));
    }
    // Someone who chose the denoise model keeps it, wherever the list puts it.
    UpscalePanel again;
    again.setModels(models);
    QCOMPARE(again.options().modelFile, QString("/m/denoise.cryosr"));
    QSettings().clear();
    UpscalePanel reordered;
    reordered.setModels({models[1], models[0]});
    QCOMPARE(reordered.options().modelFile, QString("/m/denoise.cryosr"));
}

void TestUpscalePanel::oldConsistencyCheckBoxIsRead()
{
    // Earlier versions stored a check box: checked (the default) becomes the model's default, unchecked off.
    QSettings().setValue("upscale/consistency", false);
    QCOMPARE(UpscalePanel().options().consistency, QString("off"));
    QSettings().setValue("upscale/consistency", true);
    QCOMPARE(UpscalePanel().options().consistency, QString("model"));
}

void TestUpscalePanel::estimateScalesWithTheRun()
{
    UpscalePanel panel;
    panel.setImage(QSize(1000, 1000), 1.0);
    panel.setRegionRules(1, 2);
    panel.setRegion(QRect(0, 0, 500, 500));
    panel.findChild<QSpinBox*>("steps")->setValue(20);
    panel.findChild<QSpinBox*>("samples")->setValue(1);
    QCOMPARE(panel.estimatedSeconds(), 0.0); // no speed measured yet
    QSize asked;
    // A stand-in for the measured speed: a step takes 0.1 s + 0.5 s per output megapixel and sample.
    panel.setEstimator(
        [&asked](QSize region, int steps, int samples) {
            asked = region;
            return steps * (0.1 + 0.5 * (2.0 * region.width()) * (2.0 * region.height()) / 1e6 * samples);
        },
        "cpu");
    QCOMPARE(panel.estimatedSeconds(), 12.0);
    QCOMPARE(asked, QSize(500, 500)); // the input region, as snapped
    QVERIFY2(panel.findChild<QLabel*>("estimate")->text().contains("12 s on cpu"),
             qPrintable(panel.findChild<QLabel*>("estimate")->text()));
    panel.findChild<QSpinBox*>("samples")->setValue(3);
    QCOMPARE(panel.estimatedSeconds(), 32.0);
    QVERIFY2(panel.findChild<QLabel*>("estimate")->text().contains("32 s on cpu"),
             qPrintable(panel.findChild<QLabel*>("estimate")->text()));
    panel.setRegion(QRect(0, 0, 250, 500));
    QCOMPARE(panel.estimatedSeconds(), 17.0);
    panel.setEstimator({}, "Measuring…");
    QCOMPARE(panel.estimatedSeconds(), 0.0);
    QCOMPARE(panel.findChild<QLabel*>("estimate")->text(), QString("Measuring…"));
}

void TestUpscalePanel::cudaAndHalfPrecisionNeedAGpu()
{
    UpscalePanel panel;
    auto* device = panel.findChild<QComboBox*>("device");
    auto* precision = panel.findChild<QComboBox*>("precision");
    auto enabled = [](QComboBox* box, const QString& value) {
        auto* model = qobject_cast<QStandardItemModel*>(box->model());
        return model->item(box->findData(value))->isEnabled();
    };
    auto automatic = [&] { return precision->itemText(precision->findData("auto")); };
    QCOMPARE(panel.options().precision, QString("auto")); // a newcomer's precision is the machine's best
    panel.setDevices({});
    QVERIFY(!enabled(device, "cuda"));
    QVERIFY(!enabled(precision, "bf16"));
    QVERIFY(device->itemText(device->findData("cuda")).contains("no GPU"));
    QVERIFY2(automatic().contains("fp32"), qPrintable(automatic()));
    panel.setDevices({"NVIDIA H200"});
    QVERIFY(enabled(device, "cuda"));
    QVERIFY(enabled(precision, "bf16"));
    QVERIFY2(automatic().contains("fp32"), qPrintable(automatic())); // bf16 on GPUs is not measured yet
    QVERIFY(device->itemText(device->findData("cuda")).contains("NVIDIA H200"));
    precision->setCurrentIndex(precision->findData("bf16"));
    device->setCurrentIndex(device->findData("cpu")); // this CPU has no bf16 arithmetic: auto (fp32)
    QCOMPARE(panel.options().precision, QString("auto"));
    QVERIFY(!enabled(precision, "bf16"));
    QVERIFY(!enabled(precision, "fp16"));
    // One with bf16 arithmetic (AVX512-BF16) offers bf16, never fp16, on the CPU.
    panel.setDevices({}, true);
    QVERIFY(enabled(precision, "bf16"));
    QVERIFY(!enabled(precision, "fp16"));
    QVERIFY2(automatic().contains("bf16"), qPrintable(automatic()));
    precision->setCurrentIndex(precision->findData("bf16"));
    QCOMPARE(panel.options().precision, QString("bf16"));
    precision->setCurrentIndex(precision->findData("fp16"));
    QCOMPARE(panel.options().precision, QString("auto"));
}

void TestUpscalePanel::savedDeviceAndPrecisionWaitForTheDevices()
{
    // The panel restores its choices before the engine has said what the machine has: a saved bf16
    // (or CUDA) was turned into fp32 (auto) and saved so at every launch, even where it can run.
    QSettings().setValue("upscale/device", "cpu");
    QSettings().setValue("upscale/precision", "bf16");
    {
        UpscalePanel panel;
        QCOMPARE(panel.options().precision, QString("bf16"));
        panel.setDevices({}, true); // a CPU with bf16 arithmetic
        QCOMPARE(panel.options().precision, QString("bf16"));
    }
    QCOMPARE(QSettings().value("upscale/precision").toString(), QString("bf16"));
    QSettings().setValue("upscale/device", "cuda");
    {
        UpscalePanel panel;
        panel.setDevices({"NVIDIA H200"});
        QCOMPARE(panel.options().device, QString("cuda"));
        QCOMPARE(panel.options().precision, QString("bf16"));
    }
    UpscalePanel elsewhere; // the same settings on a machine with neither
    elsewhere.setDevices({});
    QCOMPARE(elsewhere.options().device, QString("auto"));
    QCOMPARE(elsewhere.options().precision, QString("auto"));
    // A saved CUDA on a machine with no GPU but with bf16 arithmetic: Automatic is named bf16 there.
    QSettings().setValue("upscale/device", "cuda");
    UpscalePanel bf16Cpu;
    bf16Cpu.setDevices({}, true);
    auto* precision = bf16Cpu.findChild<QComboBox*>("precision");
    QVERIFY2(precision->itemText(precision->findData("auto")).contains("bf16"),
             qPrintable(precision->itemText(precision->findData("auto"))));
}

void TestUpscalePanel::anOldDefaultPrecisionBecomesAutomatic()
{
    // Versions before "auto" saved "fp32" at every launch: it becomes the new default once, while an
    // fp32 saved since (chosen, with "auto" on offer) stays.
    QSettings().setValue("upscale/precision", "fp32");
    {
        UpscalePanel panel;
        QCOMPARE(panel.options().precision, QString("auto"));
    }
    QSettings().setValue("upscale/precision", "fp32");
    UpscalePanel chosen;
    QCOMPARE(chosen.options().precision, QString("fp32"));
}

void TestUpscalePanel::upscaleNeedsARegionAndAUsableModel()
{
    UpscalePanel panel;
    QSignalSpy requested(&panel, &UpscalePanel::upscaleRequested);
    auto* button = panel.findChild<QPushButton*>("upscaleButton");
    panel.setImage(QSize(100, 100), 0.0);
    panel.setModels({{"broken", "/models/broken.cryosr", "Cannot be used: bad file", false, "", ""}});
    panel.setRegion(QRect(0, 0, 32, 32));
    QVERIFY(!button->isEnabled());
    panel.requestUpscale();
    QCOMPARE(requested.count(), 0);
    panel.setModels({{"default", "/models/default.cryosr", "card", true, "", "hard"}});
    QVERIFY(button->isEnabled());
    panel.setRegion({});
    QVERIFY(!button->isEnabled());
    panel.setRegion(QRect(0, 0, 32, 32));
    button->click();
    QCOMPARE(requested.count(), 1);
}

void TestUpscalePanel::typedValuesAreTakenAndInvalidOnesRefused()
{
    // As when Ctrl+U is pressed in a field: the text typed there is what the user sees and means.
    UpscalePanel panel;
    panel.show();
    panel.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&panel));
    QSignalSpy requested(&panel, &UpscalePanel::upscaleRequested);
    panel.setImage(QSize(100, 100), 0.0);
    panel.setModels({{"default", "/models/default.cryosr", "card", true, "", "hard"}});
    panel.setRegion(QRect(0, 0, 32, 32));
    auto* steps = panel.findChild<QSpinBox*>("steps");
    steps->selectAll();
    QTest::keyClicks(steps, "30"); // not entered
    QCOMPARE(panel.options().steps, 50);
    panel.requestUpscale();
    QCOMPARE(requested.count(), 1);
    QCOMPARE(panel.options().steps, 30);

    auto* eta = panel.findChild<QDoubleSpinBox*>("eta");
    panel.findChild<QComboBox*>("sampler")->setCurrentIndex(1); // DDIM: η counts
    eta->selectAll();
    QTest::keyClick(eta, Qt::Key_Backspace); // empty
    panel.requestUpscale();
    QCOMPARE(requested.count(), 1);
    QVERIFY2(panel.findChild<QLabel*>("upscaleStatus")->text().contains("η"),
             qPrintable(panel.findChild<QLabel*>("upscaleStatus")->text()));
    QVERIFY(eta->hasFocus());
    QTest::keyClicks(eta, "0.5");
    panel.findChild<QPushButton*>("upscaleButton")->click();
    QCOMPARE(requested.count(), 2);
    QCOMPARE(panel.options().eta, 0.5);
}

void TestUpscalePanel::fastModeRunsFourDdimStepsAndKeepsTheChoices()
{
    int estimatedSteps = 0;
    {
        UpscalePanel panel;
        panel.setImage(QSize(1000, 1000), 1.0);
        panel.setRegion(QRect(0, 0, 128, 128));
        panel.setEstimator(
            [&](QSize, int steps, int) {
                estimatedSteps = steps;
                return steps * 0.5;
            },
            "cpu");
        auto* sampler = panel.findChild<QComboBox*>("sampler");
        auto* steps = panel.findChild<QSpinBox*>("steps");
        auto* eta = panel.findChild<QDoubleSpinBox*>("eta");
        auto* fast = panel.findChild<QCheckBox*>("fast");
        QVERIFY(fast);
        QVERIFY(!fast->isChecked()); // a newcomer starts with the full network's steps
        eta->setValue(0.5);
        sampler->setCurrentIndex(sampler->findData("dpmpp"));
        steps->setValue(30);
        QCOMPARE(estimatedSteps, 30);
        fast->click();
        QCOMPARE(panel.estimatedSeconds(), 2.0); // the estimate is fast mode's
        QCOMPARE(estimatedSteps, UpscaleOptions::kFastSteps);
        QVERIFY(panel.findChild<QLabel*>("estimate")->text().contains("2.0 s"));
        QVERIFY(!steps->isEnabled() && !sampler->isEnabled() && !eta->isEnabled());
        const UpscaleOptions chosen = panel.options();
        QVERIFY(chosen.fast);
        QCOMPARE(chosen.steps, 30); // the full network's choices stay
        QCOMPARE(chosen.sampler, QString("dpmpp"));
        const UpscaleOptions run = chosen.forRun();
        QCOMPARE(run.sampler, QString("ddim"));
        QCOMPARE(run.steps, 4);
        QCOMPARE(run.eta, 0.0);
    }
    UpscalePanel restarted; // remembered, and leaving it brings the full network's choices back
    auto* fast = restarted.findChild<QCheckBox*>("fast");
    QVERIFY(fast->isChecked());
    QVERIFY(!restarted.findChild<QSpinBox*>("steps")->isEnabled());
    fast->click();
    QVERIFY(restarted.findChild<QSpinBox*>("steps")->isEnabled());
    const UpscaleOptions run = restarted.options().forRun();
    QCOMPARE(run.steps, 30);
    QCOMPARE(run.sampler, QString("dpmpp"));
    QCOMPARE(restarted.findChild<QDoubleSpinBox*>("eta")->isEnabled(), false); // η is DDIM's only
}

namespace {

/// `notches` notches of the mouse wheel (< 0: down) over the middle of `widget`.
void turnWheel(QWidget* widget, int notches)
{
    const QPointF local = QRectF(widget->rect()).center();
    QWheelEvent notch(local, widget->mapToGlobal(local), QPoint(), QPoint(0, 120 * notches), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &notch);
}

} // namespace

void TestUpscalePanel::wheelScrollsThePanelNotItsSettings()
{
    UpscalePanel panel;
    panel.setModels({{"default", "/m/default.cryosr", "card", true, "", "hard"},
                     {"denoise", "/m/denoise.cryosr", "card", true, "", "noise"}});
    panel.resize(320, 260); // short enough that the settings scroll
    panel.show();
    panel.activateWindow(); // focus, which the guard looks at, needs the active window
    QVERIFY(QTest::qWaitForWindowActive(&panel));
    auto* scrollBar = panel.findChild<QScrollArea*>("settingsScroll")->verticalScrollBar();
    QVERIFY(scrollBar->maximum() > 0);
    auto* model = panel.findChild<QComboBox*>("model");
    auto* samples = panel.findChild<QSpinBox*>("samples");
    auto* fast = panel.findChild<QCheckBox*>("fast");
    fast->setFocus(); // the keyboard is elsewhere, as after clicking a check box
    QTRY_VERIFY(fast->hasFocus());
    QVERIFY(!model->hasFocus());

    // Scrolling over an unfocused box scrolls the panel and leaves the choice alone.
    turnWheel(model, -1);
    QCOMPARE(model->currentIndex(), 0);
    const int scrolled = scrollBar->value();
    QVERIFY(scrolled > 0);
    QVERIFY(!model->hasFocus()); // the wheel did not take the focus either
    turnWheel(samples, 1);
    QCOMPARE(samples->value(), 1);
    QVERIFY(scrollBar->value() < scrolled);

    // A box the user has focused takes the wheel as usual.
    model->setFocus();
    QTRY_VERIFY(model->hasFocus());
    turnWheel(model, -1);
    QCOMPARE(model->currentIndex(), 1);
}

QTEST_MAIN(TestUpscalePanel)
#include "tst_upscalepanel.moc"
