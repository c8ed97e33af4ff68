#include "micrographcontroller.h"

#include "deviceinfo.h"
#include "imageconversion.h"
#include "micrographdisplay.h"
#include "micrographview.h"
#include "preferences.h"
#include "spectrumfit.h"
#include "thumbnail.h"

#include "analysis/powerspectrum.h"
#include "io/errors.h"
#include "io/imagereader.h"
#include "io/imagewriter.h"
#include "io/outputfile.h"
#include "io/statistics.h"

#include <QApplication>
#include <QFileInfo>
#include <QImageReader>
#include <QScopeGuard>
#include <QSettings>
#include <cmath>
#include <thread>
#include <utility>

namespace {

constexpr int kRecentFiles = 10;

/// Shows the busy cursor while a long step runs on the GUI thread.
struct BusyCursor {
    BusyCursor() { QApplication::setOverrideCursor(Qt::WaitCursor); }
    ~BusyCursor() { QApplication::restoreOverrideCursor(); }
};

bool isQtImageFile(const QString& file)
{
    const QString suffix = QFileInfo(file).suffix().toLower();
    return suffix == "png" || suffix == "jpg" || suffix == "jpeg";
}

/// A PNG or JPEG as grey floats: 8-bit images keep 0-255, 16-bit ones 0-65535.
cryosr::Image readQtImage(const QString& file)
{
    QImageReader reader(file);
    QImage image = reader.read();
    if (image.isNull())
        throw cryosr::FormatError(file.toStdString(), reader.errorString().toStdString());
    const bool deep = image.depth() > 32 || image.format() == QImage::Format_Grayscale16;
    image = image.convertToFormat(deep ? QImage::Format_Grayscale16 : QImage::Format_Grayscale8);
    cryosr::Image out(image.width(), image.height());
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            out.at(x, y) = deep ? reinterpret_cast<const quint16*>(image.constScanLine(y))[x] : image.constScanLine(y)[x];
    out.provenance.file = file.toStdString();
    out.provenance.region = {0, 0, image.width(), image.height()};
    return out;
}

/// The image pixels inside `rect` (image coordinates), widened to whole pixels.
cryosr::Region regionOf(const QRectF& rect)
{
    const int x0 = int(std::floor(rect.left())), y0 = int(std::floor(rect.top()));
    const int x1 = int(std::ceil(rect.right())), y1 = int(std::ceil(rect.bottom()));
    return {x0, y0, x1 - x0, y1 - y0};
}

/// `image` averaged in boxes so that neither side exceeds `side` (a thumbnail's worth of samples).
cryosr::Image reduced(const cryosr::Image& image, int side)
{
    const int factor = (std::max(image.width(), image.height()) + side - 1) / side;
    if (factor <= 1)
        return image;
    cryosr::Image out(image.width() / factor, image.height() / factor);
    for (int y = 0; y < out.height(); ++y)
        for (int x = 0; x < out.width(); ++x) {
            double sum = 0.0;
            for (int dy = 0; dy < factor; ++dy)
                for (int dx = 0; dx < factor; ++dx)
                    sum += image.at(x * factor + dx, y * factor + dy);
            out.at(x, y) = float(sum / (factor * factor));
        }
    return out;
}

QString statisticsText(const cryosr::Image& image)
{
    // Two halves at once (a 377 MB frame: 0.3 s → 0.15 s on two cores), merged exactly.
    const std::size_t half = image.pixelCount() / 2;
    cryosr::RunningStatistics statistics, secondHalf;
    std::thread second([&] { secondHalf.add(image.data() + half, image.pixelCount() - half); });
    statistics.add(image.data(), half);
    second.join();
    statistics.merge(secondHalf);
    QString text = QObject::tr("Minimum %1\nMaximum %2\nMean %3\nStandard deviation %4")
                       .arg(statistics.min(), 0, 'g', 6)
                       .arg(statistics.max(), 0, 'g', 6)
                       .arg(statistics.mean(), 0, 'g', 6)
                       .arg(statistics.standardDeviation(), 0, 'g', 6);
    if (statistics.nonFiniteCount() > 0)
        text += QObject::tr("\nNon-finite samples %1 (shown as the mean)").arg(statistics.nonFiniteCount());
    return text;
}

} // namespace

