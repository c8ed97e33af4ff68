// IEEE binary16 conversion: exhaustive round trip and the rounding rules at the edges.

#include "io/float16.h"

#include <QTest>
#include <bit>
#include <cmath>
#include <limits>

using namespace cryosr;

class TestFloat16 : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyHalfRoundTrips()
    {
        int nanCount = 0;
        for (std::uint32_t bits = 0; bits <= 0xFFFF; ++bits) {
            const auto half = static_cast<std::uint16_t>(bits);
            const float value = halfToFloat(half);
            if (std::isnan(value)) {
                ++nanCount;
                QVERIFY(std::isnan(halfToFloat(floatToHalf(value))));
                continue;
            }
            QCOMPARE(floatToHalf(value), half);
        }
        QCOMPARE(nanCount, 2 * 1023); // exponent 31 with a non-zero mantissa, both signs
    }

    void knownValues_data()
    {
        QTest::addColumn<float>("value");
        QTest::addColumn<int>("half");
        QTest::newRow("one") << 1.0f << 0x3C00;
        QTest::newRow("minus two") << -2.0f << 0xC000;
        QTest::newRow("largest") << 65504.0f << 0x7BFF;
        QTest::newRow("rounds to largest") << 65519.0f << 0x7BFF;
        QTest::newRow("overflow") << 65520.0f << 0x7C00;
        QTest::newRow("smallest normal") << std::ldexp(1.0f, -14) << 0x0400;
        QTest::newRow("smallest subnormal") << std::ldexp(1.0f, -24) << 0x0001;
        QTest::newRow("half of smallest subnormal ties to zero") << std::ldexp(1.0f, -25) << 0x0000;
        QTest::newRow("just above half rounds up") << std::ldexp(1.0f, -25) * 1.0001f << 0x0001;
        QTest::newRow("tie to even, down") << 1.0f + std::ldexp(1.0f, -11) << 0x3C00;
        QTest::newRow("tie to even, up") << 1.0f + 3 * std::ldexp(1.0f, -11) << 0x3C02;
        QTest::newRow("infinity") << std::numeric_limits<float>::infinity() << 0x7C00;
        QTest::newRow("negative zero") << -0.0f << 0x8000;
    }

    void knownValues()
    {
        QFETCH(float, value);
        QFETCH(int, half);
        QCOMPARE(static_cast<int>(floatToHalf(value)), half);
    }
};

QTEST_APPLESS_MAIN(TestFloat16)
#include "tst_float16.moc"
