#include "upscaleview.h"

#include "colourbar.h"
#include "contrast.h"
#include "micrographview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QProxyStyle>
#include <QSlider>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace {

/// a − b, sample by sample (same size).
FloatImage difference(const FloatImage& a, const FloatImage& b)
{
    std::vector<float> values(std::size_t(a.count()));
    for (qsizetype i = 0; i < a.count(); ++i)
        values[std::size_t(i)] = a.data()[i] - b.data()[i];
    return FloatImage::fromValues(a.size, std::move(values));
}

/// A window symmetric about zero, so no change is mid-grey.
ContrastLimits symmetricLimits(const FloatImage& image)
{
    const ContrastLimits limits = percentileLimits(image, 0.5, 99.5);
    const float extent = std::max({std::abs(limits.low), std::abs(limits.high), 1e-12f});
    return {-extent, extent};
}

/// A click on a slider's groove moves the handle there (styles move it a page towards the click).
class JumpToClick : public QProxyStyle {
public:
    int styleHint(StyleHint hint, const QStyleOption* option, const QWidget* widget, QStyleHintReturn* data) const override
    {
        return hint == SH_Slider_AbsoluteSetButtons ? int(Qt::LeftButton) : QProxyStyle::styleHint(hint, option, widget, data);
    }
};

QSlider* slider(const QString& name, int maximum, int value)
{
    auto* s = new QSlider(Qt::Horizontal);
    auto* style = new JumpToClick; // over the application's style
    style->setParent(s);
    s->setStyle(style);
    s->setObjectName(name);
    s->setRange(0, maximum);
    s->setValue(value);
    return s;
}

} // namespace

UpscaleView::UpscaleView(QWidget* parent)
    : QWidget(parent)
{
    m_resultView = new MicrographView;
    m_resultView->setObjectName("upscaleResultView");
    m_baselineView = new MicrographView;
    m_baselineView->setObjectName("upscaleBaselineView");
    m_baselineView->hide();
    // Side by side, each view says what it shows.
    m_baselineCaption = new QLabel(tr("Baseline: classical upscaling"));
    m_resultCaption = new QLabel(tr("Diffusion"));
    auto* views = new QGridLayout;
    views->setContentsMargins(0, 0, 0, 0);
    views->addWidget(m_baselineCaption, 0, 0);
    views->addWidget(m_resultCaption, 0, 1);
    views->addWidget(m_baselineView, 1, 0);
    views->addWidget(m_resultView, 1, 1);
    views->setRowStretch(1, 1);
    for (QLabel* caption : {m_baselineCaption, m_resultCaption}) {
        caption->setAlignment(Qt::AlignCenter);
        caption->hide();
    }

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildCompareBar());
    // What the colours mean: the difference's signed scale, the uncertainty's.
    m_differenceBar = new ColourBar;
    m_differenceBar->setObjectName("differenceBar");
    m_differenceBar->hide();
    m_uncertaintyBar = new ColourBar;
    m_uncertaintyBar->setObjectName("uncertaintyBar");
    m_uncertaintyBar->hide();
    layout->addWidget(m_differenceBar);
    layout->addWidget(m_uncertaintyBar);
    layout->addLayout(views, 1);
    layout->addWidget(buildTimeline());

    connect(m_resultView, &MicrographView::viewChanged, this, [this] { synchronise(m_resultView, m_baselineView); });
    connect(m_baselineView, &MicrographView::viewChanged, this, [this] { synchronise(m_baselineView, m_resultView); });
    m_player = new QTimer(this);
    connect(m_player, &QTimer::timeout, this, &UpscaleView::advance);
    updateTimeline();
}

