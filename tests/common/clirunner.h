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

} // namespace partlab::test
