#pragma once
// A colour scale for a map shown over or instead of an image: the colormap from low to high with
// their values (and zero, when the scale spans it) and what the values are.

#include "colormaps.h"

#include <QWidget>

class ColourBar : public QWidget {
    Q_OBJECT
public:
    explicit ColourBar(QWidget* parent = nullptr);

    /// `title` says what is mapped and in which units ("Result − baseline (image values)").
    void setScale(Colormap map, double low, double high, const QString& title);
    double low() const { return m_low; }
    double high() const { return m_high; }
    QString title() const { return m_title; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    Colormap m_map = Colormap::Gray;
    double m_low = 0.0;
    double m_high = 1.0;
    QString m_title;
};
