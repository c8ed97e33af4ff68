// The upscale page without the engine: the timeline over a run's frames (following live frames,
// scrubbing, play, loop, x_t / x̂_0), the comparisons with the baseline, and the uncertainty overlay.

#include "contrast.h"
#include "micrographview.h"
#include "upscaleview.h"
#include "colourbar.h"

#include "openglcheck.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QSlider>
#include <QTest>
#include <QToolButton>
#include <cmath>

namespace {

FloatImage constant(QSize size, float value)
{
    return FloatImage::fromValues(size, std::vector<float>(std::size_t(size.width()) * size.height(), value));
}

constexpr QSize kSize(32, 24);

/// Step k's x̂_0 is the constant 10 k, its x_t the constant −10 k: which frame is shown is read from the value.
UpscaleView::Frame frame(int step)
{
    return {constant(kSize, 10.0f * step), constant(kSize, -10.0f * step)};
}

} // namespace

class TestUpscaleView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void timelineFollowsLiveFramesUntilScrubbed();
    void resultIsTheLastPosition();
    void clickingTheTimelineJumpsToTheStep();
    void oneContrastForEveryFrameLinkedToTheImage();
    void playAdvancesAndLoops();
    void contentToggleShowsTheNoisyState();
    void differenceAndSplitUseTheBaseline();
    void uncertaintyNeedsSeveralSamples();
    void sideBySideViewsMoveTogether();
    void aLongRunTitleIsShownWhole();

private:
    std::unique_ptr<UpscaleView> startedView(int steps);
};

void TestUpscaleView::initTestCase()
{
    REQUIRE_OPENGL();
}

std::unique_ptr<UpscaleView> TestUpscaleView::startedView(int steps)
{
    auto view = std::make_unique<UpscaleView>();
    view->resize(800, 600);
    view->show();
    if (!QTest::qWaitForWindowExposed(view.get()))
        return nullptr;
    view->beginRun(steps, 0.5, "test run");
    view->setBaseline(constant(kSize, 5.0f));
    return view;
}

void TestUpscaleView::timelineFollowsLiveFramesUntilScrubbed()
{
    auto view = startedView(5);
    QVERIFY(view);
    auto* label = view->findChild<QLabel*>("stepLabel");
    for (int step = 1; step <= 3; ++step) {
        view->addFrame(frame(step));
        QCOMPARE(view->position(), step - 1);
        QCOMPARE(view->shownImage().at(0, 0), 10.0f * step);
    }
    QCOMPARE(label->text(), QString("Step 3 / 5"));
    view->setPosition(0); // the user scrubs back: new frames no longer move the timeline
    view->addFrame(frame(4));
    QCOMPARE(view->position(), 0);
    QCOMPARE(view->shownImage().at(0, 0), 10.0f);
    view->setPosition(3); // back at the end: following again
    view->addFrame(frame(5));
    QCOMPARE(view->position(), 4);
    QCOMPARE(view->shownImage().at(0, 0), 50.0f);
}

void TestUpscaleView::resultIsTheLastPosition()
{
    auto view = startedView(2);
    QVERIFY(view);
    view->addFrame(frame(1));
    view->addFrame(frame(2));
    view->setResult(constant(kSize, 99.0f), {});
    QVERIFY(view->hasResult());
    QCOMPARE(view->findChild<QSlider*>("timeline")->maximum(), 2);
    QCOMPARE(view->position(), 2);
    QCOMPARE(view->shownImage().at(0, 0), 99.0f);
    QCOMPARE(view->findChild<QLabel*>("stepLabel")->text(), QString("Result"));
    view->beginRun(3, 0.5, "next run"); // a new run clears the old one
    QCOMPARE(int(view->frames().size()), 0);
    QVERIFY(!view->hasResult());
}

void TestUpscaleView::clickingTheTimelineJumpsToTheStep()
{
    auto view = startedView(50);
    QVERIFY(view);
    for (int step = 1; step <= 50; ++step)
        view->addFrame(frame(step));
    view->setPosition(0);
    auto* timeline = view->findChild<QSlider*>("timeline");
    // Three quarters along the groove: about step 37 of 50, not one page (a step) on from step 1.
    QTest::mouseClick(timeline, Qt::LeftButton, {}, QPoint(timeline->width() * 3 / 4, timeline->height() / 2));
    QVERIFY2(std::abs(view->position() - 37) <= 2, qPrintable(QString::number(view->position())));
}

