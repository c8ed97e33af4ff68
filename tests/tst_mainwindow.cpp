// The main window driven as a user would: open the bundled sample and a stack, step through
// sections, hover for pixel values, drag the histogram's limits, look at a power spectrum, drop and
// reopen files, export, and meet a bad file with a dialog instead of a crash. The `cryosr
// --screenshot` command line is run as scripts run it.

#include "mrctestfiles.h"
#include "io/imagereader.h"
#include "simulation/micrographsimulator.h"
#include "simulation/syntheticmap.h"
#include "testsupport.h"

#include "contrastpanel.h"
#include "galleryview.h"
#include "histogramwidget.h"
#include "jobprogress.h"
#include "micrographview.h"
#include "profileplot.h"
#include "upscalepanel.h"
#include "appcontrollers.h"
#include "mainwindow.h"
#include "micrographcontroller.h"
#include "guisession.h"
#include "preferences.h"

#include "openglcheck.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QRegularExpression>
#include <QProcess>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QTabWidget>
#include <QLabel>
#include <QMessageBox>
#include <QPalette>
#include <QSpinBox>
#include <QStatusBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <cmath>

namespace {

constexpr int kSpectrumTimeout = 60000; // ms; a spectrum of these images takes well under a second

/// Grey-level standard deviation of what the view shows: a blank or one-colour view has none.
double renderedContrast(QWidget* view)
{
    const QImage shot = view->grab().toImage().convertToFormat(QImage::Format_Grayscale8);
    double sum = 0, squares = 0;
    const int n = shot.width() * shot.height();
    for (int y = 0; y < shot.height(); ++y)
        for (int x = 0; x < shot.width(); ++x) {
            const double v = shot.constScanLine(y)[x];
            sum += v;
            squares += v * v;
        }
    return std::sqrt(squares / n - (sum / n) * (sum / n));
}

/// The main window and its micrograph controller, wired as `cryosr` wires them, shown at `size`.
struct ShownWindow {
    MainWindow window;
    MicrographController controller{&window, window.jobProgress(), dialogsOf(window)};
    explicit ShownWindow(QSize size = {900, 700})
    {
        connectMicrographRequests(window, controller);
        window.resize(size);
        window.show();
    }
};

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void opensTheBundledSample();
    void stepsThroughSections();
    void hoverShowsPixelValue();
    void badFileGivesADialogAndKeepsTheImage();
    void opensPngWithItsValues();
    void sliderAndPageKeysStepSections();
    void draggingHistogramLimitsSetsTheViewsContrast();
    void spectrumOfASinusoidPeaksWhereItShould();
    void spectrumShowsTheCtfFitOnceThePixelSizeIsKnown();
    void droppedFilesOpenAndListWithThumbnails();
    void recentFilesReopen();
    void upscaleShortcutsWorkFromAField();
    void eachMicrographKeepsItsSelection();
    void upscalePanelFitsTheDefaultWindow();
    void similarNamesReadApartInTheList();
    void placeholderPixelSizesAreUnknownUntilSet();
    void toolsFromTheKeyboardAndWindowLevelByRightDrag();
    void galleryShowsTheStackAndChoosesASection();
    void exportsTheVisibleRegionAndTheView();
    void renderedWindowIgnoresWhatCoversIt();
    void screenshotCommandLine();
    void screenshotOfAFinishedUpscale();

private:
    QTemporaryDir m_dir;
    QString makeStack();
};

void TestMainWindow::initTestCase()
{
    REQUIRE_OPENGL();
    QStandardPaths::setTestModeEnabled(true);
    // Settings (recent files) go to a private folder, never the user's.
    qputenv("XDG_CONFIG_HOME", m_dir.filePath("config").toUtf8());
    QCoreApplication::setOrganizationName("CryoSR-tests");
    QVERIFY(QFileInfo::exists(CRYOSR_SAMPLE));
}

QString TestMainWindow::makeStack()
{
    // Three 40 x 20 sections: section s is a ramp along x with offset 1000 * s.
    std::vector<float> values;
    for (int s = 0; s < 3; ++s)
        for (int y = 0; y < 20; ++y)
            for (int x = 0; x < 40; ++x)
                values.push_back(1000.0f * s + x);
    const QString file = m_dir.filePath("stack.mrcs");
    testsupport::writeBytes(file, mrctestfiles::makeMrc(mrctestfiles::header(40, 20, 3, 2), mrctestfiles::encode(values), 4));
    return file;
}

void TestMainWindow::opensTheBundledSample()
{
    ShownWindow shown(QSize(900, 700));
    auto& [window, controller] = shown;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(controller.openFile(CRYOSR_SAMPLE));
    QCOMPARE(window.imageView()->image().size, QSize(1024, 1024));
    QVERIFY(window.windowTitle().contains("sample_micrograph.mrc"));
    const auto* description = window.findChild<QLabel*>("descriptionLabel");
    QVERIFY(description->text().contains("1024 × 1024 × 1"));
    QVERIFY(description->text().contains("1.5 Å/px"));
    QVERIFY2(renderedContrast(window.imageView()) > 10.0, "the view shows no image");
    QVERIFY(!window.findChild<QSpinBox*>("sectionSpinBox")->isEnabled()); // one section: nothing to step
}

void TestMainWindow::stepsThroughSections()
{
    ShownWindow shown;
    auto& [window, controller] = shown;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(controller.openFile(makeStack()));
    auto* spin = window.findChild<QSpinBox*>("sectionSpinBox");
    QVERIFY(spin->isEnabled());
    QCOMPARE(spin->maximum(), 2);
    QCOMPARE(window.imageView()->image().at(5, 3), 5.0f);
    spin->setFocus();
    QTest::keyClick(spin, Qt::Key_Up);
    QTRY_COMPARE(window.imageView()->image().at(5, 3), 1005.0f);
    QTest::keyClick(spin, Qt::Key_Up);
    QTRY_COMPARE(window.imageView()->image().at(5, 3), 2005.0f);
    QTest::keyClick(spin, Qt::Key_Up); // already at the last section
    QCOMPARE(spin->value(), 2);
}

