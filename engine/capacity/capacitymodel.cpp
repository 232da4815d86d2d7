#include "capacitymodel.h"

#include "workload/keydistribution.h"
#include "workload/random.h"
#include "workload/scenario.h"
#include "workload/scenariosource.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <queue>

namespace partlab {

namespace {

constexpr double kZ99 = 2.3263478740408408; // the standard normal's 99th percentile

/** Samples one ServiceTimeSpec (parameters worked out once). */
struct ServiceSampler
{
    ServiceTimeSpec::Kind kind = ServiceTimeSpec::Kind::Fixed;
    double mean = 0.0;
    double mu = 0.0;    ///< log-normal: mean of the log
    double sigma = 0.0; ///< log-normal: standard deviation of the log

    explicit ServiceSampler(const ServiceTimeSpec &spec) : kind(spec.kind), mean(spec.meanUs)
    {
        if (kind == ServiceTimeSpec::Kind::LogNormal) {
            // mean = exp(mu + s^2/2), p99 = exp(mu + z99 s): s^2/2 - z99 s + ln(p99/mean) = 0.
            sigma = kZ99 - std::sqrt(kZ99 * kZ99 - 2.0 * std::log(spec.p99Us / spec.meanUs));
            mu = std::log(spec.meanUs) - sigma * sigma / 2.0;
        }
    }

    double sample(Random &random) const
    {
        switch (kind) {
        case ServiceTimeSpec::Kind::Fixed:
            return mean;
        case ServiceTimeSpec::Kind::Exponential:
            return -mean * std::log1p(-random.uniform());
        case ServiceTimeSpec::Kind::LogNormal: {
            const double u1 = 1.0 - random.uniform(); // (0, 1]
            const double u2 = random.uniform();
            const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
            return std::exp(mu + sigma * z);
        }
        }
        return mean;
    }
};

/** Vose's alias method: O(1) picks of a key by weight. */
class AliasTable
{
public:
    explicit AliasTable(const std::vector<double> &weights)
        : m_probability(weights.size()), m_alias(weights.size())
    {
        const std::size_t n = weights.size();
        double total = 0.0;
        for (const double w : weights)
            total += w;
        std::vector<double> scaled(n);
        std::vector<quint32> small, large;
        for (std::size_t i = 0; i < n; ++i) {
            scaled[i] = weights[i] * double(n) / total;
            (scaled[i] < 1.0 ? small : large).push_back(quint32(i));
        }
        while (!small.empty() && !large.empty()) {
            const quint32 s = small.back();
            small.pop_back();
            const quint32 l = large.back();
            m_probability[s] = scaled[s];
            m_alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1.0;
            if (scaled[l] < 1.0) {
                large.pop_back();
                small.push_back(l);
            }
        }
        for (const quint32 i : large)
            m_probability[i] = 1.0;
        for (const quint32 i : small) // only rounding leaves these
            m_probability[i] = 1.0;
    }

    quint32 pick(Random &random) const
    {
        const auto i = quint32(random.below(m_probability.size()));
        return random.uniform() < m_probability[i] ? i : m_alias[i];
    }

private:
    std::vector<double> m_probability;
    std::vector<quint32> m_alias;
};

/** A message waiting in a partition: when it arrived and what it will cost to serve. */
struct Waiting
{
    double arrivalUs;
    double serviceUs;
};

/** A growable ring of waiting messages (FIFO per partition). */
class WaitQueue
{
public:
    bool empty() const { return m_size == 0; }
    std::size_t size() const { return m_size; }
    const Waiting &front() const { return m_ring[m_head]; }

    void push(const Waiting &w)
    {
        if (m_size == m_ring.size())
            grow();
        m_ring[(m_head + m_size) & (m_ring.size() - 1)] = w;
        ++m_size;
    }

    Waiting pop()
    {
        const Waiting w = m_ring[m_head];
        m_head = (m_head + 1) & (m_ring.size() - 1);
        --m_size;
        return w;
    }

private:
    void grow()
    {
        std::vector<Waiting> bigger(std::max<std::size_t>(4, m_ring.size() * 2));
        for (std::size_t i = 0; i < m_size; ++i)
            bigger[i] = m_ring[(m_head + i) & (m_ring.size() - 1)];
        m_ring.swap(bigger);
        m_head = 0;
    }