/// Pixel sizes the user set for files (absolute path → Å), kept across sessions.
constexpr char kPixelSizesKey[] = "pixelSizes";

struct MicrographController::Micrograph {
    QString file;
    std::unique_ptr<cryosr::ImageReader> reader; // null for PNG/JPEG, whose pixels are kept instead
    std::shared_ptr<const cryosr::Image> pixels;
    int section = 0;
    int sectionCount = 1;
    cryosr::SampleType storedType = cryosr::SampleType::UInt8;
    cryosr::PixelSize pixelSize; // the header's
    std::optional<double> userPixelSize = storedPixelSize(); // set in CryoSR, for this file
    QRect selection; // the image view's, kept while another micrograph is shown

    explicit Micrograph(const QString& name)
        : file(QFileInfo(name).absoluteFilePath())
    {
    }

    /// Opens `file` with the engine's reader (MRC, TIFF) and takes its description; throws its errors.
    void openReader()
    {
        reader = cryosr::openImageFile(file.toStdString());
        const cryosr::FileInfo& info = reader->info();
        sectionCount = info.sections;
        storedType = info.sampleType;
        pixelSize = info.pixelSize;
    }

    /// What is known of the pixel size: the user's, else the header's unless it is a placeholder.
    cryosr::PixelSize knownPixelSize() const
    {
        if (userPixelSize)
            return {userPixelSize, userPixelSize, pixelSize.z};
        return pixelSize.isPlaceholder() ? cryosr::PixelSize{{}, {}, pixelSize.z} : pixelSize;
    }

    /// Section `index` carrying the known pixel size (what the views, spectra and upscales go by).
    std::shared_ptr<const cryosr::Image> readSection(int index) const
    {
        cryosr::Image image = reader ? reader->readSection(index) : *pixels;
        image.pixelSize = knownPixelSize();
        return std::make_shared<const cryosr::Image>(std::move(image));
    }

    QString pixelSizeText() const
    {
        if (userPixelSize)
            return QObject::tr("%1 Å/px (set in CryoSR)").arg(*userPixelSize, 0, 'g', 4);
        if (!pixelSize.isPlaceholder())
            return QObject::tr("%1 Å/px").arg(*pixelSize.x, 0, 'g', 4);
        if (pixelSize.x && *pixelSize.x > 0)
            return QObject::tr("pixel size unknown (the header's %1 Å is a placeholder)").arg(*pixelSize.x, 0, 'g', 4);
        return QObject::tr("pixel size unknown");
    }

private:
    std::optional<double> storedPixelSize() const
    {
        const QVariant stored = QSettings().value(kPixelSizesKey).toMap().value(file);
        return stored.isValid() ? std::optional<double>(stored.toDouble()) : std::nullopt;
    }
};

MicrographController::MicrographController(MicrographDisplay* display, JobProgress* progress, ErrorSink showError,
                                           QObject* parent)
    : QObject(parent)
    , m_display(display)
    , m_showError(std::move(showError))
{
    m_display->setRecentFiles(recentFiles());
    connect(m_display->imageView(), &MicrographView::selectionChanged, this, [this](const QRect& region) {
        if (m_current)
            m_current->selection = region;
    });

    showProgressIn(progress, &m_spectrumJob);
    showProgressIn(progress, &m_galleryJob);
    showProgressIn(progress, &m_openJob);
    connect(&m_spectrumJob, &BackgroundJob::failed, this, [this](const QString&, const QString& message) {
        fail(currentFile(), message);
        Q_EMIT spectrumEnded(false);
    });
    connect(&m_galleryJob, &BackgroundJob::failed, this,
            [this](const QString&, const QString& message) { fail(currentFile(), message); });
    auto openFailed = [this](const QString&, const QString& message) {
        fail(m_openingFile, message);
        Q_EMIT backgroundOpenEnded(m_openingFile, false);
    };
    connect(&m_openJob, &BackgroundJob::failed, this, openFailed);
    connect(&m_openJob, &BackgroundJob::cancelled, this,
            [openFailed](const QString& title) { openFailed(title, tr("Cancelled")); });
    connect(&m_spectrumJob, &BackgroundJob::ended, this, [this] {
        if (m_pendingSpectrum && !m_spectrumJob.isRunning())
            startSpectrum(*std::exchange(m_pendingSpectrum, std::nullopt));
    });
}