void TestMainWindow::hoverShowsPixelValue()
{
    ShownWindow shown(QSize(800, 600));
    auto& [window, controller] = shown;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(controller.openFile(makeStack()));
    MicrographView* view = window.imageView();
    // Find the widget position of image pixel (30, 10) by scanning, then hover there.
    QPoint target(-1, -1);
    for (int x = 0; x < view->width() && target.x() < 0; ++x)
        for (int y = 0; y < view->height(); ++y)
            if (view->imagePixelAt(QPointF(x, y)) == QPoint(30, 10)) { // where a mouse event lands
                target = QPoint(x, y);
                break;
            }
    QVERIFY(target.x() >= 0);
    // Sent straight to the view: other test windows on the same X server may take the real pointer.
    QMouseEvent hover(QEvent::MouseMove, QPointF(target), view->mapToGlobal(QPointF(target)), Qt::NoButton, Qt::NoButton,
                      Qt::NoModifier);
    QApplication::sendEvent(view, &hover);
    auto* pixel = window.findChild<QLabel*>("pixelLabel");
    QTRY_VERIFY2(pixel->text().contains("x 30"), qPrintable(pixel->text()));
    QVERIFY(pixel->text().contains("y 10"));
    QVERIFY(pixel->text().contains("value 30"));
    QVERIFY(pixel->text().contains("(60.0, 20.0 Å)")); // 2 Å per pixel in the stack's header
}

void TestMainWindow::badFileGivesADialogAndKeepsTheImage()
{
    ShownWindow shown;
    auto& [window, controller] = shown;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(controller.openFile(makeStack()));
    const QString bad = m_dir.filePath("broken.mrc");
    testsupport::writeBytes(bad, QByteArray(2048, 'x'));

    QString dialogText;
    QTimer::singleShot(0, this, [&] {
        // The dialog is modal: read and close it from inside its event loop.
        QTRY_VERIFY(QApplication::activeModalWidget() != nullptr);
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        QVERIFY(box);
        dialogText = box->text();
        box->accept();
    });
    QVERIFY(!controller.openFile(bad));
    QVERIFY(dialogText.contains("broken.mrc"));
    QVERIFY(dialogText.contains("not an MRC or TIFF file"));
    QCOMPARE(window.imageView()->image().size, QSize(40, 20)); // the previous image is still shown
}

void TestMainWindow::opensPngWithItsValues()
{
    // A 16-bit greyscale PNG keeps its 0-65535 values; an 8-bit one its 0-255 values.
    QImage deep(30, 20, QImage::Format_Grayscale16);
    for (int y = 0; y < 20; ++y)
        for (int x = 0; x < 30; ++x)
            reinterpret_cast<quint16*>(deep.scanLine(y))[x] = quint16(1000 * x + y);
    const QString file = m_dir.filePath("deep.png");
    QVERIFY(deep.save(file));
    QImage shallow(8, 4, QImage::Format_Grayscale8);
    shallow.fill(200);
    const QString small = m_dir.filePath("small.png");
    QVERIFY(shallow.save(small));

    ShownWindow shown;
    auto& [window, controller] = shown;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(controller.openFile(file), qPrintable(controller.lastError()));
    QCOMPARE(window.imageView()->image().size, QSize(30, 20));
    QCOMPARE(window.imageView()->image().at(7, 3), 7003.0f);
    QVERIFY(window.findChild<QLabel*>("descriptionLabel")->text().contains("pixel size unknown"));
    QVERIFY(controller.openFile(small));
    QCOMPARE(window.imageView()->image().at(5, 2), 200.0f);
}

void TestMainWindow::sliderAndPageKeysStepSections()
{
    ShownWindow shown;
    auto& [window, controller] = shown;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(controller.openFile(makeStack()));
    auto* slider = window.findChild<QSlider*>("sectionSlider");
    QVERIFY(slider->isEnabled());
    slider->setValue(2);
    QTRY_COMPARE(window.imageView()->image().at(5, 3), 2005.0f);
    QCOMPARE(window.findChild<QSpinBox*>("sectionSpinBox")->value(), 2);
    QApplication::setActiveWindow(&window); // shortcuts act in the active window; Xvfb has no window manager
    QTest::keyClick(window.imageView(), Qt::Key_PageUp);
    QTRY_COMPARE(window.imageView()->image().at(5, 3), 1005.0f);
    QCOMPARE(slider->value(), 1);
    QTest::keyClick(window.imageView(), Qt::Key_PageDown);
    QTRY_COMPARE(window.imageView()->image().at(5, 3), 2005.0f);
}

