#pragma once

#include "workload/spaceworkloadstats.h"

#include <QString>
#include <QVector>

#include <deque>
#include <vector>

namespace partlab {

/**
 * Turns the workload snapshots taken on the UI tick into what the space charts draw: operation
 * rates per partition (routed, and the broadcasts every partition executes) over a short
 * sliding window, and the broadcast share over time. Bounded: a long run costs what a short one
 * does. Once frozen (the run is over) the rates are averages over the whole run.
 */
class SpaceMetrics
{
public:
    static constexpr double kRateWindowSeconds = 0.5;
    static constexpr double kHistorySeconds = 300.0;

    void reset();
    void add(const SpaceWorkloadSnapshot &snapshot);
    /** The run is over: rates become whole-run averages. */
    void freeze() { m_frozen = true; }
    bool isFrozen() const { return m_frozen; }
    bool isEmpty() const { return m_time.isEmpty(); }

    const SpaceWorkloadSnapshot &current() const { return m_current; }
    /** Routed operations per second each partition executes. */
    std::vector<double> routedRates() const;
    /** Broadcast operations per second; every partition executes each of them. */
    double broadcastRate() const;
    /** Operations per second over all clients. */
    double throughput() const;

    const QVector<double> &time() const { return m_time; }
    /** Broadcast share (%) over the rate window, per tick. */
    const QVector<double> &broadcastShare() const { return m_share; }

    /** A caption for this run, e.g. "Order by customerId, Customer by customerId". */
    QString label;

private:
    struct Sample
    {
        double seconds;
        quint64 routed;
        quint64 broadcast;
        quint64 total;
        std::vector<quint64> perPartition;
    };

    SpaceWorkloadSnapshot m_current;
    std::deque<Sample> m_window;
    QVector<double> m_time, m_share;
    bool m_frozen = false;
};

} // namespace partlab
