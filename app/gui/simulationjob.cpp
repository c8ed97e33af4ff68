#include "simulationjob.h"

#include "trainingservices.h"

#include <QDir>
#include <QFileInfo>

SimulationJob::SimulationJob(QObject* parent)
    : QObject(parent)
{
}

SimulationJob::~SimulationJob()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

bool SimulationJob::start(const SimulationRequest& request, QString* error)
{
    if (m_process)
        *error = tr("A simulation is already running");
    else if (!QFileInfo(request.map).isFile())
        *error = tr("The map %1 does not exist").arg(request.map);
    else if (request.folder.isEmpty() || !QDir().mkpath(request.folder))
        *error = tr("The folder %1 cannot be created").arg(request.folder);
    else {
        m_request = request;
        m_made.clear();
        next();
        return true;
    }
    return false;
}

void SimulationJob::next()
{
    const SimulationRequest& r = m_request;
    const QDir folder(r.folder);
    while (m_made.size() < r.count) {
        const QString name = QStringLiteral("sim_%1").arg(m_made.size() + 1, 3, 10, QChar('0'));
        const QString micrograph = folder.filePath(name + ".mrc"), clean = folder.filePath(name + ".clean.mrc");
        if (QFileInfo::exists(micrograph) && QFileInfo::exists(clean)) {
            m_made << micrograph; // made by an earlier, interrupted simulation
            continue;
        }
        QStringList arguments{"simulate",
                              "--map",
                              r.map,
                              "-o",
                              micrograph,
                              "--clean",
                              clean,
                              "--size",
                              QStringLiteral("%1,%1").arg(r.size),
                              "--particles",
                              QString::number(r.particles),
                              "--dose",
                              QString::number(r.dose),
                              "--defocus",
                              QStringLiteral("%1,%2").arg(r.defocusMin).arg(r.defocusMax),
                              "--seed",
                              QString::number(m_made.size() + 1)};
        if (r.pixelSize > 0)
            arguments << "--pixel-size" << QString::number(r.pixelSize);
        m_process = new QProcess(this);
        connect(m_process, &QProcess::finished, this, [this, micrograph](int code, QProcess::ExitStatus status) {
            const QString error = QString::fromUtf8(m_process->readAllStandardError()).trimmed();
            m_process->deleteLater();
            m_process = nullptr;
            if (code != 0 || status != QProcess::NormalExit) {
                Q_EMIT ended({}, error.isEmpty() ? tr("cryosr-cli simulate stopped") : error);
                return;
            }
            m_made << micrograph;
            next();
        });
        m_process->start(cryosrCliPath(), arguments);
        return;
    }
    Q_EMIT ended(m_made, {});
}
