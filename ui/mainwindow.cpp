#include "mainwindow.h"

#include "contrastpanel.h"
#include "galleryview.h"
#include "jobprogress.h"
#include "micrographview.h"
#include "profileplot.h"
#include "thumbnaildelegate.h"
#include "trainingview.h"
#include "trainingwizard.h"
#include "upscalepanel.h"
#include "upscaleview.h"
#include "windowshortcuts.h"
#include "ui_mainwindow.h"

#include "contrast.h"

#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QMenuBar>
#include <QMimeData>
#include <QPainter>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <cmath>

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
{
    m_ui->setupUi(this);
    new WindowShortcuts(this);
    m_ui->spectrumSplitter->setStretchFactor(0, 3);
    m_ui->spectrumSplitter->setStretchFactor(1, 1);
    buildPanels();
    buildToolActions();
    connectActions();
    buildUpscaleMenu();
    buildTrainingMenu();
    buildHelpMenu();
}

MainWindow::~MainWindow() = default;

MicrographView* MainWindow::imageView() const
{
    return m_ui->imageView;
}

MicrographView* MainWindow::spectrumView() const
{
    return m_ui->spectrumView;
}

ProfilePlot* MainWindow::spectrumProfile() const
{
    return m_ui->spectrumProfile;
}

void MainWindow::buildPanels()
{
    auto dock = [this](const QString& title, const QString& name, QWidget* content, Qt::DockWidgetArea area) {
        auto* widget = new QDockWidget(title, this);
        widget->setObjectName(name);
        widget->setWidget(content);
        addDockWidget(area, widget);
    };
    m_list = new QListWidget(this);
    m_list->setObjectName("micrographList");
    m_list->setIconSize(QSize(96, 96));
    m_list->setItemDelegate(new ThumbnailDelegate(m_list));
    m_list->setResizeMode(QListView::Adjust);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    dock(tr("Micrographs"), "micrographDock", m_list, Qt::LeftDockWidgetArea);

    m_contrast = new ContrastPanel(this);
    m_contrast->setObjectName("contrastPanel");
    dock(tr("Contrast"), "contrastDock", m_contrast, Qt::RightDockWidgetArea);

    m_details = new QLabel(this);
    m_details->setObjectName("detailsLabel");
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setMargin(6);
    dock(tr("Information"), "infoDock", m_details, Qt::RightDockWidgetArea);

    m_upscalePanel = new UpscalePanel(this);
    m_upscalePanel->setObjectName("upscalePanel");
    dock(tr("Upscale"), "upscaleDock", m_upscalePanel, Qt::RightDockWidgetArea); // it scrolls its settings itself
    tabifyDockWidget(findChild<QDockWidget*>("infoDock"), findChild<QDockWidget*>("upscaleDock"));
    findChild<QDockWidget*>("upscaleDock")->raise();
    m_upscaleView = new UpscaleView(this);
    m_upscaleView->setObjectName("upscaleView");
    m_gallery = new GalleryView(this);
    m_gallery->setObjectName("galleryView");
    m_ui->viewTabs->insertTab(m_ui->viewTabs->indexOf(m_ui->spectrumTab) + 1, m_gallery, tr("Gallery"));
    connect(m_gallery, &GalleryView::sectionChosen, this, [this](int section) {
        setPage(Page::Image);
        m_section->setValue(section); // asks for it
    });
    m_ui->viewTabs->addTab(m_upscaleView, tr("Upscale"));
    m_trainingView = new TrainingView(this);
    m_trainingView->setObjectName("trainingView");
    m_ui->viewTabs->addTab(m_trainingView, tr("Training"));

    m_sectionSlider = new QSlider(Qt::Horizontal, this);
    m_sectionSlider->setObjectName("sectionSlider");
    m_sectionSlider->setMinimumWidth(200);
    m_sectionSlider->setEnabled(false);
    m_section = new QSpinBox(this);
    m_section->setObjectName("sectionSpinBox");
    m_section->setEnabled(false);
    m_section->setToolTip(tr("Section (stack image or volume plane), numbered from 0"));
    m_sectionCount = new QLabel(this);
    m_ui->sectionToolBar->addWidget(new QLabel(tr("Section "), this));
    m_ui->sectionToolBar->addWidget(m_sectionSlider);
    m_ui->sectionToolBar->addWidget(m_section);
    m_ui->sectionToolBar->addWidget(m_sectionCount);

    m_description = new QLabel(this);
    m_description->setObjectName("descriptionLabel");
    m_pixel = new QLabel(this);
    m_pixel->setObjectName("pixelLabel");
    m_selection = new QLabel(this);
    m_selection->setObjectName("selectionLabel");
    m_jobProgress = new JobProgress(this);
    statusBar()->addWidget(m_description, 1);
    statusBar()->addPermanentWidget(m_jobProgress);
    statusBar()->addPermanentWidget(m_selection);
    statusBar()->addPermanentWidget(m_pixel);
}

