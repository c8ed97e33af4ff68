#pragma once
// A finished training run's model into the user's model list: evaluated on the run's validation files
// (`cryosr-cli eval`, a child process, a central 256² region of each so a CPU takes seconds), then
// copied into the user's model folder with the run, its data and the evaluation on its card.

#include "backgroundjob.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QSet>
#include <QStringList>
#include <algorithm>

class ModelInstaller : public QObject {
    Q_OBJECT
public:
    /// What the installer needs of a run.
    struct Run {
        QString folder; ///< holds model.pt and config.json
        QString name; ///< the model's file name in the user's folder (NAME.cryosr, NAME-2.cryosr, …)
        int trainingFiles = 0;
        QStringList validationFiles;
    };

    explicit ModelInstaller(QObject* parent = nullptr);
    /// Ends running evaluations (they run again next time).
    ~ModelInstaller() override;

    /// Evaluates and installs the run's model; installed or failed follows. Does nothing for a run
    /// already under way, or one that failed before in this session (it would fail again).
    void install(const Run& run);
    bool isInstalling(const QString& folder) const
    {
        return m_evaluations.contains(folder) || (m_copyJob.isRunning() && m_copying == folder)
            || std::any_of(m_copies.begin(), m_copies.end(), [&](const Copy& copy) { return copy.run.folder == folder; });
    }
    /// The copy into the user's folder, for the status bar's progress.
    BackgroundJob* copyJob() { return &m_copyJob; }

Q_SIGNALS:
    void installed(const QString& folder, const QString& modelFile);
    void failed(const QString& folder, const QString& message);

private:
    /// Queues the copy of the model with its card; `problem` replaces the evaluation when there is none.
    void copyIntoUserFolder(const Run& run, const QJsonObject& evaluation, const QString& problem);
    void copyNext();

    struct Copy {
        Run run;
        QByteArray card; ///< JSON merged into the model's metadata
    };

    QHash<QString, QPointer<QProcess>> m_evaluations; // by folder, while `eval` runs
    QSet<QString> m_failed;
    QList<Copy> m_copies; // waiting for m_copyJob, one at a time
    BackgroundJob m_copyJob;
    QString m_copying; // the run folder m_copyJob copies from
};
