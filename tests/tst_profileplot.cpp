// The spectrum's rotational-average plot: its axis labels fit their axes in any language, and a fitted
// curve (CTF² over the Thon rings) is drawn up to its limit and goes with the profile it was fitted to.

#include "profileplot.h"

#include <QFontMetricsF>
#include <QImage>
#include <QTest>
#include <array>
#include <cmath>

namespace {

/// Pixels of the fit's orange in the plot as shown, per column band: [0] left of `split`, [1] right.
std::array<int, 2> orangePixels(ProfilePlot& plot, double split)
{
    const QImage image = plot.grab().toImage();
    std::array<int, 2> count{0, 0};
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.red() > 180 && c.green() > 70 && c.green() < 170 && c.blue() < 90)
                ++count[x >= split];
        }
    return count;
}

} // namespace

class TestProfilePlot : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void axisLabelsFitTheirAxis_data();
    void axisLabelsFitTheirAxis();
    void fitIsDrawnToItsLimitAndGoesWithItsProfile();
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

void TestProfilePlot::fitIsDrawnToItsLimitAndGoesWithItsProfile()
{
    // Thon rings less their background (signed, linear) and CTF² of the same frequencies.
    std::vector<double> x, rings, ctf2;
    for (int i = 0; i < 256; ++i) {
        x.push_back(i / 512.0);
        const double s2 = std::sin(4000 * x.back() * x.back());
        rings.push_back(0.3 * s2 * s2 - 0.15);
        ctf2.push_back(s2 * s2);
    }
    ProfilePlot plot;
    plot.resize(600, 200);
    plot.setProfile(x, rings, "1/Å", ProfilePlot::Scale::Linear, "log₁₀ relative power");
    QCOMPARE(plot.yLabel(), QString("log₁₀ relative power"));
    QCOMPARE(int(plot.yValues().size()), 256); // negative values are kept on a linear scale
    QCOMPARE(orangePixels(plot, 0)[1], 0);

    plot.setFit(ctf2, 0.25); // to 4 Å, half-way along the axis
    QCOMPARE(plot.fitValues(), ctf2);
    QCOMPARE(plot.fitLimit(), 0.25);
    // The limit is half-way along the plot area (56 px in, 70 px narrower than the plot); the curve ends
    // there and the label "fit to 4.0 Å" follows it: past three quarters nothing is orange.
    const std::array<int, 2> drawn = orangePixels(plot, 56 + 0.75 * (plot.width() - 70));
    QVERIFY2(drawn[0] > 200, qPrintable(QString::number(drawn[0]))); // the curve, the limit's line, its label
    QVERIFY2(drawn[1] == 0, qPrintable(QString::number(drawn[1])));

    plot.setProfile(x, rings, "1/Å"); // another spectrum: the fit was of the one before
    QVERIFY(plot.fitValues().empty());
    QCOMPARE(plot.fitLimit(), 0.0);
    QCOMPARE(plot.yLabel(), QString("log₁₀ power"));
    QCOMPARE(orangePixels(plot, 0)[1], 0);
}

QTEST_MAIN(TestProfilePlot)
#include "tst_profileplot.moc"