void TestMainWindow::draggingHistogramLimitsSetsTheViewsContrast()
{
    ShownWindow shown(QSize(1000, 700));
    auto& [window, controller] = shown;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(controller.openFile(CRYOSR_SAMPLE));
    ContrastPanel* panel = window.contrastPanel();
    HistogramWidget* histogram = window.findChild<HistogramWidget*>("histogram");
    QVERIFY(histogram && histogram->isVisible());
    QCOMPARE(panel->mode(), ContrastMode::Percentiles);
    const ContrastLimits automatic = window.imageView()->contrast();
    QCOMPARE(automatic, panel->limits());

    // Drag the low line 30 pixels to the right, then the window 20 pixels to the left.
    const int y = histogram->height() / 2;
    const int lowX = int(std::lround(histogram->xOf(automatic.low)));
    QTest::mousePress(histogram, Qt::LeftButton, Qt::NoModifier, QPoint(lowX, y));
    QMouseEvent move(QEvent::MouseMove, QPointF(lowX + 30, y), histogram->mapToGlobal(QPointF(lowX + 30, y)), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(histogram, &move);
    QTest::mouseRelease(histogram, Qt::LeftButton, Qt::NoModifier, QPoint(lowX + 30, y));
    QCOMPARE(panel->mode(), ContrastMode::Manual);
    QCOMPARE(window.imageView()->contrast().low, histogram->valueAt(lowX + 30));
    QCOMPARE(window.imageView()->contrast().high, automatic.high);
    QVERIFY(window.imageView()->contrast().low > automatic.low);

    const ContrastLimits dragged = window.imageView()->contrast();
    const int middle = int(std::lround((histogram->xOf(dragged.low) + histogram->xOf(dragged.high)) / 2));
    QTest::mousePress(histogram, Qt::LeftButton, Qt::NoModifier, QPoint(middle, y));
    QMouseEvent shift(QEvent::MouseMove, QPointF(middle - 20, y), histogram->mapToGlobal(QPointF(middle - 20, y)), Qt::NoButton,
                      Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(histogram, &shift);
    QTest::mouseRelease(histogram, Qt::LeftButton, Qt::NoModifier, QPoint(middle - 20, y));
    const ContrastLimits moved = window.imageView()->contrast();
    QVERIFY(moved.low < dragged.low);
    QVERIFY(std::abs((moved.high - moved.low) - (dragged.high - dragged.low)) < 1e-3f * (dragged.high - dragged.low));

    // Manual limits survive a new section; going back to percentiles recomputes them.
    panel->setMode(ContrastMode::Percentiles);
    QCOMPARE(window.imageView()->contrast(), automatic);
}

void TestMainWindow::spectrumOfASinusoidPeaksWhereItShould()
{
    // 512 x 512, 2 Å pixels: 64 cycles across, i.e. a 16 Å period; 512-pixel boxes put it 64 pixels out.
    std::vector<float> values;
    for (int y = 0; y < 512; ++y)
        for (int x = 0; x < 512; ++x)
            values.push_back(float(std::cos(2 * M_PI * 64 * x / 512.0) + 0.01 * ((x * 7919 + y * 104729) % 17)));
    const QString file = m_dir.filePath("wave.mrc");
    testsupport::writeBytes(file, mrctestfiles::makeMrc(mrctestfiles::header(512, 512, 1, 2), mrctestfiles::encode(values), 4));

    ShownWindow shown;
    auto& [window, controller] = shown;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(controller.openFile(file));
    QSignalSpy spectrumEnded(&controller, &MicrographController::spectrumEnded);
    window.findChild<QTabWidget*>("viewTabs")->setCurrentIndex(1); // as a click on the tab does
    // Computed in the background, with its progress in the status bar.
    QCOMPARE(window.jobProgress()->shownTitle(), QString("Power spectrum"));
    QVERIFY(spectrumEnded.wait(kSpectrumTimeout));
    QCOMPARE(spectrumEnded.takeFirst().at(0).toBool(), true);
    QVERIFY(window.jobProgress()->isHidden());
    const FloatImage spectrum = window.spectrumView()->image();
    QCOMPARE(spectrum.size, QSize(512, 512));
    QPoint peak(0, 0);
    for (int y = 0; y < 512; ++y)
        for (int x = 0; x < 512; ++x)
            if (spectrum.at(x, y) > spectrum.at(peak.x(), peak.y()))
                peak = QPoint(x, y);
    QVERIFY2(peak == QPoint(256 + 64, 256) || peak == QPoint(256 - 64, 256),
             qPrintable(QString("peak at %1, %2").arg(peak.x()).arg(peak.y())));
    const ProfilePlot* profile = window.spectrumProfile();
    QCOMPARE(profile->unit(), QString("1/Å"));
    // The profile is the rings' mean log power less its background (as Thon rings are judged), so one
    // spectral line shows as a bump as wide as its leakage along the axis: its top within 3 rings of
    // 1/16 Å⁻¹ (the exact place is the image's peak, above).
    const auto& rings = profile->yValues();
    const auto ring = std::max_element(rings.begin() + 1, rings.end()) - rings.begin();
    QVERIFY2(std::abs(profile->xValues()[std::size_t(ring)] - 1.0 / 16.0) <= 3 * profile->xValues()[1],
             qPrintable(QString::number(profile->xValues()[std::size_t(ring)])));
    const QString details = window.findChild<QLabel*>("detailsLabel")->text();
    QVERIFY2(details.contains("No CTF fit: no Thon rings"), qPrintable(details)); // a wave is no CTF
    QVERIFY(window.spectrumView()->curves().isEmpty());

    // The spectrum of the visible region only: zoomed into a quarter, the box shrinks to fit it.
    window.imageView()->setScaleAndCentre(window.imageView()->transform().scale() * 2, QPointF(128, 128));
    QVERIFY(controller.showSpectrum(true));
    QVERIFY(spectrumEnded.wait(kSpectrumTimeout));
    QVERIFY(window.spectrumView()->image().size.width() < 512);
    // A selection takes precedence over the view: 128 x 200 gives 128-pixel boxes. Asked for twice
    // quickly, the first is cancelled and only the second is shown.
    window.imageView()->setSelection(QRect(300, 100, 128, 200));
    QVERIFY(controller.showSpectrum(false));
    QVERIFY(controller.showSpectrum(true));
    QVERIFY(spectrumEnded.wait(kSpectrumTimeout));
    QCOMPARE(window.spectrumView()->image().size, QSize(128, 128));
    QVERIFY(window.findChild<QLabel*>("spectrumCaption")->text().contains("x 300, y 100, 128 × 200"));
}

void TestMainWindow::spectrumShowsTheCtfFitOnceThePixelSizeIsKnown()
{
    // A micrograph simulated at 1.5 Å/px and 1.5 µm underfocus (0.1 µm astigmatism at most), saved with
    // the 1 Å placeholder a careless writer puts in the header.
    cryosr::SimulationSettings settings;
    settings.width = settings.height = 1024;
    settings.pixelSize = 1.5;
    settings.particles = 30;
    settings.dose = 40;
    settings.defocusMinMicrometres = settings.defocusMaxMicrometres = 1.5;
    settings.astigmatismMaxMicrometres = 0.1;
    settings.seed = 1;
    const cryosr::SimulatedMicrograph simulated = cryosr::simulateMicrograph(cryosr::makeSyntheticComplex(48, 1.5), settings);
    const std::vector<float> values(simulated.micrograph.data(), simulated.micrograph.data() + simulated.micrograph.pixelCount());
    cryosr::MrcHeader header = mrctestfiles::header(1024, 1024, 1, 2);
    header.cellLengths = {1024.0f, 1024.0f, 1.0f};
    const QString file = m_dir.filePath("ctf.mrc");
    testsupport::writeBytes(file, mrctestfiles::makeMrc(header, mrctestfiles::encode(values), 4));

    ShownWindow shown;
    auto& [window, controller] = shown;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(controller.openFile(file));
    QSignalSpy spectrumEnded(&controller, &MicrographController::spectrumEnded);
    window.findChild<QTabWidget*>("viewTabs")->setCurrentIndex(1);
    QVERIFY(spectrumEnded.wait(kSpectrumTimeout));
    const QLabel* details = window.findChild<QLabel*>("detailsLabel");
    QVERIFY2(details->text().contains("No CTF fit: the pixel size is unknown"), qPrintable(details->text()));
    QVERIFY(window.spectrumView()->curves().isEmpty());
    QVERIFY(window.spectrumProfile()->fitValues().empty());

    // Once the user gives it, the page fits again: defocus, astigmatism and how far the rings follow.
    QVERIFY(controller.setPixelSize(1.5));
    QVERIFY(spectrumEnded.wait(kSpectrumTimeout));
    const QString text = details->text();
    QVERIFY2(text.contains("CTF fit at 300 kV, Cs 2.7 mm,\n  amplitude contrast 0.07:"), qPrintable(text));
    const QRegularExpressionMatch defocus = QRegularExpression("Underfocus U ([0-9.]+) µm, V ([0-9.]+) µm").match(text);
    QVERIFY2(defocus.hasMatch(), qPrintable(text));
    const double trueU = (simulated.ctf.defocusAngstrom + simulated.ctf.astigmatismAngstrom) / 1e4;
    const double trueV = (simulated.ctf.defocusAngstrom - simulated.ctf.astigmatismAngstrom) / 1e4;
    QVERIFY2(std::abs(defocus.captured(1).toDouble() - trueU) < 0.01 * trueU, qPrintable(text));
    QVERIFY2(std::abs(defocus.captured(2).toDouble() - trueV) < 0.01 * trueV, qPrintable(text));

    // The zeros are drawn on the spectrum's left half, from the first ring: at 1.5 µm and 300 kV the first
    // zero lies near 1/17.4 Å⁻¹, i.e. 512 · 1.5 / 17.4 ≈ 44 pixels from the centre (43–46 with astigmatism).
    const QList<QPolygonF>& zeros = window.spectrumView()->curves();
    QVERIFY(zeros.size() >= 5);
    double nearest = 1e9;
    for (const QPolygonF& curve : zeros)
        for (const QPointF& p : curve) {
            QVERIFY2(p.x() <= 256.5 + 1e-9, qPrintable(QString::number(p.x())));
            nearest = std::min(nearest, std::hypot(p.x() - 256.5, p.y() - 256.5));
        }
    QVERIFY2(nearest > 38 && nearest < 48, qPrintable(QString::number(nearest)));
    const ProfilePlot* profile = window.spectrumProfile();
    QCOMPARE(profile->fitValues().size(), profile->xValues().size());
    QVERIFY(profile->fitLimit() > 1.0 / 8 && profile->fitLimit() <= 1.0 / 3); // rings to 3–8 Å at 40 e⁻/Å²
    QCOMPARE(profile->yLabel(), QString("log₁₀ relative power"));

    // Another microscope (Preferences): the spectrum shown is fitted again with it.
    storeMicroscope({200, 2.0, 0.1});
    window.refreshSpectrum();
    QVERIFY(spectrumEnded.wait(kSpectrumTimeout));
    QVERIFY2(details->text().contains("CTF fit at 200 kV, Cs 2 mm,\n  amplitude contrast 0.1:"), qPrintable(details->text()));
    storeMicroscope({});

    // Another section or file: the fit was of the one before, and goes from the Information panel.
    window.findChild<QTabWidget*>("viewTabs")->setCurrentIndex(0);
    QVERIFY(controller.openFile(CRYOSR_SAMPLE));
    QVERIFY(!details->text().contains("CTF"));
}

void TestMainWindow::droppedFilesOpenAndListWithThumbnails()
{
    ShownWindow shown;
    auto& [window, controller] = shown;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(makeStack()), QUrl::fromLocalFile(CRYOSR_SAMPLE)});
    const QPoint centre = window.rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(centre, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);

    auto* list = window.micrographList();
    QCOMPARE(list->count(), 2);
    QCOMPARE(window.imageView()->image().size, QSize(1024, 1024)); // the last one dropped is shown
    QVERIFY(!list->item(0)->icon().isNull());
    QCOMPARE(list->item(0)->icon().availableSizes().value(0).width(), 40); // stack: 40 x 20, not enlarged
    list->setCurrentRow(0);
    QTRY_COMPARE(window.imageView()->image().size, QSize(40, 20));
    QVERIFY(controller.openFile(CRYOSR_SAMPLE)); // opening an open file switches to it
    QCOMPARE(list->count(), 2);
    QCOMPARE(list->currentRow(), 1);

    controller.closeFile(CRYOSR_SAMPLE); // the other one is shown
    QCOMPARE(list->count(), 1);
    QCOMPARE(window.imageView()->image().size, QSize(40, 20));
    controller.closeFile(list->item(0)->data(Qt::UserRole).toString());
    QCOMPARE(list->count(), 0);
    QVERIFY(window.imageView()->image().isNull());
    QCOMPARE(window.windowTitle(), QString("CryoSR"));
}

