#include "mainwindow.h"

#include "imageview.h"
#include "ui_mainwindow.h"

#include <QFileDialog>
#include <QLabel>
#include <QMessageBox>
#include <QSignalBlocker>
#include <QSpinBox>

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
{
    m_ui->setupUi(this);

    m_section = new QSpinBox(this);
    m_section->setObjectName("sectionSpinBox");
    m_section->setEnabled(false);
    m_section->setToolTip(tr("Section (stack image or volume plane), numbered from 0"));
    m_sectionCount = new QLabel(this);
    m_ui->sectionToolBar->addWidget(new QLabel(tr("Section "), this));
    m_ui->sectionToolBar->addWidget(m_section);
    m_ui->sectionToolBar->addWidget(m_sectionCount);

    m_description = new QLabel(this);
    m_description->setObjectName("descriptionLabel");
    m_pixel = new QLabel(this);
    m_pixel->setObjectName("pixelLabel");
    statusBar()->addWidget(m_description, 1);
    statusBar()->addPermanentWidget(m_pixel);

    connect(m_ui->actionOpen, &QAction::triggered, this, &MainWindow::chooseFile);
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_section, &QSpinBox::valueChanged, this, &MainWindow::sectionRequested);
    connect(m_ui->imageView, &ImageView::pixelHovered, this, &MainWindow::showPixel);
    connect(m_ui->imageView, &ImageView::hoverLeft, m_pixel, &QLabel::clear);
}

MainWindow::~MainWindow() = default;

ImageView* MainWindow::imageView() const
{
    return m_ui->imageView;
}

void MainWindow::showImage(const FloatImage& image, const QString& title, const QString& description, int section,
                           int sectionCount)
{
    m_ui->imageView->setImage(image);
    setWindowTitle(tr("%1 — CryoSR").arg(title));
    m_description->setText(description);
    const QSignalBlocker blocker(m_section); // showing a section must not request it again
    m_section->setRange(0, std::max(0, sectionCount - 1));
    m_section->setValue(section);
    m_section->setEnabled(sectionCount > 1);
    m_sectionCount->setText(tr(" of %1").arg(sectionCount));
}

void MainWindow::showError(const QString& title, const QString& message)
{
    QMessageBox box(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box.setObjectName("errorMessageBox");
    box.exec();
}

void MainWindow::chooseFile()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Open micrograph"), QString(),
                                                      tr("Micrographs (*.mrc *.mrcs *.map *.st *.ali *.rec *.tif *.tiff);;"
                                                         "All files (*)"));
    if (!file.isEmpty())
        Q_EMIT openRequested(file);
}

void MainWindow::showPixel(const QPoint& pixel, float value)
{
    QString text = tr("x %1  y %2  value %3").arg(pixel.x()).arg(pixel.y()).arg(double(value), 0, 'g', 6);
    if (m_pixelSize > 0)
        text += tr("  (%1, %2 Å)").arg(pixel.x() * m_pixelSize, 0, 'f', 1).arg(pixel.y() * m_pixelSize, 0, 'f', 1);
    m_pixel->setText(text);
}
