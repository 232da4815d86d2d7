#pragma once

#include "metrics/latencyhistogram.h"
#include "routing/partitioner.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace partlab {

/**
 * What serving one message costs a consumer thread: `fixed:US`, `exp:MEAN_US` (exponential) or
 * `lognormal:MEAN_US,P99_US` (a log-normal with that mean and 99th percentile).
 */
struct ServiceTimeSpec
{
    enum class Kind { Fixed, Exponential, LogNormal };
    Kind kind = Kind::Fixed;
    double meanUs = 100.0;
    double p99Us = 0.0; ///< LogNormal only

    /** Reads the text form; nullopt and a one-line reason naming the problem otherwise. */
    static std::optional<ServiceTimeSpec> parse(const QString &text, QString *error);
    QString text() const;
};

/**
 * How partitions are dealt to C consumers. For one topic and a fresh group Kafka's round-robin
 * and sticky assignors give the same assignment as `p % C` (they differ after rebalances, which
 * the model does not simulate); range deals contiguous blocks, the first N % C consumers one
 * partition more (Kafka's RangeAssignor, and the contiguous ranges Flink's key groups and
 * redis-cli's slot ranges follow); flink deals contiguous ranges as KeyGroupRangeAssignment
 * does key groups to subtasks (partition p to consumer p x C / N, so the larger ranges fall
 * where the rounding puts them). With the flink or redis partitioner, partitions already are
 * subtasks or nodes owning key-group or slot ranges: give them C = N.
 */
enum class Assignor { Range, RoundRobin, Sticky, Modulo, Flink };

QStringList assignorNames();
std::optional<Assignor> assignorFromName(const QString &name);
QString assignorName(Assignor assignor);
/** The consumer of each of @p partitions partitions. */
std::vector<int> assignPartitions(Assignor assignor, int partitions, int consumers);

/** A key and its share of the arrivals (weights need not sum to 1). */
struct CapacityKey
{
    std::string key;
    double weight = 1.0;
};

/** One recorded arrival: its time at the trace's own speed, and which key it carries. */
struct CapacityArrival
{
    double timeUs = 0.0; ///< since the first arrival
    quint32 key = 0;     ///< index into CapacityConfig::keys
};

/** Everything one what-if run needs. */
struct CapacityConfig
{
    std::vector<CapacityKey> keys;
    QString partitioner = QStringLiteral("xap");
    PartitionerOptions partitionerOptions;
    int consumers = 1;
    int threads = 1; ///< per consumer; a partition is served by one thread at a time
    Assignor assignor = Assignor::Range;
    double rate = 1000.0; ///< arrivals per second
    enum class Arrivals { Poisson, Constant };
    Arrivals arrivals = Arrivals::Poisson;
    /**
     * A burst pattern on top of `rate`: `factor` times the rate for `onUs` of every `periodUs`
     * (factor 1: none). Offered loads and the saturation rate use the average, which the
     * saturation rate is reported in units of `rate` (the base rate).
     */
    struct Burst
    {
        double factor = 1.0;
        double onUs = 0.0;
        double periodUs = 0.0;
        bool active() const { return factor != 1.0 && onUs > 0.0 && periodUs > onUs; }
        /** Average rate / base rate. */
        double averageFactor() const { return active() ? 1.0 + (factor - 1.0) * onUs / periodUs : 1.0; }
        /** FACTOR:ON_MS/PERIOD_MS, as `--burst 3:100/1000`. */
        static std::optional<Burst> parse(const QString &text, QString *error);
    };
    Burst burst;
    /** The mean arrival rate: `rate` with the bursts averaged in (a trace's arrivals have none). */
    double averageRate() const { return trace.empty() ? rate * burst.averageFactor() : rate; }
    ServiceTimeSpec service;
    std::vector<std::pair<std::string, ServiceTimeSpec>> keyService; ///< per-key overrides (heavy keys)
    quint64 messages = 1'000'000;
    quint64 seed = 1;
    /**
     * Arrivals from a trace instead of a random process: its time stamps, replayed at `rate`
     * (the trace's own rate x the speed-up; the saturation search scales it like any rate).
     */
    std::vector<CapacityArrival> trace;
    /** Lag per partition recorded this many times over the run (for the time-lapse); 0 = none. */
    int frames = 0;
    /** The run stops early, unstable, once this many messages wait (bounded memory). */
    quint64 maxBacklog = 20'000'000;

