// partlab-cli space-load: run a multi-client operation workload against a partitioned space and
// report what the routing property did (routed vs broadcast, per-partition load and entries,
// latency per operation type), asserting conservation of entries.
#include "command.h"

#include "model/limits.h"
#include "routing/partitioner.h"
#include "workload/spaceworkload.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <cmath>
#include <cstdio>
#include <limits>

namespace partlab::cli {

namespace {

const QString kCommand = QStringLiteral("space-load");

/** A JSON number as text (QJsonDocument formats doubles the shortest exact way). */
QByteArray number(double value)
{
    const QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return text.mid(1, text.size() - 2);
}

template<typename T>
QByteArray array(const std::vector<T> &values)
{
    QByteArray out = "[";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0)
            out += ',';
        out += QByteArray::number(values[i]);
    }
    return out + ']';
}

/** The result as one JSON object, keys in the documented order (QJsonObject would sort them). */
QByteArray resultJson(const SpaceWorkloadResult &r)
{
    QByteArray out = "{\"ops\":{";
    for (int op = 0; op < kSpaceOpCount; ++op) {
        if (op > 0)
            out += ',';
        out += '"' + spaceOpName(SpaceOp(op)).toLatin1() + "\":" + QByteArray::number(r.ops[std::size_t(op)]);
    }
    out += "},\"routed_ops\":" + QByteArray::number(r.routedOps);
    out += ",\"broadcast_ops\":" + QByteArray::number(r.broadcastOps);
    out += ",\"partition_ops\":" + array(r.partitionOps());
    out += ",\"partition_entries\":" + array(r.finalEntries);
    out += ",\"entries_written\":" + QByteArray::number(r.entriesWritten);
    out += ",\"entries_removed\":" + QByteArray::number(r.entriesRemoved);
    out += ",\"throughput_ops_per_s\":" + number(std::round(r.throughput() * 10.0) / 10.0);
    out += ",\"latency_us\":{";
    bool first = true;
    for (int op = 0; op < kSpaceOpCount; ++op) {
        const LatencyPercentiles &p = r.latency[std::size_t(op)];
        if (p.count == 0)
            continue;
        if (!first)
            out += ',';
        first = false;
        out += '"' + spaceOpName(SpaceOp(op)).toLatin1() + "\":{\"p50\":" + number(p.p50) + ",\"p99\":" + number(p.p99) + '}';
    }
    out += "},\"blocking_timeouts\":" + QByteArray::number(r.blockingTimeouts);
    out += ",\"blocking_wait_client_s\":" + number(std::round(r.blockingSeconds * 1000.0) / 1000.0);
    out += ",\"throughput_outside_blocking_ops_per_s\":" + number(std::round(r.throughputOutsideBlocking() * 10.0) / 10.0) + '}';
    return out;
}

QString percent(quint64 part, quint64 whole)
{
    return whole == 0 ? QStringLiteral("0%") : QStringLiteral("%1%").arg(100.0 * double(part) / double(whole), 0, 'f', 1);
}

QString summary(const SpaceWorkloadConfig &config, const SpaceWorkloadResult &r)
{
    const QLocale c = QLocale::c();
    QString out;
    out += QStringLiteral("space-load: %1 operations on %2 partitions (%3), %4 client(s), seed %5: %6 s, %7 ops/s\n")
               .arg(c.toString(qulonglong(r.totalOps())))
               .arg(config.partitions)
               .arg(config.partitioner)
               .arg(config.clients)
               .arg(config.seed)
               .arg(r.seconds, 0, 'f', 2)
               .arg(c.toString(r.throughput(), 'f', 0));
    out += QStringLiteral("routing: Customer by %1, Order by %2; mix %3\n")
               .arg(config.routingOf(QStringLiteral("Customer")), config.routingOf(QStringLiteral("Order")),
                    SpaceWorkloadConfig::mixToText(config.mix));
    out += QStringLiteral("routed %1 (%2), broadcast %3 (%4), blocking timeouts %5\n")
               .arg(c.toString(qulonglong(r.routedOps)), percent(r.routedOps, r.totalOps()),
                    c.toString(qulonglong(r.broadcastOps)), percent(r.broadcastOps, r.totalOps()),
                    c.toString(qulonglong(r.blockingTimeouts)));
    if (r.ops[std::size_t(SpaceOp::BlockingTake)] > 0) {
        // A blocking take that times out waits, it does not work: its time is shown apart.
        const double clientSeconds = double(config.clients) * r.seconds;
        out += QStringLiteral("blocking takes: %1, %2 timed out; they waited %3 of %4 client-seconds (%5); "
                              "the other operations ran at %6 ops/s\n")
                   .arg(c.toString(qulonglong(r.ops[std::size_t(SpaceOp::BlockingTake)])),
                        c.toString(qulonglong(r.blockingTimeouts)), c.toString(r.blockingSeconds, 'f', 2),
                        c.toString(clientSeconds, 'f', 2),
                        QStringLiteral("%1%").arg(c.toString(clientSeconds > 0 ? 100.0 * r.blockingSeconds / clientSeconds : 0.0, 'f', 1)),
                        c.toString(r.throughputOutsideBlocking(), 'f', 0));
    }
    out += QStringLiteral("entries: written %1, removed %2, in the space %3\n\n")
               .arg(c.toString(qulonglong(r.entriesWritten)), c.toString(qulonglong(r.entriesRemoved)),
                    c.toString(r.finalEntriesTotal()));
    out += QStringLiteral("%1 %2 %3 %4\n").arg(QStringLiteral("operation"), -14).arg(QStringLiteral("count"), 10)
               .arg(QStringLiteral("p50 us"), 10).arg(QStringLiteral("p99 us"), 10);
    for (int op = 0; op < kSpaceOpCount; ++op) {
        const LatencyPercentiles &p = r.latency[std::size_t(op)];
        if (r.ops[std::size_t(op)] == 0)
            continue;
        out += QStringLiteral("%1 %2 %3 %4\n").arg(spaceOpName(SpaceOp(op)), -14)
                   .arg(r.ops[std::size_t(op)], 10).arg(p.p50, 10, 'f', 1).arg(p.p99, 10, 'f', 1);
    }
    out += QStringLiteral("\n%1 %2 %3\n").arg(QStringLiteral("partition"), -10).arg(QStringLiteral("ops"), 10).arg(QStringLiteral("entries"), 10);
    const std::vector<quint64> ops = r.partitionOps();
    for (std::size_t p = 0; p < ops.size(); ++p)
        out += QStringLiteral("%1 %2 %3\n").arg(p, -10).arg(ops[p], 10).arg(r.finalEntries[p], 10);
    return out;
}

