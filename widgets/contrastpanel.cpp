#include "contrastpanel.h"

#include "histogramwidget.h"
#include "spinboxes.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>

namespace {

} // namespace

ContrastPanel::ContrastPanel(QWidget* parent)
    : QWidget(parent)
{
    m_mode = new QComboBox(this);
    m_mode->setObjectName("contrastMode");
    m_mode->addItems({tr("Percentiles"), tr("Mean ± kσ"), tr("Manual")});

    m_lowPercent = realSpinBox("lowPercent", 0.0, 50.0, 0.5, 2, 0.1);
    m_highPercent = realSpinBox("highPercent", 50.0, 100.0, 99.5, 2, 0.1);
    m_sigmas = realSpinBox("sigmas", 0.1, 50.0, 3.0, 1, 0.5);
    auto* percentiles = new QWidget;
    auto* percentileRow = new QHBoxLayout(percentiles);
    percentileRow->setContentsMargins(0, 0, 0, 0);
    percentileRow->addWidget(m_lowPercent);
    percentileRow->addWidget(new QLabel(tr("to")));
    percentileRow->addWidget(m_highPercent);
    percentileRow->addWidget(new QLabel(tr("%")));
    auto* sigmas = new QWidget;
    auto* sigmaRow = new QHBoxLayout(sigmas);
    sigmaRow->setContentsMargins(0, 0, 0, 0);
    sigmaRow->addWidget(new QLabel(tr("k")));
    sigmaRow->addWidget(m_sigmas);
    m_parameters = new QStackedWidget(this);
    m_parameters->addWidget(percentiles);
    m_parameters->addWidget(sigmas);
    m_parameters->addWidget(new QWidget);

    constexpr double big = std::numeric_limits<float>::max();
    m_low = realSpinBox("lowLimit", -big, big, 0.0, 4, 1.0);
    m_high = realSpinBox("highLimit", -big, big, 1.0, 4, 1.0);
    m_histogram = new HistogramWidget(this);
    m_histogram->setObjectName("histogram");
    m_colormap = new QComboBox(this);
    m_colormap->setObjectName("colormap");
    m_colormap->addItems({tr("Grey"), tr("Inverted grey"), tr("Cubehelix")});

    auto* form = new QFormLayout;
    form->addRow(tr("Automatic"), m_mode);
    form->addRow(QString(), m_parameters);
    form->addRow(tr("Black at"), m_low);
    form->addRow(tr("White at"), m_high);
    form->addRow(tr("Colours"), m_colormap);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_histogram, 1);
    layout->addLayout(form);

    connect(m_mode, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_parameters->setCurrentIndex(index);
        applyMode();
    });
    for (QDoubleSpinBox* box : {m_lowPercent, m_highPercent, m_sigmas})
        connect(box, &QDoubleSpinBox::valueChanged, this, &ContrastPanel::applyMode);
    auto typed = [this] { setLimits({float(m_low->value()), float(m_high->value())}); };
    connect(m_low, &QDoubleSpinBox::editingFinished, this, typed);
    connect(m_high, &QDoubleSpinBox::editingFinished, this, typed);
    connect(m_histogram, &HistogramWidget::limitsEdited, this, &ContrastPanel::setLimits);
    connect(m_colormap, &QComboBox::currentIndexChanged, this, [this] { Q_EMIT colormapChanged(colormap()); });
}

void ContrastPanel::setImage(const FloatImage& image)
{
    m_image = image;
    const ContrastLimits range = histogramRange(image);
    m_histogram->setHistogram(histogram(image, range.low, range.high));
    if (mode() == ContrastMode::Manual)
        show(m_limits);
    else
        applyMode();
}

ContrastMode ContrastPanel::mode() const
{
    return static_cast<ContrastMode>(m_mode->currentIndex());
}

void ContrastPanel::setMode(ContrastMode mode)
{
    m_mode->setCurrentIndex(static_cast<int>(mode));
}

Colormap ContrastPanel::colormap() const
{
    return static_cast<Colormap>(m_colormap->currentIndex());
}

void ContrastPanel::applyMode()
{
    if (m_image.isNull() || mode() == ContrastMode::Manual)
        return;
    show(mode() == ContrastMode::Percentiles ? percentileLimits(m_image, m_lowPercent->value(), m_highPercent->value())
                                             : meanSigmaLimits(m_image, m_sigmas->value()));
}

void ContrastPanel::setLimits(const ContrastLimits& limits)
{
    if (!(limits.high > limits.low))
        return;
    const QSignalBlocker blocker(m_mode); // the limits are set; do not recompute them
    m_mode->setCurrentIndex(static_cast<int>(ContrastMode::Manual));
    m_parameters->setCurrentIndex(static_cast<int>(ContrastMode::Manual));
    show(limits);
}

void ContrastPanel::show(const ContrastLimits& limits)
{
    m_limits = limits;
    const QSignalBlocker lowBlocker(m_low), highBlocker(m_high);
    // Enough decimals for the window's width, whatever the data's units.
    const int decimals = std::clamp(3 - int(std::floor(std::log10(double(limits.high) - limits.low))), 0, 8);
    m_low->setDecimals(decimals);
    m_high->setDecimals(decimals);
    m_low->setValue(limits.low);
    m_high->setValue(limits.high);
    m_histogram->setLimits(limits);
    Q_EMIT contrastChanged(limits);
}
