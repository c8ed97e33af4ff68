#pragma once
// One training run as the GUI knows it: its folder, how it was started (a local child process or a
// Slurm job), and what its JSON-lines log says. The log is the only channel: a run started by this
// GUI, by an earlier session of it, or by Slurm on another machine is followed the same way, by
// reading the lines added to DIR/log.jsonl since the last look (polling, which works on network file
// systems where change notifications do not).

#include "trainingmonitor.h"

#include <QJsonObject>
#include <QList>
#include <QString>

/// Reads the complete lines appended to a JSON-lines file since the last call.
class JsonLinesFollower {
public:
    explicit JsonLinesFollower(QString file)
        : m_file(std::move(file))
    {
    }
    /// New complete lines as objects (a last line still being written waits for the next call; lines
    /// that are not JSON objects are skipped). Starts again from the beginning if the file shrank.
    QList<QJsonObject> readNew();

private:
    QString m_file;
    qint64 m_offset = 0;
    QByteArray m_partial;
};

/// DIR/config.json: the configuration the run was started with (`cryosr-cli train --config`).
QString runConfigFile(const QString& folder);
/// That configuration; empty when it is missing or not JSON.
QJsonObject readRunConfig(const QString& folder);
/// Writes `text` to `file` complete or not at all (QSaveFile); false on failure.
bool writeTextFile(const QString& file, const QByteArray& text);

/// What the GUI records about a run beside its log (DIR/cryosr-run.json).
struct TrainingRunRecord {
    QString name;
    QString where = "local"; ///< local | slurm
    qint64 pid = 0; ///< local: the cryosr-cli process
    QString jobId; ///< slurm
    bool cancelled = false;
    QString installedModel; ///< where the finished model was added to the model list

    static TrainingRunRecord load(const QString& folder);
    bool save(const QString& folder) const;
};

class TrainingRun {
public:
    explicit TrainingRun(QString folder);

    QString folder() const { return m_folder; }
    TrainingRunRecord& record() { return m_record; }
    const TrainingRunRecord& record() const { return m_record; }
    void saveRecord() const { m_record.save(m_folder); }

    /// Reads the log's new events; returns them (already applied to the state below).
    QList<QJsonObject> poll();
    /// Every event read so far, in order (to redraw the monitor).
    const QList<QJsonObject>& events() const { return m_events; }

    TrainingMonitor::State state() const;
    /// One line for the state: the error, the step reached, where the model went.
    QString stateMessage() const;
    /// True when nothing more will happen without the user (finished, failed, paused, cancelled, lost).
    bool isSettled() const;
    qint64 step() const { return m_step; }
    qint64 totalSteps() const { return m_total; }
    double stepsPerSecond() const { return m_stepsPerSecond; }
    double secondsLeft() const { return m_secondsLeft; }
    QString device() const { return m_device; }
    QStringList validationFiles() const { return m_validationFiles; }
    QStringList trainingFiles() const { return m_trainingFiles; }
    QString latestSamples() const { return m_samples; }
    qint64 latestSamplesStep() const { return m_samplesStep; }

    /// The local process is alive (the pid is a cryosr-cli process).
    bool processAlive() const;
    /// A Pause or Cancel was sent and the run has not ended yet.
    void setStopping(bool stopping) { m_stopping = stopping; }
    /// A fresh start (Resume): the previous end no longer counts.
    void restarted();
    /// The last lines of the process's own output (DIR/train.out, or Slurm's DIR/slurm-JOB.out): why a
    /// run that wrote no log ended.
    QString outputTail() const;

private:
    void apply(const QJsonObject& event);

    QString m_folder;
    TrainingRunRecord m_record;
    JsonLinesFollower m_log;
    QList<QJsonObject> m_events;
    QString m_last; // the last event kind that decides the state: start, end, error
    QString m_endReason; // finished | stopped
    QString m_error;
    qint64 m_step = 0;
    qint64 m_total = 0;
    double m_stepsPerSecond = 0.0;
    double m_secondsLeft = 0.0;
    QString m_device;
    QStringList m_trainingFiles;
    QStringList m_validationFiles;
    QString m_samples;
    qint64 m_samplesStep = 0;
    bool m_stopping = false;
    bool m_restarted = false; // resumed in this session, no start event seen yet
};
