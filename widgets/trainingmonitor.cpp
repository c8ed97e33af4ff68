#include "trainingmonitor.h"

#include "contrast.h"
#include "thumbnail.h"

#include <QChart>
#include <QChartView>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QProgressBar>
#include <QPushButton>
#include <QValueAxis>
#include <QVBoxLayout>
#include <cmath>

namespace {

QString durationText(double seconds)
{
    if (!(seconds >= 0) || !std::isfinite(seconds))
        return QObject::tr("unknown");
    const qint64 s = std::llround(seconds);
    if (s < 3600)
        return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QChar('0'));
    return QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QChar('0')).arg(s % 60, 2, 10, QChar('0'));
}

QChartView* chartView(const QString& title, QWidget* parent)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto* view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(320, 220);
    return view;
}

QLineSeries* series(QChart* chart, const QString& name, const QColor& colour, QAbstractAxis* x, QAbstractAxis* y)
{
    auto* s = new QLineSeries(chart);
    s->setName(name);
    s->setPen(QPen(colour, 1.6));
    chart->addSeries(s);
    s->attachAxis(x);
    s->attachAxis(y);
    return s;
}

} // namespace

TrainingMonitor::TrainingMonitor(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setObjectName("runTitle");
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_details = new QLabel(this);
    m_details->setObjectName("runDetails");
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setWordWrap(true);
    layout->addWidget(m_title);
    layout->addWidget(m_details);

    auto* row = new QHBoxLayout;
    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName("runState");
    m_stateLabel->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName("runProgress");
    m_progress->setFormat("%v / %m");
    m_speed = new QLabel(this);
    m_speed->setObjectName("runSpeed");
    const auto button = [&](const QString& text, const QString& name, const QString& tip, void (TrainingMonitor::*signal)()) {
        auto* b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setToolTip(tip);
        connect(b, &QPushButton::clicked, this, signal);
        return b;
    };
    m_pause =
        button(tr("Pause"), "pauseButton", tr("Checkpoint after the current step and stop"), &TrainingMonitor::pauseRequested);
    m_resume = button(tr("Resume"), "resumeButton", tr("Continue from the last checkpoint"), &TrainingMonitor::resumeRequested);
    m_cancel = button(tr("Cancel"), "cancelButton",
                      tr("End the run after the current step; its last checkpoint and model stay in its folder"),
                      &TrainingMonitor::cancelRequested);
    auto* folder = button(tr("Open Folder"), "openFolderButton", tr("The run's folder: model, checkpoint, log"),
                          &TrainingMonitor::openFolderRequested);
    row->addWidget(m_progress, 1);
    row->addWidget(m_speed);
    row->addWidget(m_pause);
    row->addWidget(m_resume);
    row->addWidget(m_cancel);
    row->addWidget(folder);
    layout->addLayout(row);
    layout->addWidget(m_stateLabel);

    auto* charts = new QHBoxLayout;
    QChartView* lossView = chartView(tr("Loss (ε mean squared error)"), this);
    lossView->setObjectName("lossChart");
    QChart* lossChart = lossView->chart();
    m_lossSteps = new QValueAxis(lossChart);
    m_lossSteps->setTitleText(tr("step"));
    m_lossSteps->setLabelFormat("%d");
    m_lossAxis = new QLogValueAxis(lossChart);
    m_lossAxis->setLabelFormat("%.3g");
    m_lossAxis->setMinorTickCount(-1);
    lossChart->addAxis(m_lossSteps, Qt::AlignBottom);
    lossChart->addAxis(m_lossAxis, Qt::AlignLeft);
    m_loss = series(lossChart, tr("training"), QColor(0x1f, 0x77, 0xb4), m_lossSteps, m_lossAxis);
    m_validationLoss = series(lossChart, tr("validation"), QColor(0xd6, 0x27, 0x28), m_lossSteps, m_lossAxis);
    QChartView* psnrView = chartView(tr("Validation PSNR"), this);
    psnrView->setObjectName("psnrChart");
    QChart* psnrChart = psnrView->chart();
    m_psnrSteps = new QValueAxis(psnrChart);
    m_psnrSteps->setTitleText(tr("step"));
    m_psnrSteps->setLabelFormat("%d");
    m_psnrAxis = new QValueAxis(psnrChart);
    m_psnrAxis->setTitleText(tr("dB"));
    psnrChart->addAxis(m_psnrSteps, Qt::AlignBottom);
    psnrChart->addAxis(m_psnrAxis, Qt::AlignLeft);
    m_psnr = series(psnrChart, tr("model"), QColor(0x2c, 0xa0, 0x2c), m_psnrSteps, m_psnrAxis);
    m_psnrFourier = series(psnrChart, tr("Fourier padding"), QColor(0x7f, 0x7f, 0x7f), m_psnrSteps, m_psnrAxis);
    charts->addWidget(lossView, 1);
    charts->addWidget(psnrView, 1);
    layout->addLayout(charts, 1);

    m_samplesTitle = new QLabel(this);
    m_samplesTitle->setObjectName("samplesTitle");
    layout->addWidget(m_samplesTitle);
    m_samples = new QGridLayout;
    layout->addLayout(m_samples);
    clear();
}

void TrainingMonitor::clear()
{
    m_title->clear();
    m_details->clear();
    for (QLineSeries* s : {m_loss, m_validationLoss, m_psnr, m_psnrFourier})
        s->clear();
    m_lossLow = m_lossHigh = 0;
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_speed->clear();
    setSamples(0, {});
    fitAxes();
    setState(State::Waiting);
}