void TestMainWindow::recentFilesReopen()
{
    const QString stack = makeStack();
    {
        ShownWindow shown;
        QVERIFY(shown.controller.openFile(stack));
        QVERIFY(shown.controller.openFile(CRYOSR_SAMPLE));
    }
    ShownWindow shown; // as after a restart
    auto& [window, controller] = shown;
    QCOMPARE(controller.recentFiles().value(0), QFileInfo(CRYOSR_SAMPLE).absoluteFilePath());
    QCOMPARE(controller.recentFiles().value(1), QFileInfo(stack).absoluteFilePath());
    auto* menu = window.findChild<QMenu*>("menuRecent");
    QVERIFY2(window.findChild<QMenu*>("menuFile")->actions().contains(menu->menuAction()), "File > Open Recent");
    QAction* stackEntry = nullptr;
    for (QAction* action : menu->actions())
        if (action->data().toString() == QFileInfo(stack).absoluteFilePath())
            stackEntry = action;
    QVERIFY(stackEntry);
    stackEntry->trigger();
    QCOMPARE(window.imageView()->image().size, QSize(40, 20));
}

void TestMainWindow::upscaleShortcutsWorkFromAField()
{
    // Keys through the window, as a keyboard's: Ctrl+U typed in η upscales and leaves η as it was.
    ShownWindow shown(QSize(1200, 850));
    auto& [window, controller] = shown;
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(controller.openFile(CRYOSR_SAMPLE));
    UpscalePanel* panel = window.upscalePanel();
    panel->setModels({{"default", "/models/default.cryosr", "card", true, "", "hard"}});
    panel->setRegion(QRect(0, 0, 64, 64));
    panel->findChild<QComboBox*>("sampler")->setCurrentIndex(1); // DDIM: η counts
    auto* eta = panel->findChild<QDoubleSpinBox*>("eta");
    eta->setFocus();
    QTRY_VERIFY(eta->hasFocus());
    const QString etaText = eta->text();
    QSignalSpy region(panel, &UpscalePanel::upscaleRequested);
    QSignalSpy whole(&window, &MainWindow::wholeMicrographUpscaleRequested);
    QTest::keyClick(window.windowHandle(), Qt::Key_U, Qt::ControlModifier);
    QCOMPARE(region.count(), 1);
    QCOMPARE(eta->text(), etaText);
    QTest::keyClick(window.windowHandle(), Qt::Key_U, Qt::ControlModifier | Qt::AltModifier);
    QCOMPARE(whole.count(), 1);
    // Letters without Ctrl stay the field's: "b" is the scale bar's key elsewhere.
    auto* scaleBar = window.findChild<QAction*>("actionScaleBar");
    const bool scaleBarShown = scaleBar->isChecked();
    eta->selectAll();
    QTest::keyClick(window.windowHandle(), Qt::Key_B);
    QCOMPARE(scaleBar->isChecked(), scaleBarShown);
    // An emptied field stops the run and says so.
    eta->selectAll();
    QTest::keyClick(window.windowHandle(), Qt::Key_Backspace);
    QTest::keyClick(window.windowHandle(), Qt::Key_U, Qt::ControlModifier);
    QCOMPARE(region.count(), 1);
    QVERIFY(eta->hasFocus());
}

