#pragma once

#include "runtime/stateruntime.h"

#include <QVector>

#include <deque>
#include <vector>

namespace partlab {

/**
 * Turns the runtime snapshots taken on the UI timer into what the charts draw: per-partition
 * rates over a short sliding window, and bounded time series (throughput, latency percentiles,
 * skew). Everything is bounded, so a run of hours costs the same memory as a run of seconds.
 */
class LiveMetrics
{
public:
    /** Seconds of history kept for the time charts. */
    static constexpr double kHistorySeconds = 300.0;
    /** Rates are measured over this window: long enough to be steady at 25 Hz, short enough to follow changes. */
    static constexpr double kRateWindowSeconds = 0.5;

    void reset();
    /** Adds the snapshot taken at this tick (its uptime is the time axis). */
    void add(const RuntimeSnapshot &snapshot);

    bool isEmpty() const { return m_time.isEmpty(); }
    int partitionCount() const { return int(m_current.partitions.size()); }
    const RuntimeSnapshot &current() const { return m_current; }

    // Per partition, at the last tick.
    const std::vector<double> &partitionRates() const { return m_rates; }
    std::vector<double> queueDepths() const;
    std::vector<double> keyCounts() const;
    std::vector<double> appliedTotals() const;
    /**
     * What the load chart, the skew gauge and its subtitle all show, computed once from one vector:
     * while messages flow, each partition's rate over the last kRateWindowSeconds; once nothing
     * flows (paused, finished), each partition's messages since the run started or since the last
     * resize (per-partition counters restart at a resize). Skew, busiest and share never mix the two.
     */
    struct Load
    {
        std::vector<double> values;
        bool flowing = false;
        /** values are totals counted since the last resize (false: since the run started). */
        bool sinceResize = false;
        /** max / mean of values; 0 while every value is 0. */
        double skew = 0.0;
        /** Index of the largest value, -1 while every value is 0. */
        int busiest = -1;
        /** values[busiest] / sum of values. */
        double share = 0.0;
    };
    const Load &load() const { return m_load; }

    /** Partitions carrying clearly more than their share: rate above 1.5x the mean (and not alone). */
    std::vector<bool> hotPartitions(const std::vector<double> &values) const;

    // Time series (seconds since the runtime started).
    const QVector<double> &time() const { return m_time; }
    const QVector<double> &throughput() const { return m_throughput; }
    const QVector<double> &p50() const { return m_p50; }
    const QVector<double> &p90() const { return m_p90; }
    const QVector<double> &p99() const { return m_p99; }
    const QVector<double> &p999() const { return m_p999; }
    /** The skew of load() at each tick (the gauge's value over time). */
    const QVector<double> &skew() const { return m_skew; }

    double currentThroughput() const { return m_throughput.isEmpty() ? 0.0 : m_throughput.last(); }

    /** The time series as CSV (time_s,throughput_msgs_per_s,p50_us,p90_us,p99_us,p999_us,skew). */
    QByteArray historyCsv() const;
    /** One row per partition (partition,worker,messages,messages_per_s,queue_depth,keys). */
    QByteArray partitionsCsv() const;

private:
    struct Sample
    {
        qint64 uptimeNs;
        quint64 applied;
        std::vector<quint64> perPartition;
    };

    void trim();
    void computeLoad();

    RuntimeSnapshot m_current;
    /** Samples of the last kRateWindowSeconds for the total rate (totals survive a resize). */
    std::deque<Sample> m_window;
    /** Index in m_window of the first sample taken after the last resize (per-partition rates). */
    std::size_t m_partitionWindowStart = 0;
    std::vector<double> m_rates;
    Load m_load;
    QVector<double> m_time, m_throughput, m_p50, m_p90, m_p99, m_p999, m_skew;
};

} // namespace partlab
