#include "detachedprocess.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <vector>

extern char** environ;

qint64 spawnDetached(const QString& program, const QStringList& arguments, const QString& folder, const QString& output,
                     QString* error)
{
    std::vector<QByteArray> strings{QFile::encodeName(program)};
    for (const QString& a : arguments)
        strings.push_back(a.toLocal8Bit());
    std::vector<char*> argv;
    for (QByteArray& s : strings)
        argv.push_back(s.data());
    argv.push_back(nullptr);
    const QByteArray directory = QFile::encodeName(folder), log = QFile::encodeName(output);

    posix_spawn_file_actions_t files;
    posix_spawnattr_t attributes;
    posix_spawn_file_actions_init(&files);
    posix_spawnattr_init(&attributes);
    posix_spawn_file_actions_addopen(&files, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, log.constData(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&files, STDOUT_FILENO, STDERR_FILENO);
    posix_spawn_file_actions_addchdir_np(&files, directory.constData());
    // A session of its own, default signal handling and an empty mask (not the GUI's).
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setsigdefault(&attributes, &all);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    pid_t pid = 0;
    const int result = posix_spawn(&pid, argv[0], &files, &attributes, argv.data(), environ);
    posix_spawn_file_actions_destroy(&files);
    posix_spawnattr_destroy(&attributes);
    if (result != 0) {
        *error = QString::fromLocal8Bit(std::strerror(result));
        return 0;
    }
    return pid;
}

bool processRunning(qint64 pid)
{
    if (pid <= 0)
        return false;
    int status = 0;
    if (::waitpid(pid_t(pid), &status, WNOHANG) == pid_t(pid))
        return false; // our child, ended (and now reaped)
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}
