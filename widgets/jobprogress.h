#pragma once
// The status bar's report of slow work running in the background (a power spectrum, an export, a model
// being installed): what runs, how far it is and a Cancel button. It knows jobs only as QObjects.

#include <QList>
#include <QPointer>
#include <QWidget>

class QLabel;
class LazyProgressBar;
class QToolButton;

/**
 * Shows the newest running job (several may run at once: a spectrum while frames are exported); when
 * it ends the one before it shows again, and with none the widget hides. A job without a percentage
 * yet shows an empty bar.
 */
class JobProgress : public QWidget {
    Q_OBJECT
public:
    explicit JobProgress(QWidget* parent = nullptr);

    void begin(QObject* job, const QString& title);
    void setPercent(QObject* job, int percent);
    void end(QObject* job);
    /// The title shown, empty when no job runs (for tests and the status bar's accessibility).
    QString shownTitle() const;

Q_SIGNALS:
    /// The user pressed Cancel for `job` (the one shown).
    void cancelRequested(QObject* job);

private:
    struct Running {
        QPointer<QObject> job;
        QString title;
        int percent = -1;
    };
    void showNewest();

    QList<Running> m_running;
    QLabel* m_title;
    LazyProgressBar* m_bar;
    QToolButton* m_cancel;
};
