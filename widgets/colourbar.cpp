#include "colourbar.h"

#include <QPainter>

namespace {

QString valueText(double value)
{
    return QString::number(value, 'g', 3);
}

} // namespace

ColourBar::ColourBar(QWidget* parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void ColourBar::setScale(Colormap map, double low, double high, const QString& title)
{
    m_map = map;
    m_low = low;
    m_high = high;
    m_title = title;
    setToolTip(tr("%1: %2 to %3").arg(title, valueText(low), valueText(high)));
    update();
}

QSize ColourBar::sizeHint() const
{
    return {300, fontMetrics().height() + 16};
}

void ColourBar::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const QFontMetrics metrics = fontMetrics();
    const QString lowText = valueText(m_low), highText = valueText(m_high);
    // Title, then the low value, the bar, the high value, on one line.
    const int titleWidth = metrics.horizontalAdvance(m_title) + 10;
    const QRect bar(
        titleWidth + metrics.horizontalAdvance(lowText) + 6, 4,
        std::max(20, width() - titleWidth - metrics.horizontalAdvance(lowText) - metrics.horizontalAdvance(highText) - 12),
        height() - 8);
    painter.setPen(palette().windowText().color());
    const int baseline = (height() + metrics.ascent() - metrics.descent()) / 2;
    painter.drawText(0, baseline, m_title);
    painter.drawText(bar.left() - 4 - metrics.horizontalAdvance(lowText), baseline, lowText);
    painter.drawText(bar.right() + 6, baseline, highText);
    for (int x = 0; x < bar.width(); ++x) {
        const auto c = colormapEntry(m_map, x / double(std::max(1, bar.width() - 1)));
        painter.setPen(QColor(c[0], c[1], c[2]));
        painter.drawLine(bar.left() + x, bar.top(), bar.left() + x, bar.bottom());
    }
    if (m_low < 0 && m_high > 0) { // where zero is
        const int zero = bar.left() + int((0 - m_low) / (m_high - m_low) * bar.width());
        painter.setPen(palette().windowText().color());
        painter.drawLine(zero, bar.bottom(), zero, bar.bottom() + 3);
    }
    painter.setPen(palette().mid().color());
    painter.drawRect(bar.adjusted(0, 0, -1, -1));
}
