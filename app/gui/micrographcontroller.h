#pragma once
// Connects the main window to the engine: opens files, shows sections, computes power spectra,
// exports regions, keeps the recent-files list, reports errors. The only GUI place where the engine
// and Qt meet.

#include <QObject>
#include <QString>
#include <memory>
#include <vector>

class MainWindow;
namespace cryosr {
class Image;
class ImageReader;
struct Region;
} // namespace cryosr

/**
 * Owns the open micrographs (a reader each, or the pixels of a PNG/JPEG) and the section shown.
 * Reading happens on the GUI thread: a section of a K3 frame takes well under a second from a local
 * disk. Errors become a dialog naming the file (or, without a user, lastError()); what was shown
 * before stays.
 */
class MicrographController : public QObject {
    Q_OBJECT
public:
    explicit MicrographController(MainWindow* window, QObject* parent = nullptr);
    ~MicrographController() override;

    /// Opens `file` (or switches to it when open) and shows its first section; false when it cannot.
    bool openFile(const QString& file);
    bool showSection(int section);
    /// Computes and shows the power spectrum of the section, or of the current region only.
    bool showSpectrum(bool regionOnly);
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

private:
    struct Micrograph;
    Micrograph* find(const QString& file);
    bool select(const QString& file);
    bool fail(const QString& file, const QString& message);
    void remember(const QString& file);
    void forget(const QString& file);

    MainWindow* m_window;
    std::vector<std::unique_ptr<Micrograph>> m_open;
    Micrograph* m_current = nullptr;
    std::shared_ptr<const cryosr::Image> m_section; // the section shown
    QString m_lastError;
    bool m_interactive = true;
};

/// The bundled sample micrograph beside the build or the installation; empty when missing.
QString bundledSampleMicrograph();