MicrographController::~MicrographController() = default;

MicrographController::Micrograph* MicrographController::find(const QString& file)
{
    const QString path = QFileInfo(file).absoluteFilePath();
    for (const auto& micrograph : m_open)
        if (micrograph->file == path)
            return micrograph.get();
    return nullptr;
}

bool MicrographController::openFile(const QString& file)
{
    if (find(file))
        return select(file);
    auto micrograph = std::make_unique<Micrograph>(file);
    try {
        if (isQtImageFile(file)) {
            micrograph->pixels = std::make_shared<const cryosr::Image>(readQtImage(file));
        } else {
            micrograph->openReader();
        }
    } catch (const cryosr::Error& e) {
        if (!QFileInfo::exists(file))
            forget(file);
        return fail(file, QString::fromStdString(e.what()));
    } catch (const std::bad_alloc&) {
        return fail(file, tr("%1: not enough memory to open it").arg(file));
    }
    Micrograph* previous = m_current;
    m_current = micrograph.get();
    m_open.push_back(std::move(micrograph));
    if (!showSection(0)) {
        m_open.pop_back();
        m_current = previous;
        return false;
    }
    remember(m_current->file);
    return true;
}

bool MicrographController::select(const QString& file)
{
    Micrograph* micrograph = find(file);
    if (!micrograph)
        return false;
    m_current = micrograph;
    return showSection(micrograph->section);
}

void MicrographController::closeFile(const QString& file)
{
    Micrograph* micrograph = find(file);
    if (!micrograph)
        return;
    m_display->removeMicrograph(micrograph->file);
    const bool wasCurrent = micrograph == m_current;
    std::erase_if(m_open, [&](const auto& open) { return open.get() == micrograph; });
    if (wasCurrent) {
        m_current = nullptr;
        m_section.reset();
        if (!m_open.empty())
            select(m_open.back()->file);
        else
            m_display->clear();
    }
}

bool MicrographController::showSection(int section)
{
    if (!m_current)
        return false;
    Micrograph& micrograph = *m_current;
    std::shared_ptr<const cryosr::Image> image;
    QString statistics;
    try {
        BusyCursor busy;
        image = micrograph.readSection(section);
        statistics = statisticsText(*image);
    } catch (const cryosr::Error& e) {
        return fail(micrograph.file, QString::fromStdString(e.what()));
    } catch (const std::bad_alloc&) {
        return fail(micrograph.file, tr("%1: not enough memory to show section %2").arg(micrograph.file).arg(section));
    }
    present(std::move(image), section, statistics);
    return true;
}

void MicrographController::present(std::shared_ptr<const cryosr::Image> image, int section, const QString& statistics)
{
    m_spectrumJob.cancel(); // of the section shown before
    m_pendingSpectrum.reset();
    Micrograph& micrograph = *m_current;
    m_section = std::move(image);
    micrograph.section = section;
    const auto px = micrograph.knownPixelSize().x;
    const QString pixelSize = micrograph.pixelSizeText();
    const QString type = micrograph.reader ? QString::fromLatin1(cryosr::sampleTypeName(micrograph.storedType))
                                           : tr("%1 image").arg(QFileInfo(micrograph.file).suffix().toUpper());

    SectionDisplay display;
    display.image = sharedView(m_section);
    display.title = QFileInfo(micrograph.file).fileName();
    display.description = tr("%1 × %2 × %3  %4  %5")
                              .arg(m_section->width())
                              .arg(m_section->height())
                              .arg(micrograph.sectionCount)
                              .arg(type, pixelSize);
    display.details = tr("%1\n%2 × %3 pixels, %4 sections\nStored as %5\nPixel size %6\n\nSection %7\n%8")
                          .arg(display.title)
                          .arg(m_section->width())
                          .arg(m_section->height())
                          .arg(micrograph.sectionCount)
                          .arg(type, pixelSize)
                          .arg(section)
                          .arg(statistics);
    display.section = section;
    display.sectionCount = micrograph.sectionCount;
    display.pixelSize = px ? *px : 0.0;
    const QRect selection = micrograph.selection; // showing another micrograph's image may clear the view's
    m_display->showSection(display);
    m_display->imageView()->setSelection(selection);
    m_display->addMicrograph(micrograph.file, renderThumbnail(display.image, m_display->displayLimits(), 96),
                             QString("%1\n%2").arg(micrograph.file, display.description));
    m_lastError.clear();
}

