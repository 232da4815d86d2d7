// partlab-cli movement: how many keys change partition when N partitions become M.
#include "command.h"
#include "routing/partitionerargs.h"

#include "routing/movementcounter.h"
#include "trace/csvsource.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <string>
#include <unordered_set>

namespace partlab::cli {

namespace {

const QString kCommand = QStringLiteral("movement");
constexpr qint64 kDefaultKeys = 100000;
constexpr qint64 kDefaultMaxDistinctKeys = 50'000'000;

/** One row of the report: a counter, or the reason the partitioner cannot do N or M. */
struct Row
{
    QString name;
    std::unique_ptr<MovementCounter> counter;
    QString note;
};

QString percent(double fraction)
{
    return QString::number(fraction * 100.0, 'f', 2) + QLatin1Char('%');
}

QString unitsText(const MovementResult &r)
{
    if (r.unitName.isEmpty())
        return {};
    const QString plural = r.unitName == QLatin1String("slot")            ? QStringLiteral("slots")
                           : r.unitName == QLatin1String("routing_shard") ? QStringLiteral("routing shards")
                                                                          : QStringLiteral("key groups");
    if (r.unitsMoved < 0)
        return QStringLiteral("%1 change: %2 -> %3").arg(plural).arg(r.unitsTotal).arg(r.unitsTotalAfter);
    return QStringLiteral("%1 of %2 %3").arg(r.unitsMoved).arg(r.unitsTotal).arg(plural);
}

int runMovement(const QStringList &arguments)
{
    QCommandLineParser parser;
    PartitionerArgs partitionerArgs;
    partitionerArgs.partitions = false; // --from and --to instead
    addPartitionerOptions(parser, partitionerArgs);
    parser.addOptions({
        {QStringLiteral("from"), QStringLiteral("Partitions before the resize (N)."), QStringLiteral("N")},
        {QStringLiteral("to"), QStringLiteral("Partitions after the resize (M)."), QStringLiteral("M")},
        {QStringLiteral("keys"), QStringLiteral("Count over K generated text keys key0 .. key<K-1> (default %1).").arg(kDefaultKeys), QStringLiteral("K")},
        {QStringLiteral("input"), QStringLiteral("Count over the distinct keys of a CSV file with a header row instead."), QStringLiteral("FILE.csv")},
        {QStringLiteral("key"), QStringLiteral("CSV column holding the key (with --input)."), QStringLiteral("FIELD")},
        {QStringLiteral("max-keys"), QStringLiteral("With --input: stop with an error past this many distinct keys (default %1).").arg(kDefaultMaxDistinctKeys), QStringLiteral("K")},
        {QStringLiteral("max-line-bytes"), QStringLiteral("With --input: longest CSV record accepted (default %1).").arg(CsvSource::kDefaultMaxRecordBytes), QStringLiteral("B")},
        {QStringLiteral("json"), QStringLiteral("Print one JSON object instead of a table.")},
    });
    if (const auto exit = parseArguments(parser, kCommand,
                                         QStringLiteral("Reports how many keys (and what fraction) change partition when N "
                                                        "partitions become M, for one partitioner or all of them. Redis, Flink "
                                                        "and Elasticsearch also report the slots / key groups / routing shards "
                                                        "that change owner, and every row the most old partitions one new "
                                                        "partition draws from (1: a split, as Elasticsearch's _split)."),
                                         arguments))
        return *exit;

    QString error;
    if (!parser.isSet(QStringLiteral("from")) || !parser.isSet(QStringLiteral("to")))
        return usageError(kCommand, QStringLiteral("--from N and --to M are required"));
    const auto from = integerOption(parser, QStringLiteral("from"), 1, PartitionerLimits::kMaxPartitions, &error);
    if (!from)
        return usageError(kCommand, error);
    const auto to = integerOption(parser, QStringLiteral("to"), 1, PartitionerLimits::kMaxPartitions, &error);
    if (!to)
        return usageError(kCommand, error);

    QString only;
    if (parser.isSet(QStringLiteral("partitioner"))) {
        only = parser.value(QStringLiteral("partitioner"));
        if (const QString problem = partitionerOptionError(only); !problem.isEmpty())
            return usageError(kCommand, problem);
    }
    PartitionerOptions options;
    error = readPartitionerOptions(parser, only, options, partitionerArgs);
    if (!error.isEmpty())
        return usageError(kCommand, error);

    const bool fromCsv = parser.isSet(QStringLiteral("input"));
    if (fromCsv && parser.isSet(QStringLiteral("keys")))
        return usageError(kCommand, QStringLiteral("--keys and --input exclude each other"));
    for (const char *option : {"key", "max-keys", "max-line-bytes"}) {
        if (parser.isSet(QLatin1String(option)) && !fromCsv)
            return usageError(kCommand, QStringLiteral("--%1 applies to --input only").arg(QLatin1String(option)));
    }
    qint64 maxKeys = kDefaultMaxDistinctKeys;
    if (!readIntegerOption(parser, QStringLiteral("max-keys"), 1, 1'000'000'000, maxKeys, &error))
        return usageError(kCommand, error);
    qsizetype maxLineBytes = CsvSource::kDefaultMaxRecordBytes;
    if (!readIntegerOption(parser, QStringLiteral("max-line-bytes"), 16, qint64(1) << 30, maxLineBytes, &error))
        return usageError(kCommand, error);
    qint64 keyCount = kDefaultKeys;
    if (!readIntegerOption(parser, QStringLiteral("keys"), 1, 1'000'000'000, keyCount, &error))
        return usageError(kCommand, error);
    std::unique_ptr<CsvSource> csv;
    if (fromCsv) {
        if (!parser.isSet(QStringLiteral("key")))
            return usageError(kCommand, QStringLiteral("--input needs --key FIELD (the column with the key)"));
        const QString path = parser.value(QStringLiteral("input"));
        if (!QFileInfo(path).isFile())
            return usageError(kCommand, QStringLiteral("--input: %1: no such file").arg(path));
        FieldMapping mapping;
        mapping.key = parser.value(QStringLiteral("key"));
        csv = CsvSource::open(path, mapping, &error, maxLineBytes);
        if (!csv)
            return usageError(kCommand, error);
    }

    // One counter per partitioner; one that cannot take N or M gets a note instead (or, when it
    // was asked for by name, the run stops with the reason).
    std::vector<Row> rows;
    for (const QString &name : only.isEmpty() ? partitionerNames() : QStringList{only}) {
        Row row;
        row.name = name;
        PartitionerOptions o = options;
        o.partitions = int(*from);
        auto partitioner = createPartitioner(name, o, &error);
        // The resized partitioner is what a resize builds (withPartitions: Flink keeps its key
        // groups, an Elasticsearch _split its routing shards); it must be one the system allows.
        if (partitioner && !createPartitioner(name, partitioner->withPartitions(int(*to))->options(), &error))
            partitioner.reset();
        if (!partitioner) {
            if (!only.isEmpty())
                return usageError(kCommand, error);
            row.note = error;
        } else {
            row.counter = std::make_unique<MovementCounter>(std::move(partitioner), int(*to));
        }
        rows.push_back(std::move(row));
    }

    const auto addKey = [&rows](const RoutingKey &key) {
        for (Row &row : rows) {
            if (row.counter)
                row.counter->add(key);
        }
    };
    QString source;
    if (csv) {
        std::unordered_set<std::string> seen;
        SourceMessage message;
        for (;;) {
            const MessageSource::Status status = csv->next(message);
            if (status == MessageSource::Status::End)
                break;
            if (status == MessageSource::Status::Error) {
                printErr(QStringLiteral("partlab-cli %1: %2\n").arg(kCommand, csv->errorString()));
                return ExitFailure;
            }
            const auto inserted = seen.emplace(message.key);
            if (inserted.second && qint64(seen.size()) > maxKeys) {
                printErr(QStringLiteral("partlab-cli %1: %2: more than %3 distinct keys (raise --max-keys)\n")
                             .arg(kCommand, csv->location()).arg(maxKeys));
                return ExitFailure;
            }
            if (inserted.second)
                addKey(RoutingKey::text(*inserted.first));
        }
        source = QStringLiteral("%1 column %2").arg(parser.value(QStringLiteral("input")), parser.value(QStringLiteral("key")));
    } else {
        std::string key;
        for (qint64 i = 0; i < keyCount; ++i) {
            key = "key" + std::to_string(i);
            addKey(RoutingKey::text(key));
        }
        source = QStringLiteral("generated key0 .. key%1").arg(keyCount - 1);
    }

    MovementResult minimum;
    minimum.from = int(*from);
    minimum.to = int(*to);
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject root;
        root.insert(QStringLiteral("from"), int(*from));
        root.insert(QStringLiteral("to"), int(*to));
        root.insert(QStringLiteral("source"), source);
        root.insert(QStringLiteral("minimum_fraction"), minimum.minimumFraction());
        QJsonArray list;
        for (const Row &row : rows) {
            QJsonObject o;
            o.insert(QStringLiteral("partitioner"), row.name);
            if (!row.counter) {
                o.insert(QStringLiteral("error"), row.note);
                list.append(o);
                continue;
            }
            const MovementResult r = row.counter->result();
            o.insert(QStringLiteral("keys"), double(r.keys));
            o.insert(QStringLiteral("moved"), double(r.moved));
            o.insert(QStringLiteral("fraction"), r.fraction());
            if (r.maxSourcesPerTarget >= 0)
                o.insert(QStringLiteral("max_sources_per_partition"), r.maxSourcesPerTarget);
            if (!r.unitName.isEmpty()) {
                QJsonObject units;
                units.insert(QStringLiteral("unit"), r.unitName);
                units.insert(QStringLiteral("total"), double(r.unitsTotal));
                units.insert(QStringLiteral("total_after"), double(r.unitsTotalAfter));
                units.insert(QStringLiteral("moved"), r.unitsMoved < 0 ? QJsonValue() : QJsonValue(double(r.unitsMoved)));
                o.insert(QStringLiteral("units"), units);
            }
            list.append(o);
        }
        root.insert(QStringLiteral("partitioners"), list);
        printOut(QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented)));
        return ExitOk;
    }

    const quint64 keys = [&rows] {
        for (const Row &row : rows) {
            if (row.counter)
                return row.counter->result().keys;
        }
        return quint64(0);
    }();
    QString text = QStringLiteral("Movement from %1 to %2 partitions over %3 keys (%4); a perfectly even partitioner is expected to move %5\n"
                                  "(sources: the most old partitions one new partition receives keys from; 1 = a split)\n\n")
                       .arg(*from).arg(*to).arg(keys).arg(source, percent(minimum.minimumFraction()));
    text += QStringLiteral("%1 %2 %3 %4  %5\n")
                .arg(QStringLiteral("partitioner").leftJustified(13), QStringLiteral("moved").rightJustified(10),
                     QStringLiteral("fraction").rightJustified(8), QStringLiteral("sources").rightJustified(7),
                     QStringLiteral("whole units moved"));
    for (const Row &row : rows) {
        if (!row.counter) {
            text += QStringLiteral("%1 %2\n").arg(row.name.leftJustified(13), row.note);
            continue;
        }
        const MovementResult r = row.counter->result();
        text += QStringLiteral("%1 %2 %3 %4  %5")
                    .arg(row.name.leftJustified(13), QString::number(r.moved).rightJustified(10),
                         percent(r.fraction()).rightJustified(8),
                         (r.maxSourcesPerTarget < 0 ? QStringLiteral("-") : QString::number(r.maxSourcesPerTarget)).rightJustified(7),
                         unitsText(r))
                    .trimmed()
                + QLatin1Char('\n');
    }
    printOut(text);
    return ExitOk;
}

} // namespace

PARTLAB_CLI_COMMAND("movement", "Count the keys that change partition when N partitions become M", runMovement);

} // namespace partlab::cli