int runSpaceLoad(const QStringList &arguments)
{
    QCommandLineParser parser;
    const SpaceWorkloadConfig defaults;
    parser.addOptions({
        {QStringLiteral("partitions"), QStringLiteral("Number of partitions of the space (1-%1).").arg(limits::kMaxSpacePartitions), QStringLiteral("N")},
        {QStringLiteral("partitioner"), QStringLiteral("Routing rule: %1 (default xap).").arg(partitionerNames().join(QStringLiteral(", "))),
         QStringLiteral("P"), QStringLiteral("xap")},
        {QStringLiteral("clients"), QStringLiteral("Client threads (1-64, default 2)."), QStringLiteral("C"), QStringLiteral("2")},
        {QStringLiteral("ops"), QStringLiteral("Operations over all clients (default 10000)."), QStringLiteral("M"), QStringLiteral("10000")},
        {QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."), QStringLiteral("S"), QStringLiteral("1")},
        {QStringLiteral("mix"), QStringLiteral("Operation weights, e.g. write=40,read=30,take=10 (default %1).").arg(SpaceWorkloadConfig::defaultMixText()),
         QStringLiteral("OP=W,...")},
        {QStringLiteral("routed-share"), QStringLiteral("Share of queries that name a customer, 0-1 (default 0.9)."), QStringLiteral("R"), QStringLiteral("0.9")},
        {QStringLiteral("routing"), QStringLiteral("Routing property of a type, e.g. Order=orderId (repeatable; Customer: customerId, name, region, visits; Order: orderId, customerId, amount, status)."),
         QStringLiteral("TYPE=PROPERTY")},
        {QStringLiteral("batch-size"), QStringLiteral("Entries per writeMultiple (default 10)."), QStringLiteral("B"), QStringLiteral("10")},
        {QStringLiteral("block-timeout-ms"), QStringLiteral("Timeout of a blocking take in ms (default 10)."), QStringLiteral("T"), QStringLiteral("10")},
        {QStringLiteral("read-max"), QStringLiteral("Max entries of a readMultiple (default 10)."), QStringLiteral("K"), QStringLiteral("10")},
        {QStringLiteral("customers"), QStringLiteral("Number of customers (keys, default 1000)."), QStringLiteral("K"), QStringLiteral("1000")},
        {QStringLiteral("distribution"), QStringLiteral("Customer key distribution: uniform (default), zipf or hotkey."), QStringLiteral("D"), QStringLiteral("uniform")},
        {QStringLiteral("zipf"), QStringLiteral("Zipf exponent (default 1.0)."), QStringLiteral("S"), QStringLiteral("1.0")},
        {QStringLiteral("hot-share"), QStringLiteral("Hot key share for --distribution hotkey (default 0.5)."), QStringLiteral("H"), QStringLiteral("0.5")},
        {QStringLiteral("order-share"), QStringLiteral("Share of operations on Order entries, the rest on Customer (default 0.8)."), QStringLiteral("O"), QStringLiteral("0.8")},
        {QStringLiteral("rate"), QStringLiteral("Operations per second over all clients (default 0 = as fast as possible)."), QStringLiteral("R"), QStringLiteral("0")},
        {QStringLiteral("json"), QStringLiteral("Print the result as one JSON object.")},
    });
    if (const auto exit = parseArguments(parser, kCommand,
                                         QStringLiteral("Runs client threads that write, read, take, count and clear Customer and Order "
                                                        "entries in a partitioned space, and reports routed vs broadcast operations, "
                                                        "what each partition executed and holds, and latency per operation type. Fails "
                                                        "(exit 1) if the space does not hold exactly the entries written minus removed."),
                                         arguments))
        return *exit;
    if (!parser.isSet(QStringLiteral("partitions")))
        return usageError(kCommand, QStringLiteral("--partitions N is required"));

    SpaceWorkloadConfig config;
    QString error;
    const auto integer = [&](const char *name, qint64 min, qint64 max) {
        return integerOption(parser, QString::fromLatin1(name), min, max, &error);
    };
    const auto decimal = [&](const char *name, double min, double max) {
        return numberOption(parser, QString::fromLatin1(name), min, max, &error);
    };
    const auto partitions = integer("partitions", 1, limits::kMaxSpacePartitions);
    const auto clients = integer("clients", 1, 64);
    const auto ops = integer("ops", 1, qint64(1) << 40);
    const auto seed = integer("seed", 0, std::numeric_limits<qint64>::max());
    const auto routedShare = decimal("routed-share", 0.0, 1.0);
    const auto batch = integer("batch-size", 1, 10'000);
    const auto timeout = integer("block-timeout-ms", 1, 10'000);
    const auto readMax = integer("read-max", 1, 1'000'000);
    const auto customers = integer("customers", 1, 100'000'000);
    const auto zipf = decimal("zipf", 0.0, 10.0);
    const auto hotShare = decimal("hot-share", 0.0, 1.0);
    const auto orderShare = decimal("order-share", 0.0, 1.0);
    const auto rate = decimal("rate", 0.0, 1e9);
    if (!partitions || !clients || !ops || !seed || !routedShare || !batch || !timeout || !readMax || !customers || !zipf
        || !hotShare || !orderShare || !rate)
        return usageError(kCommand, error);
    config.partitions = int(*partitions);
    config.partitioner = parser.value(QStringLiteral("partitioner"));
    config.clients = int(*clients);
    config.operations = *ops;
    config.seed = quint64(*seed);
    config.routedShare = *routedShare;
    config.batchSize = int(*batch);
    config.blockingTimeoutMs = int(*timeout);
    config.multipleMax = int(*readMax);
    config.customers = quint32(*customers);
    config.orderShare = *orderShare;
    config.rate = *rate;
    const auto kind = KeyDistributionSpec::kindFromName(parser.value(QStringLiteral("distribution")));
    if (!kind)
        return usageError(kCommand, QStringLiteral("--distribution: '%1' is not uniform, zipf or hotkey").arg(parser.value(QStringLiteral("distribution"))));
    config.distribution.kind = *kind;
    config.distribution.zipfExponent = *zipf;
    config.distribution.hotKeyShare = *hotShare;
    if (parser.isSet(QStringLiteral("mix"))) {
        const auto mix = SpaceWorkloadConfig::mixFromText(parser.value(QStringLiteral("mix")), &error);
        if (!mix)
            return usageError(kCommand, QStringLiteral("--mix: %1").arg(error));
        config.mix = *mix;
    }
    for (const QString &routing : parser.values(QStringLiteral("routing"))) {
        if (!SpaceWorkloadConfig::routingFromText(routing, config.routing, &error))
            return usageError(kCommand, QStringLiteral("--routing: %1").arg(error));
    }
    if (const QString unknown = partitionerOptionError(config.partitioner); !unknown.isEmpty())
        return usageError(kCommand, unknown);
    const QString problem = config.problem();
    if (!problem.isEmpty())
        return usageError(kCommand, problem);

    const auto result = SpaceWorkload::run(config, &error);
    if (!result) {
        printErr(QStringLiteral("partlab-cli %1: %2\n").arg(kCommand, error));
        return ExitFailure;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        const QByteArray json = resultJson(*result) + '\n';
        std::fwrite(json.constData(), 1, std::size_t(json.size()), stdout);
        std::fflush(stdout);
    } else {
        printOut(summary(config, *result));
    }
    int exitCode = ExitOk;
    if (result->failedOps > 0) {
        printErr(QStringLiteral("partlab-cli %1: %2 operation(s) were refused by the space; the first: %3\n")
                     .arg(kCommand).arg(result->failedOps).arg(result->firstFailure));
        exitCode = ExitFailure;
    }
    const QString conservation = result->conservationError();
    if (!conservation.isEmpty()) {
        printErr(QStringLiteral("partlab-cli %1: CONSERVATION VIOLATED: %2\n").arg(kCommand, conservation));
        exitCode = ExitFailure;
    } else if (!parser.isSet(QStringLiteral("json"))) {
        printOut(QStringLiteral("\nconservation holds: %1 entries = %2 written - %3 removed\n")
                     .arg(result->finalEntriesTotal()).arg(result->entriesWritten).arg(result->entriesRemoved));
    }
    return exitCode;
}

} // namespace

PARTLAB_CLI_COMMAND("space-load", "Run a multi-client operation workload against a partitioned space", runSpaceLoad);

} // namespace partlab::cli
