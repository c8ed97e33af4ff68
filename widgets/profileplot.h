#pragma once
// A line plot of a profile against spatial frequency, e.g. a power spectrum's rotational average.

#include <QWidget>
#include <vector>

/// `font`, made smaller where needed (down to 6 pt) so that `text` fits in `width` pixels: an axis
/// label longer in another language ("log₁₀ Leistung") than the axis.
QFont fittedFont(const QFont& font, const QString& text, double width);

/**
 * Plots log10(y) against x, with ticks on both axes and, under the mouse, the frequency and the
 * resolution it corresponds to (1 / x). Non-positive y values are left out.
 */
class ProfilePlot : public QWidget {
    Q_OBJECT
public:
    explicit ProfilePlot(QWidget* parent = nullptr);

    /// `unit` names x's unit, e.g. "1/Å" or "1/px".
    void setProfile(std::vector<double> x, std::vector<double> y, const QString& unit);
    const std::vector<double>& xValues() const { return m_x; }
    const std::vector<double>& yValues() const { return m_y; }
    QString unit() const { return m_unit; }
    QSize sizeHint() const override { return {600, 200}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    QRectF plotArea() const;

    std::vector<double> m_x, m_y;
    QString m_unit;
    double m_hoverX = -1.0;
};