QWidget* UpscaleView::buildCompareBar()
{
    auto* bar = new QWidget;
    auto* rows = new QVBoxLayout(bar);
    // The run's title on a line of its own, wrapped: beside the controls it was cut after the file name.
    m_title = new QLabel(tr("Choose a region and press Upscale."));
    m_title->setObjectName("upscaleTitle");
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // long file names must not widen the page
    rows->addWidget(m_title);
    auto* row = new QHBoxLayout;
    rows->addLayout(row);
    m_compare = new QComboBox;
    m_compare->setObjectName("compare");
    m_compare->addItems(
        {tr("Result"), tr("Side by side with the baseline"), tr("Split with the baseline"), tr("Difference from the baseline")});
    m_compare->setToolTip(tr("The baseline is the region upscaled the classical way (Fourier padding or bicubic)."));
    m_split = slider("splitPosition", 1000, 500);
    m_split->setMaximumWidth(160);
    m_split->setToolTip(tr("Where the baseline (left) gives way to the diffusion result (right)."));
    m_split->hide();
    m_uncertainty = new QCheckBox(tr("Uncertainty"));
    m_uncertainty->setObjectName("uncertainty");
    m_uncertainty->setToolTip(
        tr("The per-pixel standard deviation of the samples over the result "
           "(cubehelix: brighter is less certain). Needs two samples or more."));
    m_uncertainty->setEnabled(false);
    m_opacity = slider("uncertaintyOpacity", 100, 60);
    m_opacity->setMaximumWidth(120);
    m_opacity->setEnabled(false);
    m_linkContrast = new QCheckBox(tr("Image's contrast"));
    m_linkContrast->setObjectName("linkContrast");
    m_linkContrast->setChecked(true);
    m_linkContrast->setToolTip(
        tr("Show the baseline, the result and every step with the Image page's contrast "
           "(the Contrast panel), so that what changes is the image, not the stretch."));
    auto* splitLabel = new QLabel(tr("Split:"));
    splitLabel->hide();
    row->addWidget(m_compare);
    row->addWidget(m_linkContrast);
    row->addWidget(splitLabel);
    row->addWidget(m_split);
    row->addWidget(m_uncertainty);
    row->addWidget(new QLabel(tr("Opacity:")));
    row->addWidget(m_opacity);
    row->addStretch(1);

    connect(m_compare, &QComboBox::currentIndexChanged, this, [this, splitLabel] {
        m_split->setVisible(compare() == Compare::Split);
        splitLabel->setVisible(compare() == Compare::Split);
        const bool sideBySide = compare() == Compare::SideBySide;
        for (QWidget* widget : std::initializer_list<QWidget*>{m_baselineView, m_baselineCaption, m_resultCaption})
            widget->setVisible(sideBySide);
        showCurrent();
    });
    connect(m_split, &QSlider::valueChanged, this, [this](int value) { m_resultView->setSplitPosition(value / 1000.0); });
    connect(m_uncertainty, &QCheckBox::toggled, this, [this] { showCurrent(); });
    connect(m_linkContrast, &QCheckBox::toggled, this, [this] {
        m_baselineView->setContrast(pageContrast());
        showCurrent();
    });
    connect(m_opacity, &QSlider::valueChanged, this, [this] { showCurrent(); });
    return bar;
}

QWidget* UpscaleView::buildTimeline()
{
    auto* bar = new QWidget;
    auto* row = new QHBoxLayout(bar);
    m_play = new QToolButton;
    m_play->setObjectName("play");
    m_play->setCheckable(true);
    m_play->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_play->setToolTip(tr("Play the reverse process (Space)"));
    m_play->setShortcut(Qt::Key_Space);
    m_timeline = slider("timeline", 0, 0);
    m_timeline->setPageStep(1);
    m_stepLabel = new QLabel;
    m_stepLabel->setObjectName("stepLabel");
    m_stepLabel->setMinimumWidth(m_stepLabel->fontMetrics().horizontalAdvance(tr("Result: mean of 64 samples")));
    m_speed = new QComboBox;
    m_speed->setObjectName("speed");
    for (int fps : {2, 5, 10, 25})
        m_speed->addItem(tr("%1 steps/s").arg(fps), fps);
    m_speed->setCurrentIndex(2);
    m_loop = new QCheckBox(tr("Loop"));
    m_loop->setObjectName("loop");
    m_content = new QComboBox;
    m_content->setObjectName("frameContent");
    m_content->addItem(tr("Predicted clean image x̂₀"));
    m_content->addItem(tr("Noisy state xₜ"));
    m_content->setToolTip(
        tr("x̂₀ is the network's estimate of the final image at each step; xₜ is the "
           "sampler's state, noise turning into the image."));
    row->addWidget(m_play);
    row->addWidget(m_timeline, 1);
    row->addWidget(m_stepLabel);
    row->addWidget(m_speed);
    row->addWidget(m_loop);
    row->addWidget(m_content);

    connect(m_play, &QToolButton::toggled, this, &UpscaleView::setPlaying);
    connect(m_timeline, &QSlider::valueChanged, this, [this](int value) {
        m_following = value == m_timeline->maximum();
        showCurrent();
    });
    connect(m_speed, &QComboBox::currentIndexChanged, this,
            [this] { m_player->setInterval(1000 / m_speed->currentData().toInt()); });
    connect(m_content, &QComboBox::currentIndexChanged, this, [this] { showCurrent(); });
    return bar;
}

