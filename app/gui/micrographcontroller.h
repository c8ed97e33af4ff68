#pragma once
// Connects the main window to the engine's readers: opens files, shows sections, reports errors.
// The only GUI place where the engine and Qt meet.

#include <QObject>
#include <QString>
#include <memory>

class MainWindow;
namespace cryosr {
class ImageReader;
}

/**
 * Owns the open file's reader. Reading happens on the GUI thread for now: a section of a K3 frame
 * takes well under a second from a local disk. Errors become a dialog naming the file; the image
 * shown before stays.
 */
class MicrographController : public QObject {
    Q_OBJECT
public:
    explicit MicrographController(MainWindow* window, QObject* parent = nullptr);
    ~MicrographController() override;

    /// Opens `file` and shows its first section; false (after showing the error) when it cannot.
    bool openFile(const QString& file);
    bool showSection(int section);
    /// The last error message, for `--screenshot` and tests; empty after a success.
    QString lastError() const { return m_lastError; }
    /// Without a user (scripted `--screenshot` runs), errors are only recorded, never a modal dialog.
    void setInteractive(bool interactive) { m_interactive = interactive; }

private:
    bool fail(const QString& file, const QString& message);

    MainWindow* m_window;
    std::unique_ptr<cryosr::ImageReader> m_reader;
    QString m_file;
    QString m_lastError;
    bool m_interactive = true;
};

/// The bundled sample micrograph beside the build or the installation; empty when missing.
QString bundledSampleMicrograph();
