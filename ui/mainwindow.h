#pragma once
// The main window's form: the image and power-spectrum views, the list of open micrographs, the
// contrast and info panels, sections, menus and the status bar. It knows nothing of files' formats
// or the engine; the app's controller fills it and reacts to its signals.

#include "micrographdisplay.h"

#include <QMainWindow>
#include <memory>
#include <vector>

class GalleryView;
class JobProgress;
class QLabel;
class QListWidget;
class QSlider;
class QDoubleSpinBox;
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

class MainWindow : public QMainWindow, public MicrographDisplay {
    Q_OBJECT
public:
    enum class Page { Image, Spectrum, Gallery, Upscale, Training };

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    MicrographView* imageView() const override;
    MicrographView* spectrumView() const;
    ProfilePlot* spectrumProfile() const;
    ContrastPanel* contrastPanel() const { return m_contrast; }
    QListWidget* micrographList() const { return m_list; }
    UpscalePanel* upscalePanel() const { return m_upscalePanel; }
    UpscaleView* upscaleView() const { return m_upscaleView; }
    TrainingView* trainingView() const { return m_trainingView; }
    /// The status bar's report of background jobs (spectra, exports, model installs), with Cancel.
    JobProgress* jobProgress() const { return m_jobProgress; }

    void showSection(const SectionDisplay& display) override;
    void showSpectrum(const SpectrumDisplay& spectrum) override;
    void showGallery(const QList<FloatImage>& sections, int total) override;
    GalleryView* galleryView() const { return m_gallery; }
    void clear() override;
    ContrastLimits displayLimits() const override;
    /// The spectrum shown no longer matches the image (a new section or file).
    void markSpectrumStale();
    /// Computes the spectrum again now if its page is shown, else when it next is (e.g. after the
    /// microscope changed in Preferences).
    void refreshSpectrum();
    /// The Information panel: the section's details, then the spectrum's CTF fit when there is one.
    void showDetails();
    Page page() const;
    void setPage(Page page);

    void addMicrograph(const QString& file, const QImage& thumbnail, const QString& tooltip) override;
    void removeMicrograph(const QString& file) override;
    void setRecentFiles(const QStringList& files) override;
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
    /// View > Set Pixel Size: Å per pixel for the micrograph shown (0: its header's again).
    void pixelSizeSetRequested(double angstrom);
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
    /// The gallery page needs the sections of the micrograph shown.
    void galleryRequested();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildPanels();
    void buildToolActions();
    void showParticleDiameter();
    void connectActions();
    void chooseFile();
    void exportView(bool withScaleBar);
    void chooseRegionFile();
    void buildUpscaleMenu();
    void buildTrainingMenu();
    void buildHelpMenu();
    void chooseUpscaleFile();
    void chooseFramesFile();
    void askPixelSize();
    void stepSection(int delta);
    void requestSpectrum(bool regionOnly);
    void requestGalleryIfShown();
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
    QString m_sectionDetails, m_spectrumDetails;
    QSpinBox* m_section = nullptr;
    QSlider* m_sectionSlider = nullptr;
    QLabel* m_sectionCount = nullptr;
    QLabel* m_description = nullptr;
    QLabel* m_pixel = nullptr;
    QLabel* m_selection = nullptr;
    JobProgress* m_jobProgress = nullptr;
    double m_pixelSize = 0.0;
    QString m_title; // the micrograph shown
    QDoubleSpinBox* m_particleDiameter = nullptr;
    double m_frequencyStep = 0.0;
    QString m_frequencyUnit;
    bool m_spectrumStale = true;
    bool m_galleryStale = true;
    GalleryView* m_gallery = nullptr;
    QString m_lastDirectory;
};