void MicrographController::openInBackground(const QString& file)
{
    if (find(file)) {
        Q_EMIT backgroundOpenEnded(file, select(file));
        return;
    }
    // The reader and the section travel to the GUI thread in shared pointers (a delivery is copyable).
    const bool started = m_openJob.start(tr("Opening %1").arg(QFileInfo(file).fileName()), [this, file](JobControl&) {
        auto micrograph = std::make_shared<Micrograph>(file);
        micrograph->openReader();
        auto image = micrograph->readSection(0);
        const QString statistics = statisticsText(*image);
        return [this, micrograph, image, statistics] {
            m_open.push_back(std::make_unique<Micrograph>(std::move(*micrograph)));
            m_current = m_open.back().get();
            present(image, 0, statistics);
            remember(m_current->file);
            Q_EMIT backgroundOpenEnded(m_current->file, true);
        };
    });
    if (!started) { // one at a time: whole-micrograph results come seconds apart at most
        fail(file, tr("%1 is still being opened").arg(m_openingFile));
        Q_EMIT backgroundOpenEnded(file, false);
        return;
    }
    m_openingFile = file;
}

bool MicrographController::showGallery()
{
    if (!m_current)
        return false;
    constexpr std::size_t kMaximumBytes = 256u << 20; // of sections read (a movie of K3 frames is gigabytes)
    const QString file = m_current->file;
    const int total = m_current->sectionCount;
    m_galleryJob.cancel();
    m_galleryJob.start(tr("Gallery of %1").arg(QFileInfo(file).fileName()), [this, file, total](JobControl& control) {
        Micrograph micrograph(file); // its own reader: the GUI's may be reading a section meanwhile
        if (isQtImageFile(file))
            micrograph.pixels = std::make_shared<const cryosr::Image>(readQtImage(file));
        else
            micrograph.openReader();
        QList<FloatImage> sections;
        std::size_t bytes = 0;
        for (int i = 0; i < total && bytes < kMaximumBytes && !control.isCancelled(); ++i) {
            const auto section = micrograph.readSection(i);
            bytes += section->pixelCount() * sizeof(float);
            sections << sharedView(std::make_shared<const cryosr::Image>(reduced(*section, 256)));
            control.setProgress(double(i + 1) / total);
        }
        return [this, sections, total] { m_display->showGallery(sections, total); };
    });
    return true;
}

bool MicrographController::showSpectrum(bool regionOnly)
{
    if (!m_section)
        return false;
    m_spectrumJob.cancel();
    if (m_spectrumJob.isRunning())
        m_pendingSpectrum = regionOnly; // started once the running one has stopped
    else
        startSpectrum(regionOnly);
    return true;
}

void MicrographController::startSpectrum(bool regionOnly)
{
    std::optional<cryosr::Region> region;
    QString what = tr("Whole section");
    if (regionOnly) {
        region = currentRegion();
        what = tr("Region x %1, y %2, %3 × %4").arg(region->x).arg(region->y).arg(region->width).arg(region->height);
    }
    const Microscope chosen = storedMicroscope();
    cryosr::CtfParameters microscope;
    microscope.voltageKv = chosen.voltageKv;
    microscope.sphericalAberrationMm = chosen.sphericalAberrationMm;
    microscope.amplitudeContrast = chosen.amplitudeContrast;
    m_spectrumJob.start(tr("Power spectrum"), [this, section = m_section, region, what, microscope](JobControl& control) {
        // The FFTs' working buffers are not the viewer's to keep, however the job ends.
        const auto release = qScopeGuard(&cryosr::releaseFreedMemory);
        cryosr::Image part;
        const cryosr::Image* source = section.get();
        if (region) {
            part = crop(*section, *region);
            source = &part;
        }
        // The spectrum of a K3 frame takes ~3 s, its CTF fit 1-3 s more (more where the halves' check runs).
        constexpr double kSpectrumShare = 0.6;
        const auto spectrum =
            std::make_shared<const cryosr::PowerSpectrum>(cryosr::computePowerSpectrum(*source, 512, [&](int done, int total) {
                control.setProgress(kSpectrumShare * done / total);
                return !control.isCancelled();
            }));
        const SpectrumDisplay display = spectrumDisplay(spectrum, what, microscope, [&](int done, int total) {
            control.setProgress(kSpectrumShare + (1 - kSpectrumShare) * done / total);
            return !control.isCancelled();
        });
        return [this, display] {
            m_display->showSpectrum(display);
            Q_EMIT spectrumEnded(true);
        };
    });
}

