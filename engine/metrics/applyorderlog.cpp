#include "applyorderlog.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace partlab {

/** One recorded message; the key travels as relaxed atomic words so readers never race. */
struct ApplyOrderLog::Slot
{
    static constexpr int kWords = kKeyBytes / 8;
    std::atomic<quint64> sequence{0};
    std::atomic<qint64> appliedNs{0};
    std::atomic<quint64> keyWords[kWords] = {};
    std::atomic<quint32> keyLength{0}; ///< the full length (more than kKeyBytes: cut)
};

/** Counters of one partition's ring, on their own cache line (one writer each). */
struct alignas(64) ApplyOrderLog::Ring
{
    std::atomic<quint64> claimed{0};   ///< index + 1 of the slot being written (or last written)
    std::atomic<quint64> published{0}; ///< index + 1 of the last slot fully written
};

ApplyOrderLog::ApplyOrderLog(int partitions, int capacityPerPartition)
    : m_partitions(qMax(0, partitions))
    , m_capacity(qMax(1, capacityPerPartition))
    , m_rings(new Ring[std::size_t(m_partitions)])
    , m_slots(new Slot[std::size_t(m_partitions) * std::size_t(m_capacity)])
{
}

ApplyOrderLog::~ApplyOrderLog() = default;

void ApplyOrderLog::record(int partition, quint64 sequence, std::string_view key, qint64 appliedNs)
{
    if (partition < 0 || partition >= m_partitions)
        return;
    Ring &ring = m_rings[std::size_t(partition)];
    const quint64 index = ring.published.load(std::memory_order_relaxed); // single writer
    ring.claimed.store(index + 1, std::memory_order_relaxed);
    // Orders the claim before the slot stores: a reader that sees the new slot contents also
    // sees the claim after its acquire fence, and throws the slot away.
    std::atomic_thread_fence(std::memory_order_release);
    Slot &slot = m_slots[std::size_t(partition) * std::size_t(m_capacity) + std::size_t(index % quint64(m_capacity))];
    slot.sequence.store(sequence, std::memory_order_relaxed);
    slot.appliedNs.store(appliedNs, std::memory_order_relaxed);
    char bytes[kKeyBytes] = {};
    std::memcpy(bytes, key.data(), qMin<std::size_t>(key.size(), kKeyBytes));
    for (int w = 0; w < Slot::kWords; ++w) {
        quint64 word;
        std::memcpy(&word, bytes + w * 8, 8);
        slot.keyWords[w].store(word, std::memory_order_relaxed);
    }
    slot.keyLength.store(quint32(qMin<std::size_t>(key.size(), 0xffffffffu)), std::memory_order_relaxed);
    ring.published.store(index + 1, std::memory_order_release);
}

quint64 ApplyOrderLog::recorded(int partition) const
{
    if (partition < 0 || partition >= m_partitions)
        return 0;
    return m_rings[std::size_t(partition)].published.load(std::memory_order_acquire);
}

std::vector<AppliedMessage> ApplyOrderLog::recent(int partition) const
{
    std::vector<AppliedMessage> out;
    if (partition < 0 || partition >= m_partitions)
        return out;
    const Ring &ring = m_rings[std::size_t(partition)];
    const quint64 cap = quint64(m_capacity);
    const quint64 end = ring.published.load(std::memory_order_acquire);
    const quint64 begin = end > cap ? end - cap : 0;
    out.reserve(std::size_t(end - begin));
    const Slot *ringSlots = &m_slots[std::size_t(partition) * std::size_t(m_capacity)];
    for (quint64 i = begin; i < end; ++i) {
        const Slot &slot = ringSlots[i % cap];
        AppliedMessage m;
        m.sequence = slot.sequence.load(std::memory_order_relaxed);
        m.appliedNs = slot.appliedNs.load(std::memory_order_relaxed);
        char bytes[kKeyBytes];
        for (int w = 0; w < Slot::kWords; ++w) {
            const quint64 word = slot.keyWords[w].load(std::memory_order_relaxed);
            std::memcpy(bytes + w * 8, &word, 8);
        }
        const quint32 length = slot.keyLength.load(std::memory_order_relaxed);
        m.key.assign(bytes, qMin<quint32>(length, kKeyBytes));
        m.keyTruncated = length > quint32(kKeyBytes);
        m.applyIndex = i;
        m.partition = partition;
        out.push_back(m);
    }
    std::atomic_thread_fence(std::memory_order_acquire);
    // A claim of index c overwrote the slot of index c - 1 - cap: keep only later indexes.
    const quint64 claimed = ring.claimed.load(std::memory_order_relaxed);
    const quint64 firstValid = claimed > cap ? claimed - cap : 0;
    if (firstValid > begin) {
        const std::size_t drop = std::size_t(qMin(firstValid - begin, quint64(out.size())));
        out.erase(out.begin(), out.begin() + qsizetype(drop));
    }
    return out;
}

std::vector<AppliedMessage> ApplyOrderLog::recentMerged() const
{
    std::vector<AppliedMessage> all;
    qint64 windowStart = std::numeric_limits<qint64>::min();
    for (int p = 0; p < m_partitions; ++p) {
        std::vector<AppliedMessage> part = recent(p);
        // A full ring forgot everything before its oldest entry: older messages of other
        // partitions would look as if this one had been idle, so the window starts there.
        if (!part.empty() && recorded(p) > quint64(m_capacity))
            windowStart = qMax(windowStart, part.front().appliedNs);
        all.insert(all.end(), part.begin(), part.end());
    }
    all.erase(std::remove_if(all.begin(), all.end(),
                             [windowStart](const AppliedMessage &m) { return m.appliedNs < windowStart; }),
              all.end());
    std::stable_sort(all.begin(), all.end(), [](const AppliedMessage &a, const AppliedMessage &b) {
        if (a.appliedNs != b.appliedNs)
            return a.appliedNs < b.appliedNs;
        // Same timestamp = same batch of one worker, applied in submit order.
        return a.sequence < b.sequence;
    });
    return all;
}

std::vector<bool> ApplyOrderLog::inversionMask(const std::vector<AppliedMessage> &appliedOrder)
{
    std::vector<bool> mask(appliedOrder.size(), false);
    quint64 latestProduced = 0;
    bool any = false;
    for (std::size_t i = 0; i < appliedOrder.size(); ++i) {
        const quint64 s = appliedOrder[i].sequence;
        if (any && s < latestProduced)
            mask[i] = true;
        else
            latestProduced = s;
        any = true;
    }
    return mask;
}

quint64 ApplyOrderLog::countInversions(const std::vector<AppliedMessage> &appliedOrder)
{
    const std::vector<bool> mask = inversionMask(appliedOrder);
    return quint64(std::count(mask.begin(), mask.end(), true));
}

} // namespace partlab
