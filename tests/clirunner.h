#pragma once
// Runs cryosr-cli (CRYOSR_CLI, set per test target) as a user would, without a display.

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QStringList>

namespace testsupport {

struct CliResult {
    int exitCode = -1; ///< -1 when it crashed or ran over five minutes
    QByteArray out;
    QByteArray err;
};

inline CliResult runCli(const QStringList& args, const QProcessEnvironment& extra = {})
{
    QProcess p;
    // The headless tool must not need a display.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY");
    env.remove("WAYLAND_DISPLAY");
    for (const QString& key : extra.keys())
        env.insert(key, extra.value(key));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CRYOSR_CLI), args);
    if (!p.waitForFinished(300000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

inline QByteArray fileHash(const QString& file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

} // namespace testsupport
