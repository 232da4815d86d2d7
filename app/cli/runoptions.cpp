#include "runoptions.h"

#include "command.h"
#include "model/limits.h"
#include "routing/partitionerargs.h"
#include "runtime/statedump.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>

namespace partlab::cli {

namespace {
/**
 * simulate and replay: --partitioner and --partitions only (their --seed is the scenario's), and
 * without --partitions the scenario's count stays.
 */
PartitionerArgs runtimePartitionerArgs()
{
    return PartitionerArgs::nameAndCount(RuntimeConfig().partitioner);
}
} // namespace

void addRuntimeOptions(QCommandLineParser &parser)
{
    addPartitionerOptions(parser, runtimePartitionerArgs());
    parser.addOptions({
        {QStringLiteral("computation"), QStringLiteral("State computation: %1.").arg(computationNames().join(QStringLiteral(", "))), QStringLiteral("C")},
        {QStringLiteral("workers"), QStringLiteral("Worker threads W (default: one per core)."), QStringLiteral("W")},
        {QStringLiteral("mode"), QStringLiteral("partitioned (default) or naive (one state object, one lock)."), QStringLiteral("MODE")},
        {QStringLiteral("max-keys"), QStringLiteral("Stop with an error past this many distinct keys (default %1).").arg(KeyTable::kDefaultMaxKeys), QStringLiteral("K")},
        {QStringLiteral("cost-us"), QStringLiteral("Busy work after every state computation, in microseconds (default 0): a computation as "
                                                   "expensive as yours, to check partlab-cli capacity's predictions."), QStringLiteral("US")},
        {QStringLiteral("ingest"), QStringLiteral("parallel (default: every worker parses chunks of the input and applies its partitions' "
                                                  "share, no producer thread) or single (one producer submits every message)."), QStringLiteral("HOW")},
        {QStringLiteral("json"), QStringLiteral("Print the summary as one JSON object.")},
        {QStringLiteral("state-out"), QStringLiteral("Write the final state as key<TAB>partition<TAB>value lines, sorted by key."), QStringLiteral("FILE")},
    });
}

QString applyRuntimeOptions(const QCommandLineParser &parser, RuntimeConfig &config)
{
    QString error;
    if (parser.isSet(QStringLiteral("computation"))) {
        const QString name = parser.value(QStringLiteral("computation"));
        const auto c = computationFromName(name);
        if (!c)
            return QStringLiteral("--computation: unknown computation '%1' (choose %2)").arg(name, computationNames().join(QStringLiteral(", ")));
        config.computation = *c;
    }
    const QString partitioner = parser.isSet(QStringLiteral("partitioner")) ? parser.value(QStringLiteral("partitioner")) : config.partitioner;
    error = readPartitionerOptions(parser, partitioner, config.partitionerOptions, runtimePartitionerArgs());
    if (!error.isEmpty())
        return error;
    config.partitioner = partitioner;
    if (!readIntegerOption(parser, QStringLiteral("workers"), 1, 1024, config.workers, &error))
        return error;
    if (parser.isSet(QStringLiteral("mode"))) {
        const QString name = parser.value(QStringLiteral("mode"));
        const auto m = runtimeModeFromName(name);
        if (!m)
            return QStringLiteral("--mode: unknown mode '%1' (choose partitioned or naive)").arg(name);
        config.mode = *m;
    }
    if (!readIntegerOption(parser, QStringLiteral("max-keys"), 1, 1'000'000'000, config.maxKeys, &error))
        return error;
    if (parser.isSet(QStringLiteral("cost-us"))) {
        const auto us = numberOption(parser, QStringLiteral("cost-us"), 0.0, RuntimeConfig::kMaxCostNs / 1000.0, &error);
        if (!us)
            return error;
        config.costNs = int(std::lround(*us * 1000.0));
    }
    if (parser.isSet(QStringLiteral("ingest"))) {
        const QString how = parser.value(QStringLiteral("ingest"));
        if (how != QLatin1String("parallel") && how != QLatin1String("single"))
            return QStringLiteral("--ingest: unknown way '%1' (choose parallel or single)").arg(how);
        config.parallelIngest = how == QLatin1String("parallel");
    }
    if (parser.isSet(QStringLiteral("state-out")) && parser.value(QStringLiteral("state-out")).isEmpty())
        return QStringLiteral("--state-out needs a file name");
    return config.validate();
}

namespace {
template<typename T>
QJsonArray toJsonArray(const std::vector<T> &values)
{
    QJsonArray a;
    for (const T &v : values)
        a.append(double(v));
    return a;
}
} // namespace

QJsonObject summaryJson(const RunSummary &summary, const StateRuntime &runtime)
{
    const RuntimeConfig &c = runtime.config();
    QJsonObject latency{{QStringLiteral("p50"), summary.latency.p50},
                        {QStringLiteral("p90"), summary.latency.p90},
                        {QStringLiteral("p99"), summary.latency.p99},
                        {QStringLiteral("p999"), summary.latency.p999}};
    return QJsonObject{
        {QStringLiteral("messages"), double(summary.messages)},
        {QStringLiteral("keys"), double(summary.state.size())},
        {QStringLiteral("partitions"), runtime.partitionCount()},
        {QStringLiteral("partitioner"), c.partitioner},
        {QStringLiteral("workers"), runtime.workerCount()},
        {QStringLiteral("mode"), runtimeModeName(c.mode)},
        {QStringLiteral("ingest"), c.parallelIngest ? QStringLiteral("parallel") : QStringLiteral("single")},
        {QStringLiteral("computation"), computationName(c.computation)},
        {QStringLiteral("elapsed_s"), summary.elapsedSeconds},
        {QStringLiteral("throughput_msgs_per_s"), summary.throughput},
        {QStringLiteral("latency_us"), latency},
        {QStringLiteral("partition_messages"), toJsonArray(summary.partitionMessages)},
        {QStringLiteral("partition_keys"), toJsonArray(summary.partitionKeys)},
        {QStringLiteral("skew"), summary.skew},
        {QStringLiteral("checksum"), summary.checksum},
    };
}

QString summaryTable(const RunSummary &summary, const StateRuntime &runtime, const QString &title)
{
    const RuntimeConfig &c = runtime.config();
    QString t;
    t += QStringLiteral("%1\n").arg(title);
    t += QStringLiteral("  mode          %1, %2 partitions (%3), %4 workers, computation %5\n")
             .arg(runtimeModeName(c.mode)).arg(runtime.partitionCount()).arg(c.partitioner)
             .arg(runtime.workerCount()).arg(computationName(c.computation));
    t += QStringLiteral("  messages      %1 (%2 distinct keys)\n").arg(summary.messages).arg(summary.state.size());
    t += QStringLiteral("  elapsed       %1 s\n").arg(summary.elapsedSeconds, 0, 'f', 3);
    t += QStringLiteral("  throughput    %1 msg/s\n").arg(summary.throughput, 0, 'f', 0);
    t += QStringLiteral("  latency (us)  p50 %1   p90 %2   p99 %3   p99.9 %4\n")
             .arg(summary.latency.p50, 0, 'f', 1).arg(summary.latency.p90, 0, 'f', 1)
             .arg(summary.latency.p99, 0, 'f', 1).arg(summary.latency.p999, 0, 'f', 1);
    t += QStringLiteral("  skew          %1 (busiest partition / mean)\n").arg(summary.skew, 0, 'f', 3);
    t += QStringLiteral("  checksum      %1\n\n").arg(summary.checksum);
    t += QStringLiteral("  partition   messages     share     keys\n");
    quint64 total = 0; // after a live resize the partition counters cover only the last layout
    for (quint64 m : summary.partitionMessages)
        total += m;
    for (std::size_t p = 0; p < summary.partitionMessages.size(); ++p) {
        const double share = total ? 100.0 * double(summary.partitionMessages[p]) / double(total) : 0.0;
        t += QStringLiteral("  %1 %2 %3% %4\n")
                 .arg(p, 9).arg(summary.partitionMessages[p], 10).arg(share, 8, 'f', 2).arg(summary.partitionKeys[p], 8);
    }
    return t;
}

std::optional<std::vector<std::pair<quint64, int>>> parseResizeSchedule(const QString &text, QString *error)
{
    std::vector<std::pair<quint64, int>> schedule;
    for (const QString &item : text.split(QLatin1Char(','))) {
        const QStringList parts = item.trimmed().split(QLatin1Char(':'));
        bool okAt = false, okN = false;
        const qint64 at = parts.value(0).toLongLong(&okAt);
        const int n = parts.value(1).toInt(&okN);
        if (parts.size() != 2 || !okAt || !okN || at < 0 || n < 1 || n > limits::kMaxPartitions) {
            *error = QStringLiteral("--resize-at: '%1' is not MESSAGE:N (a message count and a partition count 1-%2)").arg(item).arg(limits::kMaxPartitions);
            return std::nullopt;
        }
        schedule.emplace_back(quint64(at), n);
    }
    return schedule;
}

QJsonObject resizeJson(const std::vector<ResizeReport> &reports)
{
    if (reports.empty())
        return {};
    QJsonArray list;
    for (const ResizeReport &r : reports) {
        list.append(QJsonObject{{QStringLiteral("at"), double(r.atMessage)},
                                {QStringLiteral("from"), r.from},
                                {QStringLiteral("to"), r.to},
                                {QStringLiteral("keys_moved"), double(r.keysMoved)},
                                {QStringLiteral("bytes_moved"), double(r.bytesMoved)},
                                {QStringLiteral("pause_ms"), r.pauseMs}});
    }
    return {{QStringLiteral("resizes"), list}};
}

int reportRun(const QCommandLineParser &parser, const QString &command, const RunSummary &summary,
              const StateRuntime &runtime, const QString &title, const QJsonObject &extra)
{
    if (parser.isSet(QStringLiteral("state-out"))) {
        const QString path = parser.value(QStringLiteral("state-out"));
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || !writeStateTsv(file, summary.state) || !file.commit()) {
            printErr(QStringLiteral("partlab-cli %1: %2: cannot write the state: %3\n").arg(command, path, file.errorString()));
            return ExitFailure;
        }
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject o = summaryJson(summary, runtime);
        for (auto it = extra.begin(); it != extra.end(); ++it)
            o.insert(it.key(), it.value());
        printOut(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
    } else {
        QString table = summaryTable(summary, runtime, title);
        const QJsonArray resizes = extra.value(QStringLiteral("resizes")).toArray();
        if (!resizes.isEmpty()) {
            table += QStringLiteral("\n  live resizes (partition counters above count from the last one)\n");
            for (const QJsonValue &v : resizes) {
                const QJsonObject r = v.toObject();
                table += QStringLiteral("  after %1 messages: %2 -> %3 partitions, %4 keys moved (%5 bytes), paused %6 ms\n")
                             .arg(qint64(r[QStringLiteral("at")].toDouble())).arg(r[QStringLiteral("from")].toInt())
                             .arg(r[QStringLiteral("to")].toInt()).arg(qint64(r[QStringLiteral("keys_moved")].toDouble()))
                             .arg(qint64(r[QStringLiteral("bytes_moved")].toDouble()))
                             .arg(r[QStringLiteral("pause_ms")].toDouble(), 0, 'f', 3);
            }
        }
        printOut(table);
    }
    return ExitOk;
}

} // namespace partlab::cli