    std::vector<Waiting> m_ring;
    std::size_t m_head = 0;
    std::size_t m_size = 0;
};

struct PartitionState
{
    WaitQueue queue;
    bool busy = false;
    double serviceEndUs = 0.0;
    double busyUs = 0.0;
    quint64 arrivals = 0;
    quint64 served = 0;
    quint64 maxLag = 0;
    double maxWaitUs = 0.0;
};

using TimedPartition = std::pair<double, int>; // (time, partition), smallest time first
using MinHeap = std::priority_queue<TimedPartition, std::vector<TimedPartition>, std::greater<>>;

} // namespace

std::optional<ServiceTimeSpec> ServiceTimeSpec::parse(const QString &text, QString *error)
{
    const auto fail = [&](const QString &why) -> std::optional<ServiceTimeSpec> {
        if (error)
            *error = QStringLiteral("service time '%1': %2 (write fixed:US, exp:MEAN_US or lognormal:MEAN_US,P99_US)").arg(text, why);
        return std::nullopt;
    };
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return fail(QStringLiteral("no kind"));
    const QString kind = text.left(colon).trimmed();
    const QStringList numbers = text.mid(colon + 1).split(QLatin1Char(','));
    std::vector<double> values;
    for (const QString &n : numbers) {
        bool ok = false;
        const double v = n.trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(v) || v <= 0.0)
            return fail(QStringLiteral("'%1' is not a positive number of microseconds").arg(n.trimmed()));
        values.push_back(v);
    }
    ServiceTimeSpec spec;
    if (kind == QLatin1String("fixed") || kind == QLatin1String("exp")) {
        if (values.size() != 1)
            return fail(QStringLiteral("%1 takes one number").arg(kind));
        spec.kind = kind == QLatin1String("fixed") ? Kind::Fixed : Kind::Exponential;
        spec.meanUs = values[0];
        return spec;
    }
    if (kind == QLatin1String("lognormal")) {
        if (values.size() != 2)
            return fail(QStringLiteral("lognormal takes the mean and the p99"));
        spec.kind = Kind::LogNormal;
        spec.meanUs = values[0];
        spec.p99Us = values[1];
        if (!(spec.p99Us > spec.meanUs))
            return fail(QStringLiteral("the p99 must be above the mean"));
        if (2.0 * std::log(spec.p99Us / spec.meanUs) > kZ99 * kZ99)
            return fail(QStringLiteral("no log-normal has a p99 above %1 times its mean").arg(std::exp(kZ99 * kZ99 / 2.0), 0, 'f', 1));
        return spec;
    }
    return fail(QStringLiteral("unknown kind '%1'").arg(kind));
}

QString ServiceTimeSpec::text() const
{
    switch (kind) {
    case Kind::Fixed:
        return QStringLiteral("fixed:%1").arg(meanUs);
    case Kind::Exponential:
        return QStringLiteral("exp:%1").arg(meanUs);
    case Kind::LogNormal:
        return QStringLiteral("lognormal:%1,%2").arg(meanUs).arg(p99Us);
    }
    return {};
}

std::optional<CapacityConfig::Burst> CapacityConfig::Burst::parse(const QString &text, QString *error)
{
    const auto fail = [&](const QString &why) -> std::optional<Burst> {
        if (error)
            *error = QStringLiteral("burst '%1': %2 (write FACTOR:ON_MS/PERIOD_MS, such as 3:100/1000)").arg(text, why);
        return std::nullopt;
    };
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    if (colon < 0 || slash < colon)
        return fail(QStringLiteral("not FACTOR:ON_MS/PERIOD_MS"));
    bool ok1 = false, ok2 = false, ok3 = false;
    Burst b;
    b.factor = text.left(colon).trimmed().toDouble(&ok1);
    b.onUs = text.mid(colon + 1, slash - colon - 1).trimmed().toDouble(&ok2) * 1000.0;
    b.periodUs = text.mid(slash + 1).trimmed().toDouble(&ok3) * 1000.0;
    if (!ok1 || !ok2 || !ok3 || !std::isfinite(b.factor) || !std::isfinite(b.periodUs))
        return fail(QStringLiteral("not three numbers"));
    if (!(b.factor > 0.0))
        return fail(QStringLiteral("the factor must be positive"));
    if (!(b.onUs > 0.0) || !(b.periodUs > b.onUs))
        return fail(QStringLiteral("the burst must last a positive time shorter than its period"));
    return b;
}

