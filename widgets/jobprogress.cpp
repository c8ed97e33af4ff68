#include "jobprogress.h"
#include "lazyprogressbar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

JobProgress::JobProgress(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_bar(new LazyProgressBar(this))
    , m_cancel(new QToolButton(this))
{
    setObjectName("jobProgress");
    m_bar->setObjectName("jobProgressBar");
    m_bar->setMaximumWidth(160);
    m_bar->setMaximumHeight(fontMetrics().height());
    m_cancel->setObjectName("jobCancelButton");
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop this job"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        if (!m_running.isEmpty())
            Q_EMIT cancelRequested(m_running.last().job);
    });
    hide();
}

void JobProgress::begin(QObject* job, const QString& title)
{
    end(job);
    m_running.append({job, title, -1});
    showNewest();
}

void JobProgress::setPercent(QObject* job, int percent)
{
    for (Running& running : m_running)
        if (running.job == job)
            running.percent = percent;
    showNewest();
}

void JobProgress::end(QObject* job)
{
    m_running.removeIf([job](const Running& running) { return running.job == job || !running.job; });
    showNewest();
}

QString JobProgress::shownTitle() const
{
    return m_running.isEmpty() ? QString() : m_running.last().title;
}

void JobProgress::showNewest()
{
    setVisible(!m_running.isEmpty());
    if (m_running.isEmpty())
        return;
    const Running& newest = m_running.last();
    m_title->setText(newest.title);
    m_bar->setProgress(std::max(0, newest.percent), 100, newest.percent < 0 ? QString() : tr("%1 %").arg(newest.percent));
}
