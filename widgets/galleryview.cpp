#include "galleryview.h"

#include "contrast.h"
#include "thumbnail.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QSlider>
#include <QVBoxLayout>
#include <algorithm>

GalleryView::GalleryView(QWidget* parent)
    : QWidget(parent)
{
    m_size = new QSlider(Qt::Horizontal);
    m_size->setObjectName("thumbnailSize");
    m_size->setRange(32, 256);
    m_size->setValue(96);
    m_size->setMaximumWidth(200);
    m_contrast = new QComboBox;
    m_contrast->setObjectName("galleryContrast");
    m_contrast->addItems({tr("Each section its own contrast"), tr("One contrast for all")});
    m_contrast->setToolTip(
        tr("One contrast for all compares the sections' values; each its own shows every "
           "section's detail (0.5–99.5 % of its values)."));
    m_message = new QLabel;
    m_message->setObjectName("galleryMessage");
    m_list = new QListWidget;
    m_list->setObjectName("galleryList");
    m_list->setViewMode(QListView::IconMode);
    m_list->setMovement(QListView::Static);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setUniformItemSizes(true);
    m_list->setSpacing(4);
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Size:")));
    controls->addWidget(m_size);
    controls->addWidget(m_contrast);
    controls->addWidget(m_message, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_list, 1);

    connect(m_size, &QSlider::valueChanged, this, &GalleryView::render);
    connect(m_contrast, &QComboBox::currentIndexChanged, this, &GalleryView::render);
    connect(m_list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { Q_EMIT sectionChosen(item->data(Qt::UserRole).toInt()); });
    connect(m_list, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { Q_EMIT sectionChosen(item->data(Qt::UserRole).toInt()); });
}

void GalleryView::setSections(const QList<FloatImage>& sections, int total)
{
    m_sections = sections;
    m_ownLimits.clear(); // measured once: every re-render (size, contrast mode) reuses them
    for (const FloatImage& section : sections)
        m_ownLimits << percentileLimits(section);
    m_message->setText(sections.size() < total ? tr("The first %1 of %2 sections").arg(sections.size()).arg(total)
                                               : tr("%n section(s)", nullptr, int(sections.size())));
    render();
}

void GalleryView::setThumbnailSize(int pixels)
{
    m_size->setValue(pixels);
}

int GalleryView::thumbnailSize() const
{
    return m_size->value();
}

void GalleryView::setContrast(Contrast contrast)
{
    m_contrast->setCurrentIndex(contrast == Contrast::Global ? 1 : 0);
}

GalleryView::Contrast GalleryView::contrast() const
{
    return m_contrast->currentIndex() == 1 ? Contrast::Global : Contrast::PerSection;
}

int GalleryView::count() const
{
    return m_list->count();
}

QImage GalleryView::thumbnail(int index) const
{
    return m_thumbnails.value(index);
}

void GalleryView::setMessage(const QString& text)
{
    m_message->setText(text);
}

void GalleryView::render()
{
    // One window for all: the extremes of the sections' own 0.5-99.5 % windows.
    ContrastLimits global{0.0f, 0.0f};
    for (int i = 0; i < m_ownLimits.size(); ++i) {
        const ContrastLimits& own = m_ownLimits[i];
        global = i == 0 ? own : ContrastLimits{std::min(global.low, own.low), std::max(global.high, own.high)};
    }
    const int side = m_size->value();
    m_list->clear();
    m_thumbnails.clear();
    m_list->setIconSize(QSize(side, side));
    for (int i = 0; i < m_sections.size(); ++i) {
        const ContrastLimits limits = contrast() == Contrast::Global ? global : m_ownLimits[i];
        QImage thumbnail = renderThumbnail(m_sections[i], limits, side);
        if (thumbnail.width() < side && thumbnail.height() < side) // small particles: enlarged, as displays do
            thumbnail = thumbnail.scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        m_thumbnails << thumbnail;
        auto* item = new QListWidgetItem(QIcon(QPixmap::fromImage(m_thumbnails.last())), QString::number(i), m_list);
        item->setData(Qt::UserRole, i);
        item->setToolTip(tr("Section %1: show it alone").arg(i));
    }
}
