#include "lazyprogressbar.h"

#include <QPainter>
#include <QStyle>
#include <QStyleOptionProgressBar>

LazyProgressBar::LazyProgressBar(QWidget* parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void LazyProgressBar::setProgress(int value, int maximum, const QString& text)
{
    if (value == m_value && maximum == m_maximum && text == m_text)
        return;
    m_value = value;
    m_maximum = maximum;
    m_text = text;
    update();
}

QSize LazyProgressBar::sizeHint() const
{
    QStyleOptionProgressBar option;
    option.initFrom(this);
    return style()->sizeFromContents(QStyle::CT_ProgressBar, &option, QSize(120, fontMetrics().height() + 4), this);
}

void LazyProgressBar::paintEvent(QPaintEvent*)
{
    QStyleOptionProgressBar option;
    option.initFrom(this);
    option.minimum = 0;
    option.maximum = std::max(1, m_maximum);
    option.progress = m_value;
    option.text = m_text;
    option.textVisible = !m_text.isEmpty();
    option.state |= QStyle::State_Horizontal;
    QPainter painter(this);
    style()->drawControl(QStyle::CE_ProgressBar, &option, &painter, this);
}