void MainWindow::buildToolActions()
{
    // The left button's tool in the image view: pan (none checked), the ruler or the particle circle.
    auto* tools = new QActionGroup(this);
    tools->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);
    const auto tool = [&](const QString& name, const QString& text, const QString& keys, ViewTool which) {
        auto* action = new QAction(text, tools);
        action->setObjectName(name);
        action->setCheckable(true);
        action->setShortcut(QKeySequence(keys));
        connect(action, &QAction::toggled, this,
                [this, action, which] { m_ui->imageView->setTool(action->isChecked() ? which : ViewTool::Pan); });
        m_ui->menuView->addAction(action);
        m_ui->viewToolBar->addAction(action);
    };
    m_ui->menuView->addSeparator();
    m_ui->viewToolBar->addSeparator();
    tool("actionRuler", tr("&Ruler"), QStringLiteral("R"), ViewTool::Ruler);
    tool("actionParticleCircle", tr("Particle &Circle"), QStringLiteral("C"), ViewTool::ParticleCircle);
    m_particleDiameter = new QDoubleSpinBox(this);
    m_particleDiameter->setObjectName("particleDiameter");
    m_particleDiameter->setRange(1.0, 100000.0);
    m_particleDiameter->setDecimals(0);
    m_particleDiameter->setValue(200.0);
    m_particleDiameter->setToolTip(tr("The particle circle's diameter (Å, or pixels when the pixel size is unknown)"));
    m_particleDiameter->setKeyboardTracking(false);
    m_ui->viewToolBar->addWidget(m_particleDiameter);
    connect(m_particleDiameter, &QDoubleSpinBox::valueChanged, this, &MainWindow::showParticleDiameter);
    connect(m_ui->imageView, &MicrographView::contrastDragged, m_contrast, &ContrastPanel::setLimits);
}

void MainWindow::showParticleDiameter()
{
    m_particleDiameter->setSuffix(m_pixelSize > 0 ? tr(" Å") : tr(" px"));
    m_ui->imageView->setParticleDiameter(m_pixelSize > 0 ? m_particleDiameter->value() / m_pixelSize
                                                         : m_particleDiameter->value());
}

