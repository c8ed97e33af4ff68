#include "micrographcontroller.h"

#include "mainwindow.h"

#include "io/errors.h"
#include "io/imagereader.h"

#include <QCoreApplication>
#include <QFileInfo>

MicrographController::MicrographController(MainWindow* window, QObject* parent)
    : QObject(parent)
    , m_window(window)
{
    connect(window, &MainWindow::openRequested, this, &MicrographController::openFile);
    connect(window, &MainWindow::sectionRequested, this, &MicrographController::showSection);
}

MicrographController::~MicrographController() = default;

bool MicrographController::openFile(const QString& file)
{
    try {
        auto reader = cryosr::openImageFile(file.toStdString());
        m_reader = std::move(reader);
        m_file = file;
    } catch (const cryosr::Error& e) {
        return fail(file, QString::fromStdString(e.what()));
    } catch (const std::bad_alloc&) {
        return fail(file, tr("%1: not enough memory to open it").arg(file));
    }
    const auto& px = m_reader->info().pixelSize.x;
    m_window->setPixelSize(px ? *px : 0.0);
    return showSection(0);
}

bool MicrographController::showSection(int section)
{
    if (!m_reader)
        return false;
    const cryosr::FileInfo& info = m_reader->info();
    try {
        const cryosr::Image image = m_reader->readSection(section);
        FloatImage view;
        view.size = QSize(image.width(), image.height());
        view.samples = QList<float>(image.data(), image.data() + image.pixelCount());
        const QString pixelSize = info.pixelSize.x ? tr("%1 Å/px").arg(*info.pixelSize.x, 0, 'g', 4) : tr("pixel size unknown");
        const QString description = tr("%1 × %2 × %3  %4  %5")
                                        .arg(info.width)
                                        .arg(info.height)
                                        .arg(info.sections)
                                        .arg(QString::fromLatin1(cryosr::sampleTypeName(info.sampleType)))
                                        .arg(pixelSize);
        m_window->showImage(view, QFileInfo(m_file).fileName(), description, section, info.sections);
    } catch (const cryosr::Error& e) {
        return fail(m_file, QString::fromStdString(e.what()));
    } catch (const std::bad_alloc&) {
        return fail(m_file, tr("%1: not enough memory to show section %2").arg(m_file).arg(section));
    }
    m_lastError.clear();
    return true;
}

bool MicrographController::fail(const QString& file, const QString& message)
{
    m_lastError = message;
    if (m_interactive)
        m_window->showError(tr("Cannot open %1").arg(QFileInfo(file).fileName()), message);
    return false;
}

QString bundledSampleMicrograph()
{
    const QString dir = QCoreApplication::applicationDirPath();
    for (const QString& candidate : {dir + "/../../resources/sample_micrograph.mrc",   // build tree
                                     dir + "/../share/cryosr/sample_micrograph.mrc"}) // installed
        if (QFileInfo::exists(candidate))
            return QFileInfo(candidate).canonicalFilePath();
    return {};
}
