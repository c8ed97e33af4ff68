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
    void theControlsDriveTheView();
    void theMessageCountsTheSections();
    void newSectionsReplaceTheOld();
    void sectionsKeepTheirAspect();
    void largeSectionsAreShrunkToTheSize();
    void aConstantSectionIsMidGrey();
    void returnChoosesTheCurrentSection();
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

void TestGalleryView::theControlsDriveTheView()
{
    // The slider and the combo box a person uses, not only the programmatic setters.
    GalleryView gallery;
    gallery.setSections(sections(3, {64, 64}), 3);
    auto* size = gallery.findChild<QSlider*>("thumbnailSize");
    auto* contrast = gallery.findChild<QComboBox*>("galleryContrast");
    size->setValue(48);
    QCOMPARE(gallery.thumbnailSize(), 48);
    QCOMPARE(gallery.thumbnail(0).width(), 48);
    QCOMPARE(gallery.findChild<QListWidget*>("galleryList")->iconSize(), QSize(48, 48));
    const double ownGrey = meanGrey(gallery.thumbnail(2));
    contrast->setCurrentIndex(1);
    QCOMPARE(gallery.contrast(), GalleryView::Contrast::Global);
    QVERIFY2(meanGrey(gallery.thumbnail(2)) > ownGrey + 60, qPrintable(QString::number(meanGrey(gallery.thumbnail(2)))));
    QCOMPARE(gallery.count(), 3); // re-rendered, not added to
    QCOMPARE(gallery.thumbnail(0).width(), 48); // the size stays
}

void TestGalleryView::theMessageCountsTheSections()
{
    GalleryView gallery;
    const auto message = [&] { return gallery.findChild<QLabel*>("galleryMessage")->text(); };
    gallery.setSections(sections(3, {8, 8}), 3);
    QVERIFY2(message().startsWith("3 section"), qPrintable(message()));
    QVERIFY(!message().contains(" of "));
    gallery.setMessage("Reading 242 sections…"); // a long stack on its way
    QCOMPARE(message(), QString("Reading 242 sections…"));
    gallery.setSections({}, 0);
    QCOMPARE(gallery.count(), 0);
    QVERIFY2(message().startsWith("0 section"), qPrintable(message()));
}

void TestGalleryView::newSectionsReplaceTheOld()
{
    GalleryView gallery;
    gallery.setSections(sections(5, {16, 16}), 5);
    gallery.setSections(sections(2, {16, 16}), 2);
    QCOMPARE(gallery.count(), 2);
    QVERIFY(gallery.thumbnail(2).isNull());
    auto* list = gallery.findChild<QListWidget*>("galleryList");
    QCOMPARE(list->item(1)->text(), QString("1"));
    QVERIFY2(list->item(1)->toolTip().startsWith("Section 1:"), qPrintable(list->item(1)->toolTip()));
}

void TestGalleryView::sectionsKeepTheirAspect()
{
    GalleryView gallery;
    gallery.setThumbnailSize(128);
    gallery.setSections(sections(1, {40, 20}), 1); // a wide section, enlarged
    QCOMPARE(gallery.thumbnail(0).size(), QSize(128, 64));
    gallery.setSections(sections(1, {20, 40}), 1); // a tall one
    QCOMPARE(gallery.thumbnail(0).size(), QSize(64, 128));
}

void TestGalleryView::largeSectionsAreShrunkToTheSize()
{
    GalleryView gallery;
    gallery.setThumbnailSize(64);
    gallery.setSections(sections(2, {512, 256}), 2);
    QCOMPARE(gallery.thumbnail(0).size(), QSize(64, 32));
    gallery.setThumbnailSize(256);
    QCOMPARE(gallery.thumbnail(1).size(), QSize(256, 128));
}

void TestGalleryView::aConstantSectionIsMidGrey()
{
    // A blank section (padding in a stack) has no range of its own: it must not come out black or
    // white, nor spoil the other sections' shared window.
    GalleryView gallery;
    QList<FloatImage> stack = sections(2, {32, 32});
    stack << FloatImage::fromValues({32, 32}, std::vector<float>(32 * 32, 50.0f));
    gallery.setSections(stack, 3);
    const double blank = meanGrey(gallery.thumbnail(2));
    QVERIFY2(blank > 100 && blank < 155, qPrintable(QString::number(blank)));
    gallery.setContrast(GalleryView::Contrast::Global);
    QVERIFY(meanGrey(gallery.thumbnail(0)) < 40);
    QVERIFY(meanGrey(gallery.thumbnail(1)) > 215);
}

void TestGalleryView::returnChoosesTheCurrentSection()
{
    GalleryView gallery;
    gallery.resize(600, 400);
    gallery.show();
    QVERIFY(QTest::qWaitForWindowExposed(&gallery));
    gallery.setSections(sections(6, {32, 32}), 6);
    auto* list = gallery.findChild<QListWidget*>("galleryList");
    list->setFocus();
    list->setCurrentRow(0);
    QSignalSpy chosen(&gallery, &GalleryView::sectionChosen);
    QTest::keyClick(list, Qt::Key_Right);
    QTest::keyClick(list, Qt::Key_Right);
    QCOMPARE(list->currentRow(), 2);
    QCOMPARE(chosen.count(), 0); // moving along does not open a section
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen[0][0].toInt(), 2);
}

QTEST_MAIN(TestGalleryView)
#include "tst_galleryview.moc"
