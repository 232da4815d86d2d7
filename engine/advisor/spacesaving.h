#pragma once

#include <QtGlobal>

#include <unordered_map>
#include <vector>

namespace partlab {

/** A heavy-hitter candidate: its estimated count and how much of it may be overestimated. */
struct HeavyHitter
{
    quint32 item = 0;
    quint64 count = 0; ///< upper bound of the true count
    quint64 error = 0; ///< count - error is a lower bound of the true count
};

/**
 * Space-Saving (Metwally, Agrawal, El Abbadi 2005): the top items of a stream in bounded memory.
 *
 * Keeps at most `capacity` counters. A new item, when full, takes over the smallest counter and
 * inherits its count as possible error. Every item whose true frequency exceeds
 * total / capacity is guaranteed to be present, and each count overestimates by at most the
 * smallest counter. A min-heap with positions finds the smallest counter in O(log capacity).
 * Single-threaded: one instance per partition, owned by whoever feeds it.
 */
class SpaceSaving
{
public:
    explicit SpaceSaving(quint32 capacity);

    void add(quint32 item, quint64 weight = 1);

    /** The @p k largest counters, largest first (ties: smaller item first). */
    std::vector<HeavyHitter> top(quint32 k) const;

    quint64 total() const { return m_total; }
    quint32 capacity() const { return m_capacity; }
    std::size_t size() const { return m_heap.size(); }

private:
    void siftDown(std::size_t i);
    void siftUp(std::size_t i);
    void swapSlots(std::size_t a, std::size_t b);

    quint32 m_capacity;
    quint64 m_total = 0;
    std::vector<HeavyHitter> m_heap;                       ///< min-heap by count
    std::unordered_map<quint32, std::size_t> m_position;   ///< item -> heap index
};

} // namespace partlab
