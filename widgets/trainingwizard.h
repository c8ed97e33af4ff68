#pragma once
// The training wizard: data, task, model size, schedule and output, ending in the configuration that
// `cryosr-cli train --config` reads. The wizard edits a JSON object of that schema (the app hands it
// the CLI's defaults, so every key is the CLI's own) and knows nothing of the engine: reading files,
// measuring speeds and judging the final configuration are services the app provides.

#include <QImage>
#include <QJsonObject>
#include <QWizard>

#include <functional>

/// What the app read from one data file.
struct TrainingFileInfo {
    QString file;
    QString error; ///< why it cannot be used; empty when it can
    QSize size;
    int sections = 0;
    double pixelSize = 0.0; ///< Å, 0 when the file does not say
    QImage thumbnail;
    bool hasCleanPartner = false; ///< NAME.clean.EXT beside it (simulated pairs)
};

/// A model size the wizard offers: the schema's "architecture" object and what it costs.
struct ModelPreset {
    QString name;
    QJsonObject architecture;
    qint64 parameters = 0;
};

/// A model to fine-tune: the schema keys it fixes (architecture, schedule, scale, condition).
struct FineTuneModel {
    QString name;
    QString file;
    QJsonObject fields;
};

class TrainingDataPage;
class TrainingTaskPage;
class TrainingModelPage;
class TrainingSchedulePage;
class TrainingOutputPage;

class TrainingWizard : public QWizard {
    Q_OBJECT
public:
    struct Services {
        /// A file, folder (searched) or RELION STAR file as image files; empty with `error` set when it fails.
        std::function<QStringList(const QString& path, QString* error)> expand;
        /// The engine's verdict on a configuration: empty when it can be launched, else why not.
        std::function<QString(const QJsonObject& config)> check;
    };
    enum PageId { DataPage, TaskPage, ModelPage, SchedulePage, OutputPage };

    explicit TrainingWizard(QWidget* parent = nullptr);
    /// Until the app sets them, a path is taken as one file and every configuration as launchable.
    void setServices(Services services);

    /// The CLI's default configuration: the keys and values every new configuration starts from.
    void setDefaults(const QJsonObject& defaults);
    void setPresets(const QList<ModelPreset>& presets);
    /// A measured training speed of preset `index` at the batch and patch it was asked for (-1: cannot run).
    void setPresetSpeed(int index, int batch, int patch, const QString& device, double stepsPerSecond);
    void setFineTuneModels(const QList<FineTuneModel>& models);
    void setGpus(const QStringList& names);
    void setFileInfo(const TrainingFileInfo& info);
    /// The folder new runs go into by default.
    void setOutputFolder(const QString& folder);

    /// Adds files, folders or STAR files to the data (as the page's buttons do).
    void addData(const QStringList& paths);
    /// Uses simulated micrographs (each with its NAME.clean.EXT) as the data, with simulated pairs.
    void useSimulatedData(const QStringList& files);
    /// The configuration as the pages (and the summary's edits) make it.
    QJsonObject configuration() const;
    /// Fills every page from a configuration (keys the pages do not show are kept as they are).
    void setConfiguration(const QJsonObject& config);
    bool loadConfiguration(const QString& file, QString* error);
    bool saveConfiguration(const QString& file, QString* error) const;
    /// Back to the first page with the defaults and no data.
    void startOver();

    const Services& services() const { return m_services; }
    const QList<ModelPreset>& presets() const { return m_presets; }
    /// Preset `index`'s steps per second at (batch, patch, device): 0 when not measured, -1 when it cannot run.
    double presetSpeed(int index, int batch, int patch, const QString& device) const;
    const QList<FineTuneModel>& fineTuneModels() const { return m_models; }
    const QStringList& gpus() const { return m_gpus; }
    const QHash<QString, TrainingFileInfo>& fileInfo() const { return m_files; }

    void accept() override; ///< Launch: emits launchRequested and stays open (the wizard is a page)
    void reject() override; ///< Escape: nothing (there is no dialog to close)

Q_SIGNALS:
    void inspectionRequested(const QStringList& files);
    void speedRequested(int preset, int batch, int patch, const QString& device);
    void launchRequested(const QJsonObject& config, bool cluster);
    /// "Simulate from a Map…": the app makes simulated micrographs and hands them to useSimulatedData.
    void simulationRequested();
    void fileInfoChanged();
    void speedsChanged();

private:
    friend class TrainingDataPage;
    friend class TrainingTaskPage;
    friend class TrainingModelPage;
    friend class TrainingSchedulePage;
    friend class TrainingOutputPage;
    void launchOnCluster();

    Services m_services;
    QJsonObject m_defaults;
    QJsonObject m_base; // the defaults with a loaded configuration over them: keys no page shows
    QList<ModelPreset> m_presets;
    QHash<QString, double> m_speeds; // by "preset/batch/patch/device"
    QList<FineTuneModel> m_models;
    QStringList m_gpus;
    QHash<QString, TrainingFileInfo> m_files;
    QString m_outputFolder;
    TrainingDataPage* m_data;
    TrainingTaskPage* m_task;
    TrainingModelPage* m_model;
    TrainingSchedulePage* m_schedule;
    TrainingOutputPage* m_output;
};