void MainWindow::connectActions()
{
    Ui::MainWindow& ui = *m_ui;
    connect(ui.actionOpen, &QAction::triggered, this, &MainWindow::chooseFile);
    connect(ui.actionClose, &QAction::triggered, this, [this] {
        if (QListWidgetItem* item = m_list->currentItem())
            Q_EMIT closeRequested(item->data(Qt::UserRole).toString());
    });
    connect(ui.actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(ui.actionExportView, &QAction::triggered, this, [this] { exportView(true); });
    connect(ui.actionExportViewWithoutScaleBar, &QAction::triggered, this, [this] { exportView(false); });
    connect(ui.actionExportRegion, &QAction::triggered, this, &MainWindow::chooseRegionFile);
    connect(ui.actionClearRecent, &QAction::triggered, this, &MainWindow::clearRecentRequested);
    connect(ui.actionPreferences, &QAction::triggered, this, &MainWindow::preferencesRequested);

    connect(ui.actionFit, &QAction::triggered, this, [this] { currentView()->fitToWindow(); });
    connect(ui.actionOneToOne, &QAction::triggered, this, [this] { currentView()->showOneToOne(); });
    connect(ui.actionZoomIn, &QAction::triggered, this, [this] { currentView()->zoomBy(std::sqrt(2.0)); });
    connect(ui.actionZoomOut, &QAction::triggered, this, [this] { currentView()->zoomBy(1 / std::sqrt(2.0)); });
    connect(ui.actionScaleBar, &QAction::toggled, ui.imageView, &MicrographView::setScaleBarVisible);
    auto* setPixelSize = new QAction(tr("Set Pixel Si&ze…"), this);
    setPixelSize->setObjectName("actionSetPixelSize");
    ui.menuView->insertAction(ui.menuView->actions().value(ui.menuView->actions().indexOf(ui.actionScaleBar) + 1), setPixelSize);
    connect(setPixelSize, &QAction::triggered, this, &MainWindow::askPixelSize);
    connect(ui.actionShowImage, &QAction::triggered, this, [this] { setPage(Page::Image); });
    connect(ui.actionShowSpectrum, &QAction::triggered, this, [this] { setPage(Page::Spectrum); });
    connect(ui.actionSpectrumOfRegion, &QAction::triggered, this, [this] {
        if (m_ui->imageView->selection().isEmpty()) {
            statusBar()->showMessage(tr("No region is selected: Shift+drag on the image to select one "
                                        "(F3 shows the whole micrograph's spectrum)."),
                                     10000);
            return;
        }
        requestSpectrum(true); // asked for before the page shows, so the page does not ask again
        setPage(Page::Spectrum);
    });
    connect(ui.actionPreviousSection, &QAction::triggered, this, [this] { stepSection(-1); });
    connect(ui.actionNextSection, &QAction::triggered, this, [this] { stepSection(+1); });
    connect(ui.viewTabs, &QTabWidget::currentChanged, this, [this] {
        m_contrast->setEnabled(page() == Page::Image || page() == Page::Upscale); // the pages it sets
        if (page() == Page::Spectrum && m_spectrumStale && !m_ui->imageView->image().isNull())
            requestSpectrum(false);
        requestGalleryIfShown();
    });

    connect(m_contrast, &ContrastPanel::contrastChanged, ui.imageView, &MicrographView::setContrast);
    connect(m_contrast, &ContrastPanel::contrastChanged, m_upscaleView, &UpscaleView::setLinkedContrast);
    connect(m_contrast, &ContrastPanel::colormapChanged, ui.imageView, &MicrographView::setColormap);
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (item)
            Q_EMIT micrographSelected(item->data(Qt::UserRole).toString());
    });
    connect(m_sectionSlider, &QSlider::valueChanged, m_section, &QSpinBox::setValue);
    connect(m_section, &QSpinBox::valueChanged, this, [this](int section) {
        const QSignalBlocker blocker(m_sectionSlider);
        m_sectionSlider->setValue(section);
        Q_EMIT sectionRequested(section);
    });
    connect(ui.imageView, &MicrographView::pixelHovered, this, &MainWindow::showPixel);
    connect(ui.imageView, &MicrographView::hoverLeft, m_pixel, &QLabel::clear);
    connect(ui.imageView, &MicrographView::selectionChanged, this, &MainWindow::showSelection);
    // The selection is the region to upscale: the panel snaps it, and the view shows the snapped one.
    connect(ui.imageView, &MicrographView::selectionChanged, m_upscalePanel, &UpscalePanel::setRegion);
    connect(m_upscalePanel, &UpscalePanel::regionChanged, ui.imageView, &MicrographView::setSelection);
    connect(ui.spectrumView, &MicrographView::pixelHovered, this, &MainWindow::showSpectrumPixel);
    connect(ui.spectrumView, &MicrographView::hoverLeft, m_pixel, &QLabel::clear);
}