void TestMainWindow::eachMicrographKeepsItsSelection()
{
    ShownWindow shown;
    auto& [window, controller] = shown;
    const QString stack = makeStack();
    QVERIFY(controller.openFile(CRYOSR_SAMPLE));
    window.imageView()->setSelection(QRect(10, 20, 100, 60));
    QVERIFY(controller.openFile(stack));
    QVERIFY(window.imageView()->selection().isEmpty());
    window.imageView()->setSelection(QRect(1, 2, 8, 6));
    QVERIFY(controller.openFile(CRYOSR_SAMPLE)); // listed already: shown again, with its own selection
    QCOMPARE(window.imageView()->selection(), QRect(10, 20, 100, 60));
    QVERIFY(controller.openFile(stack));
    QCOMPARE(window.imageView()->selection(), QRect(1, 2, 8, 6));

    // Without a selection, "spectrum of the region" says how to make one instead of taking the view.
    window.imageView()->setSelection({});
    window.findChild<QAction*>("actionSpectrumOfRegion")->trigger();
    QCOMPARE(window.page(), MainWindow::Page::Image);
    QVERIFY2(window.statusBar()->currentMessage().contains("Shift+drag"), qPrintable(window.statusBar()->currentMessage()));
}

void TestMainWindow::upscalePanelFitsTheDefaultWindow()
{
    // At the size cryosr opens with, the Upscale button is in view and no setting is cut off at the side.
    ShownWindow shown(QSize(1200, 850));
    auto& [window, controller] = shown;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(controller.openFile(CRYOSR_SAMPLE));
    UpscalePanel* panel = window.upscalePanel();
    panel->setModels(
        {{"default", "/models/default.cryosr", "Faithful upscale: keeps the measured data, noise included", true, "", "hard"}});
    QApplication::processEvents();
    auto* button = panel->findChild<QPushButton*>("upscaleButton");
    QVERIFY(button->isVisible());
    const QRect inWindow(button->mapTo(&window, QPoint(0, 0)), button->size());
    QVERIFY2(window.rect().contains(inWindow), qPrintable(QStringLiteral("button at %1,%2").arg(inWindow.x()).arg(inWindow.y())));
    auto* scroll = panel->findChild<QScrollArea*>("settingsScroll");
    for (QWidget* field : scroll->widget()->findChildren<QWidget*>()) {
        if (!field->isVisible() || !(qobject_cast<QAbstractSpinBox*>(field) || qobject_cast<QComboBox*>(field)))
            continue;
        const int right = field->mapTo(scroll->viewport(), QPoint(field->width(), 0)).x();
        QVERIFY2(
            right <= scroll->viewport()->width(),
            qPrintable(
                QStringLiteral("%1 ends at %2 of %3 px").arg(field->objectName()).arg(right).arg(scroll->viewport()->width())));
    }
}

