// partlab-cli bench: measured side by side in one run, medians of several repetitions.
#include "command.h"

#include "bench/benchsuite.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QThread>

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
        {QStringLiteral("trace-messages"), QStringLiteral("Lines of the csv and jsonl throughput traces (default 2000000)."), QStringLiteral("L")},
        {QStringLiteral("rss-lines"), QStringLiteral("Lines of the trace replayed for the peak RSS (default 10000000)."), QStringLiteral("L")},
        {QStringLiteral("only"), QStringLiteral("Comma-separated parts to run: runtime, routing, snapshot, trace, rss (default: all)."), QStringLiteral("PARTS")},
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
        if (!parser.isSet(QLatin1String(name)))
            return true;
        const auto v = integerOption(parser, QLatin1String(name), min, max, &error);
        if (v)
            target = std::remove_reference_t<decltype(target)>(*v);
        return bool(v);
    };
    if (!intOpt("messages", 1000, qint64(1) << 34, o.messages) || !intOpt("keys", 1, 10'000'000, o.keys)
        || !intOpt("partitions", 1, 65536, o.partitions) || !intOpt("workers", 1, 1024, o.workers)
        || !intOpt("repetitions", 1, 101, o.repetitions) || !intOpt("trace-messages", 1000, qint64(1) << 34, o.traceMessages)
        || !intOpt("routing-keys", 1000, qint64(1) << 34, o.routingKeys)
        || !intOpt("rss-lines", 1000, qint64(1) << 34, o.rssTraceLines))
        return usageError(kCommand, error);
    QStringList parts{QStringLiteral("runtime"), QStringLiteral("routing"), QStringLiteral("snapshot"),
                      QStringLiteral("trace"), QStringLiteral("rss")};
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
        printOut(QString::fromUtf8(QJsonDocument(o2).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
        return ExitOk;
    }
    QString t = QStringLiteral("Partlab bench: %1 messages, %2 keys, %3 partitions, %4 workers, medians of %5 repetitions\n"
                               "machine: %6\n")
                    .arg(o.messages).arg(o.keys).arg(o.partitions).arg(o.workers).arg(o.repetitions).arg(machine);
    if (!runtime.empty()) {
        t += QStringLiteral("\nstate runtime (msg/s)     raw       naive  partitioned   part/raw  part/naive\n");
        for (const RuntimeComparison &r : runtime) {
            t += QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                     .arg(QStringLiteral("%1/%2").arg(computationName(r.computation), KeyDistributionSpec::kindName(r.distribution)), -20)
                     .arg(rate(r.raw), 10).arg(rate(r.naive), 11).arg(rate(r.partitioned), 12)
                     .arg(r.partitionedOverRaw(), 10, 'f', 2).arg(r.partitionedOverNaive(), 11, 'f', 2);
        }
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
            t += QStringLiteral("  %1 %2 %3\n").arg(m.name, -16).arg(m.unit == QLatin1String("MB/s") ? QString::number(m.median, 'f', 1) : rate(m.median), 10).arg(m.unit);
    }
    if (!rss.name.isEmpty())
        t += QStringLiteral("\n%1: %2\n").arg(rss.name, rss.median < 0 ? QStringLiteral("failed") : QStringLiteral("%1 MB").arg(rss.median, 0, 'f', 1));
    printOut(t);
    return ExitOk;
}

} // namespace

PARTLAB_CLI_COMMAND("bench", "Measure raw vs naive vs partitioned runtime, routing and snapshots (medians)", runBench);

} // namespace partlab::cli