MicrographView* MainWindow::currentView() const
{
    switch (page()) {
    case Page::Spectrum:
        return m_ui->spectrumView;
    case Page::Upscale:
        return m_upscaleView->resultView();
    case Page::Image:
    case Page::Gallery:
    case Page::Training:
        break;
    }
    return m_ui->imageView;
}

MainWindow::Page MainWindow::page() const
{
    const QWidget* current = m_ui->viewTabs->currentWidget();
    return current == m_ui->spectrumTab ? Page::Spectrum
        : current == m_gallery          ? Page::Gallery
        : current == m_upscaleView      ? Page::Upscale
        : current == m_trainingView     ? Page::Training
                                        : Page::Image;
}

void MainWindow::setPage(Page page)
{
    m_ui->viewTabs->setCurrentWidget(page == Page::Spectrum       ? m_ui->spectrumTab
                                         : page == Page::Gallery  ? static_cast<QWidget*>(m_gallery)
                                         : page == Page::Upscale  ? static_cast<QWidget*>(m_upscaleView)
                                         : page == Page::Training ? static_cast<QWidget*>(m_trainingView)
                                                                  : m_ui->imageTab);
}

void MainWindow::buildUpscaleMenu()
{
    QMenu* menu = menuBar()->addMenu(tr("&Upscale"));
    menu->setObjectName("menuUpscale");
    auto add = [&](const QString& name, const QString& text, const QKeySequence& keys, auto slot) {
        auto* action = menu->addAction(text);
        action->setObjectName(name);
        action->setShortcut(keys);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    add("actionUpscale", tr("&Upscale Region"), QKeySequence(Qt::CTRL | Qt::Key_U), [this] { m_upscalePanel->requestUpscale(); });
    add("actionUpscaleWhole", tr("Upscale &Whole Micrograph"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_U), [this] {
        if (m_upscalePanel->takeTypedValues())
            Q_EMIT wholeMicrographUpscaleRequested();
    });
    add("actionCancelUpscale", tr("&Cancel Upscale"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U),
        [this] { m_upscalePanel->requestCancel(); });
    add("actionShowUpscale", tr("Show the &Upscale Page"), QKeySequence(Qt::Key_F4), [this] { setPage(Page::Upscale); });
    menu->addSeparator();
    add("actionExportUpscale", tr("&Export Upscaled Result…"), QKeySequence(), &MainWindow::chooseUpscaleFile);
    add("actionExportFrames", tr("Export the Reverse-Process &Frames…"), QKeySequence(), &MainWindow::chooseFramesFile);
}

void MainWindow::buildTrainingMenu()
{
    QMenu* menu = menuBar()->addMenu(tr("&Training"));
    menu->setObjectName("menuTraining");
    auto* show =
        menu->addAction(tr("Show the &Training Page"), QKeySequence(Qt::Key_F5), this, [this] { setPage(Page::Training); });
    show->setObjectName("actionShowTraining");
    auto* start = menu->addAction(tr("&New Training…"), this, [this] {
        setPage(Page::Training);
        m_trainingView->showWizard();
    });
    start->setObjectName("actionNewTraining");
    auto* load = menu->addAction(tr("&Load Training Configuration…"), this, [this] {
        const QString file =
            QFileDialog::getOpenFileName(this, tr("Load a Training Configuration"), m_lastDirectory, tr("JSON (*.json)"));
        QString error;
        if (file.isEmpty())
            return;
        setPage(Page::Training);
        m_trainingView->showWizard();
        if (!m_trainingView->wizard()->loadConfiguration(file, &error))
            showError(tr("Cannot load the configuration"), error);
    });
    load->setObjectName("actionLoadTrainingConfig");
    menu->addSeparator();
    menu->addAction(tr("&Follow a Run Folder…"), this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Follow a Training Run"));
        if (!folder.isEmpty())
            Q_EMIT followRunRequested(folder);
    });
    menu->addAction(tr("Edit Cluster Script &Template…"), this, &MainWindow::slurmTemplateEditRequested)
        ->setObjectName("actionEditSlurmTemplate");
}

