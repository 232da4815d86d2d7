// partlab-cli space: run a JSON Lines script against a partitioned space with XAP routing.
#include "command.h"

#include "model/limits.h"
#include "routing/partitionerargs.h"
#include "space/scriptrunner.h"
#include "space/spaceproxy.h"

#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace partlab::cli {

namespace {

const QString kCommand = QStringLiteral("space");

int runSpace(const QStringList &arguments)
{
    QCommandLineParser parser;
    const PartitionerArgs partitionerArgs = PartitionerArgs::nameAndCount(QStringLiteral("xap"), limits::kMaxSpacePartitions);
    addPartitionerOptions(parser, partitionerArgs);
    parser.addOptions({
        {QStringLiteral("script"), QStringLiteral("JSON Lines script, one operation per line; '-' reads standard input."),
         QStringLiteral("FILE")},
    });
    if (const auto exit = parseArguments(parser, kCommand,
                                         QStringLiteral("Runs a script of space operations (write, read, take, ...) against N "
                                                        "share-nothing partitions behind a routing proxy with XAP semantics, "
                                                        "and prints one JSON line per operation."),
                                         arguments))
        return *exit;
    if (!parser.isSet(QStringLiteral("partitions")))
        return usageError(kCommand, QStringLiteral("--partitions N is required"));
    if (!parser.isSet(QStringLiteral("script")))
        return usageError(kCommand, QStringLiteral("--script FILE (or - for standard input) is required"));
    QString error;
    const QString partitioner = parser.isSet(QStringLiteral("partitioner")) ? parser.value(QStringLiteral("partitioner")) : partitionerArgs.defaultPartitioner;
    PartitionerOptions options;
    error = readPartitionerOptions(parser, partitioner, options, partitionerArgs);
    if (!error.isEmpty())
        return usageError(kCommand, error);
    auto proxy = SpaceProxy::create(options.partitions, partitioner, &error);
    if (!proxy)
        return usageError(kCommand, QStringLiteral("--partitioner: %1").arg(error));

    const QString script = parser.value(QStringLiteral("script"));
    if (script.isEmpty())
        return usageError(kCommand, QStringLiteral("--script needs a file name (or - for standard input)"));
    QFile input;
    QString baseDirectory = QStringLiteral(".");
    if (script == QLatin1String("-")) {
        if (!input.open(stdin, QIODevice::ReadOnly)) {
            printErr(QStringLiteral("partlab-cli %1: cannot read standard input\n").arg(kCommand));
            return ExitFailure;
        }
    } else {
        input.setFileName(script);
        if (QFileInfo(script).isDir() || !input.open(QIODevice::ReadOnly)) {
            printErr(QStringLiteral("partlab-cli %1: cannot read %2: %3\n")
                         .arg(kCommand, script, QFileInfo(script).isDir() ? QStringLiteral("is a directory") : input.errorString()));
            return ExitFailure;
        }
        baseDirectory = QFileInfo(script).absolutePath();
    }
    SpaceScriptRunner runner(*proxy, baseDirectory);
    runner.run(input, [](const QByteArray &line) {
        std::fwrite(line.constData(), 1, std::size_t(line.size()), stdout);
        std::fputc('\n', stdout);
        std::fflush(stdout); // a script piped in line by line gets its answers as it goes
    });
    return ExitOk;
}

} // namespace

PARTLAB_CLI_COMMAND("space", "Run a script against a partitioned space with XAP routing", runSpace);

} // namespace partlab::cli