QStringList assignorNames()
{
    return {QStringLiteral("range"), QStringLiteral("roundrobin"), QStringLiteral("sticky"), QStringLiteral("modulo"), QStringLiteral("flink")};
}

std::optional<Assignor> assignorFromName(const QString &name)
{
    const qsizetype i = assignorNames().indexOf(name);
    if (i < 0)
        return std::nullopt;
    return Assignor(i);
}

QString assignorName(Assignor assignor)
{
    return assignorNames().at(int(assignor));
}

std::vector<int> assignPartitions(Assignor assignor, int partitions, int consumers)
{
    std::vector<int> owner(std::size_t(std::max(partitions, 0)));
    if (consumers < 1)
        return owner;
    if (assignor == Assignor::Range) {
        // RangeAssignor: N / C each, the first N % C consumers one more, in partition order.
        const int base = partitions / consumers;
        const int extra = partitions % consumers;
        int p = 0;
        for (int c = 0; c < consumers && p < partitions; ++c) {
            const int count = base + (c < extra ? 1 : 0);
            for (int i = 0; i < count; ++i)
                owner[std::size_t(p++)] = c;
        }
        return owner;
    }
    if (assignor == Assignor::Flink) {
        for (int p = 0; p < partitions; ++p)
            owner[std::size_t(p)] = int(qint64(p) * consumers / partitions);
        return owner;
    }
    for (int p = 0; p < partitions; ++p)
        owner[std::size_t(p)] = p % consumers;
    return owner;
}