void MainWindow::buildHelpMenu()
{
    QMenu* menu = menuBar()->addMenu(tr("&Help"));
    menu->setObjectName("menuHelp");
    auto* about = menu->addAction(tr("&About CryoSR"), this, [this] {
        QMessageBox::about(this, tr("About CryoSR"),
                           tr("<h3>CryoSR %1</h3><p>A viewer and diffusion upscaler for cryo-EM micrographs.</p>"
                              "<p>The user guide: docs/user-guide.md in the source, or /usr/share/doc/cryosr/ "
                              "where CryoSR was installed from its package.</p><p>Built with Qt %2.</p>")
                                   .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion()))
                               + tr("<p>Free software under the BSD 3-Clause License. The licences of the "
                                    "libraries it includes are listed in /usr/share/doc/cryosr/copyright.</p>"));
    });
    about->setObjectName("actionAbout");
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::chooseUpscaleFile()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Export upscaled result"), m_lastDirectory,
                                                      tr("MRC (*.mrc);;TIFF (*.tif *.tiff);;PNG as displayed (*.png)"));
    if (!file.isEmpty())
        Q_EMIT exportUpscaleRequested(file);
}

void MainWindow::askPixelSize()
{
    if (m_ui->imageView->image().isNull())
        return;
    bool ok = false;
    const double angstrom = QInputDialog::getDouble(
        this, tr("Set Pixel Size"),
        tr("Å per pixel of %1 (remembered for this file; 0 goes back to its header's value):").arg(m_title), m_pixelSize, 0.0,
        10000.0, 4, &ok);
    if (ok)
        Q_EMIT pixelSizeSetRequested(angstrom);
}

void MainWindow::chooseFramesFile()
{
    const QString file =
        QFileDialog::getSaveFileName(this, tr("Export frames"), m_lastDirectory,
                                     tr("MRC stack (*.mrcs *.mrc);;Animated GIF (*.gif);;PNG sequence: name_001.png, … (*.png)"));
    if (!file.isEmpty())
        Q_EMIT exportFramesRequested(file);
}

void MainWindow::showSection(const SectionDisplay& display)
{
    m_pixelSize = display.pixelSize;
    m_galleryStale = m_galleryStale || display.title != m_title; // another micrograph
    m_title = display.title;
    m_ui->imageView->setImage(display.image);
    m_ui->imageView->setPixelSize(display.pixelSize);
    showParticleDiameter();
    m_contrast->setImage(display.image); // sets the view's contrast through contrastChanged
    setWindowTitle(tr("%1 — CryoSR").arg(display.title));
    m_description->setText(display.description);
    m_sectionDetails = display.details;
    m_spectrumDetails.clear(); // the fit was of the section shown before
    showDetails();
    m_upscalePanel->setImage(display.image.size, display.pixelSize);
    {
        const QSignalBlocker spinBlocker(m_section), sliderBlocker(m_sectionSlider); // showing must not request again
        const int last = std::max(0, display.sectionCount - 1);
        m_section->setRange(0, last);
        m_sectionSlider->setRange(0, last);
        m_section->setValue(display.section);
        m_sectionSlider->setValue(display.section);
    }
    m_section->setEnabled(display.sectionCount > 1);
    m_sectionSlider->setEnabled(display.sectionCount > 1);
    m_sectionCount->setText(tr(" of %1").arg(display.sectionCount));
    refreshSpectrum();
    requestGalleryIfShown();
}

