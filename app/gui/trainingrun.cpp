#include "trainingrun.h"

#include "detachedprocess.h"

#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace {

constexpr const char* kRecordFile = "cryosr-run.json";

QStringList strings(const QJsonValue& value)
{
    QStringList out;
    for (const QJsonValue& v : value.toArray())
        out << v.toString();
    return out;
}

} // namespace

// ---- JsonLinesFollower ----

QList<QJsonObject> JsonLinesFollower::readNew()
{
    QList<QJsonObject> events;
    QFile file(m_file);
    if (!file.open(QIODevice::ReadOnly))
        return events;
    if (file.size() < m_offset) { // rewritten: read it again from the start
        m_offset = 0;
        m_partial.clear();
    }
    if (!file.seek(m_offset))
        return events;
    const QByteArray added = file.readAll();
    m_offset += added.size();
    m_partial += added;
    qsizetype start = 0;
    for (qsizetype end = m_partial.indexOf('\n'); end >= 0; end = m_partial.indexOf('\n', start)) {
        const QJsonDocument line = QJsonDocument::fromJson(m_partial.mid(start, end - start));
        if (line.isObject())
            events << line.object();
        start = end + 1;
    }
    m_partial.remove(0, start);
    return events;
}

// ---- TrainingRunRecord ----

TrainingRunRecord TrainingRunRecord::load(const QString& folder)
{
    TrainingRunRecord record;
    record.name = QDir(folder).dirName();
    QFile file(QDir(folder).filePath(kRecordFile));
    if (!file.open(QIODevice::ReadOnly))
        return record;
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    record.name = json.value("name").toString(record.name);
    record.where = json.value("where").toString("local");
    record.pid = json.value("pid").toInteger();
    record.jobId = json.value("job").toString();
    record.cancelled = json.value("cancelled").toBool();
    record.installedModel = json.value("installed_model").toString();
    return record;
}

bool TrainingRunRecord::save(const QString& folder) const
{
    const QJsonObject json{{"name", name}, {"where", where},         {"pid", pid},
                           {"job", jobId}, {"cancelled", cancelled}, {"installed_model", installedModel}};
    QSaveFile file(QDir(folder).filePath(kRecordFile));
    return file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(json).toJson()) >= 0 && file.commit();
}

// ---- TrainingRun ----

TrainingRun::TrainingRun(QString folder)
    : m_folder(std::move(folder))
    , m_record(TrainingRunRecord::load(m_folder))
    , m_log(QDir(m_folder).filePath("log.jsonl"))
{
}

QList<QJsonObject> TrainingRun::poll()
{
    const QList<QJsonObject> events = m_log.readNew();
    for (const QJsonObject& event : events)
        apply(event);
    m_events += events;
    return events;
}

void TrainingRun::apply(const QJsonObject& e)
{
    const QString kind = e.value("event").toString();
    if (kind == "start") {
        m_last = kind;
        m_restarted = false;
        m_endReason.clear();
        m_error.clear();
        m_step = e.value("step").toInteger();
        m_total = e.value("total_steps").toInteger();
        m_device = e.value("device").toString();
        const QJsonObject files = e.value("files").toObject();
        m_trainingFiles = strings(files.value("training"));
        m_validationFiles = strings(files.value("validation"));
    } else if (kind == "step") {
        m_step = e.value("step").toInteger();
        m_total = e.value("total_steps").toInteger(m_total);
        m_stepsPerSecond = e.value("steps_per_second").toDouble();
        m_secondsLeft = e.value("eta_seconds").toDouble();
    } else if (kind == "validation") {
        m_samples = QDir(m_folder).filePath(e.value("samples").toString());
        m_samplesStep = e.value("step").toInteger();
    } else if (kind == "end") {
        m_last = kind;
        m_step = e.value("step").toInteger(m_step);
        m_endReason = e.value("reason").toString();
        m_stopping = false;
    } else if (kind == "error") {
        m_last = kind;
        m_error = e.value("message").toString();
        m_stopping = false;
    }
}

