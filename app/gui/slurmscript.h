#pragma once
// Slurm batch scripts for training runs, from a template the user can edit (as RELION's queue
// submission templates): CryoSR ships one (packaging/slurm/cryosr-train.sbatch), a user's own copy
// lives in the configuration folder.

#include <QJsonObject>
#include <QString>
#include <functional>

class QObject;
class QProcess;

/// The template CryoSR ships.
QString defaultSlurmTemplate();
/// The user's template where they saved one, else the default.
QString slurmTemplate();
/// Saves the user's template (an empty text restores the default); false with `error` on failure.
bool saveSlurmTemplate(const QString& text, QString* error);
/// Where the user's template is kept.
QString slurmTemplateFile();

/// The template with {{JOB_NAME}}, {{RUN_DIR}}, {{CRYOSR_CLI}} and {{CONFIG_JSON}} filled in (paths
/// shell-quoted; the configuration as indented JSON).
QString fillSlurmTemplate(const QString& text, const QString& jobName, const QString& runDir, const QString& cli,
                          const QJsonObject& config);

/// The job number in sbatch's "Submitted batch job N" (empty when it is not there).
QString slurmJobId(const QString& sbatchOutput);

/// `program` (sbatch, scancel) as an asynchronous child of `parent`, not yet started, killed after a
/// minute without an answer: sbatch waits for the controller, which can take a while on a busy cluster.
/// `done` hears its standard output and, when it failed, why (empty on success).
QProcess* startSlurmCommand(QObject* parent, const QString& program, const QStringList& arguments,
                            std::function<void(const QString& output, const QString& error)> done);
