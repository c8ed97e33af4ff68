// The micrograph view's texture pyramid without OpenGL: levels for a zoom, the tiles a view needs, their
// texels, the coarser tile shown while one loads, and the budget that bounds the textures kept.

#include "tilepyramid.h"

#include <QTest>
#include <set>

Q_DECLARE_METATYPE(QSize)

class TestTilePyramid : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void coarsestLevelFitsTheLimit_data();
    void coarsestLevelFitsTheLimit();
    void levelForAZoomHasAtLeastTheScreensPixels_data();
    void levelForAZoomHasAtLeastTheScreensPixels();
    void tilesCoverTheImageOnce();
    void tilesInViewAreTheOnesTouchingIt();
    void edgeTilesCountPartialBlocks();
    void coverIsTheCoarserResidentTile();
    void budgetEvictsTheLeastRecentlyUsedButNeverTheCoarsestOrTheNeeded();
    void aViewOfAK3FrameNeedsFewTextures();
};

void TestTilePyramid::coarsestLevelFitsTheLimit_data()
{
    QTest::addColumn<QSize>("image");
    QTest::addColumn<int>("level");
    QTest::newRow("small") << QSize(512, 300) << 0;
    QTest::newRow("at the limit") << QSize(2048, 2048) << 0;
    QTest::newRow("one beyond") << QSize(2049, 100) << 1;
    QTest::newRow("K3 super-resolution") << QSize(11520, 8184) << 3; // 1440 x 1023
    QTest::newRow("tall") << QSize(100, 40000) << 5; // 4 x 1250
}

void TestTilePyramid::coarsestLevelFitsTheLimit()
{
    QFETCH(QSize, image);
    QFETCH(int, level);
    const TilePyramid pyramid(image, 512, 2048, 0);
    QCOMPARE(pyramid.coarsestLevel(), level);
}

void TestTilePyramid::levelForAZoomHasAtLeastTheScreensPixels_data()
{
    QTest::addColumn<double>("scale");
    QTest::addColumn<int>("level");
    QTest::newRow("zoomed in") << 4.0 << 0;
    QTest::newRow("1:1") << 1.0 << 0;
    QTest::newRow("just below 1:1") << 0.99 << 0;
    QTest::newRow("1:2") << 0.5 << 1;
    QTest::newRow("1:3") << 1.0 / 3 << 1;
    QTest::newRow("1:4") << 0.25 << 2;
    QTest::newRow("fitted K3 in 800 rows") << 800.0 / 8184 << 3; // 1:10.2, the coarsest
    QTest::newRow("far out") << 0.001 << 3;
}

void TestTilePyramid::levelForAZoomHasAtLeastTheScreensPixels()
{
    QFETCH(double, scale);
    QFETCH(int, level);
    const TilePyramid pyramid(QSize(11520, 8184), 512, 2048, 0);
    QCOMPARE(pyramid.levelFor(scale), level);
    // texels per screen pixel in [1, 2) wherever the level is not clamped
    const double texelsPerScreenPixel = 1.0 / (scale * (1 << level));
    if (level > 0 && level < pyramid.coarsestLevel())
        QVERIFY(texelsPerScreenPixel >= 1.0 && texelsPerScreenPixel < 2.0);
}

void TestTilePyramid::tilesCoverTheImageOnce()
{
    const QSize image(5000, 3001);
    const TilePyramid pyramid(image, 512, 2048, 0);
    for (int level = 0; level <= pyramid.coarsestLevel(); ++level) {
        qint64 area = 0;
        QRect united;
        for (const TileKey& key : pyramid.tilesOf(level)) {
            const QRect rect = pyramid.imageRect(key);
            area += qint64(rect.width()) * rect.height();
            united = united.united(rect);
        }
        QCOMPARE(united, QRect(QPoint(0, 0), image));
        QCOMPARE(area, qint64(image.width()) * image.height()); // no overlap
    }
    QCOMPARE(int(pyramid.tilesOf(0).size()), 10 * 6);
    QCOMPARE(int(pyramid.tilesOf(2).size()), 3 * 2); // 1250 x 751 texels
}

void TestTilePyramid::tilesInViewAreTheOnesTouchingIt()
{
    const TilePyramid pyramid(QSize(8192, 8192), 512, 2048, 0);
    // 1:1, a 1280 x 800 view from (1000, 2000): columns 1-4, rows 3-5
    const std::vector<TileKey> keys = pyramid.tilesIn(QRectF(1000, 2000, 1280, 800), 0);
    std::set<std::pair<int, int>> cells;
    for (const TileKey& key : keys) {
        QCOMPARE(key.level, 0);
        cells.insert({key.column, key.row});
    }
    QCOMPARE(int(keys.size()), 4 * 3);
    QVERIFY(cells.count({1, 3}) && cells.count({4, 5}));
    // nearest the view's centre (1640, 2400) first: the tile from (1536, 2048)
    QCOMPARE(keys.front().column, 3);
    QCOMPARE(keys.front().row, 4);
    // a view ending exactly at a tile border does not need the next tile; one beyond the image needs none
    QCOMPARE(int(pyramid.tilesIn(QRectF(0, 0, 512, 512), 0).size()), 1);
    QVERIFY(pyramid.tilesIn(QRectF(9000, 0, 100, 100), 0).empty());
    // level 1 tiles span 1024 image pixels
    QCOMPARE(int(pyramid.tilesIn(QRectF(1024, 2048, 2048, 1024), 1).size()), 2 * 1);
}

