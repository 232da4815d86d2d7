#pragma once

#include "partitioner.h"

#include <memory>

namespace partlab {

/** How a resize from N to M partitions moves keys (and, where they exist, slots or key groups). */
struct MovementResult
{
    QString partitioner;
    int from = 0;
    int to = 0;
    quint64 keys = 0;
    quint64 moved = 0;
    QString unitName;       ///< "slot" / "key_group"; empty when the partitioner has no units
    qint64 unitsTotal = 0;  ///< units before the resize
    qint64 unitsMoved = -1; ///< units that change owner; -1 when the units themselves change
    qint64 unitsTotalAfter = 0; ///< units after the resize (differs when Flink's key groups change)

    double fraction() const { return keys ? double(moved) / double(keys) : 0.0; }
    /**
     * What a perfectly even partitioner is expected to move: the share of keys the added / removed
     * partitions hold, |M - N| / max(M, N). An expectation, not a bound: on a few hundred keys a
     * real partitioner can move less by chance (kafka moved 97.5 % of 200 keys against 98.4 %).
     */
    double minimumFraction() const;
};

/**
 * Counts the keys that change partition when a partitioner goes from N to M partitions
 * (the `to` partitioner is `from.withPartitions(M)`, as the runtime builds it when resizing).
 * Streams: each key is routed twice and forgotten.
 */
class MovementCounter
{
public:
    MovementCounter(std::unique_ptr<Partitioner> from, int to);

    void add(const RoutingKey &key)
    {
        ++m_keys;
        if (m_from->partition(key) != m_to->partition(key))
            ++m_moved;
    }

    MovementResult result() const;

    const Partitioner &from() const { return *m_from; }
    const Partitioner &to() const { return *m_to; }

private:
    std::unique_ptr<Partitioner> m_from;
    std::unique_ptr<Partitioner> m_to;
    quint64 m_keys = 0;
    quint64 m_moved = 0;
};

} // namespace partlab
