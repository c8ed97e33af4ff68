#include "trainingwizard.h"

#include "trainingwizardpages.h"

#include <QAbstractButton>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace {

QString speedKey(int preset, int batch, int patch, const QString& device)
{
    return QStringLiteral("%1/%2/%3/%4").arg(preset).arg(batch).arg(patch).arg(device);
}

} // namespace

TrainingWizard::TrainingWizard(QWidget* parent)
    : QWizard(parent)
{
    m_services.expand = [](const QString& path, QString*) { return QStringList{path}; };
    m_services.check = [](const QJsonObject&) { return QString(); };
    setWindowFlags(Qt::Widget); // a page of the main window, not a dialog
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoCancelButton);
    setOption(QWizard::HaveCustomButton1);
    setButtonText(QWizard::FinishButton, tr("Launch"));
    setButtonText(QWizard::CustomButton1, tr("Run on a Cluster…"));
    button(QWizard::FinishButton)->setObjectName("launchButton");
    button(QWizard::CustomButton1)->setObjectName("clusterButton");
    button(QWizard::CustomButton1)->setToolTip(tr("Write a Slurm batch script for this configuration and submit it"));
    m_data = new TrainingDataPage(this);
    m_task = new TrainingTaskPage(this);
    m_model = new TrainingModelPage(this);
    m_schedule = new TrainingSchedulePage(this);
    m_output = new TrainingOutputPage;
    setPage(DataPage, m_data);
    setPage(TaskPage, m_task);
    setPage(ModelPage, m_model);
    setPage(SchedulePage, m_schedule);
    setPage(OutputPage, m_output);
    const auto showClusterButton = [this](int id) { button(QWizard::CustomButton1)->setVisible(id == OutputPage); };
    connect(this, &QWizard::currentIdChanged, this, showClusterButton);
    connect(this, &QWizard::customButtonClicked, this, &TrainingWizard::launchOnCluster);
    connect(m_output, &QWizardPage::completeChanged, this,
            [this] { button(QWizard::CustomButton1)->setEnabled(m_output->isComplete()); });
    showClusterButton(currentId());
}

void TrainingWizard::setServices(Services services)
{
    m_services = std::move(services);
}

void TrainingWizard::setDefaults(const QJsonObject& defaults)
{
    m_defaults = defaults;
    setConfiguration(defaults);
}

void TrainingWizard::setPresets(const QList<ModelPreset>& presets)
{
    m_presets = presets;
    m_model->showPresets();
}

void TrainingWizard::setPresetSpeed(int index, int batch, int patch, const QString& device, double stepsPerSecond)
{
    m_speeds.insert(speedKey(index, batch, patch, device), stepsPerSecond);
    Q_EMIT speedsChanged();
}

double TrainingWizard::presetSpeed(int index, int batch, int patch, const QString& device) const
{
    return m_speeds.value(speedKey(index, batch, patch, device), 0.0);
}

void TrainingWizard::setFineTuneModels(const QList<FineTuneModel>& models)
{
    m_models = models;
    m_task->showModels();
}

void TrainingWizard::setGpus(const QStringList& names)
{
    m_gpus = names;
    m_schedule->showGpus();
}

void TrainingWizard::setFileInfo(const TrainingFileInfo& info)
{
    m_files.insert(info.file, info);
    Q_EMIT fileInfoChanged();
}

void TrainingWizard::setOutputFolder(const QString& folder)
{
    m_outputFolder = folder;
    m_output->setFolder(folder);
}

void TrainingWizard::addData(const QStringList& paths)
{
    m_data->addPaths(paths);
}

void TrainingWizard::useSimulatedData(const QStringList& files)
{
    m_data->addPaths(files);
    m_task->setSimulatedPairs();
}

QJsonObject TrainingWizard::configuration() const
{
    QJsonObject config = m_base;
    for (const TrainingPage* page : {static_cast<const TrainingPage*>(m_data), static_cast<const TrainingPage*>(m_task),
                                     static_cast<const TrainingPage*>(m_model), static_cast<const TrainingPage*>(m_schedule),
                                     static_cast<const TrainingPage*>(m_output)})
        page->apply(config);
    return config;
}

void TrainingWizard::setConfiguration(const QJsonObject& config)
{
    QJsonObject base = m_defaults;
    for (auto it = config.begin(); it != config.end(); ++it)
        base[it.key()] = it.value();
    m_base = base;
    // The task page first: fine-tuning decides whether the model page shows presets.
    for (TrainingPage* page :
         {static_cast<TrainingPage*>(m_task), static_cast<TrainingPage*>(m_schedule), static_cast<TrainingPage*>(m_model),
          static_cast<TrainingPage*>(m_data), static_cast<TrainingPage*>(m_output)})
        page->load(base);
}

bool TrainingWizard::loadConfiguration(const QString& file, QString* error)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = tr("%1 cannot be read: %2").arg(file, in.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(in.readAll(), &parseError);
    if (!document.isObject()) {
        *error = tr("%1 is not a training configuration (a JSON object): %2").arg(file, parseError.errorString());
        return false;
    }
    setConfiguration(document.object());
    if (currentId() == OutputPage)
        m_output->initializePage();
    return true;
}

bool TrainingWizard::saveConfiguration(const QString& file, QString* error) const
{
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(configuration()).toJson()) < 0 || !out.commit()) {
        *error = tr("%1 cannot be written: %2").arg(file, out.errorString());
        return false;
    }
    return true;
}

void TrainingWizard::startOver()
{
    restart();
    setConfiguration(m_defaults);
    m_output->setFolder(m_outputFolder);
}

void TrainingWizard::accept()
{
    if (validateCurrentPage())
        Q_EMIT launchRequested(configuration(), false);
}

void TrainingWizard::reject()
{
}

void TrainingWizard::launchOnCluster()
{
    if (m_output->validatePage())
        Q_EMIT launchRequested(configuration(), true);
}
