#include "benchsuite.h"

#include "routing/partitioner.h"
#include "runtime/partitionstate.h"
#include "runtime/runplan.h"
#include "runtime/stateruntime.h"
#include "trace/tracesource.h"
#include "trace/tracewriter.h"
#include "workload/scenariosource.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>

#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <latch>
#include <memory>
#include <thread>

namespace partlab {

namespace {

using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point a, Clock::time_point b)
{
    return std::chrono::duration<double>(b - a).count();
}

/** Pre-generated stock ticks: the producer side costs the same in every mode. */
struct Tick
{
    quint32 key;
    double price;
    double volume;
};

struct Workload
{
    std::vector<std::string> keys;
    std::vector<Tick> ticks;
};

Workload makeWorkload(const BenchOptions &o, KeyDistributionSpec::Kind kind)
{
    ScenarioSpec spec = *ScenarioSpec::builtin(QStringLiteral("stocks"));
    spec.messages = o.messages;
    spec.keys = o.keys;
    spec.distribution.kind = kind;
    spec.distribution.zipfExponent = 1.0;
    spec.seed = 2026;
    ScenarioSource source(spec);
    Workload w;
    w.keys = source.keys();
    w.ticks.reserve(o.messages);
    // Map each generated key back to its rank (keys are generated in rank order).
    std::unordered_map<std::string_view, quint32> rank;
    for (quint32 i = 0; i < w.keys.size(); ++i)
        rank.emplace(w.keys[i], i);
    SourceMessage m;
    while (source.next(m) == MessageSource::Status::Message)
        w.ticks.push_back({rank.at(m.key), m.value, m.volume});
    return w;
}

/** What the runtime does for each of ticks [@p begin, @p end), in one plain loop: see rawLoop(). */
template<Computation C>
void applyTicks(const Workload &w, const Partitioner &partitioner, std::vector<PartitionState> &states, std::size_t begin,
                std::size_t end)
{
    for (std::size_t i = begin; i < end; ++i) {
        const Tick &t = w.ticks[i];
        const std::string &key = w.keys[t.key];
        KeyStateTable &table = states[std::size_t(partitioner.partition(RoutingKey::text(key)))].states;
        const quint64 hash = hashKey(key);
        KeyState *state = table.find(key, hash);
        if (!state)
            state = &table.insert(key, hash);
        applyComputation<C>(*state, t.price, t.volume); // counts the message too
    }
}

/**
 * The baseline: one plain loop doing what the runtime does for each message (hash the key to its
 * partition with the same partitioner, look the key up in that partition's map, apply the
 * computation), without threads or queues.
 */
template<Computation C>
double rawLoop(const Workload &w, const Partitioner &partitioner, int partitions)
{
    std::vector<PartitionState> states(static_cast<std::size_t>(partitions));
    const auto start = Clock::now();
    applyTicks<C>(w, partitioner, states, 0, w.ticks.size());
    return double(w.ticks.size()) / seconds(start, Clock::now());
}

/**
 * The machine's ceiling for the runtime: the plain loop on @p threads threads at once, each over
 * its own contiguous 1/@p threads of the ticks with tables of its own. Nothing is shared and
 * nothing handed over: it is how far this machine scales the loop itself, which the runtime's
 * hand-off can only lose from (a partitioned run beats it only where its smaller tables per core
 * fit a cache that the split's whole tables do not). Its result is not the fold: a key's messages
 * are split between the threads. Threads start before the clock and wait on a latch. 0 when the
 * threads' states do not add up to every message.
 */
template<Computation C>
double splitLoop(const Workload &w, const Partitioner &partitioner, int partitions, int threads)
{
    const std::size_t n = w.ticks.size(), parts = std::size_t(std::max(1, threads));
    std::vector<quint64> applied(parts, 0);
    std::latch start(1);
    std::vector<std::thread> pool;
    pool.reserve(parts);
    for (std::size_t t = 0; t < parts; ++t)
        pool.emplace_back([&, t] {
            std::vector<PartitionState> states(static_cast<std::size_t>(partitions));
            start.wait();
            applyTicks<C>(w, partitioner, states, n * t / parts, n * (t + 1) / parts);
            for (const PartitionState &p : states)
                for (const KeyStateTable::Entry &e : p.states.entries())
                    applied[t] += e.state.count;
        });
    const auto begin = Clock::now();
    start.count_down();
    for (std::thread &t : pool)
        t.join();
    const double elapsed = seconds(begin, Clock::now());
    quint64 total = 0;
    for (const quint64 a : applied)
        total += a;
    return total == n ? double(n) / elapsed : 0.0;
}

/**
 * The same loop with the runtime workers' lookup technique: it routes a block of messages first
 * and then applies them with the table lookups prefetched a few messages ahead. part/ahead
 * compares threads alone; part/raw also counts what look-ahead gains over the plain loop.
 */
template<Computation C>
double lookAheadLoop(const Workload &w, const Partitioner &partitioner, int partitions)
{
    std::vector<PartitionState> states(static_cast<std::size_t>(partitions));
    struct Routed
    {
        quint32 partition;
        quint64 hash;
    };
    constexpr std::size_t kBlock = 4096, kAhead = 4;
    std::vector<Routed> routed(kBlock);
    const auto start = Clock::now();
    for (std::size_t first = 0; first < w.ticks.size(); first += kBlock) {
        const std::size_t n = std::min(kBlock, w.ticks.size() - first);
        for (std::size_t i = 0; i < n; ++i) {
            const std::string &key = w.keys[w.ticks[first + i].key];
            routed[i] = {quint32(partitioner.partition(RoutingKey::text(key))), hashKey(key)};
        }
        auto prefetch = [&](std::size_t i, bool entry) {
            if (i < n)
                states[routed[i].partition].states.prefetch(routed[i].hash, entry);
        };
        for (std::size_t i = 0; i < 2 * kAhead; ++i)
            prefetch(i, false);
        for (std::size_t i = 0; i < n; ++i) {
            prefetch(i + 2 * kAhead, false);
            prefetch(i + kAhead, true);
            const Tick &t = w.ticks[first + i];
            const std::string &key = w.keys[t.key];
            KeyStateTable &table = states[routed[i].partition].states;
            KeyState *state = table.find(key, routed[i].hash);
            if (!state)
                state = &table.insert(key, routed[i].hash);
            applyComputation<C>(*state, t.price, t.volume);
        }
    }
    return double(w.ticks.size()) / seconds(start, Clock::now());
}

/** The pre-generated ticks as a chunked input: any worker can route any range of them. */
class TickInput final : public ChunkedInput
{
public:
    static constexpr qint64 kChunk = 4096;

