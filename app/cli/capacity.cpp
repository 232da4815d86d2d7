// partlab-cli capacity: what-if capacity in virtual time (engine/capacity/capacitymodel.h).
#include "command.h"
#include "traceoptions.h"

#include "advisor/keyweights.h"
#include "capacity/capacitymodel.h"
#include "capacity/measuredcost.h"
#include "model/numberformat.h"
#include "routing/partitionerargs.h"
#include "workload/scenario.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <unordered_map>
#include <limits>

namespace partlab::cli {

namespace {

const QString kCommand = QStringLiteral("capacity");

/**
 * The key mix: exact probabilities for a scenario, counted messages for a trace; with
 * @p withArrivals (--speed) also the trace's arrivals and their time stamps.
 */
std::optional<int> readKeys(const QCommandLineParser &parser, CapacityConfig &config, bool withArrivals, QString &title)
{
    QString error;
    std::vector<CapacityKey> &keys = config.keys;
    if (parser.isSet(QStringLiteral("input"))) {
        if (parser.isSet(QStringLiteral("scenario")))
            return usageError(kCommand, QStringLiteral("a scenario and an input file exclude each other"));
        const QString path = parser.value(QStringLiteral("input"));
        QString usage;
        auto trace = openTraceFromOptions(parser, path, &usage, &error);
        if (!trace) {
            if (!usage.isEmpty())
                return usageError(kCommand, usage);
            printErr(QStringLiteral("partlab-cli %1: %2\n").arg(kCommand, error));
            return ExitUsage;
        }
        title = path;
        if (!withArrivals) {
            const auto counted = countKeys(*trace, 10'000'000, &error);
            if (!counted) {
                printErr(QStringLiteral("partlab-cli %1: %2\n").arg(kCommand, error));
                return ExitFailure;
            }
            for (const KeyWeight &k : *counted)
                keys.push_back({k.key, double(k.weight)});
            return std::nullopt;
        }
        // --speed: every arrival with its time stamp (at most --messages of them).
        std::unordered_map<std::string, quint32> index;
        SourceMessage m;
        qint64 first = -1;
        while (config.trace.size() < config.messages) {
            const MessageSource::Status status = trace->next(m);
            if (status == MessageSource::Status::End)
                break;
            if (status == MessageSource::Status::Error) {
                printErr(QStringLiteral("partlab-cli %1: %2\n").arg(kCommand, trace->errorString()));
                return ExitFailure;
            }
            if (m.timeUs < 0) {
                printErr(QStringLiteral("partlab-cli %1: %2: --speed replays time stamps, and this message has none (name the column with --time)\n")
                             .arg(kCommand, trace->location()));
                return ExitFailure;
            }
            if (first < 0)
                first = m.timeUs;
            if (m.timeUs < first) {
                printErr(QStringLiteral("partlab-cli %1: %2: time goes backwards (%3 us before the first message)\n")
                             .arg(kCommand, trace->location()).arg(first - m.timeUs));
                return ExitFailure;
            }
            const auto [it, added] = index.emplace(std::string(m.key), quint32(keys.size()));
            if (added)
                keys.push_back({it->first, 0.0});
            keys[it->second].weight += 1.0;
            config.trace.push_back({double(m.timeUs - first), it->second});
        }
        return std::nullopt;
    }
    if (withArrivals)
        return usageError(kCommand, QStringLiteral("--speed replays a trace's time stamps: use it with --input FILE"));
    QString option;
    if (traceReadOptionSet(parser, &option))
        return usageError(kCommand, QStringLiteral("--%1 applies to --input only").arg(option));
    const QString name = parser.isSet(QStringLiteral("scenario")) ? parser.value(QStringLiteral("scenario")) : QStringLiteral("builtin:stocks");
    const auto scenario = resolveScenario(name, &error);
    if (!scenario)
        return usageError(kCommand, error);
    keys = scenarioKeys(*scenario);
    title = name;
    return std::nullopt;
}

std::optional<std::vector<int>> intList(const QCommandLineParser &parser, const QString &option, int min, int max, QString *error)
{
    std::vector<int> out;
    for (const QString &part : parser.value(option).split(QLatin1Char(','))) {
        bool ok = false;
        const int v = part.trimmed().toInt(&ok);
        if (!ok || v < min || v > max) {
            *error = QStringLiteral("--%1: '%2' is not a whole number between %3 and %4").arg(option, part.trimmed()).arg(min).arg(max);
            return std::nullopt;
        }
        out.push_back(v);
    }
    return out;
}

QJsonObject latencyJson(const LatencyPercentiles &l)
{
    return {{QStringLiteral("p50"), l.p50}, {QStringLiteral("p90"), l.p90}, {QStringLiteral("p99"), l.p99}, {QStringLiteral("p999"), l.p999}};
}

QJsonObject resultJson(const CapacityConfig &config, const CapacityResult &r, double saturation)
{
    QJsonObject root;
    root.insert(QStringLiteral("partitioner"), config.partitioner);
    root.insert(QStringLiteral("partition_count"), config.partitionerOptions.partitions);
    root.insert(QStringLiteral("consumer_count"), config.consumers);
    root.insert(QStringLiteral("threads"), config.threads);
    root.insert(QStringLiteral("assignor"), assignorName(config.assignor));
    root.insert(QStringLiteral("rate"), config.rate);
    root.insert(QStringLiteral("service_time"), config.service.text());
    if (config.burst.active())
        root.insert(QStringLiteral("burst"), QJsonObject{{QStringLiteral("factor"), config.burst.factor},
                                                         {QStringLiteral("on_ms"), config.burst.onUs / 1000.0},
                                                         {QStringLiteral("period_ms"), config.burst.periodUs / 1000.0},
                                                         {QStringLiteral("average_rate"), config.averageRate()}});
    root.insert(QStringLiteral("messages"), double(r.arrived));
    root.insert(QStringLiteral("virtual_seconds"), r.virtualSeconds);
    root.insert(QStringLiteral("mean_wait_us"), r.meanWaitUs);
    root.insert(QStringLiteral("mean_latency_us"), r.meanLatencyUs);
    root.insert(QStringLiteral("latency_us"), latencyJson(r.latencyUs));
    root.insert(QStringLiteral("stable"), r.stable);
    root.insert(QStringLiteral("stopped_early"), r.stoppedEarly);
    root.insert(QStringLiteral("final_backlog"), double(r.finalBacklog));
    root.insert(QStringLiteral("analytic_saturation_rate"), r.analyticSaturationRate);
    if (saturation > 0)
        root.insert(QStringLiteral("saturation_rate"), saturation);
    root.insert(QStringLiteral("bottleneck"), QJsonObject{{QStringLiteral("kind"), r.partitionBound ? QStringLiteral("partition") : QStringLiteral("consumer")},
                                                          {QStringLiteral("index"), r.bottleneck},
                                                          {QStringLiteral("hot_key"), r.partitionBound ? QJsonValue(QString::fromStdString(r.hotKey)) : QJsonValue()},
                                                          {QStringLiteral("hot_key_share"), r.hotKeyShare}});
    root.insert(QStringLiteral("simulated_msgs_per_s"), r.wallSeconds > 0 ? double(r.arrived) / r.wallSeconds : 0.0);
    QJsonArray partitions;
    for (const CapacityPartitionResult &p : r.partitions) {
        partitions.append(QJsonObject{{QStringLiteral("partition"), p.partition},
                                      {QStringLiteral("consumer"), p.consumer},
                                      {QStringLiteral("messages"), double(p.messages)},
                                      {QStringLiteral("offered_load"), p.offeredLoad},
                                      {QStringLiteral("utilization"), p.utilization},
                                      {QStringLiteral("max_lag"), double(p.maxLag)},
                                      {QStringLiteral("final_lag"), double(p.finalLag)},
                                      {QStringLiteral("max_lag_s"), p.maxLagSeconds},
                                      {QStringLiteral("final_lag_s"), p.finalLagSeconds},
                                      {QStringLiteral("throughput"), p.throughput}});
    }
    root.insert(QStringLiteral("partitions"), partitions);
    QJsonArray consumers;
    for (const CapacityConsumerResult &c : r.consumers) {
        consumers.append(QJsonObject{{QStringLiteral("consumer"), c.consumer},
                                     {QStringLiteral("partitions"), c.partitions},
                                     {QStringLiteral("offered_load"), c.offeredLoad},
                                     {QStringLiteral("utilization"), c.utilization},
                                     {QStringLiteral("served"), double(c.served)}});
    }
    root.insert(QStringLiteral("consumers"), consumers);
    return root;
}

QString resultText(const QString &title, const CapacityConfig &config, const CapacityResult &r, double saturation)
{
    QString t = QStringLiteral("%1 over %2 partitions (%3), %4 consumer(s) x %5 thread(s), %6 assignor; %7 msg/s (%8), service %9\n")
                    .arg(title).arg(config.partitionerOptions.partitions).arg(config.partitioner).arg(config.consumers)
                    .arg(config.threads).arg(assignorName(config.assignor)).arg(config.rate, 0, 'f', 0)
                    .arg(!config.trace.empty() ? QStringLiteral("the trace's arrivals")
                         : config.arrivals == CapacityConfig::Arrivals::Poisson ? QStringLiteral("Poisson") : QStringLiteral("constant"))
                    .arg(config.service.text());
    t += QStringLiteral("%1 messages over %2 s of virtual time (simulated at %3 msg/s)%4\n")
             .arg(r.arrived).arg(r.virtualSeconds, 0, 'f', 3)
             .arg(r.wallSeconds > 0 ? double(r.arrived) / r.wallSeconds : 0.0, 0, 'f', 0)
             .arg(r.stoppedEarly ? QStringLiteral(", stopped early: the backlog passed its bound") : QString());
    t += QStringLiteral("%1; backlog at the end %2 messages\n")
             .arg(r.stable ? QStringLiteral("stable") : QStringLiteral("NOT stable: the lag keeps growing")).arg(r.finalBacklog);
    t += QStringLiteral("wait in queue: mean %1 us; end-to-end latency us: mean %2, p50 %3, p90 %4, p99 %5, p99.9 %6\n")
             .arg(r.meanWaitUs, 0, 'f', 1).arg(r.meanLatencyUs, 0, 'f', 1).arg(r.latencyUs.p50, 0, 'f', 1)
             .arg(r.latencyUs.p90, 0, 'f', 1).arg(r.latencyUs.p99, 0, 'f', 1).arg(r.latencyUs.p999, 0, 'f', 1);
    t += QStringLiteral("saturation rate: %1 msg/s analytic (busiest partition or consumer at 100 %)").arg(r.analyticSaturationRate, 0, 'f', 0);
    if (saturation > 0)
        t += QStringLiteral(", %1 msg/s by search").arg(saturation, 0, 'f', 0);
    if (r.partitionBound)
        t += QStringLiteral("\npartition %1 saturates first, whatever the consumers and threads: its key '%2' alone carries %3 % of the "
                            "messages (salt the key, or route by another property)")
                 .arg(r.bottleneck).arg(QString::fromStdString(r.hotKey)).arg(r.hotKeyShare * 100.0, 0, 'f', 1);
    else if (r.bottleneck >= 0)
        t += QStringLiteral("\nconsumer %1 saturates first: more consumers or threads raise the rate").arg(r.bottleneck);
    t += QStringLiteral("\n\nconsumer partitions offered utilization    served\n");
    for (const CapacityConsumerResult &c : r.consumers)
        t += QStringLiteral("%1 %2 %3 %4 %5\n").arg(c.consumer, 8).arg(c.partitions, 10).arg(c.offeredLoad, 7, 'f', 2)
                 .arg(QString::number(c.utilization * 100.0, 'f', 1) + QLatin1Char('%'), 11).arg(c.served, 9);
    // The busiest partitions first: where the lag builds.
    std::vector<CapacityPartitionResult> partitions = r.partitions;
    std::stable_sort(partitions.begin(), partitions.end(),
                     [](const auto &a, const auto &b) { return a.offeredLoad > b.offeredLoad; });
    const std::size_t shown = std::min<std::size_t>(partitions.size(), 10);
    t += QStringLiteral("\npartition consumer offered utilization max_lag final_lag max_wait_s  (the %1 busiest of %2)\n")
             .arg(shown).arg(partitions.size());
    for (std::size_t i = 0; i < shown; ++i) {
        const CapacityPartitionResult &p = partitions[i];
        t += QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n").arg(p.partition, 9).arg(p.consumer, 8).arg(p.offeredLoad, 7, 'f', 2)
                 .arg(QString::number(p.utilization * 100.0, 'f', 1) + QLatin1Char('%'), 11).arg(p.maxLag, 7)
                 .arg(p.finalLag, 9).arg(p.maxLagSeconds, 10, 'f', 4);
    }
    return t;
}

int runCapacity(const QStringList &arguments)
{
    QCommandLineParser parser;
    addPartitionerOptions(parser, PartitionerArgs::nameAndCount(CapacityConfig().partitioner));
    parser.addOptions({
        {QStringLiteral("scenario"), QStringLiteral("Key mix of builtin:stocks (default), builtin:words, builtin:orders or a scenario JSON file (its exact key probabilities)."), QStringLiteral("S")},
        {QStringLiteral("input"), QStringLiteral("Key mix counted from a trace (csv, jsonl, kv, words; .gz too)."), QStringLiteral("FILE")},
        {QStringLiteral("consumers"), QStringLiteral("Consumers C (default 1)."), QStringLiteral("C")},
        {QStringLiteral("threads"), QStringLiteral("Threads per consumer T (default 1); a partition is served by one thread at a time."), QStringLiteral("T")},
        {QStringLiteral("assignor"), QStringLiteral("How partitions are dealt to consumers: %1 (default range).").arg(assignorNames().join(QStringLiteral(", "))), QStringLiteral("A")},
        {QStringLiteral("rate"), QStringLiteral("Arrival rate, messages per second (or --speed)."), QStringLiteral("R")},
        {QStringLiteral("speed"), QStringLiteral("With --input: replay the trace's arrivals, its time stamps sped up X times (--time names the column)."), QStringLiteral("X")},
        {QStringLiteral("arrivals"), QStringLiteral("poisson (default) or constant."), QStringLiteral("KIND")},
        {QStringLiteral("service-time"), QStringLiteral("Cost of one message: fixed:US, exp:MEAN_US, lognormal:MEAN_US,P99_US, or measured[:COMPUTATION] "
                                                        "(the real state computation timed on this machine, default last) (required)."), QStringLiteral("SPEC")},
        {QStringLiteral("burst"), QStringLiteral("FACTOR:ON_MS/PERIOD_MS: the rate times FACTOR for ON_MS of every PERIOD_MS (with --rate)."), QStringLiteral("B")},
        {QStringLiteral("key-service"), QStringLiteral("KEY=SPEC: another service time for one (heavy) key; repeatable."), QStringLiteral("KEY=SPEC")},
        {QStringLiteral("messages"), QStringLiteral("Messages to simulate (default 1000000)."), QStringLiteral("M")},
        {QStringLiteral("seed"), QStringLiteral("Random seed (default 1): the same seed gives the same run."), QStringLiteral("S")},
        {QStringLiteral("find-saturation"), QStringLiteral("Also search for the saturation rate (bisection over simulated runs, 1 %).")},
        {QStringLiteral("grid-partitions"), QStringLiteral("Grid mode: comma-separated partition counts."), QStringLiteral("N,...")},
        {QStringLiteral("grid-consumers"), QStringLiteral("Grid mode: comma-separated consumer counts."), QStringLiteral("C,...")},
        {QStringLiteral("grid-metric"), QStringLiteral("Grid mode: saturation (analytic saturation rate, default) or p99 (simulated at --rate)."), QStringLiteral("M")},
        {QStringLiteral("p99-target"), QStringLiteral("Grid mode: name the fewest consumers, then partitions, whose run at --rate is stable with a p99 at or below US (implies --grid-metric p99)."), QStringLiteral("US")},
        {QStringLiteral("json"), QStringLiteral("Print one JSON object.")},
    });
    addTraceReadOptions(parser);
    if (const auto exit = parseArguments(parser, kCommand,
                                         QStringLiteral("Predicts per-partition lag, utilisation and latency of a cluster of C consumers "
                                                        "serving N partitions, in virtual time (discrete events, deterministic for a seed)."),
                                         arguments))
        return *exit;

    QString error;
    CapacityConfig config;
    const bool speedSet = parser.isSet(QStringLiteral("speed"));
    if (parser.isSet(QStringLiteral("rate")) == speedSet || !parser.isSet(QStringLiteral("service-time")))
        return usageError(kCommand, QStringLiteral("give --rate R or --speed X (one of them), and --service-time SPEC"));
    double speed = 1.0;
    if (speedSet) {
        const auto x = numberOption(parser, QStringLiteral("speed"), 1e-6, 1e9, &error);
        if (!x)
            return usageError(kCommand, error);
        speed = *x;
        if (parser.isSet(QStringLiteral("arrivals")))
            return usageError(kCommand, QStringLiteral("--arrivals applies to --rate: --speed replays the trace's own arrivals"));
    } else {
        const auto rate = numberOption(parser, QStringLiteral("rate"), 1e-6, 1e12, &error);
        if (!rate)
            return usageError(kCommand, error);
        config.rate = *rate;
    }
    // measured[:COMPUTATION] is timed once the keys are known; anything else is parsed now.
    const QString serviceText = parser.value(QStringLiteral("service-time")).trimmed();
    std::optional<Computation> measured;
    if (serviceText == QLatin1String("measured") || serviceText.startsWith(QLatin1String("measured:"))) {
        const QString name = serviceText.mid(9);
        measured = name.isEmpty() ? Computation::Last : computationFromName(name);
        if (!measured)
            return usageError(kCommand, QStringLiteral("--service-time: unknown computation '%1' in measured:COMPUTATION (choose %2)")
                                            .arg(name, computationNames().join(QStringLiteral(", "))));
    } else {
        const auto service = ServiceTimeSpec::parse(serviceText, &error);
        if (!service)
            return usageError(kCommand, QStringLiteral("--service-time: %1").arg(error));
        config.service = *service;
    }
    if (parser.isSet(QStringLiteral("burst"))) {
        if (speedSet)
            return usageError(kCommand, QStringLiteral("--burst shapes --rate: --speed replays the trace's own arrivals"));
        const auto burst = CapacityConfig::Burst::parse(parser.value(QStringLiteral("burst")), &error);
        if (!burst)
            return usageError(kCommand, QStringLiteral("--burst: %1").arg(error));
        config.burst = *burst;
    }
    for (const QString &entry : parser.values(QStringLiteral("key-service"))) {
        const qsizetype eq = entry.lastIndexOf(QLatin1Char('='));
        if (eq <= 0)
            return usageError(kCommand, QStringLiteral("--key-service: '%1' is not KEY=SPEC").arg(entry));
        const auto spec = ServiceTimeSpec::parse(entry.mid(eq + 1), &error);
        if (!spec)
            return usageError(kCommand, QStringLiteral("--key-service: %1").arg(error));
        config.keyService.emplace_back(entry.left(eq).toStdString(), *spec);
    }
    if (parser.isSet(QStringLiteral("partitioner")))
        config.partitioner = parser.value(QStringLiteral("partitioner"));
    error = readPartitionerOptions(parser, config.partitioner, config.partitionerOptions, PartitionerArgs::nameAndCount(CapacityConfig().partitioner));
    if (!error.isEmpty())
        return usageError(kCommand, error);
    const struct
    {
        const char *name;
        qint64 max;
        int *target;
    } ints[] = {{"consumers", CapacityConfig::kMaxConsumers, &config.consumers},
                {"threads", CapacityConfig::kMaxThreads, &config.threads}};
    for (const auto &o : ints) {
        if (!readIntegerOption(parser, QLatin1String(o.name), 1, o.max, *o.target, &error))
            return usageError(kCommand, error);
    }
    if (parser.isSet(QStringLiteral("assignor"))) {
        const auto a = assignorFromName(parser.value(QStringLiteral("assignor")));
        if (!a)
            return usageError(kCommand, QStringLiteral("--assignor: unknown assignor '%1' (choose %2)")
                                            .arg(parser.value(QStringLiteral("assignor")), assignorNames().join(QStringLiteral(", "))));
        config.assignor = *a;
    }
    if (parser.isSet(QStringLiteral("arrivals"))) {
        const QString a = parser.value(QStringLiteral("arrivals"));
        if (a != QLatin1String("poisson") && a != QLatin1String("constant"))
            return usageError(kCommand, QStringLiteral("--arrivals: '%1' is neither poisson nor constant").arg(a));
        config.arrivals = a == QLatin1String("poisson") ? CapacityConfig::Arrivals::Poisson : CapacityConfig::Arrivals::Constant;
    }
    if (!readIntegerOption(parser, QStringLiteral("messages"), 1, qint64(CapacityConfig::kMaxMessages), config.messages, &error))
        return usageError(kCommand, error);
    if (!readIntegerOption(parser, QStringLiteral("seed"), 0, std::numeric_limits<qint64>::max(), config.seed, &error))
        return usageError(kCommand, error);
    const bool grid = parser.isSet(QStringLiteral("grid-partitions")) || parser.isSet(QStringLiteral("grid-consumers"));
    QString metric = QStringLiteral("saturation");
    if (parser.isSet(QStringLiteral("grid-metric"))) {
        metric = parser.value(QStringLiteral("grid-metric"));
        if (metric != QLatin1String("saturation") && metric != QLatin1String("p99"))
            return usageError(kCommand, QStringLiteral("--grid-metric: '%1' is neither saturation nor p99").arg(metric));
        if (!grid)
            return usageError(kCommand, QStringLiteral("--grid-metric applies to the grid mode (--grid-partitions, --grid-consumers)"));
    }

    double p99Target = -1;
    if (parser.isSet(QStringLiteral("p99-target"))) {
        const auto t = numberOption(parser, QStringLiteral("p99-target"), 0.001, 1e12, &error);
        if (!t)
            return usageError(kCommand, error);
        if (!grid)
            return usageError(kCommand, QStringLiteral("--p99-target applies to the grid mode (--grid-partitions, --grid-consumers)"));
        if (parser.isSet(QStringLiteral("grid-metric")) && metric != QLatin1String("p99"))
            return usageError(kCommand, QStringLiteral("--p99-target needs --grid-metric p99"));
        p99Target = *t;
        metric = QStringLiteral("p99");
    }
    QString title;
    if (const auto exit = readKeys(parser, config, speedSet, title))
        return *exit;
    double measuredUs = -1;
    if (measured) {
        measuredUs = measureServiceTimeUs(*measured, config.keys);
        config.service = ServiceTimeSpec{ServiceTimeSpec::Kind::Fixed, std::max(measuredUs, 1e-3), 0.0};
        title += QStringLiteral("; service measured: %1 us per message of %2 on this machine").arg(measuredUs, 0, 'f', 4)
                     .arg(computationName(*measured));
    }
    if (speedSet) {
        const double own = traceRate(config.trace);
        if (!(own > 0))
            return usageError(kCommand, QStringLiteral("--speed: the trace's time stamps do not advance (%1 messages read)").arg(config.trace.size()));
        config.rate = own * speed;
        title += QStringLiteral(" (its time stamps at %1x: %2 msg/s)").arg(speed).arg(config.rate, 0, 'f', 0);
    }
    error = config.validate();
    if (!error.isEmpty())
        return usageError(kCommand, error);
    const bool json = parser.isSet(QStringLiteral("json"));

    if (grid) {
        std::vector<int> ns{config.partitionerOptions.partitions}, cs{config.consumers};
        if (parser.isSet(QStringLiteral("grid-partitions"))) {
            const auto l = intList(parser, QStringLiteral("grid-partitions"), 1, PartitionerLimits::kMaxPartitions, &error);
            if (!l)
                return usageError(kCommand, error);
            ns = *l;
        }
        if (parser.isSet(QStringLiteral("grid-consumers"))) {
            const auto l = intList(parser, QStringLiteral("grid-consumers"), 1, CapacityConfig::kMaxConsumers, &error);
            if (!l)
                return usageError(kCommand, error);
            cs = *l;
        }
        QJsonArray cells;
        struct Pick
        {
            int partitions = 0, consumers = 0;
            double p99 = 0;
        };
        std::optional<Pick> pick;
        QString text = QStringLiteral("%1 (%2) by partitions (rows) and consumers (columns); %3, %4 thread(s), service %5\n%6")
                           .arg(metric == QLatin1String("p99") ? QStringLiteral("p99 latency in us at %1 msg/s").arg(config.rate)
                                                               : QStringLiteral("saturation rate in msg/s"),
                                config.partitioner, title).arg(config.threads).arg(config.service.text())
                           .arg(QStringLiteral("N \\ C").rightJustified(8));
        for (const int c : cs)
            text += QString::number(c).rightJustified(12);
        text += QLatin1Char('\n');
        for (const int n : ns) {
            text += QString::number(n).rightJustified(8);
            for (const int c : cs) {
                CapacityConfig cell = config;
                cell.partitionerOptions.partitions = n;
                cell.consumers = c;
                const QString problem = cell.validate();
                if (!problem.isEmpty())
                    return usageError(kCommand, problem);
                // The saturation metric needs the offered loads only, not a run.
                const CapacityResult r = metric == QLatin1String("p99") ? simulateCapacity(cell) : CapacityResult{};
                const double value = metric == QLatin1String("p99") ? r.latencyUs.p99 : analyticSaturationRate(cell);
                const bool unstable = metric == QLatin1String("p99") && !r.stable;
                if (p99Target > 0 && r.stable && r.latencyUs.p99 <= p99Target
                    && (!pick || c < pick->consumers || (c == pick->consumers && n < pick->partitions)))
                    pick = Pick{n, c, r.latencyUs.p99};
                text += (QString::number(value, 'f', 0) + (unstable ? QStringLiteral("!") : QString())).rightJustified(12);
                cells.append(QJsonObject{{QStringLiteral("partitions"), n}, {QStringLiteral("consumers"), c},
                                         {metric == QLatin1String("p99") ? QStringLiteral("p99_us") : QStringLiteral("saturation_rate"), value},
                                         {QStringLiteral("stable"), metric == QLatin1String("p99") ? QJsonValue(r.stable) : QJsonValue()}});
            }
            text += QLatin1Char('\n');
        }
        if (metric == QLatin1String("p99"))
            text += QStringLiteral("(! = not stable at this rate: the lag keeps growing, the p99 only grows with the run)\n");
        QJsonObject root{{QStringLiteral("metric"), metric}, {QStringLiteral("grid"), cells}};
        if (p99Target > 0) {
            if (pick) {
                text += QStringLiteral("recommendation: %1 consumer(s) and %2 partitions keep the p99 at %3 us (target %4 us) at %5 msg/s\n")
                            .arg(pick->consumers).arg(pick->partitions).arg(pick->p99, 0, 'f', 0).arg(p99Target).arg(config.rate);
                root.insert(QStringLiteral("recommendation"), QJsonObject{{QStringLiteral("partitions"), pick->partitions},
                                                                          {QStringLiteral("consumers"), pick->consumers},
                                                                          {QStringLiteral("p99_us"), pick->p99}});
            } else {
                text += QStringLiteral("recommendation: no cell of the grid keeps the p99 under %1 us at %2 msg/s\n").arg(p99Target).arg(config.rate);
                root.insert(QStringLiteral("recommendation"), QJsonValue());
            }
        }
        if (json)
            printOut(QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented)));
        else
            printOut(text);
        return ExitOk;
    }

    const CapacityResult r = simulateCapacity(config);
    if (!r.ok)
        return usageError(kCommand, r.error);
    double saturation = -1;
    if (parser.isSet(QStringLiteral("find-saturation")))
        saturation = findSaturationRate(config, 0.01, &error);
    if (json)
        printOut(QString::fromUtf8(QJsonDocument(resultJson(config, r, saturation)).toJson(QJsonDocument::Indented)));
    else
        printOut(resultText(title, config, r, saturation));
    return ExitOk;
}

} // namespace

PARTLAB_CLI_COMMAND("capacity", "Predict per-partition lag, utilisation and latency of a cluster in virtual time", runCapacity);

} // namespace partlab::cli