void TestMainWindow::similarNamesReadApartInTheList()
{
    // An original and its upscale differ at the end of long names: the list must show that end.
    ShownWindow shown(QSize(1200, 850));
    auto& [window, controller] = shown;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QStringList files{m_dir.filePath("mic_negstain_07jan05b_512.mrc"), m_dir.filePath("mic_negstain_07jan05b_512_x2.mrc")};
    for (const QString& file : files) {
        testsupport::writeBytes(
            file,
            mrctestfiles::makeMrc(mrctestfiles::header(40, 20, 1, 2), mrctestfiles::encode(std::vector<float>(800, 1.0f)), 4));
        QVERIFY(controller.openFile(file));
    }
    auto* list = window.findChild<QListWidget*>("micrographList");
    QVERIFY(list->item(1)->toolTip().contains(files[1]));
    list->setCurrentItem(nullptr); // both drawn alike, unselected
    const QImage shot = list->viewport()->grab().toImage();
    const QImage first = shot.copy(list->visualItemRect(list->item(0))); // the same thumbnails: only the
    const QImage second = shot.copy(list->visualItemRect(list->item(1))); // names can tell them apart
    QCOMPARE(first.size(), second.size());
    QVERIFY2(first != second, "the two names look the same in the list");
}

void TestMainWindow::placeholderPixelSizesAreUnknownUntilSet()
{
    // A header's 1 Å is what MRC writers put when nobody set it: no scale bar, no Å, until the user says.
    const QString file = m_dir.filePath("placeholder.mrc");
    testsupport::writeSmoothMicrograph(file, 64, 48, 1.0);
    {
        ShownWindow shown;
        auto& [window, controller] = shown;
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(controller.openFile(file));
        const auto* description = window.findChild<QLabel*>("descriptionLabel");
        QVERIFY2(description->text().contains("pixel size unknown"), qPrintable(description->text()));
        QVERIFY(window.findChild<QLabel*>("detailsLabel")->text().contains("placeholder"));
        window.imageView()->grabFramebuffer();
        QCOMPARE(window.imageView()->scaleBarAngstrom(), 0.0);
        QCOMPARE(controller.currentSection()->pixelSize.x, std::optional<double>()); // spectra and upscales in px

        QVERIFY(controller.setPixelSize(2.5));
        QVERIFY2(description->text().contains("2.5 Å/px"), qPrintable(description->text()));
        window.imageView()->grabFramebuffer();
        QVERIFY(window.imageView()->scaleBarAngstrom() > 0);
        QCOMPARE(controller.currentSection()->pixelSize.x, std::optional<double>(2.5));
    }
    ShownWindow shown; // as after a restart: remembered for the file
    auto& [window, controller] = shown;
    QVERIFY(controller.openFile(file));
    QCOMPARE(controller.currentSection()->pixelSize.x, std::optional<double>(2.5));
    QVERIFY(controller.setPixelSize(0)); // back to the header's, which says nothing
    QVERIFY(window.findChild<QLabel*>("descriptionLabel")->text().contains("pixel size unknown"));
    // The bundled sample's 1.5 Å is real.
    QVERIFY(controller.openFile(CRYOSR_SAMPLE));
    QCOMPARE(controller.currentSection()->pixelSize.x, std::optional<double>(1.5));
}