    explicit TickInput(const Workload &w)
        : m_w(w)
    {
    }
    std::unique_ptr<ChunkParser> createParser(QString *) const override { return std::make_unique<Parser>(m_w); }
    qint64 chunkUnits() const override { return kChunk; }
    qint64 messagesPerChunk() const override { return kChunk; }
    qint64 endUnits() const override { return qint64(m_w.ticks.size()); }
    bool exactBoundaries() const override { return true; }
    bool stableKeys() const override { return true; }

private:
    class Parser final : public ChunkParser
    {
    public:
        explicit Parser(const Workload &w)
            : m_w(w)
        {
        }
        ChunkResult parse(const ChunkTask &task, ChunkSink &sink) override
        {
            ChunkResult r;
            const qint64 total = qint64(m_w.ticks.size());
            const qint64 end = qMin(task.end, total);
            r.start = task.begin;
            qint64 i = task.begin;
            for (; i < end; ++i) {
                const Tick &t = m_w.ticks[std::size_t(i)];
                ++r.messages;
                if (!sink.add(m_w.keys[t.key], t.price, t.volume)) {
                    r.stoppedBySink = true;
                    ++i;
                    break;
                }
            }
            r.end = i;
            r.atEnd = i >= total;
            return r;
        }

    private:
        const Workload &m_w;
    };

