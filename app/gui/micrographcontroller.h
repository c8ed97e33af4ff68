#pragma once
// Connects the main window to the engine: opens files, shows sections, computes power spectra,
// exports regions, keeps the recent-files list, reports errors. The only GUI place where the engine
// and Qt meet.

#include "backgroundjob.h"
#include "errorsink.h"

#include <QObject>
#include <QString>
#include <memory>
#include <optional>
#include <vector>

class JobProgress;
class MicrographDisplay;
namespace cryosr {
class Image;
class ImageReader;
struct Region;
} // namespace cryosr

/**
 * Owns the open micrographs (a reader each, or the pixels of a PNG/JPEG) and the section shown.
 * Files the user opens are read on the GUI thread (a section of a K3 frame takes well under a second
 * from a local disk, and the user is waiting for it); power spectra and the opening of large results
 * run in the background (BackgroundJob) with progress in the status bar. Errors become a dialog naming
 * the file (or, without a user, lastError()); what was shown before stays.
 */
class MicrographController : public QObject {
    Q_OBJECT
public:
    /// Shows micrographs in `display` (MainWindow in the app), background jobs in the status bar's
    /// `progress`, and failures through `showError` (a dialog in the app).
    MicrographController(MicrographDisplay* display, JobProgress* progress, ErrorSink showError, QObject* parent = nullptr);
    ~MicrographController() override;

    /// Opens `file` (or switches to it when open) and shows its first section; false when it cannot.
    bool openFile(const QString& file);
    bool showSection(int section);
    /// Shows `file`, one of the open micrographs (the list's choice); false when it is not open.
    bool select(const QString& file);
    /// Opens `file` like openFile, with its first section read on a worker thread (a whole-micrograph
    /// result of 8192² is 256 MB); backgroundOpenEnded follows.
    void openInBackground(const QString& file);
    /// Starts the power spectrum of the section, or of the current region only, on a worker thread
    /// (spectrumEnded follows); a spectrum still being computed is cancelled. False when nothing is open.
    bool showSpectrum(bool regionOnly);
    /// Sets the current micrograph's pixel size in Å (0 goes back to its header's), remembered for its
    /// file, and shows it again with it. False when nothing is open.
    bool setPixelSize(double angstrom);
    /// Reads the micrograph's sections on a worker thread (the first ones, up to ~256 MB) and shows them
    /// reduced to 256 pixels or less in the gallery. False when nothing is open.
    bool showGallery();
    /// Writes the current region as MRC or TIFF (float32, with pixel size and origin).
    bool exportRegion(const QString& file);
    /// The selection in the image view (Shift+drag) or, without one, the part of the image in view.
    cryosr::Region currentRegion() const;
    void closeFile(const QString& file);
    /// The section shown (null when nothing is open), and its file.
    std::shared_ptr<const cryosr::Image> currentSection() const { return m_section; }
    QString currentFile() const;

    /// The last error message, for `--screenshot` and tests; empty after a success.
    QString lastError() const { return m_lastError; }
    /// Without a user (scripted `--screenshot` runs), errors are only recorded, never a modal dialog.
    void setInteractive(bool interactive) { m_interactive = interactive; }
    QStringList recentFiles() const;
    /// Empties the File menu's list of recent files.
    void clearRecentFiles();

Q_SIGNALS:
    /// The spectrum asked for is shown, or could not be computed (lastError says why).
    void spectrumEnded(bool shown);
    void backgroundOpenEnded(const QString& file, bool succeeded);

private:
    struct Micrograph;
    Micrograph* find(const QString& file);
    /// Shows `image`, section `section` of the current micrograph, with its `statistics` text.
    void present(std::shared_ptr<const cryosr::Image> image, int section, const QString& statistics);
    void startSpectrum(bool regionOnly);
    bool fail(const QString& file, const QString& message);
    void remember(const QString& file);
    void forget(const QString& file);

    MicrographDisplay* m_display;
    ErrorSink m_showError;
    std::vector<std::unique_ptr<Micrograph>> m_open;
    Micrograph* m_current = nullptr;
    std::shared_ptr<const cryosr::Image> m_section; // the section shown
    QString m_lastError;
    bool m_interactive = true;
    BackgroundJob m_spectrumJob;
    BackgroundJob m_galleryJob;
    std::optional<bool> m_pendingSpectrum; // asked for while the last one was being cancelled
    BackgroundJob m_openJob;
    QString m_openingFile; // by m_openJob
};

/// The bundled sample micrograph beside the build or the installation; empty when missing.
QString bundledSampleMicrograph();
