#include "slurmscript.h"

#include "io/scripttemplate.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>

QString defaultSlurmTemplate()
{
    QFile file(":/templates/cryosr-train.sbatch");
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QString slurmTemplateFile()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)).filePath("cryosr-train.sbatch");
}

QString slurmTemplate()
{
    QFile file(slurmTemplateFile());
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : defaultSlurmTemplate();
}

bool saveSlurmTemplate(const QString& text, QString* error)
{
    if (text.trimmed().isEmpty() || text == defaultSlurmTemplate()) {
        QFile::remove(slurmTemplateFile());
        return true;
    }
    QDir().mkpath(QFileInfo(slurmTemplateFile()).path());
    QSaveFile file(slurmTemplateFile());
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        *error = QObject::tr("%1 cannot be written: %2").arg(slurmTemplateFile(), file.errorString());
        return false;
    }
    return true;
}

QString fillSlurmTemplate(const QString& text, const QString& jobName, const QString& runDir, const QString& cli,
                          const QJsonObject& config)
{
    QString name = jobName;
    name.replace(QRegularExpression("[^A-Za-z0-9._-]"), "_"); // Slurm job names go into #SBATCH lines unquoted
    std::string script = text.toStdString();
    cryosr::fillPlaceholder(script, "JOB_NAME", name.toStdString());
    cryosr::fillPlaceholder(script, "RUN_DIR", cryosr::shellQuoted(runDir.toStdString()));
    cryosr::fillPlaceholder(script, "CRYOSR_CLI", cryosr::shellQuoted(cli.toStdString()));
    cryosr::fillPlaceholder(script, "CONFIG_JSON", QJsonDocument(config).toJson(QJsonDocument::Indented).trimmed().toStdString());
    return QString::fromStdString(script);
}

QString slurmJobId(const QString& sbatchOutput)
{
    const QRegularExpressionMatch match = QRegularExpression("Submitted batch job (\\d+)").match(sbatchOutput);
    return match.hasMatch() ? match.captured(1) : QString();
}

QProcess* startSlurmCommand(QObject* parent, const QString& program, const QStringList& arguments,
                            std::function<void(const QString& output, const QString& error)> done)
{
    auto* process = new QProcess(parent);
    process->setProgram(program);
    process->setArguments(arguments);
    auto finish = [process, done](const QString& error) {
        if (process->property("done").toBool()) // errorOccurred and finished may both come
            return;
        process->setProperty("done", true);
        process->deleteLater();
        done(QString::fromUtf8(process->readAllStandardOutput()), error);
    };
    QObject::connect(process, &QProcess::finished, parent, [process, finish](int code, QProcess::ExitStatus status) {
        const QString stderrText = QString::fromUtf8(process->readAllStandardError()).trimmed();
        const QString name = QFileInfo(process->program()).fileName();
        if (process->property("timedOut").toBool())
            finish(QObject::tr("%1 did not answer within a minute").arg(name));
        else if (status != QProcess::NormalExit)
            finish(QObject::tr("%1 stopped unexpectedly").arg(name));
        else if (code != 0)
            finish(stderrText.isEmpty() ? QObject::tr("exit code %1").arg(code) : stderrText);
        else
            finish({});
    });
    QObject::connect(process, &QProcess::errorOccurred, parent, [process, finish](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            finish(process->errorString());
    });
    QTimer::singleShot(60000, process, [process] {
        process->setProperty("timedOut", true);
        process->kill();
    });
    return process;
}
