#pragma once
// A line plot of a profile against spatial frequency, e.g. a power spectrum's rotational average.

#include <QWidget>
#include <functional>
#include <vector>

/// `font`, made smaller where needed (down to 6 pt) so that `text` fits in `width` pixels: an axis
/// label longer in another language ("log₁₀ Leistung") than the axis.
QFont fittedFont(const QFont& font, const QString& text, double width);

/**
 * Plots log10(y) (or y itself) against x, with ticks on both axes and, under the mouse, the frequency
 * and the resolution it corresponds to (1 / x). On a log scale non-positive y values are left out. A
 * fitted curve may be drawn over it, e.g. CTF² over the Thon rings, up to where the fit holds.
 */
class ProfilePlot : public QWidget {
    Q_OBJECT
public:
    explicit ProfilePlot(QWidget* parent = nullptr);

    enum class Scale { Log10, Linear };
    /// `unit` names x's unit, e.g. "1/Å" or "1/px"; `yLabel` the y axis (default "log₁₀ power"). The
    /// fit is removed.
    void setProfile(std::vector<double> x, std::vector<double> y, const QString& unit, Scale scale = Scale::Log10,
                    const QString& yLabel = {});
    /// A fitted curve at the profile's x values, 0 … 1, drawn over the middle of the profile's range from
    /// x = 0 to `limit`, where a line marks the limit.
    void setFit(std::vector<double> fit, double limit);
    const std::vector<double>& xValues() const { return m_x; }
    const std::vector<double>& yValues() const { return m_y; }
    const std::vector<double>& fitValues() const { return m_fit; }
    double fitLimit() const { return m_fitLimit; }
    QString unit() const { return m_unit; }
    QString yLabel() const;
    QSize sizeHint() const override { return {600, 200}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    QRectF plotArea() const;
    /// The fit in plot coordinates (`map`: data → widget) over [y0 + 15 %, y1 − 15 %], and its limit.
    void drawFit(QPainter& painter, const QRectF& area, const std::function<QPointF(QPointF)>& map, double y0, double y1) const;

    std::vector<double> m_x, m_y, m_fit;
    double m_fitLimit = 0.0;
    QString m_unit, m_yLabel;
    Scale m_scale = Scale::Log10;
    double m_hoverX = -1.0;
};
