#pragma once
// The main window's form: the image and power-spectrum views, the list of open micrographs, the
// contrast and info panels, sections, menus and the status bar. It knows nothing of files' formats
// or the engine; the app's controller fills it and reacts to its signals.

#include "floatimage.h"

#include <QMainWindow>
#include <memory>
#include <vector>

class JobProgress;
class QLabel;
class QListWidget;
class QSlider;
class QSpinBox;
class ContrastPanel;
class MicrographView;
class ProfilePlot;
class UpscalePanel;
class UpscaleView;
class TrainingView;
namespace Ui {
class MainWindow;
}

/// What the window shows for one section (the controller builds it from the engine's data).
struct SectionDisplay {
    FloatImage image;
    QString title; ///< for the window title, e.g. the file name
    QString description; ///< one line for the status bar: size, type, pixel size
    QString details; ///< several lines for the info panel: dimensions, type, statistics
    int section = 0;
    int sectionCount = 1;
    double pixelSize = 0.0; ///< Å per pixel, 0 when unknown
};

/// A power spectrum ready to show: log power (zero frequency at the centre) and its rotational average.
struct SpectrumDisplay {
    FloatImage logPower;
    std::vector<double> frequencies; ///< of each ring, in `unit`
    std::vector<double> power; ///< mean power per ring (linear)
    QString unit; ///< "1/Å", or "1/px" when the pixel size is unknown
    double frequencyStep = 0.0; ///< frequency of one spectrum pixel, in `unit`
    QString caption; ///< what it is of: whole image or region, box, tiles
};

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class Page { Image, Spectrum, Upscale, Training };

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    MicrographView* imageView() const;
    MicrographView* spectrumView() const;
    ProfilePlot* spectrumProfile() const;
    ContrastPanel* contrastPanel() const { return m_contrast; }
    QListWidget* micrographList() const { return m_list; }
    UpscalePanel* upscalePanel() const { return m_upscalePanel; }
    UpscaleView* upscaleView() const { return m_upscaleView; }
    TrainingView* trainingView() const { return m_trainingView; }
    /// The status bar's report of background jobs (spectra, exports, model installs), with Cancel.
    JobProgress* jobProgress() const { return m_jobProgress; }

    void showSection(const SectionDisplay& display);
    void showSpectrum(const SpectrumDisplay& spectrum);
    /// Nothing open: empty views, no title, no sections.
    void clear();
    /// The spectrum shown no longer matches the image (a new section or file).
    void markSpectrumStale();
    Page page() const;
    void setPage(Page page);

    /// Adds `file` to the list of open micrographs (or updates its entry) and selects it.
    void addMicrograph(const QString& file, const QImage& thumbnail, const QString& tooltip);
    void removeMicrograph(const QString& file);
    void setRecentFiles(const QStringList& files);
    /// A modal message that names the file and says what is wrong; the current image stays.
    void showError(const QString& title, const QString& message);
    /// The view on the current page rendered as shown (optionally without the scale bar).
    QImage renderedView(bool withScaleBar);
    /// The whole window drawn as shown, OpenGL views with their overlays included, whatever covers it on screen.
    QImage renderedWindow();

Q_SIGNALS:
    void openRequested(const QString& file);
    void closeRequested(const QString& file);
    void micrographSelected(const QString& file);
    void sectionRequested(int section);
    /// The spectrum page needs a spectrum: of the whole image, or of the current region only.
    void spectrumRequested(bool regionOnly);
    void exportRegionRequested(const QString& file);
    void clearRecentRequested();
    /// Write the upscaled result: MRC or TIFF (float32) or PNG (as displayed), chosen by the extension.
    void exportUpscaleRequested(const QString& file);
    /// Write the run's frames (the timeline's content): an MRC stack, a PNG sequence or an animated GIF.
    void exportFramesRequested(const QString& file);
    /// Upscale the whole section shown, in tiles, with the Upscale panel's choices.
    void wholeMicrographUpscaleRequested();
    /// File > Preferences: the app shows its preferences (the language).
    void preferencesRequested();
    /// Training > Follow a Run Folder: add the run in `folder` (one with a log) to the list.
    void followRunRequested(const QString& folder);
    /// Training > Edit Cluster Script Template.
    void slurmTemplateEditRequested();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildPanels();
    void connectActions();
    void chooseFile();
    void exportView(bool withScaleBar);
    void chooseRegionFile();
    void buildUpscaleMenu();
    void buildTrainingMenu();
    void buildHelpMenu();
    void chooseUpscaleFile();
    void chooseFramesFile();
    void stepSection(int delta);
    void requestSpectrum(bool regionOnly);
    void showPixel(const QPoint& pixel, float value);
    void showSpectrumPixel(const QPoint& pixel, float value);
    void showSelection(const QRect& region);
    MicrographView* currentView() const;

    std::unique_ptr<Ui::MainWindow> m_ui;
    ContrastPanel* m_contrast = nullptr;
    UpscalePanel* m_upscalePanel = nullptr;
    UpscaleView* m_upscaleView = nullptr;
    TrainingView* m_trainingView = nullptr;
    QListWidget* m_list = nullptr;
    QLabel* m_details = nullptr;
    QSpinBox* m_section = nullptr;
    QSlider* m_sectionSlider = nullptr;
    QLabel* m_sectionCount = nullptr;
    QLabel* m_description = nullptr;
    QLabel* m_pixel = nullptr;
    QLabel* m_selection = nullptr;
    JobProgress* m_jobProgress = nullptr;
    double m_pixelSize = 0.0;
    double m_frequencyStep = 0.0;
    QString m_frequencyUnit;
    bool m_spectrumStale = true;
    QString m_lastDirectory;
};
