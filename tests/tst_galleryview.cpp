// The gallery of a stack's sections: thumbnails numbered in order, one contrast for all or each its
// own, an adjustable size, and a click that chooses a section.

#include "galleryview.h"

#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>
#include <random>

namespace {

/// Section s: noise around 100 s (so one contrast for all shows them darker to brighter).
QList<FloatImage> sections(int count, QSize size)
{
    QList<FloatImage> out;
    std::mt19937 random(1);
    std::normal_distribution<float> noise(0.0f, 5.0f);
    for (int s = 0; s < count; ++s) {
        std::vector<float> values(std::size_t(size.width() * size.height()));
        for (float& v : values)
            v = 100.0f * s + noise(random);
        out << FloatImage::fromValues(size, values);
    }
    return out;
}

double meanGrey(const QImage& image)
{
    double sum = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            sum += qGray(image.pixel(x, y));
    return sum / (image.width() * image.height());
}

} // namespace

class TestGalleryView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void oneContrastForAllComparesTheSections();
    void sizeAndChoice();
};

void TestGalleryView::oneContrastForAllComparesTheSections()
{
    GalleryView gallery;
    gallery.setSections(sections(3, {64, 64}), 3);
    QCOMPARE(gallery.count(), 3);
    QCOMPARE(gallery.contrast(), GalleryView::Contrast::PerSection);
    for (int i = 0; i < 3; ++i) // each stretched on its own: alike
        QVERIFY2(std::abs(meanGrey(gallery.thumbnail(i)) - 128) < 20,
                 qPrintable(QString::number(meanGrey(gallery.thumbnail(i)))));
    gallery.setContrast(GalleryView::Contrast::Global);
    QVERIFY(meanGrey(gallery.thumbnail(0)) < 40);
    QVERIFY(meanGrey(gallery.thumbnail(1)) > 100 && meanGrey(gallery.thumbnail(1)) < 155);
    QVERIFY(meanGrey(gallery.thumbnail(2)) > 215);
}

void TestGalleryView::sizeAndChoice()
{
    GalleryView gallery;
    gallery.resize(600, 400);
    gallery.show();
    QVERIFY(QTest::qWaitForWindowExposed(&gallery));
    gallery.setSections(sections(12, {40, 30}), 242); // the first 12 of a long stack
    QVERIFY(gallery.findChild<QLabel*>("galleryMessage")->text().contains("12 of 242"));
    gallery.setThumbnailSize(128);
    QCOMPARE(gallery.thumbnail(0).width(), 128); // small particles are enlarged to the size chosen
    QCOMPARE(gallery.findChild<QListWidget*>("galleryList")->iconSize(), QSize(128, 128));
    QSignalSpy chosen(&gallery, &GalleryView::sectionChosen);
    auto* list = gallery.findChild<QListWidget*>("galleryList");
    list->scrollToItem(list->item(5));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(5)).center());
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen[0][0].toInt(), 5);
    QCOMPARE(list->item(5)->text(), QString("5"));
}

QTEST_MAIN(TestGalleryView)
#include "tst_galleryview.moc"