void TestUpscaleView::oneContrastForEveryFrameLinkedToTheImage()
{
    auto view = startedView(3);
    QVERIFY(view);
    view->setLinkedContrast({0.0f, 50.0f}); // the Image page's window
    for (int step = 1; step <= 3; ++step) {
        view->addFrame(frame(step)); // x̂₀ of 10, 20, 30: one window, so they read brighter and brighter
        QCOMPARE(view->resultView()->contrast().low, 0.0f);
        QCOMPARE(view->resultView()->contrast().high, 50.0f);
    }
    view->setResult(constant(kSize, 12.0f), {});
    QCOMPARE(view->resultView()->contrast().high, 50.0f);
    QCOMPARE(view->baselineView()->contrast().high, 50.0f);
    view->findChild<QCheckBox*>("linkContrast")->setChecked(false); // unlinked: the baseline's own window
    const ContrastLimits own = percentileLimits(constant(kSize, 5.0f));
    QCOMPARE(view->resultView()->contrast().low, own.low);
    QCOMPARE(view->baselineView()->contrast().high, own.high);
    view->setPosition(0);
    QCOMPARE(view->resultView()->contrast().high, own.high); // the frames too
}

void TestUpscaleView::playAdvancesAndLoops()
{
    auto view = startedView(4);
    QVERIFY(view);
    for (int step = 1; step <= 4; ++step)
        view->addFrame(frame(step));
    view->findChild<QComboBox*>("speed")->setCurrentIndex(3); // 25 steps/s
    view->findChild<QToolButton*>("play")->click(); // at the end: plays from the start
    QVERIFY(view->isPlaying());
    QTRY_COMPARE_WITH_TIMEOUT(view->position(), 3, 2000);
    QTRY_VERIFY_WITH_TIMEOUT(!view->isPlaying(), 2000); // no loop: stops at the end
    view->findChild<QCheckBox*>("loop")->setChecked(true);
    view->setPlaying(true);
    bool wrapped = false;
    int last = view->position();
    QTRY_VERIFY_WITH_TIMEOUT((wrapped |= view->position() < last, last = view->position(), wrapped), 3000);
    QVERIFY(view->isPlaying());
    view->setPlaying(false);
    QVERIFY(!view->isPlaying());
}

void TestUpscaleView::contentToggleShowsTheNoisyState()
{
    auto view = startedView(3);
    QVERIFY(view);
    view->addFrame(frame(1));
    view->addFrame(frame(2));
    QCOMPARE(view->shownImage().at(0, 0), 20.0f);
    view->findChild<QComboBox*>("frameContent")->setCurrentIndex(1);
    QCOMPARE(view->content(), UpscaleView::Content::State);
    QCOMPARE(view->shownImage().at(0, 0), -20.0f);
    view->setPosition(0);
    QCOMPARE(view->shownImage().at(0, 0), -10.0f);
}

void TestUpscaleView::differenceAndSplitUseTheBaseline()
{
    auto view = startedView(1);
    QVERIFY(view);
    view->addFrame(frame(1));
    view->setResult(constant(kSize, 12.0f), {});
    view->setCompare(UpscaleView::Compare::Difference);
    QCOMPARE(view->shownImage().at(3, 3), 7.0f); // 12 − 5
    const ContrastLimits limits = view->resultView()->contrast();
    QCOMPARE(limits.low, -limits.high); // symmetric: no change is the diverging map's white middle
    QCOMPARE(view->resultView()->colormap(), Colormap::Diverging);
    auto* bar = view->findChild<ColourBar*>("differenceBar");
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->low(), double(limits.low));
    QCOMPARE(bar->high(), double(limits.high));
    view->setCompare(UpscaleView::Compare::Split);
    QVERIFY(!bar->isVisible());
    QCOMPARE(view->resultView()->colormap(), Colormap::Gray);
    QCOMPARE(view->shownImage().at(3, 3), 12.0f);
    QVERIFY(view->findChild<QSlider*>("splitPosition")->isVisible());
    view->findChild<QSlider*>("splitPosition")->setValue(250);
    QCOMPARE(view->resultView()->splitPosition(), 0.25);
    view->setCompare(UpscaleView::Compare::SideBySide);
    QVERIFY(view->baselineView()->isVisible());
    QVERIFY(!view->findChild<QSlider*>("splitPosition")->isVisible());
}

