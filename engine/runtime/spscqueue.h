#pragma once

#include "model/limits.h"

#include <QtGlobal>

#include <atomic>
#include <bit>
#include <memory>
#include <new>

namespace partlab {

/**
 * Bounded single-producer / single-consumer ring (rigtorp-style), for hand-offs between the
 * producer and one worker. A full queue is backpressure: tryPush() fails and the caller waits;
 * nothing is ever dropped.
 *
 * Memory order: the producer writes the slot, then publishes the new tail with release; the
 * consumer reads the tail with acquire before reading the slot (and the mirror image for the
 * head), so a slot is never read before it is written or overwritten before it is read.
 * Each side caches the other side's index to touch the shared cache line only when needed.
 */
template<typename T>
class SpscQueue
{
public:
    explicit SpscQueue(quint32 capacity)
        : m_capacity(std::bit_ceil(qMax<quint32>(capacity, 2)))
        , m_mask(m_capacity - 1)
        , m_slots(new T[m_capacity])
    {
        Q_ASSERT(std::has_single_bit(m_capacity)); // the mask relies on it
    }
    SpscQueue(const SpscQueue &) = delete;
    SpscQueue &operator=(const SpscQueue &) = delete;

    /** Producer only. */
    [[nodiscard]] bool tryPush(T value)
    {
        const quint64 tail = m_tail.load(std::memory_order_relaxed);
        if (tail - m_headCache >= m_capacity) {
            m_headCache = m_head.load(std::memory_order_acquire);
            Q_ASSERT(m_headCache <= tail); // the consumer never passes the producer
            if (tail - m_headCache >= m_capacity)
                return false;
        }
        m_slots[tail & m_mask] = std::move(value);
        m_tail.store(tail + 1, std::memory_order_release);
        return true;
    }

    /** Consumer only. */
    [[nodiscard]] bool tryPop(T &out)
    {
        const quint64 head = m_head.load(std::memory_order_relaxed);
        if (head == m_tailCache) {
            m_tailCache = m_tail.load(std::memory_order_acquire);
            Q_ASSERT(m_tailCache - head <= m_capacity); // the producer never laps the consumer
            if (head == m_tailCache)
                return false;
        }
        out = std::move(m_slots[head & m_mask]);
        m_head.store(head + 1, std::memory_order_release);
        return true;
    }

    /** Approximate number of queued items (any thread). */
    quint64 sizeApprox() const
    {
        const quint64 head = m_head.load(std::memory_order_acquire);
        const quint64 tail = m_tail.load(std::memory_order_acquire);
        return tail >= head ? tail - head : 0;
    }

    bool emptyApprox() const { return sizeApprox() == 0; }
    quint32 capacity() const { return m_capacity; }

private:
    static constexpr std::size_t kLine = limits::kCacheLine;

    const quint32 m_capacity;
    const quint32 m_mask;
    std::unique_ptr<T[]> m_slots;

    alignas(kLine) std::atomic<quint64> m_head{0}; // written by the consumer
    quint64 m_tailCache = 0;                        // consumer's copy of m_tail
    alignas(kLine) std::atomic<quint64> m_tail{0}; // written by the producer
    quint64 m_headCache = 0;                        // producer's copy of m_head
    char m_pad[kLine - sizeof(quint64)];
};

} // namespace partlab