    static constexpr quint64 kMaxMessages = 10'000'000'000ULL;
    static constexpr int kMaxConsumers = 65536;
    static constexpr int kMaxThreads = 1024;

    /** A one-line problem with the configuration, or an empty string. */
    QString validate() const;
};

struct CapacityPartitionResult
{
    int partition = 0;
    int consumer = 0;
    quint64 messages = 0;      ///< arrivals
    double offeredLoad = 0.0;  ///< arrival rate x mean service time of its keys (> 1: cannot keep up)
    double utilization = 0.0;  ///< share of virtual time a thread served it
    quint64 maxLag = 0;        ///< most messages waiting or in service at once
    quint64 finalLag = 0;      ///< waiting or in service when the last message arrived
    double maxLagSeconds = 0.0;   ///< the longest a message waited before service
    double finalLagSeconds = 0.0; ///< age of its oldest unserved message at the end
    double throughput = 0.0;   ///< messages served per second of virtual time
};

struct CapacityConsumerResult
{
    int consumer = 0;
    int partitions = 0;
    double offeredLoad = 0.0; ///< sum over its partitions, in threads (> threads: cannot keep up)
    double utilization = 0.0; ///< busy thread time / (threads x virtual time)
    quint64 served = 0;
};

struct CapacityResult
{
    bool ok = false;
    QString error;
    quint64 arrived = 0;
    quint64 served = 0;        ///< service started before the end (their latency is known)
    double virtualSeconds = 0.0;
    double meanWaitUs = 0.0;   ///< time in the queue before service
    double meanLatencyUs = 0.0; ///< wait + service
    LatencyPercentiles latencyUs; ///< end-to-end, from a log-linear histogram (within 6.25 %)
    bool stable = false;       ///< no backlog that keeps growing (see README: Capacity)
    bool stoppedEarly = false; ///< maxBacklog reached
    quint64 finalBacklog = 0;
    /**
     * The highest rate at which no partition and no consumer is offered more than it can serve,
     * for this key mix: rate / max(max partition load, max consumer load / threads).
     */
    double analyticSaturationRate = 0.0;
    /**
     * What saturates first: one partition (served one message at a time, so no consumer or
     * thread count helps; `hotKey` is its heaviest key) or one consumer's threads.
     */
    bool partitionBound = false;
    int bottleneck = -1; ///< the partition or the consumer
    std::string hotKey;  ///< partitionBound: the bottleneck partition's heaviest key
    double hotKeyShare = 0.0; ///< its share of all arrivals
    std::vector<CapacityPartitionResult> partitions;
    std::vector<CapacityConsumerResult> consumers;
    double wallSeconds = 0.0;
    std::vector<double> frameSeconds;             ///< virtual time of each frame
    std::vector<std::vector<quint32>> lagFrames;  ///< [frame][partition]: waiting or in service
};

/** The arrival rate a trace has at its own speed: (arrivals - 1) / its time span, 0 when it has none. */
double traceRate(const std::vector<CapacityArrival> &trace);

struct ScenarioSpec;

/** A scenario's keys with their exact probabilities (no messages generated). */
std::vector<CapacityKey> scenarioKeys(const ScenarioSpec &spec);

/** One discrete-event run in virtual time; deterministic for a seed. */
CapacityResult simulateCapacity(const CapacityConfig &config);

/**
 * CapacityResult::analyticSaturationRate without a run (from the offered loads alone); negative
 * for a configuration validate() refuses.
 */
double analyticSaturationRate(const CapacityConfig &config);

/**
 * The saturation rate found by search: bisection on the arrival rate (simulated runs with the
 * same seed), starting from the analytic bound, to the highest rate whose run is stable within
 * @p relativePrecision. Returns a negative rate and sets @p error on a bad configuration.
 */
double findSaturationRate(const CapacityConfig &config, double relativePrecision = 0.01, QString *error = nullptr,
                          int *runs = nullptr);

} // namespace partlab
