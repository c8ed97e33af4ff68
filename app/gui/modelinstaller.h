#pragma once
// A finished training run's model into the user's model list: evaluated on the run's validation files
// (`cryosr-cli eval`, a child process, a central 256² region of each so a CPU takes seconds), then
// copied into the user's model folder with the run, its data and the evaluation on its card.

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QSet>
#include <QStringList>

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
    bool isInstalling(const QString& folder) const { return m_evaluations.contains(folder); }

Q_SIGNALS:
    void installed(const QString& folder, const QString& modelFile);
    void failed(const QString& folder, const QString& message);

private:
    /// Copies the model with its card; `problem` replaces the evaluation when there is none.
    void copyIntoUserFolder(const Run& run, const QJsonObject& evaluation, const QString& problem);

    QHash<QString, QPointer<QProcess>> m_evaluations; // by folder, while `eval` runs
    QSet<QString> m_failed;
};