void MainWindow::requestGalleryIfShown()
{
    if (page() != Page::Gallery || !m_galleryStale || m_ui->imageView->image().isNull())
        return;
    m_galleryStale = false; // on its way
    m_gallery->setMessage(tr("Reading the sections…"));
    Q_EMIT galleryRequested();
}

void MainWindow::showGallery(const QList<FloatImage>& sections, int total)
{
    m_gallery->setSections(sections, total);
}

void MainWindow::clear()
{
    m_gallery->setSections({}, 0);
    m_galleryStale = true;
    SectionDisplay nothing;
    nothing.title = tr("no micrograph");
    showSection(nothing);
    m_ui->spectrumView->setImage({});
    m_ui->spectrumProfile->setProfile({}, {}, {});
    m_ui->spectrumCaption->clear();
    setWindowTitle(tr("CryoSR"));
}

void MainWindow::showDetails()
{
    m_details->setText(m_spectrumDetails.isEmpty() ? m_sectionDetails : m_sectionDetails + "\n\n" + m_spectrumDetails);
}

void MainWindow::markSpectrumStale()
{
    m_spectrumStale = true;
}

void MainWindow::refreshSpectrum()
{
    markSpectrumStale();
    if (page() == Page::Spectrum && !m_ui->imageView->image().isNull())
        requestSpectrum(false);
}

void MainWindow::requestSpectrum(bool regionOnly)
{
    m_spectrumStale = false; // on its way (computed in the background): switching pages does not ask again
    Q_EMIT spectrumRequested(regionOnly);
}

void MainWindow::showSpectrum(const SpectrumDisplay& spectrum)
{
    m_spectrumStale = false;
    m_frequencyStep = spectrum.frequencyStep;
    m_frequencyUnit = spectrum.unit;
    m_ui->spectrumView->setImage(spectrum.logPower);
    // Log power spans decades; these percentiles show Thon rings without the central cross's glare.
    m_ui->spectrumView->setContrast(percentileLimits(spectrum.logPower, 1.0, 99.8));
    m_ui->spectrumView->setCurves(spectrum.ctfZeros);
    // Less its background, the average shows the rings where its fall over decades would hide them.
    m_ui->spectrumProfile->setProfile(spectrum.frequencies, spectrum.thonRings, spectrum.unit, ProfilePlot::Scale::Linear,
                                      tr("log₁₀ relative power"));
    m_ui->spectrumProfile->setFit(spectrum.ctfCurve, spectrum.fitLimit);
    m_ui->spectrumCaption->setText(spectrum.caption);
    m_spectrumDetails = spectrum.ctf;
    showDetails();
}

void MainWindow::stepSection(int delta)
{
    if (m_section->isEnabled())
        m_section->setValue(m_section->value() + delta);
}

void MainWindow::addMicrograph(const QString& file, const QImage& thumbnail, const QString& tooltip)
{
    QListWidgetItem* item = nullptr;
    for (int i = 0; i < m_list->count() && !item; ++i)
        if (m_list->item(i)->data(Qt::UserRole).toString() == file)
            item = m_list->item(i);
    if (!item) {
        item = new QListWidgetItem(QFileInfo(file).fileName(), m_list);
        item->setData(Qt::UserRole, file);
    }
    item->setIcon(QIcon(QPixmap::fromImage(thumbnail)));
    item->setToolTip(tooltip);
    const QSignalBlocker blocker(m_list); // selecting what is already shown must not reload it
    m_list->setCurrentItem(item);
}

void MainWindow::removeMicrograph(const QString& file)
{
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(Qt::UserRole).toString() == file) {
            const QSignalBlocker blocker(m_list);
            delete m_list->takeItem(i);
            return;
        }
}

void MainWindow::setRecentFiles(const QStringList& files)
{
    QMenu* menu = m_ui->menuRecent;
    for (QAction* action : menu->actions())
        if (action != m_ui->actionClearRecent && !action->isSeparator()) {
            menu->removeAction(action);
            action->deleteLater();
        }
    QAction* first = menu->actions().value(0);
    for (const QString& file : files) {
        auto* action = new QAction(QFileInfo(file).fileName(), menu);
        action->setToolTip(file);
        action->setData(file);
        connect(action, &QAction::triggered, this, [this, file] { Q_EMIT openRequested(file); });
        menu->insertAction(first, action);
    }
    m_ui->actionClearRecent->setEnabled(!files.isEmpty());
}

