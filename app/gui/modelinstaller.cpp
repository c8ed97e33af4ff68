#include "modelinstaller.h"

#include "trainingrun.h"
#include "trainingservices.h"
#include "upscalecontroller.h"

#include "io/imagereader.h"
#include "model/modelinfo.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

/// A free name in `folder`: NAME.cryosr, NAME-2.cryosr, …
QString freeModelFile(const QString& folder, const QString& name)
{
    QString file = QDir(folder).filePath(name + ".cryosr");
    for (int i = 2; QFileInfo::exists(file); ++i)
        file = QDir(folder).filePath(QStringLiteral("%1-%2.cryosr").arg(name).arg(i));
    return file;
}

/// One line for the model's card from `cryosr-cli eval --json`.
QString evaluationLine(const QJsonObject& evaluation, int files, const QString& region)
{
    QHash<QString, QJsonObject> methods;
    for (const QJsonValue& m : evaluation.value("mean").toArray())
        methods.insert(m.toObject().value("method").toString(), m.toObject());
    const QJsonObject model = methods.value("diffusion"), fourier = methods.value("fourier");
    if (model.isEmpty())
        return {};
    QString line = QObject::tr("PSNR %1 dB (Fourier padding %2 dB), SSIM %3")
                       .arg(model.value("psnr").toDouble(), 0, 'f', 2)
                       .arg(fourier.value("psnr").toDouble(), 0, 'f', 2)
                       .arg(model.value("ssim").toDouble(), 0, 'f', 3);
    if (model.value("frc_0143_angstrom").isDouble())
        line += QObject::tr(", FRC 0.143 at %1 Å").arg(model.value("frc_0143_angstrom").toDouble(), 0, 'f', 2);
    return line + QObject::tr(" on %n validation file(s) (%1)", nullptr, files).arg(region);
}

} // namespace

ModelInstaller::ModelInstaller(QObject* parent)
    : QObject(parent)
{
    connect(&m_copyJob, &BackgroundJob::failed, this, [this](const QString&, const QString& message) {
        m_failed.insert(m_copying);
        Q_EMIT failed(m_copying,
                      tr("The finished model could not be added to %1: %2").arg(UpscaleController::userModelFolder(), message));
    });
    connect(&m_copyJob, &BackgroundJob::ended, this, &ModelInstaller::copyNext);
}

ModelInstaller::~ModelInstaller()
{
    for (const QPointer<QProcess>& process : std::as_const(m_evaluations))
        if (process) {
            process->kill();
            process->waitForFinished(5000);
        }
}

void ModelInstaller::install(const Run& run)
{
    if (isInstalling(run.folder) || m_failed.contains(run.folder))
        return;
    if (run.validationFiles.isEmpty()) {
        copyIntoUserFolder(run, {}, tr("no validation files"));
        return;
    }
    QStringList arguments{"eval",
                          "--model",
                          QDir(run.folder).filePath("model.pt"),
                          "--samples",
                          "1",
                          "--steps",
                          "20",
                          "--json",
                          "--device",
                          readRunConfig(run.folder).value("device").toString("auto")};
    QString region = tr("whole images");
    try {
        const cryosr::FileInfo info = cryosr::openImageFile(run.validationFiles.first().toStdString())->info();
        if (info.width > 256 && info.height > 256) {
            arguments << "--region" << QStringLiteral("%1,%2,256,256").arg((info.width - 256) / 2).arg((info.height - 256) / 2);
            region = tr("central 256² regions, 20 DDIM steps");
        }
    } catch (const std::exception&) {
        // eval says what is wrong with the file
    }
    arguments << "--inputs" << run.validationFiles;
    auto* process = new QProcess(this);
    m_evaluations.insert(run.folder, process);
    connect(process, &QProcess::finished, this, [this, process, run, region](int code) {
        process->deleteLater();
        m_evaluations.remove(run.folder);
        const QByteArray out = process->readAllStandardOutput();
        if (code != 0) {
            const QString error = QString::fromUtf8(process->readAllStandardError()).trimmed();
            copyIntoUserFolder(run, {}, tr("evaluation failed: %1").arg(error));
            return;
        }
        writeTextFile(QDir(run.folder).filePath("eval.json"), out);
        QJsonObject evaluation = QJsonDocument::fromJson(out).object();
        evaluation["summary"] = evaluationLine(evaluation, int(run.validationFiles.size()), region);
        copyIntoUserFolder(run, evaluation, {});
    });
    process->start(cryosrCliPath(), arguments);
}

void ModelInstaller::copyIntoUserFolder(const Run& run, const QJsonObject& evaluation, const QString& problem)
{
    const double pixelSize = readRunConfig(run.folder).value("pixel_size").toDouble();
    const QJsonObject card{{"training_run", run.folder},
                           {"training_data",
                            tr("%n training file(s), %1 validation; %2", nullptr, run.trainingFiles)
                                .arg(run.validationFiles.size())
                                .arg(pixelSize > 0 ? tr("%1 Å/px").arg(pixelSize) : tr("pixel size unknown"))},
                           {"evaluation", problem.isEmpty() ? evaluation.value("summary").toString() : problem}};
    m_copies.append({run, QJsonDocument(card).toJson(QJsonDocument::Compact)});
    copyNext();
}

void ModelInstaller::copyNext()
{
    if (m_copyJob.isRunning() || m_copies.isEmpty())
        return;
    const Copy copy = m_copies.takeFirst();
    const QString userFolder = UpscaleController::userModelFolder();
    QDir().mkpath(userFolder);
    const QString target = freeModelFile(userFolder, copy.run.name);
    // Loading, checking and rewriting a Large network takes seconds: on a worker thread.
    m_copyJob.start(tr("Adding the model %1").arg(QFileInfo(target).fileName()), [this, copy, target](JobControl&) {
        cryosr::copyModel(QDir(copy.run.folder).filePath("model.pt").toStdString(), target.toStdString(),
                          copy.card.toStdString());
        return [this, folder = copy.run.folder, target] { Q_EMIT installed(folder, target); };
    });
    m_copying = copy.run.folder;
}