void TestMainWindow::toolsFromTheKeyboardAndWindowLevelByRightDrag()
{
    ShownWindow shown(QSize(1200, 850));
    auto& [window, controller] = shown;
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(controller.openFile(CRYOSR_SAMPLE)); // 1.5 Å/px
    MicrographView* view = window.imageView();
    view->setFocus();
    QTest::keyClick(window.windowHandle(), Qt::Key_R);
    QCOMPARE(view->tools().tool(), ViewTool::Ruler);
    QTest::keyClick(window.windowHandle(), Qt::Key_C);
    QCOMPARE(view->tools().tool(), ViewTool::ParticleCircle);
    auto* diameter = window.findChild<QDoubleSpinBox*>("particleDiameter");
    QCOMPARE(diameter->suffix(), QString(" Å"));
    diameter->setValue(150);
    QCOMPARE(view->tools().particleDiameter(), 100.0); // 150 Å at 1.5 Å/px
    QTest::keyClick(window.windowHandle(), Qt::Key_C); // off again: the left button pans
    QCOMPARE(view->tools().tool(), ViewTool::Pan);

    // A right-drag sets the window through the contrast panel, which switches to manual limits.
    auto* panel = window.findChild<ContrastPanel*>();
    const ContrastLimits before = panel->limits();
    const QPointF from(view->width() / 2.0, view->height() / 2.0), to = from + QPointF(view->width() / 4.0, 0);
    QMouseEvent press(QEvent::MouseButtonPress, from, view->mapToGlobal(from), Qt::RightButton, Qt::RightButton, Qt::NoModifier);
    QMouseEvent move(QEvent::MouseMove, to, view->mapToGlobal(to), Qt::NoButton, Qt::RightButton, Qt::NoModifier);
    QMouseEvent release(QEvent::MouseButtonRelease, to, view->mapToGlobal(to), Qt::RightButton, Qt::NoButton, Qt::NoModifier);
    for (QMouseEvent* e : {&press, &move, &release})
        QApplication::sendEvent(view, e);
    const float width = before.high - before.low;
    QVERIFY2(std::abs(panel->limits().low - (before.low + 0.5f * width)) < 1e-3f * width,
             qPrintable(QStringLiteral("%1 → %2").arg(before.low).arg(panel->limits().low)));
    QCOMPARE(view->contrast().low, panel->limits().low);
    QCOMPARE(panel->mode(), ContrastMode::Manual);
}

void TestMainWindow::galleryShowsTheStackAndChoosesASection()
{
    ShownWindow shown;
    auto& [window, controller] = shown;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(controller.openFile(makeStack())); // three 40 × 20 sections, offsets 0, 1000, 2000
    window.setPage(MainWindow::Page::Gallery); // read in the background when the page shows
    GalleryView* gallery = window.galleryView();
    QTRY_COMPARE(gallery->count(), 3);
    Q_EMIT gallery->sectionChosen(2); // as a click on the third thumbnail
    QCOMPARE(window.page(), MainWindow::Page::Image);
    QCOMPARE(window.imageView()->image().at(0, 0), 2000.0f);
    QCOMPARE(window.findChild<QSpinBox*>("sectionSpinBox")->value(), 2);
    // Another micrograph while the gallery shows: its own sections.
    window.setPage(MainWindow::Page::Gallery);
    QVERIFY(controller.openFile(CRYOSR_SAMPLE));
    QTRY_COMPARE(gallery->count(), 1);
}

void TestMainWindow::exportsTheVisibleRegionAndTheView()
{
    ShownWindow shown(QSize(900, 700));
    auto& [window, controller] = shown;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(controller.openFile(CRYOSR_SAMPLE));
    MicrographView* view = window.imageView();
    view->setScaleAndCentre(4.0, QPointF(300, 500));
    const QRectF visible = view->transform().visibleImageRect();
    const QString out = m_dir.filePath("region.mrc");
    QVERIFY2(controller.exportRegion(out), qPrintable(controller.lastError()));

    auto reader = cryosr::openImageFile(out.toStdString());
    const cryosr::Image region = reader->readSection(0);
    QCOMPARE(region.width(), int(std::ceil(visible.right())) - int(std::floor(visible.left())));
    QCOMPARE(region.height(), int(std::ceil(visible.bottom())) - int(std::floor(visible.top())));
    QCOMPARE(*reader->info().pixelSize.x, 1.5);
    const int x0 = int(std::floor(visible.left())), y0 = int(std::floor(visible.top()));
    for (int y = 0; y < region.height(); y += 5)
        for (int x = 0; x < region.width(); x += 5)
            QCOMPARE(region.at(x, y), view->image().at(x0 + x, y0 + y));

    const QString tiff = m_dir.filePath("region.tif");
    QVERIFY2(controller.exportRegion(tiff), qPrintable(controller.lastError()));
    const cryosr::Image fromTiff = cryosr::openImageFile(tiff.toStdString())->readSection(0);
    QCOMPARE(fromTiff.width(), region.width());
    QCOMPARE(fromTiff.at(3, 4), region.at(3, 4));

    view->setSelection(QRect(100, 200, 33, 17)); // a selection is exported instead of the view
    const QString selected = m_dir.filePath("selection.mrc");
    QVERIFY(controller.exportRegion(selected));
    auto selectionReader = cryosr::openImageFile(selected.toStdString());
    QCOMPARE(selectionReader->info().width, 33);
    QCOMPARE(selectionReader->info().height, 17);
    QCOMPARE(selectionReader->readSection(0).at(0, 0), view->image().at(100, 200));
    QVERIFY(window.findChild<QLabel*>("selectionLabel")->text().contains("33 × 17 px"));
    // The header says where it came from, as cryosr-cli's outputs do (engine/io/outputfile).
    const cryosr::FileInfo selectedInfo = selectionReader->info();
    QCOMPARE(selectedInfo.mrc->start[0], 100);
    QCOMPARE(selectedInfo.mrc->start[1], 200);
    QCOMPARE(selectedInfo.mrc->origin[0], 150.0f); // Å: 100 × 1.5
    QVERIFY2(QString::fromStdString(selectedInfo.mrc->labels.back()).startsWith("CryoSR region x 100 y 200 33x17 of section 0"),
             selectedInfo.mrc->labels.back().c_str());

    // A later section of a stack: its number is recorded (it used to be 0 whatever was shown).
    QVERIFY(controller.openFile(makeStack()));
    QVERIFY(controller.showSection(2));
    window.imageView()->setSelection(QRect(4, 5, 10, 6));
    const QString fromStack = m_dir.filePath("stack_region.mrc");
    QVERIFY2(controller.exportRegion(fromStack), qPrintable(controller.lastError()));
    auto stackReader = cryosr::openImageFile(fromStack.toStdString());
    QCOMPARE(stackReader->info().mrc->start[2], 2);
    QCOMPARE(stackReader->readSection(0).at(0, 0), 2004.0f); // section 2's ramp at x = 4
    QVERIFY(controller.openFile(CRYOSR_SAMPLE));

    controller.setInteractive(false); // the failures below would otherwise wait in a dialog
    QVERIFY(!controller.exportRegion(CRYOSR_SAMPLE)); // never the open file
    QVERIFY(controller.lastError().contains("never overwrites"));
    QVERIFY(!controller.exportRegion(m_dir.filePath("region.xyz")));

    const QImage withBar = window.renderedView(true), without = window.renderedView(false);
    QCOMPARE(withBar.size(), view->size() * view->devicePixelRatio());
    QVERIFY(withBar != without); // the scale bar is the difference
}

