#include "trainingview.h"

#include "trainingmonitor.h"
#include "trainingwizard.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace {

constexpr int kFolderRole = Qt::UserRole;

} // namespace

TrainingView::TrainingView(QWidget* parent)
    : QWidget(parent)
{
    auto* splitter = new QSplitter(this);
    auto* side = new QWidget(splitter);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    auto* newRun = new QPushButton(tr("New Training…"), side);
    newRun->setObjectName("newTrainingButton");
    sideLayout->addWidget(newRun);
    sideLayout->addWidget(new QLabel(tr("Runs:"), side));
    m_runs = new QListWidget(side);
    m_runs->setObjectName("trainingRunList");
    m_runs->setWordWrap(true);
    sideLayout->addWidget(m_runs, 1);
    m_forget = new QPushButton(tr("Remove from List"), side);
    m_forget->setObjectName("forgetRunButton");
    m_forget->setToolTip(tr("The run's folder stays as it is"));
    m_forget->setEnabled(false);
    sideLayout->addWidget(m_forget);

    m_stack = new QStackedWidget(splitter);
    m_wizard = new TrainingWizard(m_stack);
    m_wizard->setObjectName("trainingWizard");
    m_monitor = new TrainingMonitor(m_stack);
    m_monitor->setObjectName("trainingMonitor");
    m_stack->addWidget(m_wizard);
    m_stack->addWidget(m_monitor);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({220, 900});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(newRun, &QPushButton::clicked, this, &TrainingView::showWizard);
    connect(m_runs, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        m_forget->setEnabled(item != nullptr);
        if (item) {
            m_stack->setCurrentWidget(m_monitor);
            Q_EMIT runChosen(item->data(kFolderRole).toString());
        }
    });
    connect(m_forget, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem* item = m_runs->currentItem())
            Q_EMIT forgetRequested(item->data(kFolderRole).toString());
    });
}

void TrainingView::setRun(const TrainingRunEntry& run)
{
    QListWidgetItem* item = nullptr;
    for (int i = 0; i < m_runs->count() && !item; ++i)
        if (m_runs->item(i)->data(kFolderRole).toString() == run.folder)
            item = m_runs->item(i);
    if (!item) {
        item = new QListWidgetItem;
        item->setData(kFolderRole, run.folder);
        item->setToolTip(run.folder);
        m_runs->insertItem(0, item); // newest first
    }
    item->setText(run.name + "\n" + run.state);
}

void TrainingView::removeRun(const QString& folder)
{
    for (int i = 0; i < m_runs->count(); ++i)
        if (m_runs->item(i)->data(kFolderRole).toString() == folder) {
            delete m_runs->takeItem(i);
            break;
        }
    if (!m_runs->currentItem())
        showWizard();
}

QStringList TrainingView::runs() const
{
    QStringList out;
    for (int i = 0; i < m_runs->count(); ++i)
        out << m_runs->item(i)->data(kFolderRole).toString();
    return out;
}

QString TrainingView::shownRun() const
{
    const QListWidgetItem* item = m_runs->currentItem();
    return m_stack->currentWidget() == m_monitor && item ? item->data(kFolderRole).toString() : QString();
}

void TrainingView::showWizard()
{
    const QSignalBlocker block(m_runs);
    m_runs->setCurrentItem(nullptr);
    m_forget->setEnabled(false);
    m_stack->setCurrentWidget(m_wizard);
}

void TrainingView::showRun(const QString& folder)
{
    for (int i = 0; i < m_runs->count(); ++i)
        if (m_runs->item(i)->data(kFolderRole).toString() == folder) {
            if (m_runs->currentItem() == m_runs->item(i))
                Q_EMIT runChosen(folder);
            m_runs->setCurrentRow(i);
            m_stack->setCurrentWidget(m_monitor);
        }
}