void TestUpscaleView::uncertaintyNeedsSeveralSamples()
{
    auto view = startedView(1);
    QVERIFY(view);
    view->addFrame(frame(1));
    auto* uncertainty = view->findChild<QCheckBox*>("uncertainty");
    view->setResult(constant(kSize, 12.0f), {});
    QVERIFY(!uncertainty->isEnabled());
    view->beginRun(1, 0.5, "two samples");
    view->setBaseline(constant(kSize, 5.0f));
    view->addFrame(frame(1));
    std::vector<float> spread(std::size_t(kSize.width() * kSize.height()));
    for (std::size_t i = 0; i < spread.size(); ++i)
        spread[i] = float(i % kSize.width()); // uncertain to the right
    view->setResult(constant(kSize, 12.0f), FloatImage::fromValues(kSize, spread));
    QVERIFY(uncertainty->isEnabled());
    view->setUncertaintyShown(true, 1.0);
    view->resultView()->setScaleAndCentre(8.0, QPointF(16, 12));
    const QImage frame = view->resultView()->grabFramebuffer();
    const QPoint left = view->resultView()->transform().toWidget(QPointF(2.5, 12.5)).toPoint();
    const QPoint right = view->resultView()->transform().toWidget(QPointF(29.5, 12.5)).toPoint();
    QVERIFY2(qGray(frame.pixel(left)) < 40 && qGray(frame.pixel(right)) > 200, "cubehelix: dark where certain, bright where not");
    auto* bar = view->findChild<ColourBar*>("uncertaintyBar"); // the standard deviation's range, in the image's values
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->low(), 0.0);
    QVERIFY2(bar->high() > 30.0 && bar->high() <= 31.0, qPrintable(QString::number(bar->high())));
    view->setPosition(0); // a step, not the result: no overlay
    const QImage step = view->resultView()->grabFramebuffer();
    QCOMPARE(qGray(step.pixel(left)), qGray(step.pixel(right)));
    QVERIFY(!bar->isVisible());
}

void TestUpscaleView::sideBySideViewsMoveTogether()
{
    auto view = startedView(1);
    QVERIFY(view);
    view->addFrame(frame(1));
    view->setCompare(UpscaleView::Compare::SideBySide);
    QTRY_VERIFY(view->baselineView()->isValid()); // shown, with its GL context and size
    view->resultView()->setScaleAndCentre(4.0, QPointF(10, 8));
    QCOMPARE(view->baselineView()->transform().scale(), 4.0);
    QVERIFY((view->baselineView()->transform().centre() - QPointF(10, 8)).manhattanLength() < 0.01);
    view->baselineView()->zoomBy(2.0);
    QCOMPARE(view->resultView()->transform().scale(), 8.0);
}

void TestUpscaleView::aLongRunTitleIsShownWhole()
{
    // The page beside the docks of a 1200 × 850 window is ~780 px wide; the title named the file,
    // region, sampler, steps, samples and seed, and was cut after the file name.
    UpscaleView view;
    view.resize(600, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QString title =
        "mic_negstain_07jan05b_512_x2_denoised.mrc · x 100 y 100, 128 × 128 px · DDIM, 50 steps, "
        "8 samples, seed 1234567890";
    view.beginRun(50, 1.0, title);
    QApplication::processEvents();
    auto* label = view.findChild<QLabel*>("upscaleTitle");
    QCOMPARE(label->text(), title);
    QVERIFY(label->isVisible());
    const QRect needed =
        label->fontMetrics().boundingRect(label->contentsRect(), Qt::TextWordWrap | int(label->alignment()), title);
    QVERIFY2(needed.width() <= label->contentsRect().width() && needed.height() <= label->contentsRect().height(),
             qPrintable(QString("needs %1 x %2, has %3 x %4")
                            .arg(needed.width())
                            .arg(needed.height())
                            .arg(label->contentsRect().width())
                            .arg(label->contentsRect().height())));
    QVERIFY(view.findChild<QComboBox*>("compare")->isVisible()); // the controls keep their place
}

QTEST_MAIN(TestUpscaleView)
#include "tst_upscaleview.moc"
