#pragma once
// Simulated training data made in the background: `cryosr-cli simulate` runs once per micrograph, one
// after the other, into the request's folder. Files already there are kept, so starting the same
// request again finishes an interrupted one.

#include "simulationdialog.h"

#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QStringList>

class SimulationJob : public QObject {
    Q_OBJECT
public:
    explicit SimulationJob(QObject* parent = nullptr);
    /// Ends a running `simulate` (its micrograph is made again next time).
    ~SimulationJob() override;

    /// Starts the request; false with `error` when one is running or the map or folder is unusable.
    bool start(const SimulationRequest& request, QString* error);
    bool isRunning() const { return m_process != nullptr; }

Q_SIGNALS:
    /// All micrographs exist (error empty), or `simulate` failed with `error`.
    void ended(const QStringList& files, const QString& error);

private:
    void next();

    SimulationRequest m_request;
    QStringList m_made; // micrographs made (or found) so far
    QPointer<QProcess> m_process; // the running `simulate`
};