    const Workload &m_w;
};

/** Chunks of the runs so far, and those of them whose items were streamed (IngestResult). */
struct ChunkCount
{
    quint64 chunks = 0, streamed = 0;
};

/**
 * The runtime on the ticks: by default every worker routes chunks of them and applies its own
 * partitions' share (StateRuntime::ingest), counted into @p count; @p oneProducer submits them
 * from this thread.
 */
double runtimeRun(const Workload &w, const BenchOptions &o, Computation c, RuntimeMode mode, bool oneProducer = false,
                  ChunkCount *count = nullptr)
{
    RuntimeConfig config;
    config.computation = c;
    config.mode = mode;
    config.workers = o.workers;
    config.partitionerOptions.partitions = o.partitions;
    QString error;
    auto runtime = StateRuntime::create(config, &error);
    const auto start = Clock::now();
    if (oneProducer) {
        for (const Tick &t : w.ticks)
            (void)runtime->submit(w.keys[t.key], t.price, t.volume);
    } else {
        TickInput input(w);
        const std::optional<IngestResult> result = runtime->ingest(input, IngestRequest{}, {}, &error);
        if (result && count) {
            count->chunks += result->chunks;
            count->streamed += result->streamed;
        }
    }
    runtime->drain();
    return double(w.ticks.size()) / seconds(start, Clock::now());
}

std::string formattedKey(quint64 i)
{
    char buf[24];
    const int n = std::snprintf(buf, sizeof buf, "S%05llu", static_cast<unsigned long long>(i % 100000));
    return std::string(buf, std::size_t(n));
}

/** Writes @p lines stock ticks to @p path in @p format; false with @p error. */
bool writeTickTrace(const QString &path, TraceFormat format, quint64 lines, QString *error)
{
    ScenarioSpec spec = *ScenarioSpec::builtin(QStringLiteral("stocks"));
    spec.messages = lines;
    spec.keys = 10'000;
    spec.distribution.kind = KeyDistributionSpec::Kind::Zipf;
    spec.seed = 2026;
    ScenarioSource source(spec);
    auto writer = TraceWriter::create(path, format, error);
    if (!writer)
        return false;
    SourceMessage m;
    while (source.next(m) == MessageSource::Status::Message) {
        if (!writer->write(m)) {
            *error = writer->errorString();
            return false;
        }
    }
    if (!writer->finish()) {
        *error = writer->errorString();
        return false;
    }
    return true;
}

std::unique_ptr<TraceSource> openTickTrace(const QString &path, TraceFormat format)
{
    TraceOptions options;
    options.format = format;
    options.fields.key = QStringLiteral("key");
    options.fields.value = QStringLiteral("value");
    options.fields.volume = QStringLiteral("volume");
    options.fields.time = QStringLiteral("time");
    QString error;
    return TraceSource::open(path, options, &error);
}

} // namespace

double median(std::vector<double> values)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

BenchSuite::BenchSuite(BenchOptions options)
    : m_options(std::move(options))
{
    if (m_options.partitioners.isEmpty())
        m_options.partitioners = partitionerNames();
}