void UpscaleView::beginRun(int totalSteps, double pixelSize, const QString& title)
{
    setPlaying(false);
    m_frames.clear();
    m_totalSteps = totalSteps;
    m_baseline = m_result = m_standardDeviation = m_shown = {};
    m_following = true;
    m_title->setText(title);
    m_resultView->setPixelSize(pixelSize);
    m_baselineView->setPixelSize(pixelSize);
    m_resultView->setOverlay({}, {}, 0.0);
    m_overlayShown = false;
    m_uncertainty->setEnabled(false);
    m_opacity->setEnabled(false);
    updateTimeline();
}

void UpscaleView::setBaseline(const FloatImage& baseline)
{
    m_baseline = baseline;
    const ContrastLimits limits = pageContrast();
    m_baselineView->setImage(baseline);
    m_baselineView->setContrast(limits);
    m_baselineView->fitToWindow();
    m_resultView->setImage(baseline); // something to look at until the first step
    m_resultView->setContrast(limits);
    m_resultView->fitToWindow();
    showCurrent();
}

void UpscaleView::setLinkedContrast(const ContrastLimits& limits)
{
    m_linkedContrast = limits;
    m_baselineView->setContrast(pageContrast());
    showCurrent();
}

ContrastLimits UpscaleView::pageContrast() const
{
    if (m_linkedContrast && m_linkContrast->isChecked())
        return *m_linkedContrast;
    return m_baseline.isNull() ? ContrastLimits{} : percentileLimits(m_baseline);
}

void UpscaleView::addFrame(const Frame& frame)
{
    m_frames.push_back(frame);
    updateTimeline();
}

void UpscaleView::setResult(const FloatImage& mean, const FloatImage& standardDeviation)
{
    m_result = mean;
    m_standardDeviation = standardDeviation;
    if (!standardDeviation.isNull())
        m_uncertaintyLimits = percentileLimits(standardDeviation, 0.0, 99.5);
    m_uncertainty->setEnabled(!standardDeviation.isNull());
    m_opacity->setEnabled(!standardDeviation.isNull());
    updateTimeline();
}

void UpscaleView::updateTimeline()
{
    const int positions = int(m_frames.size()) + (hasResult() ? 1 : 0);
    {
        const QSignalBlocker block(m_timeline);
        m_timeline->setMaximum(std::max(0, positions - 1));
        if (m_following)
            m_timeline->setValue(m_timeline->maximum());
    }
    m_timeline->setEnabled(positions > 0);
    m_play->setEnabled(positions > 1);
    showCurrent();
}

int UpscaleView::position() const
{
    return m_timeline->value();
}

void UpscaleView::setPosition(int position)
{
    m_timeline->setValue(position);
}

UpscaleView::Content UpscaleView::content() const
{
    return m_content->currentIndex() == 1 ? Content::State : Content::PredictedX0;
}

void UpscaleView::setContent(Content content)
{
    m_content->setCurrentIndex(content == Content::State ? 1 : 0);
}

UpscaleView::Compare UpscaleView::compare() const
{
    return Compare(m_compare->currentIndex());
}

void UpscaleView::setCompare(Compare compare)
{
    m_compare->setCurrentIndex(int(compare));
}

bool UpscaleView::isPlaying() const
{
    return m_player->isActive();
}

