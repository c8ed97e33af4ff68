#pragma once
// The Training page: the runs this user started (running, paused, finished; they survive restarts),
// the wizard for a new one, and the monitor of the run chosen in the list.

#include <QWidget>

class QListWidget;
class QPushButton;
class QStackedWidget;
class TrainingMonitor;
class TrainingWizard;

/// A run as the list shows it.
struct TrainingRunEntry {
    QString folder; ///< identifies the run
    QString name;
    QString state; ///< one line: "Running, step 120/2000", "Finished", …
};

class TrainingView : public QWidget {
    Q_OBJECT
public:
    explicit TrainingView(QWidget* parent = nullptr);

    TrainingWizard* wizard() const { return m_wizard; }
    TrainingMonitor* monitor() const { return m_monitor; }

    /// Adds or updates the run's line.
    void setRun(const TrainingRunEntry& run);
    void removeRun(const QString& folder);
    QStringList runs() const;
    /// The run whose monitor is shown ("" while the wizard is).
    QString shownRun() const;
    void showWizard();
    void showRun(const QString& folder);

Q_SIGNALS:
    void runChosen(const QString& folder);
    void forgetRequested(const QString& folder);

private:
    QListWidget* m_runs;
    QPushButton* m_forget;
    QStackedWidget* m_stack;
    TrainingWizard* m_wizard;
    TrainingMonitor* m_monitor;
};