std::vector<RuntimeComparison> BenchSuite::runRuntime(const std::function<void(const QString &)> &progress)
{
    std::vector<RuntimeComparison> out;
    PartitionerOptions po;
    po.partitions = m_options.partitions;
    QString error;
    const auto xap = createPartitioner(QStringLiteral("xap"), po, &error);
    for (auto kind : {KeyDistributionSpec::Kind::Uniform, KeyDistributionSpec::Kind::Zipf}) {
        const Workload w = makeWorkload(m_options, kind);
        for (Computation c : {Computation::Last, Computation::Vwap}) {
            RuntimeComparison r;
            r.computation = c;
            r.distribution = kind;
            std::vector<double> raw, split, ahead, naive, partitioned, single;
            ChunkCount count;
            for (int i = 0; i < m_options.repetitions; ++i) {
                if (progress)
                    progress(QStringLiteral("runtime %1/%2, repetition %3/%4")
                                 .arg(computationName(c), KeyDistributionSpec::kindName(kind)).arg(i + 1).arg(m_options.repetitions));
                // Interleaved, so a slow moment of the machine hits all three alike.
                raw.push_back(dispatchComputation(c, [&]<Computation C>() { return rawLoop<C>(w, *xap, m_options.partitions); }));
                split.push_back(dispatchComputation(c, [&]<Computation C>() {
                    return splitLoop<C>(w, *xap, m_options.partitions, m_options.workers);
                }));
                ahead.push_back(dispatchComputation(c, [&]<Computation C>() { return lookAheadLoop<C>(w, *xap, m_options.partitions); }));
                naive.push_back(runtimeRun(w, m_options, c, RuntimeMode::Naive));
                partitioned.push_back(runtimeRun(w, m_options, c, RuntimeMode::Partitioned, false, &count));
                single.push_back(runtimeRun(w, m_options, c, RuntimeMode::Partitioned, true));
            }
            r.raw = median(raw);
            r.split = median(split);
            r.oneProducer = median(single);
            r.lookAhead = median(ahead);
            r.naive = median(naive);
            r.partitioned = median(partitioned);
            r.streamedShare = count.chunks ? double(count.streamed) / double(count.chunks) : 0.0;
            out.push_back(r);
        }
    }
    return out;
}

std::vector<BenchMeasurement> BenchSuite::runRouting(const std::function<void(const QString &)> &progress)
{
    std::vector<BenchMeasurement> out;
    // Short ticker-like keys, already in memory ("interned"), routed by their bytes.
    std::vector<std::string> keys;
    keys.reserve(100000);
    for (quint64 i = 0; i < 100000; ++i)
        keys.push_back(formattedKey(i));
    const quint64 n = m_options.routingKeys;
    for (const QString &name : m_options.partitioners) {
        PartitionerOptions po;
        po.partitions = m_options.partitions;
        QString error;
        const auto partitioner = createPartitioner(name, po, &error);
        if (!partitioner)
            continue;
        BenchMeasurement interned{QStringLiteral("routing"), name + QStringLiteral("/interned"), QStringLiteral("keys/s"), 0, {}};
        BenchMeasurement built{QStringLiteral("routing"), name + QStringLiteral("/string"), QStringLiteral("keys/s"), 0, {}};
        BenchMeasurement integer{QStringLiteral("routing"), name + QStringLiteral("/u64"), QStringLiteral("keys/s"), 0, {}};
        for (int rep = 0; rep < m_options.repetitions; ++rep) {
            if (progress)
                progress(QStringLiteral("routing %1, repetition %2/%3").arg(name).arg(rep + 1).arg(m_options.repetitions));
            quint64 sink = 0;
            auto start = Clock::now();
            // Cycle through the keys without a division per key: a 64-bit modulo here cost more
            // than routing a short key does.
            for (quint64 i = 0, k = 0; i < n; ++i, k = k + 1 == keys.size() ? 0 : k + 1)
                sink += quint64(partitioner->partition(RoutingKey::text(keys[k])));
            interned.samples.push_back(double(n) / seconds(start, Clock::now()));
            start = Clock::now();
            const quint64 m = n / 4;
            for (quint64 i = 0; i < m; ++i) {
                const std::string key = formattedKey(i); // the key is built from a message first
                sink += quint64(partitioner->partition(RoutingKey::text(key)));
            }
            built.samples.push_back(double(m) / seconds(start, Clock::now()));
            // 64-bit integer keys (ids, sequence numbers): no text to hash; jump's own input.
            start = Clock::now();
            for (quint64 i = 0; i < n; ++i)
                sink += quint64(partitioner->partition(RoutingKey::uint64(i * 0x9E3779B97F4A7C15ULL)));
            integer.samples.push_back(double(n) / seconds(start, Clock::now()));
            if (sink == 42) // keeps the loops from being optimised away
                std::fputs("", stderr);
        }
        interned.median = median(interned.samples);
        built.median = median(built.samples);
        integer.median = median(integer.samples);
        out.push_back(interned);
        out.push_back(built);
        out.push_back(integer);
    }
    return out;
}