void TrainingMonitor::setTitle(const QString& name, const QString& details)
{
    m_title->setText(name);
    m_details->setText(details);
}

void TrainingMonitor::setState(State state, const QString& message)
{
    m_state = state;
    static const QHash<State, QString> names{{State::Starting, tr("Starting…")},
                                             {State::Running, tr("Running")},
                                             {State::Stopping, tr("Stopping after the current step…")},
                                             {State::Paused, tr("Paused at a checkpoint")},
                                             {State::Finished, tr("Finished")},
                                             {State::Failed, tr("Failed")},
                                             {State::Cancelled, tr("Cancelled")},
                                             {State::Waiting, tr("Waiting for the run to start")},
                                             {State::Lost, tr("Stopped unexpectedly")}};
    m_stateLabel->setText(message.isEmpty() ? names.value(state) : names.value(state) + " — " + message);
    const bool active = state == State::Starting || state == State::Running || state == State::Waiting;
    m_pause->setEnabled(active);
    m_cancel->setEnabled(active || state == State::Paused);
    m_resume->setEnabled(state == State::Paused || state == State::Lost || state == State::Failed);
}

void TrainingMonitor::setProgress(qint64 step, qint64 total, double stepsPerSecond, double secondsLeft)
{
    m_progress->setRange(0, int(std::min<qint64>(total, INT_MAX)));
    m_progress->setValue(int(std::min<qint64>(step, INT_MAX)));
    m_speed->setText(stepsPerSecond > 0 ? tr("%1 steps/s, %2 left").arg(stepsPerSecond, 0, 'g', 3).arg(durationText(secondsLeft))
                                        : QString());
}

void TrainingMonitor::addLoss(qint64 step, double loss)
{
    if (!(loss > 0) || !std::isfinite(loss))
        return; // a log axis shows positive values only
    m_loss->append(double(step), loss);
    m_lossLow = m_loss->count() == 1 ? loss : std::min(m_lossLow, loss);
    m_lossHigh = std::max(m_lossHigh, loss);
    fitAxes();
}

void TrainingMonitor::addValidation(qint64 step, double loss, double psnr, double psnrFourier)
{
    if (loss > 0 && std::isfinite(loss)) {
        m_validationLoss->append(double(step), loss);
        m_lossLow = m_lossLow > 0 ? std::min(m_lossLow, loss) : loss;
        m_lossHigh = std::max(m_lossHigh, loss);
    }
    if (std::isfinite(psnr) && std::isfinite(psnrFourier)) {
        m_psnr->append(double(step), psnr);
        m_psnrFourier->append(double(step), psnrFourier);
    }
    fitAxes();
}

void TrainingMonitor::fitAxes()
{
    // A run shorter than the log interval has a point or two, and a line needs two: mark the points
    // while they are few.
    for (QLineSeries* s : {m_loss, m_validationLoss, m_psnr, m_psnrFourier})
        s->setPointsVisible(s->count() <= 30);
    const auto lastStep = [](const QLineSeries* s) { return s->count() ? s->at(s->count() - 1).x() : 0.0; };
    const double steps = std::max({lastStep(m_loss), lastStep(m_validationLoss), 10.0});
    m_lossSteps->setRange(0, steps);
    m_lossSteps->applyNiceNumbers(); // ticks at round steps
    m_psnrSteps->setRange(0, std::max(lastStep(m_psnr), 10.0));
    m_psnrSteps->applyNiceNumbers();
    if (m_lossHigh > 0) {
        // Labels sit at powers of the base: decades for a long fall, octaves while it spans less.
        m_lossAxis->setBase(m_lossHigh / m_lossLow > 100 ? 10.0 : 2.0);
        m_lossAxis->setRange(m_lossLow * 0.8, m_lossHigh * 1.25);
    }
    double low = 1e30, high = -1e30;
    for (const QLineSeries* s : {m_psnr, m_psnrFourier})
        for (const QPointF& p : s->points()) {
            low = std::min(low, p.y());
            high = std::max(high, p.y());
        }
    if (high >= low)
        m_psnrAxis->setRange(std::floor(low - 0.5), std::ceil(high + 0.5));
    else
        m_psnrAxis->setRange(0, 40);
}

void TrainingMonitor::setSamples(qint64 step, const QList<FloatImage>& images)
{
    while (QLayoutItem* item = m_samples->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_samplesTitle->setText(
        images.isEmpty() ? QString() : tr("Validation samples at step %1: input (upsampled) · output · target").arg(step));
    for (int i = 0; i < images.size(); ++i) {
        auto* label = new QLabel(this);
        label->setObjectName(QStringLiteral("sample%1").arg(i));
        label->setPixmap(QPixmap::fromImage(renderThumbnail(images[i], percentileLimits(images[i]), 80)));
        label->setToolTip(i % 3 == 0 ? tr("input") : i % 3 == 1 ? tr("output") : tr("target"));
        m_samples->addWidget(label, 0, i, Qt::AlignLeft);
    }
    m_samples->setColumnStretch(int(images.size()), 1);
}

int TrainingMonitor::lossPoints() const
{
    return int(m_loss->count());
}

int TrainingMonitor::validationPoints() const
{
    return int(m_psnr->count());
}

QString TrainingMonitor::progressText() const
{
    return QStringLiteral("%1/%2").arg(m_progress->value()).arg(m_progress->maximum());
}

QString TrainingMonitor::stateText() const
{
    return m_stateLabel->text();
}
