#include "trainingservices.h"

#include "contrast.h"
#include "imageconversion.h"
#include "thumbnail.h"

#include "io/imagereader.h"
#include "model/modelinfo.h"
#include "model/modellocator.h"
#include "training/trainingconfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMetaObject>
#include <QStandardPaths>

namespace {

QJsonObject parseObject(const std::string& json)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
}

std::string dump(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

cryosr::UNetConfig architectureOf(const QJsonObject& architecture)
{
    cryosr::TrainingConfig config;
    return cryosr::configFromJson(dump(QJsonObject{{"architecture", architecture}}), config).architecture;
}

} // namespace

QJsonObject defaultTrainingConfig()
{
    return parseObject(cryosr::configToJson(cryosr::TrainingConfig{}));
}

QString checkTrainingConfig(const QJsonObject& config)
{
    try {
        const cryosr::TrainingConfig parsed = cryosr::configFromJson(dump(config));
        parsed.validate();
        if (parsed.precision == cryosr::Precision::Float16)
            return QObject::tr("fp16 training is not supported; use bf16 (or fp32)");
        cryosr::collectImageFiles(parsed.data);
        if (!parsed.validationData.empty())
            cryosr::collectImageFiles(parsed.validationData);
        return {};
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
}

QStringList expandTrainingPath(const QString& path, QString* error)
{
    QStringList files;
    try {
        for (const auto& file : cryosr::collectImageFiles({path.toStdString()}))
            files << QString::fromStdString(file.string());
    } catch (const std::exception& e) {
        *error = QString::fromStdString(e.what());
    }
    return files;
}

TrainingFileInfo inspectTrainingFile(const QString& file)
{
    TrainingFileInfo info;
    info.file = file;
    try {
        auto reader = cryosr::openImageFile(file.toStdString());
        const cryosr::FileInfo& header = reader->info();
        info.size = QSize(header.width, header.height);
        info.sections = header.sections;
        info.pixelSize = header.pixelSize.x.value_or(0.0);
        auto image = std::make_shared<const cryosr::Image>(reader->readSection(0));
        const FloatImage view = sharedView(image);
        info.thumbnail = renderThumbnail(view, percentileLimits(view), 48);
        info.hasCleanPartner = QFileInfo::exists(QString::fromStdString(cryosr::cleanPartnerOf(file.toStdString()).string()));
    } catch (const std::exception& e) {
        info.error = QString::fromStdString(e.what());
    }
    return info;
}

QList<ModelPreset> trainingPresets()
{
    // Name, base channels, multipliers, attention levels: from quick experiments to beyond the default model.
    struct Row {
        const char* name;
        int base;
        QJsonArray multipliers;
        QJsonArray attention;
    };
    const QList<Row> rows{{QT_TRANSLATE_NOOP("TrainingPresets", "Tiny (tests, quick looks)"), 8, {1, 2}, {}},
                          {QT_TRANSLATE_NOOP("TrainingPresets", "Small (the default model's network)"), 16, {1, 2, 4, 4}, {3}},
                          {QT_TRANSLATE_NOOP("TrainingPresets", "Medium (cryosr-cli train's default)"), 32, {1, 2, 4}, {2}},
                          {QT_TRANSLATE_NOOP("TrainingPresets", "Large (for a GPU)"), 64, {1, 2, 4, 8}, {2, 3}}};
    QList<ModelPreset> presets;
    const QJsonObject defaults = defaultTrainingConfig().value("architecture").toObject();
    for (const Row& row : rows) {
        QJsonObject architecture = defaults;
        architecture["base_channels"] = row.base;
        architecture["channel_multipliers"] = row.multipliers;
        architecture["attention_levels"] = row.attention;
        architecture["res_blocks"] = row.base < 16 ? 1 : 2;
        architecture["groups"] = row.base < 16 ? 4 : 8;
        // Counted from the configuration: building the four networks to count them took ~250 MiB at launch.
        const cryosr::UNetConfig network = architectureOf(architecture);
        network.validate();
        presets.append({QCoreApplication::translate("TrainingPresets", row.name), architecture, network.parameterCount()});
    }
    return presets;
}

QList<FineTuneModel> fineTuneModels(const QString& userFolder)
{
    QStringList files;
    for (const std::string& shipped : cryosr::kShippedModels) {
        try {
            files << QString::fromStdString(cryosr::locateModel(shipped).string());
        } catch (const std::exception&) {
            // not installed: only the others
        }
    }
    const QDir folder(userFolder);
    for (const QString& name : folder.entryList({"*.cryosr"}, QDir::Files, QDir::Name))
        files << folder.filePath(name);
    QList<FineTuneModel> models;
    for (const QString& file : files) {
        FineTuneModel model{QFileInfo(file).completeBaseName(), file, {}};
        try {
            const cryosr::ModelInfo info = cryosr::readModelInfo(file.toStdString());
            cryosr::TrainingConfig config;
            cryosr::adoptModel(config, file.toStdString(), info);
            const QJsonObject all = parseObject(cryosr::configToJson(config));
            for (const char* key : {"architecture", "schedule", "scale", "condition"})
                model.fields[key] = all.value(key);
            models << model;
        } catch (const std::exception&) {
            // unreadable: not offered
        }
    }
    return models;
}

QString cryosrCliPath()
{
    const QString fromEnvironment = qEnvironmentVariable("CRYOSR_CLI");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QString beside = QDir(QCoreApplication::applicationDirPath()).filePath("cryosr-cli");
    if (QFileInfo(beside).isExecutable())
        return beside;
#ifdef CRYOSR_BUILD_CLI
    if (QFileInfo(CRYOSR_BUILD_CLI).isExecutable())
        return CRYOSR_BUILD_CLI;
#endif
    return QStandardPaths::findExecutable("cryosr-cli");
}

TrainingHelper::TrainingHelper()
{
    m_inspectContext.moveToThread(&m_inspectThread);
    m_inspectThread.start();
}

TrainingHelper::~TrainingHelper()
{
    m_inspectThread.requestInterruption();
    m_inspectThread.quit();
    m_inspectThread.wait();
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

void TrainingHelper::inspect(const QStringList& files)
{
    QMetaObject::invokeMethod(
        &m_inspectContext,
        [this, files] {
            for (const QString& file : files) {
                if (QThread::currentThread()->isInterruptionRequested())
                    return;
                Q_EMIT inspected(inspectTrainingFile(file));
            }
        },
        Qt::QueuedConnection);
}

void TrainingHelper::measure(int preset, const QJsonObject& architecture, int batch, int patch, const QString& device)
{
    const Measurement m{preset, architecture, batch, patch, device};
    if (m_running == m || m_waiting.contains(m))
        return;
    m_waiting << m;
    if (!m_process)
        measureNext();
}

void TrainingHelper::measureNext()
{
    if (m_waiting.isEmpty())
        return;
    const Measurement m = m_waiting.takeFirst();
    m_running = m;
    QStringList mults, attention;
    for (const QJsonValue& v : m.architecture.value("channel_multipliers").toArray())
        mults << QString::number(v.toInt());
    for (const QJsonValue& v : m.architecture.value("attention_levels").toArray())
        attention << QString::number(v.toInt());
    const QStringList arguments{"bench",
                                "--training",
                                "--json",
                                "--warmup",
                                "1",
                                "--repeats",
                                "2",
                                "--batch",
                                QString::number(m.batch),
                                "--size",
                                QString::number(m.patch),
                                "--device",
                                m.device,
                                "--base-channels",
                                QString::number(m.architecture.value("base_channels").toInt()),
                                "--channel-mults",
                                mults.join(','),
                                "--res-blocks",
                                QString::number(m.architecture.value("res_blocks").toInt()),
                                "--attention-levels",
                                attention.isEmpty() ? QStringLiteral("none") : attention.join(','),
                                "--groups",
                                QString::number(m.architecture.value("groups").toInt()),
                                "--dropout",
                                QString::number(m.architecture.value("dropout").toDouble())};
    m_process = new QProcess(this);
    connect(m_process, &QProcess::finished, this, [this, m](int code, QProcess::ExitStatus status) {
        const double ms = QJsonDocument::fromJson(m_process->readAllStandardOutput()).object().value("ms_per_step").toDouble();
        m_process->deleteLater();
        m_process = nullptr;
        m_running.reset();
        Q_EMIT measured(m.preset, m.batch, m.patch, m.device,
                        code == 0 && status == QProcess::NormalExit && ms > 0 ? 1000.0 / ms : -1.0);
        measureNext();
    });
    // At nice +10 so the GUI comes first; through nice(1), because a QProcess child-process modifier
    // would make Qt fork (see detachedprocess.h on why the GUI must not fork).
    const QString nice = QStandardPaths::findExecutable("nice");
    if (nice.isEmpty())
        m_process->start(cryosrCliPath(), arguments);
    else
        m_process->start(nice, QStringList{"-n", "10", cryosrCliPath()} + arguments);
}