bool MicrographController::exportRegion(const QString& file)
{
    if (!m_section)
        return false;
    try {
        const auto format = cryosr::formatFromExtension(file.toStdString());
        if (!format)
            throw cryosr::ArgumentError(tr("Cannot tell the format from the name %1: use .mrc or .tif").arg(file).toStdString());
        if (cryosr::isSameFile(file.toStdString(), m_current->file.toStdString()))
            throw cryosr::ArgumentError(tr("%1 is the open file; CryoSR never overwrites its input").arg(file).toStdString());
        const cryosr::Region region = currentRegion();
        const cryosr::Image part = crop(*m_section, region);
        cryosr::Provenance provenance = part.provenance;
        provenance.section = m_current->section;
        const QString label = QString("CryoSR region x %1 y %2 %3x%4 of section %5 of %6")
                                  .arg(region.x)
                                  .arg(region.y)
                                  .arg(region.width)
                                  .arg(region.height)
                                  .arg(m_current->section)
                                  .arg(QFileInfo(m_current->file).fileName());
        const cryosr::WriteSpec spec =
            cryosr::outputSpec(part.width(), part.height(), m_current->knownPixelSize(), provenance, {label.toStdString(), 1});
        const auto writer = cryosr::createImageWriter(file.toStdString(), *format, spec);
        writer->writeSection(part);
        writer->commit();
    } catch (const cryosr::Error& e) {
        return fail(file, QString::fromStdString(e.what()));
    }
    m_lastError.clear();
    return true;
}

bool MicrographController::setPixelSize(double angstrom)
{
    if (!m_current)
        return false;
    QVariantMap sizes = QSettings().value(kPixelSizesKey).toMap();
    if (angstrom > 0) {
        sizes.insert(m_current->file, angstrom);
        m_current->userPixelSize = angstrom;
    } else {
        sizes.remove(m_current->file);
        m_current->userPixelSize.reset();
    }
    QSettings().setValue(kPixelSizesKey, sizes);
    return showSection(m_current->section);
}

cryosr::Region MicrographController::currentRegion() const
{
    const QRect selected = m_display->imageView()->selection();
    if (!selected.isEmpty())
        return {selected.x(), selected.y(), selected.width(), selected.height()};
    return regionOf(m_display->imageView()->transform().visibleImageRect());
}

QString MicrographController::currentFile() const
{
    return m_current ? m_current->file : QString();
}

bool MicrographController::fail(const QString& file, const QString& message)
{
    m_lastError = message;
    if (m_interactive)
        m_showError(tr("Problem with %1").arg(QFileInfo(file).fileName()), message);
    return false;
}

void MicrographController::clearRecentFiles()
{
    QSettings().remove("recentFiles");
    m_display->setRecentFiles({});
}

QStringList MicrographController::recentFiles() const
{
    return QSettings().value("recentFiles").toStringList();
}

void MicrographController::remember(const QString& file)
{
    QStringList files = recentFiles();
    files.removeAll(file);
    files.prepend(file);
    QSettings().setValue("recentFiles", files.mid(0, kRecentFiles));
    m_display->setRecentFiles(files.mid(0, kRecentFiles));
}

void MicrographController::forget(const QString& file)
{
    QStringList files = recentFiles();
    if (files.removeAll(QFileInfo(file).absoluteFilePath()) > 0) {
        QSettings().setValue("recentFiles", files);
        m_display->setRecentFiles(files);
    }
}

QString bundledSampleMicrograph()
{
    const QString dir = QCoreApplication::applicationDirPath();
    for (const QString& candidate : {dir + "/../../resources/sample_micrograph.mrc", // build tree
                                     dir + "/../share/cryosr/sample_micrograph.mrc"}) // installed
        if (QFileInfo::exists(candidate))
            return QFileInfo(candidate).canonicalFilePath();
    return {};
}