BenchMeasurement BenchSuite::runSnapshot(int partitions)
{
    RuntimeConfig config;
    config.workers = m_options.workers;
    config.partitionerOptions.partitions = partitions;
    QString error;
    auto runtime = StateRuntime::create(config, &error);
    for (quint64 i = 0; i < 200000; ++i)
        (void)runtime->submit(formattedKey(i), 1.0, 1.0);
    runtime->drain();
    BenchMeasurement m{QStringLiteral("snapshot"), QStringLiteral("snapshot/%1 partitions").arg(partitions), QStringLiteral("us"), 0, {}};
    for (int rep = 0; rep < 200; ++rep) {
        const auto start = Clock::now();
        const RuntimeSnapshot s = runtime->snapshot();
        m.samples.push_back(seconds(start, Clock::now()) * 1e6);
        if (s.partitions.size() != std::size_t(partitions))
            return m;
    }
    m.median = median(m.samples);
    return m;
}

} // namespace partlab

namespace partlab {

std::vector<BenchMeasurement> BenchSuite::runTraces(const std::function<void(const QString &)> &progress)
{
    std::vector<BenchMeasurement> out;
    const std::pair<TraceFormat, const char *> formats[] = {{TraceFormat::Csv, "csv"}, {TraceFormat::Jsonl, "jsonl"}};
    for (const auto &[format, name] : formats) {
        const QString path = QDir(m_options.scratchDirectory).filePath(QStringLiteral("bench.%1").arg(QLatin1String(name)));
        if (progress)
            progress(QStringLiteral("writing a %1-line %2 trace").arg(m_options.traceMessages).arg(QLatin1String(name)));
        QString error;
        if (!writeTickTrace(path, format, m_options.traceMessages, &error))
            continue;
        const double megabytes = double(QFileInfo(path).size()) / 1e6;
        BenchMeasurement parse{QStringLiteral("trace"), QStringLiteral("%1/parse").arg(QLatin1String(name)), QStringLiteral("msg/s"), 0, {}};
        BenchMeasurement parseBytes{QStringLiteral("trace"), QStringLiteral("%1/parse").arg(QLatin1String(name)), QStringLiteral("MB/s"), 0, {}};
        BenchMeasurement fold{QStringLiteral("trace"), QStringLiteral("%1/fold, one thread").arg(QLatin1String(name)), QStringLiteral("msg/s"), 0, {}};
        BenchMeasurement replay{QStringLiteral("trace"), QStringLiteral("%1/replay").arg(QLatin1String(name)), QStringLiteral("msg/s"), 0, {}};
        BenchMeasurement speedup{QStringLiteral("trace"), QStringLiteral("%1/replay over fold").arg(QLatin1String(name)), QStringLiteral("x"), 0, {}};
        BenchMeasurement replayBytes{QStringLiteral("trace"), QStringLiteral("%1/replay").arg(QLatin1String(name)), QStringLiteral("MB/s"), 0, {}};
        for (int rep = 0; rep < m_options.repetitions; ++rep) {
            if (progress)
                progress(QStringLiteral("%1 trace, repetition %2/%3").arg(QLatin1String(name)).arg(rep + 1).arg(m_options.repetitions));
            auto source = openTickTrace(path, format);
            if (!source)
                break;
            SourceMessage m;
            quint64 count = 0;
            auto start = Clock::now();
            while (source->next(m) == MessageSource::Status::Message)
                ++count;
            double s = seconds(start, Clock::now());
            parse.samples.push_back(double(count) / s);
            parseBytes.samples.push_back(megabytes / s);

            // The single-threaded parse + apply loop: read, route with the runtime's partitioner,
            // look up, apply (vwap), as the workers do, on this thread alone.
            source = openTickTrace(path, format);
            {
                PartitionerOptions po;
                po.partitions = m_options.partitions;
                const auto partitioner = createPartitioner(QStringLiteral("xap"), po, &error);
                std::vector<PartitionState> states(std::size_t(m_options.partitions));
                quint64 folded = 0;
                start = Clock::now();
                while (source->next(m) == MessageSource::Status::Message) {
                    KeyStateTable &table = states[std::size_t(partitioner->partition(RoutingKey::text(m.key)))].states;
                    const quint64 hash = hashKey(m.key);
                    KeyState *state = table.find(m.key, hash);
                    if (!state)
                        state = &table.insert(m.key, hash);
                    applyComputation<Computation::Vwap>(*state, m.value, m.volume);
                    ++folded;
                }
                fold.samples.push_back(double(folded) / seconds(start, Clock::now()));
            }

            RunPlan plan;
            plan.config.workers = m_options.workers;
            plan.config.computation = Computation::Vwap;
            plan.config.partitionerOptions.partitions = m_options.partitions;
            plan.ownedSource = openTickTrace(path, format);
            plan.summarize = false; // timed: the run alone
            const auto run = PreparedRun::create(std::move(plan), &error);
            if (!run)
                break;
            start = Clock::now();
            if (!run->run().ok)
                break;
            s = seconds(start, Clock::now());
            replay.samples.push_back(double(run->runtime().snapshot().applied) / s);
            replayBytes.samples.push_back(megabytes / s);
            speedup.samples.push_back(replay.samples.back() / fold.samples.back()); // same repetition
        }
        QFile::remove(path);
        for (BenchMeasurement *m : {&parse, &parseBytes, &fold, &replay, &replayBytes, &speedup}) {
            m->median = median(m->samples);
            out.push_back(*m);
        }
    }
    return out;
}

BenchMeasurement BenchSuite::runReplayRss(const std::function<void(const QString &)> &progress)
{
    BenchMeasurement m{QStringLiteral("trace"), QStringLiteral("replay peak RSS, %1-line csv").arg(m_options.rssTraceLines),
                       QStringLiteral("MB"), -1, {}};
    const QString path = QDir(m_options.scratchDirectory).filePath(QStringLiteral("rss.csv"));
    if (progress)
        progress(QStringLiteral("writing a %1-line csv trace for the memory run").arg(m_options.rssTraceLines));
    QString error;
    if (m_options.cliPath.isEmpty() || !writeTickTrace(path, TraceFormat::Csv, m_options.rssTraceLines, &error))
        return m;
    if (progress)
        progress(QStringLiteral("replaying it in a child process"));
    // fork + exec directly (not QProcess): the child's peak RSS is read from wait4()'s rusage,
    // which covers exactly that process.
    const QByteArray cli = m_options.cliPath.toLocal8Bit();
    const QByteArray file = path.toLocal8Bit();
    const QByteArray workers = QByteArray::number(m_options.workers);
    const pid_t pid = fork();
    if (pid == 0) {
        const int devnull = ::open("/dev/null", O_WRONLY);
        dup2(devnull, 1);
        execl(cli.constData(), cli.constData(), "replay", file.constData(), "--key", "key", "--workers", workers.constData(),
              "--json", static_cast<char *>(nullptr));
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    if (pid > 0 && wait4(pid, &status, 0, &usage) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        m.median = double(usage.ru_maxrss) / 1024.0; // Linux reports kilobytes
        m.samples.push_back(m.median);
    }
    QFile::remove(path);
    return m;
}

} // namespace partlab