QString CapacityConfig::validate() const
{
    if (keys.empty())
        return QStringLiteral("no keys: the input has no messages");
    for (const CapacityKey &k : keys) {
        if (!(k.weight > 0.0) || !std::isfinite(k.weight))
            return QStringLiteral("key '%1' has no positive weight").arg(QString::fromStdString(k.key));
    }
    if (consumers < 1 || consumers > kMaxConsumers)
        return QStringLiteral("the consumers must be between 1 and %1 (got %2)").arg(kMaxConsumers).arg(consumers);
    if (threads < 1 || threads > kMaxThreads)
        return QStringLiteral("the threads per consumer must be between 1 and %1 (got %2)").arg(kMaxThreads).arg(threads);
    if (!(rate > 0.0) || !std::isfinite(rate))
        return QStringLiteral("the arrival rate must be a positive number of messages per second");
    if (messages < 1 || messages > kMaxMessages)
        return QStringLiteral("the messages must be between 1 and %1").arg(kMaxMessages);
    if (!(service.meanUs > 0.0))
        return QStringLiteral("the service time must be positive");
    if (!trace.empty()) {
        if (!(traceRate(trace) > 0.0))
            return QStringLiteral("the trace's time stamps do not advance: it has no rate to replay");
        for (const CapacityArrival &a : trace) {
            if (a.key >= keys.size())
                return QStringLiteral("a trace arrival names key %1 of %2").arg(a.key).arg(keys.size());
        }
    }
    if (frames < 0 || frames > 100'000)
        return QStringLiteral("the frames must be between 0 and 100000 (got %1)").arg(frames);
    QString error;
    if (!createPartitioner(partitioner, partitionerOptions, &error))
        return error;
    return {};
}

double traceRate(const std::vector<CapacityArrival> &trace)
{
    if (trace.size() < 2)
        return 0.0;
    const double span = trace.back().timeUs - trace.front().timeUs;
    return span > 0.0 ? double(trace.size() - 1) / (span / 1e6) : 0.0;
}

namespace {

/** What the run needs per key and per partition, worked out once from a valid configuration. */
struct LoadModel
{
    int partitions = 0;
    std::vector<int> owner;                ///< consumer of each partition
    std::vector<ServiceSampler> samplers;  ///< 0 = the default, then the per-key overrides
    std::vector<int> keyPartition;
    std::vector<quint32> keySampler;
    std::vector<double> weights;
    double totalWeight = 0.0;

    explicit LoadModel(const CapacityConfig &config) : samplers{ServiceSampler(config.service)}
    {
        QString error;
        const auto partitioner = createPartitioner(config.partitioner, config.partitionerOptions, &error);
        partitions = partitioner->partitionCount();
        owner = assignPartitions(config.assignor, partitions, config.consumers);
        keyPartition.resize(config.keys.size());
        keySampler.assign(config.keys.size(), 0);
        weights.resize(config.keys.size());
        for (std::size_t i = 0; i < config.keys.size(); ++i) {
            const std::string &key = config.keys[i].key;
            keyPartition[i] = partitioner->partition(RoutingKey::text(key));
            weights[i] = config.keys[i].weight;
            totalWeight += weights[i];
            for (const auto &[name, spec] : config.keyService) {
                if (name == key) {
                    keySampler[i] = quint32(samplers.size());
                    samplers.emplace_back(spec);
                }
            }
        }
    }

    /**
     * The offered load (utilisation the arrivals ask for) per partition and consumer, what
     * saturates first, its hot key, and the analytic saturation rate, into @p result.
     */
    void offeredLoads(const CapacityConfig &config, CapacityResult &result) const
    {
        result.partitions.assign(std::size_t(partitions), {});
        result.consumers.assign(std::size_t(config.consumers), {});
        const double averageRatePerUs = config.averageRate() / 1e6;
        for (std::size_t i = 0; i < weights.size(); ++i)
            result.partitions[std::size_t(keyPartition[i])].offeredLoad += averageRatePerUs * weights[i] / totalWeight * samplers[keySampler[i]].mean;
        double worst = 0.0;
        for (int p = 0; p < partitions; ++p) {
            CapacityPartitionResult &r = result.partitions[std::size_t(p)];
            r.partition = p;
            r.consumer = owner[std::size_t(p)];
            CapacityConsumerResult &c = result.consumers[std::size_t(r.consumer)];
            c.offeredLoad += r.offeredLoad;
            ++c.partitions;
            if (r.offeredLoad > worst) {
                worst = r.offeredLoad;
                result.partitionBound = true;
                result.bottleneck = p;
            }
        }
        for (int c = 0; c < config.consumers; ++c) {
            result.consumers[std::size_t(c)].consumer = c;
            // A tie goes to the partition: a consumer whose threads are as loaded as one partition
            // cannot be helped by more consumers or threads either.
            if (result.consumers[std::size_t(c)].offeredLoad / config.threads > worst * (1.0 + 1e-12)) {
                worst = result.consumers[std::size_t(c)].offeredLoad / config.threads;
                result.partitionBound = false;
                result.bottleneck = c;
            }
        }
        if (result.partitionBound) {
            for (std::size_t i = 0; i < weights.size(); ++i) {
                const double share = weights[i] / totalWeight;
                if (keyPartition[i] == result.bottleneck && share > result.hotKeyShare) {
                    result.hotKeyShare = share;
                    result.hotKey = config.keys[i].key;
                }
            }
        }
        result.analyticSaturationRate = worst > 0.0 ? config.rate / worst : std::numeric_limits<double>::infinity();
    }
};

} // namespace

CapacityResult simulateCapacity(const CapacityConfig &config)
{
    CapacityResult result;
    result.error = config.validate();
    if (!result.error.isEmpty())
        return result;
    QElapsedTimer wall;
    wall.start();

    const LoadModel model(config);
    model.offeredLoads(config, result);
    const int n = model.partitions;
    const std::vector<int> &owner = model.owner;
    const std::vector<ServiceSampler> &samplers = model.samplers;
    const std::vector<int> &keyPartition = model.keyPartition;
    const std::vector<quint32> &keySampler = model.keySampler;
    const double ratePerUs = config.rate / 1e6;
    const double averageRatePerUs = config.averageRate() / 1e6;

    // The discrete-event run: arrivals in order; completions due before each arrival first.
    const AliasTable picker(model.weights);
    Random random(config.seed);
    std::vector<PartitionState> parts(static_cast<std::size_t>(n));
    std::vector<int> idle(std::size_t(config.consumers), config.threads);
    std::vector<double> consumerBusyUs(std::size_t(config.consumers), 0.0);
    std::vector<MinHeap> ready(std::size_t(config.consumers));
    MinHeap completions;
    LatencyHistogram histogram;
    double sumWaitUs = 0.0, sumLatencyUs = 0.0;
    quint64 backlog = 0, served = 0, backlogHalf = 0;

    const auto start = [&](int p, double nowUs) {
        PartitionState &s = parts[std::size_t(p)];
        const Waiting w = s.queue.pop(); // still in the backlog until its service completes
        const double wait = nowUs - w.arrivalUs;
        s.busy = true;
        s.serviceEndUs = nowUs + w.serviceUs;
        s.busyUs += w.serviceUs;
        s.maxWaitUs = std::max(s.maxWaitUs, wait);
        ++s.served;
        consumerBusyUs[std::size_t(owner[std::size_t(p)])] += w.serviceUs;
        completions.push({s.serviceEndUs, p});
        sumWaitUs += wait;
        sumLatencyUs += wait + w.serviceUs;
        histogram.record(quint64(std::llround((wait + w.serviceUs) * 1000.0)));
        ++served;
    };
    const auto complete = [&](int p, double nowUs) {
        PartitionState &s = parts[std::size_t(p)];
        s.busy = false;
        --backlog; // the message in service is done
        const auto c = std::size_t(owner[std::size_t(p)]);
        if (!s.queue.empty())
            ready[c].push({s.queue.front().arrivalUs, p});
        if (ready[c].empty()) {
            ++idle[c];
            return;
        }
        const int next = ready[c].top().second;
        ready[c].pop();
        start(next, nowUs);
    };

    double nowUs = 0.0;
    const double meanGapUs = 1.0 / ratePerUs;
    const bool fromTrace = !config.trace.empty();
    const quint64 messages = fromTrace ? std::min<quint64>(config.messages, config.trace.size()) : config.messages;
    const double traceScale = fromTrace ? traceRate(config.trace) / config.rate : 1.0; // trace time -> virtual time
    const double expectedEndUs = fromTrace ? (config.trace[std::size_t(messages - 1)].timeUs - config.trace.front().timeUs) * traceScale
                                           : double(messages) / averageRatePerUs;
    const CapacityConfig::Burst &burst = config.burst;
    const bool bursty = !fromTrace && burst.active();
    // The next arrival after nowUs with the burst pattern: the rate is piecewise constant, and a
    // Poisson gap that crosses a boundary is redrawn from the boundary (memorylessness).
    const auto nextBurstyArrival = [&](double fromUs) {
        for (;;) {
            const double phase = std::fmod(fromUs, burst.periodUs);
            const bool on = phase < burst.onUs;
            const double gap = meanGapUs / (on ? burst.factor : 1.0);
            const double boundary = fromUs - phase + (on ? burst.onUs : burst.periodUs);
            const double at = config.arrivals == CapacityConfig::Arrivals::Poisson ? fromUs - gap * std::log1p(-random.uniform())
                                                                                    : fromUs + gap;
            if (at < boundary)
                return at;
            fromUs = boundary;
        }
    };
    const double frameGapUs = config.frames > 0 ? std::max(expectedEndUs, 1.0) / config.frames : 0.0;
    double nextFrameUs = frameGapUs;
    const auto recordFrame = [&](double atUs) {
        std::vector<quint32> lag(static_cast<std::size_t>(n));
        for (int p = 0; p < n; ++p)
            lag[std::size_t(p)] = quint32(std::min<std::size_t>(parts[std::size_t(p)].queue.size() + (parts[std::size_t(p)].busy ? 1 : 0),
                                                                std::numeric_limits<quint32>::max()));
        result.frameSeconds.push_back(atUs / 1e6);
        result.lagFrames.push_back(std::move(lag));
    };
    quint64 arrived = 0;
    for (; arrived < messages; ++arrived) {
        if (fromTrace)
            nowUs = (config.trace[std::size_t(arrived)].timeUs - config.trace.front().timeUs) * traceScale;
        else if (bursty)
            nowUs = nextBurstyArrival(nowUs);
        else
            nowUs = config.arrivals == CapacityConfig::Arrivals::Poisson ? nowUs - meanGapUs * std::log1p(-random.uniform())
                                                                          : double(arrived) * meanGapUs;
        while (!completions.empty() && completions.top().first <= nowUs) {
            const auto [at, p] = completions.top();
            completions.pop();
            complete(p, at);
        }
        while (frameGapUs > 0.0 && nextFrameUs <= nowUs && int(result.lagFrames.size()) < config.frames) {
            recordFrame(nextFrameUs);
            nextFrameUs += frameGapUs;
        }
        const quint32 key = fromTrace ? config.trace[std::size_t(arrived)].key : picker.pick(random);
        const int p = keyPartition[key];
        PartitionState &s = parts[std::size_t(p)];
        const bool wasEmpty = s.queue.empty();
        s.queue.push({nowUs, samplers[keySampler[key]].sample(random)});
        ++s.arrivals;
        ++backlog;
        s.maxLag = std::max<quint64>(s.maxLag, s.queue.size() + (s.busy ? 1 : 0));
        if (!s.busy && wasEmpty) {
            const auto c = std::size_t(owner[std::size_t(p)]);
            if (idle[c] > 0) {
                --idle[c];
                start(p, nowUs);
            } else {
                ready[c].push({nowUs, p});
            }
        }
        if (arrived + 1 == messages / 2)
            backlogHalf = backlog;
        if (backlog > config.maxBacklog) {
            result.stoppedEarly = true;
            ++arrived;
            break;
        }
    }

    if (config.frames > 0 && int(result.lagFrames.size()) < config.frames)
        recordFrame(nowUs); // the state at the end closes the time-lapse
    // Summaries over [0, last arrival]: service running past the end is not counted as busy.
    const double endUs = std::max(nowUs, 1e-9);
    for (int p = 0; p < n; ++p) {
        PartitionState &s = parts[std::size_t(p)];
        CapacityPartitionResult &r = result.partitions[std::size_t(p)];
        double busy = s.busyUs;
        if (s.busy && s.serviceEndUs > endUs) {
            const double past = s.serviceEndUs - endUs;
            busy -= past;
            consumerBusyUs[std::size_t(r.consumer)] -= past;
        }
        r.messages = s.arrivals;
        r.utilization = busy / endUs;
        r.maxLag = s.maxLag;
        r.finalLag = s.queue.size() + (s.busy && s.serviceEndUs > endUs ? 1 : 0);
        r.maxLagSeconds = s.maxWaitUs / 1e6;
        r.finalLagSeconds = s.queue.empty() ? 0.0 : (endUs - s.queue.front().arrivalUs) / 1e6;
        r.throughput = double(s.served) / (endUs / 1e6);
        result.consumers[std::size_t(r.consumer)].served += s.served;
    }
    for (int c = 0; c < config.consumers; ++c)
        result.consumers[std::size_t(c)].utilization = consumerBusyUs[std::size_t(c)] / (endUs * config.threads);

    std::array<quint64, LatencyHistogram::kBuckets> counts{};
    histogram.addTo(counts);
    result.latencyUs = LatencyHistogram::percentiles(counts);
    result.arrived = arrived;
    result.served = served;
    result.virtualSeconds = endUs / 1e6;
    result.meanWaitUs = served ? sumWaitUs / double(served) : 0.0;
    result.meanLatencyUs = served ? sumLatencyUs / double(served) : 0.0;
    result.finalBacklog = backlog;
    // Stable: what still waits at the end is a small share of the run and has not kept growing
    // since half-time. A system past saturation by e% keeps about e% of its arrivals waiting.
    const double allowed = std::max(50.0, 0.005 * double(arrived));
    result.stable = !result.stoppedEarly && (double(backlog) <= allowed || double(backlog) <= 1.2 * double(backlogHalf));
    result.ok = true;
    result.wallSeconds = double(wall.nsecsElapsed()) / 1e9;
    return result;
}

std::vector<CapacityKey> scenarioKeys(const ScenarioSpec &spec)
{
    const KeyPicker picker(spec.distribution, spec.keys);
    std::vector<CapacityKey> keys;
    keys.reserve(spec.keys);
    for (quint32 i = 0; i < spec.keys; ++i)
        keys.push_back({ScenarioSource::keyName(spec.generator, i), picker.probability(i)});
    return keys;
}

double analyticSaturationRate(const CapacityConfig &config)
{
    if (!config.validate().isEmpty())
        return -1.0;
    CapacityResult result;
    LoadModel(config).offeredLoads(config, result);
    return result.analyticSaturationRate;
}

double findSaturationRate(const CapacityConfig &config, double relativePrecision, QString *error, int *runs)
{
    const QString problem = config.validate();
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return -1.0;
    }
    int count = 0;
    const auto stableAt = [&](double rate) {
        CapacityConfig c = config;
        c.rate = rate;
        ++count;
        return simulateCapacity(c).stable;
    };
    const double analytic = analyticSaturationRate(config);
    double lo = analytic * 0.5, hi = analytic * 1.5;
    for (int i = 0; i < 20 && !stableAt(lo); ++i)
        lo /= 2.0;
    for (int i = 0; i < 20 && stableAt(hi); ++i) {
        lo = hi;
        hi *= 2.0;
    }
    while ((hi - lo) / lo > relativePrecision) {
        const double mid = (lo + hi) / 2.0;
        (stableAt(mid) ? lo : hi) = mid;
    }
    if (runs)
        *runs = count;
    return lo;
}

} // namespace partlab
