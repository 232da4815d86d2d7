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
    /** Partitions carrying clearly more than their share: rate above 1.5x the mean (and not alone). */
    std::vector<bool> hotPartitions(const std::vector<double> &values) const;

    // Time series (seconds since the runtime started).
    const QVector<double> &time() const { return m_time; }
    const QVector<double> &throughput() const { return m_throughput; }
    const QVector<double> &p50() const { return m_p50; }
    const QVector<double> &p90() const { return m_p90; }
    const QVector<double> &p99() const { return m_p99; }
    const QVector<double> &p999() const { return m_p999; }
    const QVector<double> &skew() const { return m_skew; }

    double currentThroughput() const { return m_throughput.isEmpty() ? 0.0 : m_throughput.last(); }
    /** The busiest partition by the current rate (or by total messages when nothing flows). */
    int busiestPartition() const;

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

    RuntimeSnapshot m_current;
    /** Samples of the last kRateWindowSeconds for the total rate (totals survive a resize). */
    std::deque<Sample> m_window;
    /** Index in m_window of the first sample taken after the last resize (per-partition rates). */
    std::size_t m_partitionWindowStart = 0;
    std::vector<double> m_rates;
    QVector<double> m_time, m_throughput, m_p50, m_p90, m_p99, m_p999, m_skew;
};

} // namespace partlab
