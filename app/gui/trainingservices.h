#pragma once
// What the training wizard asks of the engine, as Qt values: the CLI's default configuration and its
// verdict on one, data files expanded and inspected, model-size presets with their parameter counts and
// measured speeds, and models to fine-tune. Plain functions; the slow ones (inspect, measure) are
// called from TrainingHelper's threads.

#include "trainingwizard.h"

#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QThread>

#include <optional>

/// `cryosr-cli train --print-config` of a run with no options: every key of the schema.
QJsonObject defaultTrainingConfig();
/// Empty when `cryosr-cli train --config` would accept the configuration; else the engine's reason.
QString checkTrainingConfig(const QJsonObject& config);
/// A file, folder or STAR file as the image files it stands for (as the trainer expands them).
QStringList expandTrainingPath(const QString& path, QString* error);
/// Reads the file (first section) for the wizard's list: size, pixel size, thumbnail, clean partner.
TrainingFileInfo inspectTrainingFile(const QString& file);
/// Small to large networks, with their parameter counts.
QList<ModelPreset> trainingPresets();
/// The models to fine-tune, each with the schema keys it fixes: the shipped ones and every readable
/// *.cryosr in `userFolder`.
QList<FineTuneModel> fineTuneModels(const QString& userFolder);

/// The cryosr-cli that runs trainings and measurements: $CRYOSR_CLI, beside this executable, the build
/// tree's, or on the PATH ("" when there is none).
QString cryosrCliPath();

/// Reads the wizard's files in a thread of its own and measures training speeds in child processes
/// (`cryosr-cli bench --training`, one at a time, at lower priority): a measurement of a large network
/// takes tens of seconds on a CPU and must neither slow the GUI nor keep it from closing.
class TrainingHelper : public QObject {
    Q_OBJECT
public:
    TrainingHelper();
    ~TrainingHelper() override;

    void inspect(const QStringList& files);
    void measure(int preset, const QJsonObject& architecture, int batch, int patch, const QString& device);

Q_SIGNALS:
    void inspected(const TrainingFileInfo& info);
    /// Steps per second of a training step's network work (forward and backward), -1 when it cannot run.
    void measured(int preset, int batch, int patch, const QString& device, double stepsPerSecond);

private:
    struct Measurement {
        int preset;
        QJsonObject architecture;
        int batch;
        int patch;
        QString device;
        bool operator==(const Measurement&) const = default;
    };
    void measureNext();

    QThread m_inspectThread;
    QObject m_inspectContext;
    QList<Measurement> m_waiting;
    std::optional<Measurement> m_running;
    QProcess* m_process = nullptr;
};