void TestMainWindow::renderedWindowIgnoresWhatCoversIt()
{
    // Screenshots are drawn, not read from the screen: another program's window on top (the test suite shares
    // one X server) must not show in them, and the views' overlays (here the scale bar) must.
    ShownWindow shown(QSize(900, 700));
    auto& [window, controller] = shown;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(controller.openFile(CRYOSR_SAMPLE));
    QWidget cover;
    cover.setAutoFillBackground(true);
    cover.setPalette(QPalette(Qt::red));
    cover.setGeometry(window.geometry());
    cover.show();
    QVERIFY(QTest::qWaitForWindowExposed(&cover));
    cover.raise();
    QCoreApplication::processEvents();

    const QImage image = window.renderedWindow();
    QCOMPARE(image.size(), window.size() * window.devicePixelRatio());
    MicrographView* view = window.imageView();
    const QPoint viewCorner = view->mapTo(&window, QPoint(0, 0));
    QVERIFY(image.pixelColor(viewCorner + QPoint(view->width() / 2, view->height() / 2)) != QColor(Qt::red));
    const QImage drawn = view->renderedImage(true); // the scale bar's white bar sits near the bottom left
    int sameAsTheView = 0;
    for (int y = view->height() - 40; y < view->height(); ++y)
        for (int x = 0; x < 200; ++x)
            sameAsTheView += image.pixel(viewCorner + QPoint(x, y)) == drawn.pixel(x, y);
    QVERIFY2(sameAsTheView > 0.95 * 40 * 200, qPrintable(QString::number(sameAsTheView)));
}

void TestMainWindow::screenshotCommandLine()
{
    const QString cryosr = CRYOSR_GUI_EXE;
    const QString shot = m_dir.filePath("shot.png");
    QProcess process;
    process.start(cryosr, {"--screenshot", shot, "--view", "fft", "--zoom", "1", CRYOSR_SAMPLE});
    QVERIFY(process.waitForFinished(120000));
    QCOMPARE(process.exitCode(), 0);
    QImage image(shot);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(1200, 850));

    process.start(cryosr, {"--screenshot", m_dir.filePath("bad.png"), m_dir.filePath("missing.mrc")});
    QVERIFY(process.waitForFinished(120000));
    QVERIFY(process.exitCode() != 0);
    QVERIFY(process.readAllStandardError().contains("missing.mrc"));
    QVERIFY(!QFileInfo::exists(m_dir.filePath("bad.png")));

    process.start(cryosr, {"--screenshot", shot, "--view", "spectrum", CRYOSR_SAMPLE});
    QVERIFY(process.waitForFinished(120000));
    QVERIFY(process.exitCode() != 0);
    QVERIFY(process.readAllStandardError().contains("--view must be image, fft or training"));
}

void TestMainWindow::screenshotOfAFinishedUpscale()
{
    // The shipped default model on a 24 × 24 region, 3 steps: the window is saved when the run is done.
    const QString cryosr = CRYOSR_GUI_EXE;
    const QString shot = m_dir.filePath("upscaled.png");
    QProcess process;
    process.start(cryosr,
                  {"--screenshot", shot, "--upscale-region", "500,400,24,24", "--steps", "3", "--seed", "5", CRYOSR_SAMPLE});
    QVERIFY(process.waitForFinished(300000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    const QImage image(shot);
    QCOMPARE(image.size(), QSize(1200, 850));
    // The upscale page is in front, showing an image (not the empty dark background).
    int distinct = 0;
    QSet<QRgb> seen;
    for (int y = 300; y < 600; y += 7)
        for (int x = 300; x < 700; x += 7)
            if (!seen.contains(image.pixel(x, y))) {
                seen.insert(image.pixel(x, y));
                ++distinct;
            }
    QVERIFY2(distinct > 50, qPrintable(QString("%1 distinct colours in the view").arg(distinct)));

    process.start(cryosr, {"--screenshot", shot, "--upscale-region", "1,2,3", CRYOSR_SAMPLE});
    QVERIFY(process.waitForFinished(120000));
    QVERIFY(process.exitCode() != 0);
    QVERIFY(process.readAllStandardError().contains("--upscale-region needs x,y,w,h"));

    // A step of the reverse process instead of the result (the user guide's picture): the timeline shows it.
    process.start(cryosr,
                  {"--screenshot", shot, "--upscale-region", "500,400,24,24", "--steps", "3", "--seed", "5", "--show-step", "2",
                   "--show-state", CRYOSR_SAMPLE});
    QVERIFY(process.waitForFinished(300000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    QVERIFY(QImage(shot) != image);
    process.start(cryosr, {"--screenshot", shot, "--show-step", "0", "--upscale-region", "1,2,3,4", CRYOSR_SAMPLE});
    QVERIFY(process.waitForFinished(120000));
    QVERIFY(process.exitCode() != 0);
    QVERIFY(process.readAllStandardError().contains("--show-step needs a step number"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
