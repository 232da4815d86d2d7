#pragma once

// Runs partlab-cli for end-to-end tests and captures what it printed.
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTest>

namespace partlab::test {

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool crashed = false;
};

/** Runs `partlab-cli ARGS` with optional stdin, waiting at most @p timeoutMs. */
inline CliResult runCli(const QStringList &arguments, const QByteArray &input = {}, int timeoutMs = 60000)
{
    QProcess process;
    process.start(QStringLiteral(PARTLAB_CLI), arguments);
    CliResult r;
    if (!process.waitForStarted(10000))
        return r;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        r.crashed = true;
    }
    r.crashed = r.crashed || process.exitStatus() == QProcess::CrashExit;
    r.exitCode = process.exitCode();
    r.out = process.readAllStandardOutput();
    r.err = process.readAllStandardError();
    return r;
}

/**
 * Runs `partlab-cli ARGS` as a shell pipeline does (`partlab-cli ARGS 2>&1 3>&1 | cat`): the
 * result comes only when every holder of the pipe's write end has closed it, so a background
 * process that inherited the caller's stdout, stderr or any other descriptor (here fd 3) makes it
 * time out (crashed = true). out holds stdout and stderr merged; exitCode is partlab-cli's.
 */
inline CliResult runCliThroughPipe(const QStringList &arguments, int timeoutMs = 60000)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("/bin/bash"),
                  QStringList{QStringLiteral("-c"), QStringLiteral("set -o pipefail; \"$0\" \"$@\" 2>&1 3>&1 | cat"),
                              QStringLiteral(PARTLAB_CLI)} + arguments);
    CliResult r;
    if (!process.waitForStarted(10000))
        return r;
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        r.crashed = true;
    }
    r.crashed = r.crashed || process.exitStatus() == QProcess::CrashExit;
    r.exitCode = process.exitCode();
    r.out = process.readAllStandardOutput();
    return r;
}

} // namespace partlab::test