void TestTilePyramid::edgeTilesCountPartialBlocks()
{
    const TilePyramid pyramid(QSize(5000, 3001), 512, 2048, 0);
    // level 2 (tiles of 2048 pixels): the last column spans image x 4096-4999, the last row y 2048-3000
    const TileKey corner{2, 2, 1};
    QCOMPARE(pyramid.imageRect(corner), QRect(4096, 2048, 904, 953));
    QCOMPARE(pyramid.textureSize(corner), QSize(226, 239)); // 904 / 4, and ceil(953 / 4): a partial block
    QCOMPARE(pyramid.textureSize({2, 0, 0}), QSize(512, 512));
    QCOMPARE(pyramid.textureSize({0, 9, 5}), QSize(5000 - 9 * 512, 3001 - 5 * 512));
}

void TestTilePyramid::coverIsTheCoarserResidentTile()
{
    TilePyramid pyramid(QSize(11520, 8184), 512, 2048, 0);
    const TileKey fine{0, 9, 7}; // image (4608, 3584)
    QCOMPARE(pyramid.residentCover(fine), (TileKey{3, 1, 0})); // nothing loaded: the coarsest level's tile
    pyramid.insert({1, 4, 3}, 11, 1);
    QCOMPARE(pyramid.residentCover(fine), (TileKey{1, 4, 3}));
    QVERIFY(pyramid.imageRect({1, 4, 3}).contains(pyramid.imageRect(fine)));
    pyramid.insert(fine, 12, 1);
    QCOMPARE(pyramid.residentCover(fine), fine);
}

void TestTilePyramid::budgetEvictsTheLeastRecentlyUsedButNeverTheCoarsestOrTheNeeded()
{
    TilePyramid pyramid(QSize(11520, 8184), 512, 2048, 100);
    pyramid.insert({3, 0, 0}, 1, 60); // the coarsest level: never evicted
    pyramid.insert({0, 0, 0}, 2, 30);
    QVERIFY(pyramid.evictable().empty()); // 90 bytes: within the budget
    pyramid.insert({0, 1, 0}, 3, 30);
    QVERIFY(pyramid.evictable().empty()); // 120, but loaded for the frame being drawn
    pyramid.markUsed({{0, 0, 0}, {0, 1, 0}});
    QVERIFY(pyramid.evictable().empty()); // both in view
    pyramid.markUsed({{0, 1, 0}});
    QCOMPARE(pyramid.evictable(), std::vector<unsigned>{2}); // (0, 0) left the view
    QCOMPARE(pyramid.residentBytes(), 90);
    QVERIFY(!pyramid.isResident({0, 0, 0}));
    pyramid.insert({0, 2, 0}, 4, 20); // 110
    pyramid.markUsed({{0, 2, 0}});
    pyramid.markUsed({});
    // neither is in view now; the one shown longest ago goes, and that is enough
    QCOMPARE(pyramid.evictable(), std::vector<unsigned>{3});
    QVERIFY(pyramid.isResident({0, 2, 0}) && pyramid.isResident({3, 0, 0}));
    QCOMPARE(pyramid.takeAll().size(), std::size_t(2));
    QCOMPARE(pyramid.residentBytes(), 0);
}

void TestTilePyramid::aViewOfAK3FrameNeedsFewTextures()
{
    // Any zoom of a 1280 x 800 view needs at most (2 × 1280 + 2 tiles) × (2 × 800 + 2 tiles) texels
    // (≤ 25 MB of half floats with mips, within the view's 32 MiB budget), not the frame's 94 M.
    const TilePyramid pyramid(QSize(11520, 8184), 512, 2048, 0);
    for (double scale = 8.0; scale > 0.05; scale *= 0.8) {
        const QRectF visible(3000.3, 2000.7, 1280 / scale, 800 / scale);
        qint64 texels = 0;
        for (const TileKey& key : pyramid.tilesIn(visible, pyramid.levelFor(scale))) {
            const QSize size = pyramid.textureSize(key);
            texels += qint64(size.width()) * size.height();
        }
        QVERIFY2(texels <= qint64(2 * 1280 + 2 * 512) * (2 * 800 + 2 * 512),
                 qPrintable(QString("scale %1: %2 texels").arg(scale).arg(texels)));
    }
}

QTEST_GUILESS_MAIN(TestTilePyramid)
#include "tst_tilepyramid.moc"