ContrastLimits MainWindow::displayLimits() const
{
    return m_contrast->limits();
}

void MainWindow::showError(const QString& title, const QString& message)
{
    QMessageBox box(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box.setObjectName("errorMessageBox");
    box.exec();
}

QImage MainWindow::renderedView(bool withScaleBar)
{
    return currentView()->renderedImage(withScaleBar);
}

QImage MainWindow::renderedWindow()
{
    return grab().toImage(); // the views draw their frames into it (NativeGLWidget::paintEvent)
}

void MainWindow::chooseFile()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Open micrographs"), m_lastDirectory,
        tr("Micrographs (*.mrc *.mrcs *.map *.st *.ali *.rec *.tif *.tiff *.png *.jpg *.jpeg);;All files (*)"));
    for (const QString& file : files) {
        m_lastDirectory = QFileInfo(file).absolutePath();
        Q_EMIT openRequested(file);
    }
}

void MainWindow::exportView(bool withScaleBar)
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Export view as PNG"), m_lastDirectory, tr("PNG images (*.png)"));
    if (file.isEmpty())
        return;
    if (!renderedView(withScaleBar).save(file, "PNG"))
        showError(tr("Cannot export the view"),
                  tr("%1 could not be written. Check the folder exists and is writable.").arg(file));
}

void MainWindow::chooseRegionFile()
{
    const QString file =
        QFileDialog::getSaveFileName(this, tr("Export region"), m_lastDirectory, tr("MRC (*.mrc);;TIFF (*.tif *.tiff)"));
    if (!file.isEmpty())
        Q_EMIT exportRegionRequested(file);
}

void MainWindow::showPixel(const QPoint& pixel, float value)
{
    QString text = tr("x %1  y %2  value %3").arg(pixel.x()).arg(pixel.y()).arg(double(value), 0, 'g', 6);
    if (m_pixelSize > 0)
        text += tr("  (%1, %2 Å)").arg(pixel.x() * m_pixelSize, 0, 'f', 1).arg(pixel.y() * m_pixelSize, 0, 'f', 1);
    m_pixel->setText(text);
}

void MainWindow::showSelection(const QRect& region)
{
    if (region.isEmpty()) {
        m_selection->clear();
        return;
    }
    QString text = tr("selection x %1 y %2, %3 × %4 px").arg(region.x()).arg(region.y()).arg(region.width()).arg(region.height());
    if (m_pixelSize > 0)
        text += tr(" (%1 × %2 Å)").arg(region.width() * m_pixelSize, 0, 'f', 0).arg(region.height() * m_pixelSize, 0, 'f', 0);
    m_selection->setText(text + "   ");
}

void MainWindow::showSpectrumPixel(const QPoint& pixel, float value)
{
    const QSize size = m_ui->spectrumView->image().size;
    const double frequency = std::hypot(pixel.x() - size.width() / 2, pixel.y() - size.height() / 2) * m_frequencyStep;
    QString text = tr("frequency %1 %2").arg(frequency, 0, 'g', 4).arg(m_frequencyUnit);
    if (frequency > 0)
        text += tr(" (%1 %2)").arg(1.0 / frequency, 0, 'f', 2).arg(m_frequencyUnit.mid(2));
    m_pixel->setText(text + tr("  log₁₀ power %1").arg(double(value), 0, 'f', 2));
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile()) {
            event->acceptProposedAction();
            return;
        }
}

void MainWindow::dropEvent(QDropEvent* event)
{
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile())
            Q_EMIT openRequested(url.toLocalFile());
    event->acceptProposedAction();
}
