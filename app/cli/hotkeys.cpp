// partlab-cli hotkeys: streaming heavy hitters per partition, with remedies.
#include "command.h"
#include "inputoptions.h"

#include "advisor/hotkeytracker.h"
#include "model/limits.h"
#include "routing/partitionerargs.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace partlab::cli {

namespace {

const QString kCommand = QStringLiteral("hotkeys");

int runHotKeys(const QStringList &arguments)
{
    QCommandLineParser parser;
    addInputOptions(parser);
    const PartitionerArgs partitionerArgs = PartitionerArgs::nameAndCount(QStringLiteral("xap"));
    addPartitionerOptions(parser, partitionerArgs);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A CSV trace (with --key) or builtin:NAME."));
    parser.addOptions({
        {QStringLiteral("top"), QStringLiteral("Hot keys to show per partition (default 5)."), QStringLiteral("K")},
        {QStringLiteral("capacity"), QStringLiteral("Space-Saving counters per partition (default 16 x top): more = tighter counts."), QStringLiteral("C")},
        {QStringLiteral("max-keys"), QStringLiteral("Stop with an error past this many distinct keys (default %1).").arg(KeyTable::kDefaultMaxKeys), QStringLiteral("K")},
        {QStringLiteral("json"), QStringLiteral("Print the report as JSON.")},
    });
    if (const auto exit = parseArguments(parser, kCommand,
                                         QStringLiteral("Finds the hottest keys of each partition in bounded memory (Space-Saving) and suggests remedies."),
                                         arguments, true))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return usageError(kCommand, QStringLiteral("unexpected argument '%1'").arg(positional[1]));

    QString error;
    qint64 top = 5;
    if (!readIntegerOption(parser, QStringLiteral("top"), 1, 10000, top, &error))
        return usageError(kCommand, error);
    qint64 capacity = 16 * top;
    if (!readIntegerOption(parser, QStringLiteral("capacity"), top, 1'000'000, capacity, &error))
        return usageError(kCommand, error);
    quint32 maxKeys = KeyTable::kDefaultMaxKeys;
    if (!readIntegerOption(parser, QStringLiteral("max-keys"), 1, 1'000'000'000, maxKeys, &error))
        return usageError(kCommand, error);
    PartitionerOptions o; // 8 partitions unless --partitions
    const QString name = parser.isSet(QStringLiteral("partitioner")) ? parser.value(QStringLiteral("partitioner")) : partitionerArgs.defaultPartitioner;
    error = readPartitionerOptions(parser, name, o, partitionerArgs);
    if (!error.isEmpty())
        return usageError(kCommand, error);
    auto partitioner = createPartitioner(name, o, &error);
    if (!partitioner)
        return usageError(kCommand, QStringLiteral("--partitioner: %1").arg(error));

    InputChoice input;
    if (const auto exit = openInput(parser, kCommand, input, positional.value(0)))
        return *exit;
    HotKeyTracker tracker(std::move(partitioner), quint32(capacity), maxKeys);
    SourceMessage m;
    for (;;) {
        const MessageSource::Status status = input.source->next(m);
        if (status == MessageSource::Status::End)
            break;
        if (status == MessageSource::Status::Error) {
            printErr(QStringLiteral("partlab-cli %1: %2\n").arg(kCommand, input.source->errorString()));
            return ExitFailure;
        }
        if (!tracker.add(m.key)) {
            const QString where = input.source->location();
            printErr(QStringLiteral("partlab-cli %1: %2more than %3 distinct keys (raise --max-keys)\n")
                         .arg(kCommand, where.isEmpty() ? QString() : where + QStringLiteral(": ")).arg(maxKeys));
            return ExitFailure;
        }
    }
    const HotKeyReport report = tracker.report(quint32(top));

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray parts;
        for (std::size_t p = 0; p < report.partitions.size(); ++p) {
            QJsonArray keys;
            for (const HotKey &k : report.partitions[p]) {
                keys.append(QJsonObject{{QStringLiteral("key"), QString::fromStdString(k.key)},
                                        {QStringLiteral("count"), double(k.count)},
                                        {QStringLiteral("guaranteed"), double(k.guaranteed)},
                                        {QStringLiteral("partition_share"), k.partitionShare},
                                        {QStringLiteral("total_share"), k.totalShare}});
            }
            parts.append(QJsonObject{{QStringLiteral("partition"), int(p)},
                                     {QStringLiteral("messages"), double(report.partitionMessages[p])},
                                     {QStringLiteral("hot_keys"), keys}});
        }
        const QJsonObject o{{QStringLiteral("input"), input.title},
                            {QStringLiteral("messages"), double(report.messages)},
                            {QStringLiteral("partitions"), parts},
                            {QStringLiteral("advice"), QJsonArray::fromStringList(report.advice)}};
        printOut(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
        return ExitOk;
    }
    QString t = QStringLiteral("Hot keys of %1: %2 messages over %3 partitions (%4)\n")
                    .arg(input.title).arg(report.messages).arg(o.partitions).arg(name);
    for (std::size_t p = 0; p < report.partitions.size(); ++p) {
        t += QStringLiteral("\npartition %1: %2 messages\n").arg(p).arg(report.partitionMessages[p]);
        for (const HotKey &k : report.partitions[p]) {
            t += QStringLiteral("  key %1 gives %2% of partition %3's load (%4 messages%5)\n")
                     .arg(QString::fromStdString(k.key)).arg(100.0 * k.partitionShare, 0, 'f', 1).arg(p).arg(k.count)
                     .arg(k.guaranteed == k.count ? QString() : QStringLiteral(", at least %1").arg(k.guaranteed));
        }
    }
    t += QStringLiteral("\nAdvice:\n");
    for (const QString &a : report.advice)
        t += QStringLiteral("  - %1\n").arg(a);
    printOut(t);
    return ExitOk;
}

} // namespace

PARTLAB_CLI_COMMAND("hotkeys", "Find each partition's hottest keys (Space-Saving) and suggest remedies", runHotKeys);

} // namespace partlab::cli
