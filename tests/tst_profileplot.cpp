// The spectrum's rotational-average plot: its axis labels fit their axes in any language.

#include "profileplot.h"

#include <QFontMetricsF>
#include <QTest>

class TestProfilePlot : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void axisLabelsFitTheirAxis_data();
    void axisLabelsFitTheirAxis();
};

void TestProfilePlot::axisLabelsFitTheirAxis_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<double>("width");
    QTest::newRow("English, room to spare") << QString("log₁₀ power") << 200.0;
    QTest::newRow("German, a short axis") << QString("log₁₀ Leistung") << 70.0;
    QTest::newRow("Japanese, a short axis") << QString("log₁₀ パワー") << 60.0;
}

void TestProfilePlot::axisLabelsFitTheirAxis()
{
    QFETCH(QString, label);
    QFETCH(double, width);
    QFont font;
    font.setPointSizeF(10);
    const QFont fitted = fittedFont(font, label, width);
    QVERIFY(QFontMetricsF(fitted).horizontalAdvance(label) <= width);
    if (QFontMetricsF(font).horizontalAdvance(label) <= width)
        QCOMPARE(fitted, font); // kept as it is where it fits
}

QTEST_MAIN(TestProfilePlot)
#include "tst_profileplot.moc"
