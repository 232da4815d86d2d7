#pragma once

#include "runtime/computation.h"
#include "workload/keydistribution.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace partlab {

/** What `partlab-cli bench` measures, and how much of it. */
struct BenchOptions
{
    quint64 messages = 2'000'000;
    quint32 keys = 10'000;
    int partitions = 8;
    int workers = 2;
    int repetitions = 5;
    quint64 routingKeys = 4'000'000; ///< keys routed per partitioner measurement
    QStringList partitioners;        ///< empty = all
    quint64 traceMessages = 3'000'000;   ///< lines of the csv / jsonl throughput traces
    quint64 rssTraceLines = 10'000'000;  ///< lines of the trace replayed for the peak RSS
    QString cliPath;                     ///< partlab-cli, for the RSS run in a child process
    QString scratchDirectory;            ///< where the traces are written (a temporary dir)
};

/** One measured quantity: the median of its repetitions and all of them. */
struct BenchMeasurement
{
    QString group;  ///< "runtime", "routing", "snapshot", ...
    QString name;   ///< e.g. "partitioned/vwap/zipf"
    QString unit;   ///< "msg/s", "keys/s", "us", "MB/s", "MB"
    double median = 0.0;
    std::vector<double> samples;
};

/** Medians of one runtime workload: raw loop, naive mode, partitioned mode. */
struct RuntimeComparison
{
    Computation computation = Computation::Last;
    KeyDistributionSpec::Kind distribution = KeyDistributionSpec::Kind::Uniform;
    double raw = 0, naive = 0, partitioned = 0; ///< messages per second (medians)
    double oneProducer = 0; ///< partitioned with one producer thread submitting (before parallel ingestion)
    double lookAhead = 0;   ///< the raw loop with the workers' prefetched lookups, one thread
    /** The raw loop on W threads at once, each over its own 1/W of the messages with its own
        tables: how far the machine scales the loop with nothing handed over (not the fold). */
    double split = 0;
    /** Share of the partitioned runs' chunks written with streaming stores, over all repetitions
        (StateRuntime::kStoreProbePeriod: the runtime's probe chooses). */
    double streamedShare = 0;
    double partitionedOverLookAhead() const { return lookAhead > 0 ? partitioned / lookAhead : 0; }
    double partitionedOverRaw() const { return raw > 0 ? partitioned / raw : 0; }
    double partitionedOverNaive() const { return naive > 0 ? partitioned / naive : 0; }
    double partitionedOverSplit() const { return split > 0 ? partitioned / split : 0; }
    double splitOverRaw() const { return raw > 0 ? split / raw : 0; }
};

double median(std::vector<double> values);

/**
 * The in-process benchmarks: state runtime (raw single-threaded loop vs naive vs partitioned on
 * the same pre-generated stock ticks), routing per partitioner, and the metrics snapshot cost.
 * Every function runs its repetitions back to back and returns medians.
 */
class BenchSuite
{
public:
    explicit BenchSuite(BenchOptions options);

    /** @p progress is told what is being measured. */
    std::vector<RuntimeComparison> runRuntime(const std::function<void(const QString &)> &progress = {});
    std::vector<BenchMeasurement> runRouting(const std::function<void(const QString &)> &progress = {});
    BenchMeasurement runSnapshot(int partitions = 1024);
    /**
     * Trace throughput per format (csv, jsonl): parsing alone and a full replay at max speed,
     * in messages/s and MB/s, on traces written from the same stock ticks.
     */
    std::vector<BenchMeasurement> runTraces(const std::function<void(const QString &)> &progress = {});
    /**
     * Peak resident memory of `partlab-cli replay` on a trace of rssTraceLines lines, run as a
     * child process so the benchmark's own memory does not count. Megabytes; -1 on failure.
     */
    BenchMeasurement runReplayRss(const std::function<void(const QString &)> &progress = {});

    const BenchOptions &options() const { return m_options; }

private:
    BenchOptions m_options;
};

} // namespace partlab
