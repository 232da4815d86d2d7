// partlab-cli bench: measured side by side in one run, medians of several repetitions.
#include "command.h"

#include "bench/benchsuite.h"
#include "bench/capacitybench.h"
#include "bench/spacebench.h"
#include "model/limits.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QThread>

#include <algorithm>

#include <unistd.h>

namespace partlab::cli {

namespace {

const QString kCommand = QStringLiteral("bench");

QString cpuModel()
{
    QFile f(QStringLiteral("/proc/cpuinfo"));
    if (f.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (line.startsWith("model name"))
                return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
        }
    }
    return QSysInfo::currentCpuArchitecture();
}

QString rate(double perSecond)
{
    if (perSecond >= 1e6)
        return QStringLiteral("%1 M").arg(perSecond / 1e6, 0, 'f', 2);
    return QStringLiteral("%1 k").arg(perSecond / 1e3, 0, 'f', 1);
}

int runBench(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions({
        {QStringLiteral("messages"), QStringLiteral("Messages per runtime measurement (default 2000000)."), QStringLiteral("M")},
        {QStringLiteral("keys"), QStringLiteral("Distinct keys (default 10000)."), QStringLiteral("K")},
        {QStringLiteral("partitions"), QStringLiteral("Partitions N (default 8)."), QStringLiteral("N")},
        {QStringLiteral("workers"), QStringLiteral("Workers W (default: cores)."), QStringLiteral("W")},
        {QStringLiteral("repetitions"), QStringLiteral("Repetitions per measurement; medians are reported (default 5)."), QStringLiteral("R")},
        {QStringLiteral("routing-keys"), QStringLiteral("Keys routed per partitioner measurement (default 4000000)."), QStringLiteral("K")},
        {QStringLiteral("trace-messages"), QStringLiteral("Lines of the csv and jsonl throughput traces (default 3000000)."), QStringLiteral("L")},
        {QStringLiteral("rss-lines"), QStringLiteral("Lines of the trace replayed for the peak RSS (default 10000000)."), QStringLiteral("L")},
        {QStringLiteral("space-entries"), QStringLiteral("Space sizes to measure, comma-separated (default 10000,100000,1000000)."), QStringLiteral("LIST")},
        {QStringLiteral("space-ops"), QStringLiteral("Operations per routed space measurement (default 100000; broadcasts and clears do a tenth)."), QStringLiteral("M")},
        {QStringLiteral("only"), QStringLiteral("Comma-separated parts to run: runtime, routing, snapshot, trace, rss, space (default: all)."), QStringLiteral("PARTS")},
        {QStringLiteral("json"), QStringLiteral("Print the results as JSON.")},
    });
    if (const auto exit = parseArguments(parser, kCommand,
                                         QStringLiteral("Measures the raw single-threaded loop, the naive and the partitioned runtime, routing and snapshots."),
                                         arguments))
        return *exit;
    BenchOptions o;
    o.workers = qMax(1, QThread::idealThreadCount());
    QString error;
    auto intOpt = [&](const char *name, qint64 min, qint64 max, auto &target) {
        return readIntegerOption(parser, QLatin1String(name), min, max, target, &error);
    };
    if (!intOpt("messages", 1000, qint64(1) << 34, o.messages) || !intOpt("keys", 1, 10'000'000, o.keys)
        || !intOpt("partitions", 1, limits::kMaxPartitions, o.partitions) || !intOpt("workers", 1, 1024, o.workers)
        || !intOpt("repetitions", 1, 101, o.repetitions) || !intOpt("trace-messages", 1000, qint64(1) << 34, o.traceMessages)
        || !intOpt("routing-keys", 1000, qint64(1) << 34, o.routingKeys)
        || !intOpt("rss-lines", 1000, qint64(1) << 34, o.rssTraceLines))
        return usageError(kCommand, error);
    SpaceBenchOptions spaceOptions;
    spaceOptions.partitions = o.partitions;
    spaceOptions.repetitions = std::min(o.repetitions, 3); // each repetition of a 1 M space costs seconds
    if (parser.isSet(QStringLiteral("repetitions")))
        spaceOptions.repetitions = o.repetitions;
    if (!intOpt("space-ops", 100, qint64(1) << 30, spaceOptions.operations))
        return usageError(kCommand, error);
    if (parser.isSet(QStringLiteral("space-entries"))) {
        spaceOptions.sizes.clear();
        for (const QString &item : parser.value(QStringLiteral("space-entries")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            const qint64 n = item.trimmed().toLongLong(&ok);
            if (!ok || n < 100 || n > 100'000'000)
                return usageError(kCommand, QStringLiteral("--space-entries: '%1' is not a size from 100 to 100000000").arg(item));
            spaceOptions.sizes << n;
        }
        if (spaceOptions.sizes.isEmpty())
            return usageError(kCommand, QStringLiteral("--space-entries needs at least one size"));
    }
    QStringList parts{QStringLiteral("runtime"), QStringLiteral("routing"), QStringLiteral("snapshot"),
                      QStringLiteral("trace"), QStringLiteral("rss"), QStringLiteral("space"), QStringLiteral("capacity")};
    if (parser.isSet(QStringLiteral("only"))) {
        const QStringList wanted = parser.value(QStringLiteral("only")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        if (wanted.isEmpty()) // nothing to measure would print an empty report that looks like success
            return usageError(kCommand, QStringLiteral("--only needs at least one part (%1)").arg(parts.join(QStringLiteral(", "))));
        for (const QString &p : wanted) {
            if (!parts.contains(p))
                return usageError(kCommand, QStringLiteral("--only: unknown part '%1' (%2)").arg(p, parts.join(QStringLiteral(", "))));
        }
        parts = wanted;
    }

    const bool interactive = isatty(STDERR_FILENO);
    auto progress = [&](const QString &what) {
        if (interactive)
            printErr(QStringLiteral("\r\033[Kbench: %1").arg(what));
    };
    QTemporaryDir scratch;
    if (!scratch.isValid()) {
        printErr(QStringLiteral("partlab-cli %1: cannot create a temporary directory for the traces\n").arg(kCommand));
        return ExitFailure;
    }
    o.scratchDirectory = scratch.path();
    o.cliPath = QCoreApplication::applicationFilePath();
    BenchSuite suite(o);
    std::vector<RuntimeComparison> runtime;
    std::vector<BenchMeasurement> routing;
    BenchMeasurement snapshot;
    if (parts.contains(QStringLiteral("runtime")))
        runtime = suite.runRuntime(progress);
    if (parts.contains(QStringLiteral("routing")))
        routing = suite.runRouting(progress);
    if (parts.contains(QStringLiteral("snapshot"))) {
        progress(QStringLiteral("snapshot"));
        snapshot = suite.runSnapshot(1024);
    }
    std::vector<BenchMeasurement> traces;
    if (parts.contains(QStringLiteral("trace")))
        traces = suite.runTraces(progress);
    BenchMeasurement rss;
    if (parts.contains(QStringLiteral("rss")))
        rss = suite.runReplayRss(progress);
    SpaceBenchResult space;
    if (parts.contains(QStringLiteral("space")))
        space = runSpaceBench(spaceOptions, progress);
    CapacityBenchResult capacity;
    CapacityBenchOptions capacityOptions;
    capacityOptions.repetitions = o.repetitions;
    capacityOptions.simulatedMessages = o.messages * 2;                  // 4 M by default
    capacityOptions.runtimeMessages = std::max<quint64>(1000, o.messages / 20); // 100 k: 2 s at 50 k msg/s
    if (o.workers > 2) // the machine has more cores: check W = 1, 2, 4, ... up to them
        for (int w = 4; w <= o.workers; w *= 2)
            capacityOptions.workers.push_back(w);
    if (parts.contains(QStringLiteral("capacity")))
        capacity = runCapacityBench(capacityOptions, progress);
    if (interactive)
        printErr(QStringLiteral("\r\033[K"));

    const QString machine = QStringLiteral("%1, %2 cores, %3").arg(cpuModel()).arg(QThread::idealThreadCount()).arg(QSysInfo::prettyProductName());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray rt;
        for (const RuntimeComparison &r : runtime) {
            rt.append(QJsonObject{{QStringLiteral("computation"), computationName(r.computation)},
                                  {QStringLiteral("keys"), KeyDistributionSpec::kindName(r.distribution)},
                                  {QStringLiteral("raw_msgs_per_s"), r.raw},
                                  {QStringLiteral("naive_msgs_per_s"), r.naive},
                                  {QStringLiteral("partitioned_msgs_per_s"), r.partitioned},
                                  {QStringLiteral("one_producer_msgs_per_s"), r.oneProducer},
                                  {QStringLiteral("look_ahead_msgs_per_s"), r.lookAhead},
                                  {QStringLiteral("split_msgs_per_s"), r.split},
                                  {QStringLiteral("split_over_raw"), r.splitOverRaw()},
                                  {QStringLiteral("partitioned_over_split"), r.partitionedOverSplit()},
                                  {QStringLiteral("partitioned_streamed_share"), r.streamedShare},
                                  {QStringLiteral("partitioned_over_look_ahead"), r.partitionedOverLookAhead()},
                                  {QStringLiteral("partitioned_over_raw"), r.partitionedOverRaw()},
                                  {QStringLiteral("partitioned_over_naive"), r.partitionedOverNaive()}});
        }
        QJsonArray rout;
        for (const BenchMeasurement &m : routing)
            rout.append(QJsonObject{{QStringLiteral("name"), m.name}, {QStringLiteral("keys_per_s"), m.median}});
        QJsonObject o2{{QStringLiteral("machine"), machine},
                       {QStringLiteral("messages"), double(o.messages)},
                       {QStringLiteral("keys"), double(o.keys)},
                       {QStringLiteral("partitions"), o.partitions},
                       {QStringLiteral("workers"), o.workers},
                       {QStringLiteral("repetitions"), o.repetitions},
                       {QStringLiteral("runtime"), rt},
                       {QStringLiteral("routing"), rout}};
        if (!snapshot.samples.empty())
            o2.insert(QStringLiteral("snapshot_1024_us"), snapshot.median);
        QJsonArray tr;
        for (const BenchMeasurement &m : traces)
            tr.append(QJsonObject{{QStringLiteral("name"), m.name}, {QStringLiteral("unit"), m.unit}, {QStringLiteral("median"), m.median}});
        if (!traces.empty())
            o2.insert(QStringLiteral("trace"), tr);
        if (!rss.samples.empty())
            o2.insert(QStringLiteral("replay_peak_rss_mb"), rss.median);
        if (parts.contains(QStringLiteral("space"))) {
            QJsonArray rows, baselines;
            for (const SpaceBenchRow &row : space.rows)
                rows.append(QJsonObject{{QStringLiteral("operation"), row.operation},
                                        {QStringLiteral("entries"), double(row.entries)},
                                        {QStringLiteral("clients"), row.clients},
                                        {QStringLiteral("ops_per_s"), row.opsPerSecond},
                                        {QStringLiteral("examined_per_op"), row.examinedPerOp},
                                        {QStringLiteral("matched_per_op"), row.matchedPerOp}});
            for (const SpaceBenchBaseline &b : space.baselines) {
                QJsonArray paired;
                for (const double r : b.pairedRatios)
                    paired.append(r);
                baselines.append(QJsonObject{{QStringLiteral("entries"), double(b.entries)},
                                             {QStringLiteral("clients"), b.clients},
                                             {QStringLiteral("baseline_ops_per_s"), b.baselineOpsPerSecond},
                                             {QStringLiteral("space_ops_per_s"), b.spaceOpsPerSecond},
                                             {QStringLiteral("paired_ratios"), paired},
                                             {QStringLiteral("space_over_baseline"), b.ratio()}});
            }
            o2.insert(QStringLiteral("space"), QJsonObject{{QStringLiteral("partitions"), spaceOptions.partitions},
                                                           {QStringLiteral("operations"), rows},
                                                           {QStringLiteral("mix_vs_baseline"), baselines},
                                                           {QStringLiteral("rss_entries"), double(space.rssEntries)},
                                                           {QStringLiteral("rss_mb"), space.rssMb},
                                                           {QStringLiteral("rss_added_mb"), space.rssAddedMb}});
        }
        if (parts.contains(QStringLiteral("capacity"))) {
            QJsonArray checks;
            for (const CapacityCheckRow &c : capacity.checks)
                checks.append(QJsonObject{{QStringLiteral("workers"), c.workers},
                                          {QStringLiteral("cost_us"), c.costUs},
                                          {QStringLiteral("predicted_msgs_per_s"), c.predictedMsgsPerSecond},
                                          {QStringLiteral("measured_msgs_per_s"), c.measuredMsgsPerSecond},
                                          {QStringLiteral("measured_over_predicted"), c.ratio()}});
            o2.insert(QStringLiteral("capacity"), QJsonObject{{QStringLiteral("simulated_msgs_per_s"), capacity.simulatedMsgsPerSecond},
                                                              {QStringLiteral("simulated_messages"), double(capacity.simulatedMessages)},
                                                              {QStringLiteral("runtime_checks"), checks}});
        }
        printOut(QString::fromUtf8(QJsonDocument(o2).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
        return ExitOk;
    }
    QString t = QStringLiteral("Partlab bench: %1 messages, %2 keys, %3 partitions, %4 workers, medians of %5 repetitions\n"
                               "machine: %6\n")
                    .arg(o.messages).arg(o.keys).arg(o.partitions).arg(o.workers).arg(o.repetitions).arg(machine);
    if (!runtime.empty()) {
        t += QStringLiteral("\nstate runtime (msg/s)     raw   look-ahead       naive  partitioned  one producer   part/raw  part/ahead  part/naive\n");
        for (const RuntimeComparison &r : runtime) {
            t += QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9\n")
                     .arg(QStringLiteral("%1/%2").arg(computationName(r.computation), KeyDistributionSpec::kindName(r.distribution)), -20)
                     .arg(rate(r.raw), 10).arg(rate(r.lookAhead), 12).arg(rate(r.naive), 11).arg(rate(r.partitioned), 12)
                     .arg(rate(r.oneProducer), 13).arg(r.partitionedOverRaw(), 10, 'f', 2)
                     .arg(r.partitionedOverLookAhead(), 11, 'f', 2).arg(r.partitionedOverNaive(), 11, 'f', 2);
        }
        t += QStringLiteral("raw: the plain one-thread loop; look-ahead: the same with the workers' prefetched lookups; naive and "
                            "partitioned: every worker ingests chunks, no producer thread; one producer: partitioned, fed by one "
                            "submitting thread\n");
        t += QStringLiteral("\nthe machine's ceiling (msg/s)     split   split/raw  part/split\n");
        for (const RuntimeComparison &r : runtime)
            t += QStringLiteral("%1 %2 %3 %4\n")
                     .arg(QStringLiteral("%1/%2").arg(computationName(r.computation), KeyDistributionSpec::kindName(r.distribution)), -28)
                     .arg(rate(r.split), 10).arg(r.splitOverRaw(), 11, 'f', 2).arg(r.partitionedOverSplit(), 11, 'f', 2);
        t += QStringLiteral("split: the raw loop on %1 threads at once, each over its own 1/%1 of the messages with tables of its own "
                            "(nothing shared, nothing handed over; not the fold): how far this machine scales the loop before any "
                            "hand-off; part/raw = part/split x split/raw\n")
                 .arg(o.workers);
        QStringList streamed;
        for (const RuntimeComparison &r : runtime)
            streamed << QStringLiteral("%1/%2 %3%").arg(computationName(r.computation), KeyDistributionSpec::kindName(r.distribution))
                            .arg(100.0 * r.streamedShare, 0, 'f', 0);
        t += QStringLiteral("partitioned chunks written with streaming stores (the runtime's probe chose; all repetitions): %1\n")
                 .arg(streamed.join(QStringLiteral(", ")));
    }
    if (!routing.empty()) {
        t += QStringLiteral("\nrouting, one thread (keys/s)\n");
        for (const BenchMeasurement &m : routing)
            t += QStringLiteral("  %1 %2\n").arg(m.name, -22).arg(rate(m.median), 10);
    }
    if (!snapshot.samples.empty())
        t += QStringLiteral("\nmetrics snapshot, 1024 partitions: %1 us (median of %2)\n").arg(snapshot.median, 0, 'f', 1).arg(snapshot.samples.size());
    if (!traces.empty()) {
        t += QStringLiteral("\ntraces (%1 lines, medians)\n").arg(o.traceMessages);
        for (const BenchMeasurement &m : traces)
            t += QStringLiteral("  %1 %2 %3\n").arg(m.name, -24)
                     .arg(m.unit == QLatin1String("MB/s") || m.unit == QLatin1String("x") ? QString::number(m.median, 'f', m.unit == QLatin1String("x") ? 2 : 1) : rate(m.median), 10)
                     .arg(m.unit);
    }
    if (!rss.name.isEmpty())
        t += QStringLiteral("\n%1: %2\n").arg(rss.name, rss.median < 0 ? QStringLiteral("failed") : QStringLiteral("%1 MB").arg(rss.median, 0, 'f', 1));
    if (parts.contains(QStringLiteral("capacity"))) {
        t += QStringLiteral("\ncapacity model: %1 simulated msg/s on one thread (%2 messages, median)\n")
                 .arg(rate(capacity.simulatedMsgsPerSecond)).arg(capacity.simulatedMessages);
        t += QStringLiteral("  runtime with --cost-us vs the model's saturation rate (builtin:stocks, %1 partitions, partition p on worker p % W):\n")
                 .arg(capacityOptions.partitions);
        for (const CapacityCheckRow &c : capacity.checks)
            t += QStringLiteral("    W=%1, %2 us/message: predicted %3 msg/s, measured %4 msg/s, ratio %5\n")
                     .arg(c.workers).arg(c.costUs).arg(rate(c.predictedMsgsPerSecond), rate(c.measuredMsgsPerSecond))
                     .arg(c.ratio(), 0, 'f', 2);
    }
    if (parts.contains(QStringLiteral("space"))) {
        t += QStringLiteral("\nspace, %1 partitions (ops/s; entries the partitions examined per operation)\n").arg(spaceOptions.partitions);
        QString header = QStringLiteral("  %1").arg(QStringLiteral("operation"), -50);
        QList<std::pair<qint64, int>> columns;
        for (const SpaceBenchRow &row : space.rows) {
            if (!columns.contains(std::make_pair(row.entries, row.clients)))
                columns << std::make_pair(row.entries, row.clients);
        }
        for (const auto &[entries, clients] : columns)
            header += QStringLiteral(" %1").arg(QStringLiteral("%1/%2c").arg(entries).arg(clients), 16);
        t += header + QLatin1Char('\n');
        QStringList names;
        for (const SpaceBenchRow &row : space.rows)
            if (!names.contains(row.operation))
                names << row.operation;
        for (const QString &name : names) {
            QString line = QStringLiteral("  %1").arg(name, -50);
            for (const auto &[entries, clients] : columns) {
                for (const SpaceBenchRow &row : space.rows) {
                    if (row.operation == name && row.entries == entries && row.clients == clients)
                        line += QStringLiteral(" %1").arg(QStringLiteral("%1 (%2)").arg(rate(row.opsPerSecond)).arg(row.examinedPerOp, 0, 'f', 1), 16);
                }
            }
            t += line + QLatin1Char('\n');
        }
        t += QStringLiteral("  routed 50/50 write/read mix vs a per-partition hash map behind a mutex (same run; medians,\n"
                            "  the ratio is the median of each repetition's space/baseline, measured back to back):\n");
        for (const SpaceBenchBaseline &b : space.baselines) {
            const auto [low, high] = std::minmax_element(b.pairedRatios.begin(), b.pairedRatios.end());
            t += QStringLiteral("    %1 entries, %2 client(s): space %3 ops/s, baseline %4 ops/s, ratio %5")
                     .arg(b.entries).arg(b.clients).arg(rate(b.spaceOpsPerSecond), rate(b.baselineOpsPerSecond))
                     .arg(b.ratio(), 0, 'f', 2);
            if (b.pairedRatios.size() > 1)
                t += QStringLiteral(" (%1-%2 over %3 repetitions)").arg(*low, 0, 'f', 2).arg(*high, 0, 'f', 2).arg(b.pairedRatios.size());
            t += QLatin1Char('\n');
        }
        t += QStringLiteral("  memory: %1 MB resident with %2 orders loaded (%3 MB added by them)\n")
                 .arg(space.rssMb, 0, 'f', 1).arg(space.rssEntries).arg(space.rssAddedMb, 0, 'f', 1);
    }
    printOut(t);
    return ExitOk;
}

} // namespace

PARTLAB_CLI_COMMAND("bench", "Measure raw vs naive vs partitioned runtime, routing and snapshots (medians)", runBench);

} // namespace partlab::cli