void UpscaleView::setPlaying(bool playing)
{
    if (playing && m_timeline->maximum() > 0) {
        if (m_timeline->value() == m_timeline->maximum())
            m_timeline->setValue(0); // play from the start when at the end
        m_player->start(1000 / m_speed->currentData().toInt());
    } else {
        m_player->stop();
    }
    const QSignalBlocker block(m_play);
    m_play->setChecked(m_player->isActive());
    m_play->setIcon(style()->standardIcon(m_player->isActive() ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
}

void UpscaleView::advance()
{
    if (m_timeline->value() < m_timeline->maximum())
        m_timeline->setValue(m_timeline->value() + 1);
    else if (m_loop->isChecked())
        m_timeline->setValue(0);
    else
        setPlaying(false);
}

void UpscaleView::setUncertaintyShown(bool shown, double opacity)
{
    m_opacity->setValue(int(std::lround(opacity * 100)));
    m_uncertainty->setChecked(shown);
}

FloatImage UpscaleView::shownImage() const
{
    return m_shown;
}

void UpscaleView::showCurrent()
{
    const int at = position();
    const bool atResult = hasResult() && at == int(m_frames.size());
    FloatImage image;
    if (atResult) {
        image = m_result;
        m_stepLabel->setText(m_standardDeviation.isNull() ? tr("Result") : tr("Result: mean of the samples"));
    } else if (at < int(m_frames.size())) {
        const Frame& frame = m_frames[std::size_t(at)];
        image = content() == Content::State && !frame.state.isNull() ? frame.state : frame.predicted;
        if (image.isNull())
            image = frame.state;
        m_stepLabel->setText(tr("Step %1 / %2").arg(at + 1).arg(m_totalSteps));
    } else {
        m_stepLabel->setText(m_totalSteps > 0 ? tr("Step 0 / %1").arg(m_totalSteps) : QString());
    }
    if (image.isNull())
        return;
    const bool comparable = m_baseline.size == image.size;
    const bool showDifference = compare() == Compare::Difference && comparable;
    if (showDifference) {
        image = difference(image, m_baseline);
        const ContrastLimits limits = symmetricLimits(image);
        m_resultView->setImage(image);
        m_resultView->setContrast(limits);
        m_differenceBar->setScale(Colormap::Diverging, limits.low, limits.high, tr("Shown − baseline (the image's values)"));
    } else {
        m_resultView->setImage(image);
        m_resultView->setContrast(comparable || m_linkedContrast ? pageContrast() : percentileLimits(image));
    }
    m_resultView->setColormap(showDifference ? Colormap::Diverging : Colormap::Gray);
    m_differenceBar->setVisible(showDifference);
    m_shown = image;
    if (compare() == Compare::Split && comparable)
        m_resultView->setSplitImage(m_baseline, tr("baseline"), tr("diffusion"));
    else
        m_resultView->setSplitImage({});
    m_resultView->setSplitPosition(m_split->value() / 1000.0);
    const bool uncertainty = atResult && m_uncertainty->isChecked() && !m_standardDeviation.isNull();
    if (uncertainty != m_overlayShown) // the map is uploaded once; opacity changes are a uniform
        m_resultView->setOverlay(uncertainty ? m_standardDeviation : FloatImage(), m_uncertaintyLimits, 0.0);
    m_overlayShown = uncertainty;
    if (uncertainty)
        m_uncertaintyBar->setScale(Colormap::Cubehelix, m_uncertaintyLimits.low, m_uncertaintyLimits.high,
                                   tr("Standard deviation of one sample (the image's values)"));
    m_uncertaintyBar->setVisible(uncertainty);
    m_resultView->setOverlayOpacity(uncertainty ? m_opacity->value() / 100.0 : 0.0);
    Q_EMIT shownImageChanged();
}

void UpscaleView::synchronise(MicrographView* from, MicrographView* to)
{
    if (m_synchronising || !to->isVisible() || from->image().size != to->image().size)
        return;
    m_synchronising = true;
    if (from->transform().isFitted()) // both stay fitted as the window is resized
        to->fitToWindow();
    else
        to->setScaleAndCentre(from->transform().scale(), from->transform().centre());
    m_synchronising = false;
}
