#pragma once
// A stack's sections side by side (particle stacks, class averages, tilt series), as in RELION's
// display: thumbnails of adjustable size, each with its own contrast or all with one, numbered;
// choosing one shows it alone on the Image page.

#include "contrast.h"
#include "floatimage.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QSlider;

class GalleryView : public QWidget {
    Q_OBJECT
public:
    enum class Contrast { PerSection, Global };

    explicit GalleryView(QWidget* parent = nullptr);

    /// The sections to show, numbered from `first` (a long stack shows a part of it); `total` of the stack.
    void setSections(const QList<FloatImage>& sections, int total);
    void setThumbnailSize(int pixels);
    int thumbnailSize() const;
    void setContrast(Contrast contrast);
    Contrast contrast() const;
    int count() const;
    /// The thumbnail of section `index` as shown, for tests.
    QImage thumbnail(int index) const;
    /// Says what is under way or why nothing shows ("Reading 242 sections…").
    void setMessage(const QString& text);

Q_SIGNALS:
    void sectionChosen(int section);

private:
    void render();

    QList<FloatImage> m_sections;
    QList<ContrastLimits> m_ownLimits; // each section's 0.5-99.5 % window
    QList<QImage> m_thumbnails;
    QSlider* m_size;
    QComboBox* m_contrast;
    QLabel* m_message;
    QListWidget* m_list;
};
