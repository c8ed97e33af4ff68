#pragma once
// Starting a program that outlives CryoSR (a training run), without fork().

#include <QString>
#include <QStringList>

/**
 * Starts `program` with `arguments` in `folder`, in a session of its own (closing CryoSR or its
 * terminal does not stop it), stdin from /dev/null, stdout and stderr appended to `output`. Returns
 * its pid, or 0 with `error` set.
 *
 * posix_spawn, not fork (which QProcess::startDetached uses): fork runs OpenBLAS's fork handler, which
 * shuts down its thread pool under a BLAS call the engine thread may be making at that moment — the
 * call then waits forever (OpenBLAS issue #2270 and its kin). posix_spawn runs no fork handlers.
 */
qint64 spawnDetached(const QString& program, const QStringList& arguments, const QString& folder, const QString& output,
                     QString* error);

/// True while `pid` runs; reaps it when it is a child of this process that has ended.
bool processRunning(qint64 pid);