void TrainingRun::restarted()
{
    m_restarted = true;
    m_stopping = false;
    m_endReason.clear();
    m_error.clear();
}

bool TrainingRun::processAlive() const
{
    if (m_record.where != "local" || m_record.pid <= 0)
        return false;
    if (!processRunning(m_record.pid))
        return false;
    // The pid may have been reused after a reboot: it must still be a cryosr-cli (a zombie has no cmdline).
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(m_record.pid));
    return !cmdline.open(QIODevice::ReadOnly) || cmdline.readAll().contains("cryosr-cli");
}

QString TrainingRun::outputTail() const
{
    // Slurm writes the job's output into the folder it was submitted from (the run's).
    QFile file(QDir(m_folder).filePath(m_record.where == "slurm" ? QStringLiteral("slurm-%1.out").arg(m_record.jobId)
                                                                 : QStringLiteral("train.out")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    if (file.size() > 4096)
        file.seek(file.size() - 4096);
    QStringList lines = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
    for (QString& line : lines)
        line = line.section('\r', -1); // the status line rewrites itself with carriage returns
    return lines.mid(std::max<qsizetype>(0, lines.size() - 2)).join(' ').trimmed();
}

TrainingMonitor::State TrainingRun::state() const
{
    using State = TrainingMonitor::State;
    if (!m_restarted && m_last == "end")
        return m_endReason == "finished" ? State::Finished : m_record.cancelled ? State::Cancelled : State::Paused;
    if (!m_restarted && m_last == "error")
        return State::Failed;
    if (m_record.where == "slurm" || m_record.pid <= 0) // a cluster job, or a run started elsewhere: the log says all
        return m_stopping ? State::Stopping : m_last == "start" ? State::Running : State::Waiting;
    if (!processAlive())
        return m_last.isEmpty() && !m_restarted ? State::Failed : State::Lost;
    if (m_stopping)
        return State::Stopping;
    return m_last == "start" && !m_restarted ? State::Running : State::Starting;
}

bool TrainingRun::isSettled() const
{
    using State = TrainingMonitor::State;
    const State s = state();
    return s != State::Starting && s != State::Running && s != State::Stopping && s != State::Waiting;
}

QString TrainingRun::stateMessage() const
{
    using State = TrainingMonitor::State;
    switch (state()) {
    case State::Failed:
        return m_error.isEmpty() ? outputTail() : m_error;
    case State::Lost:
        return QObject::tr("the process ended without finishing (last step %1): %2").arg(m_step).arg(outputTail());
    case State::Finished:
        return m_record.installedModel.isEmpty() ? QObject::tr("%1 steps").arg(m_step)
                                                 : QObject::tr("%1 steps; the model is in the Upscale panel's list as %2")
                                                       .arg(m_step)
                                                       .arg(QFileInfo(m_record.installedModel).completeBaseName());
    case State::Paused:
    case State::Cancelled:
        return QObject::tr("step %1 of %2; the last checkpoint's model is %3")
            .arg(m_step)
            .arg(m_total)
            .arg(QDir(m_folder).filePath("model.pt"));
    case State::Running:
    case State::Stopping:
        return QObject::tr("step %1 of %2").arg(m_step).arg(m_total);
    case State::Waiting:
        if (m_record.where != "slurm")
            return {};
        return outputTail().isEmpty() ? QObject::tr("Slurm job %1: no log yet").arg(m_record.jobId)
                                      : QObject::tr("Slurm job %1, no log yet: %2").arg(m_record.jobId, outputTail());
    case State::Starting:
        break;
    }
    return {};
}

QString runConfigFile(const QString& folder)
{
    return QDir(folder).filePath("config.json");
}

QJsonObject readRunConfig(const QString& folder)
{
    QFile in(runConfigFile(folder));
    return in.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(in.readAll()).object() : QJsonObject();
}

bool writeTextFile(const QString& file, const QByteArray& text)
{
    QSaveFile out(file);
    return out.open(QIODevice::WriteOnly) && out.write(text) >= 0 && out.commit();
}
