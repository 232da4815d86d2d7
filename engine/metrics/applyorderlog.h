#pragma once

#include <QtGlobal>

#include <atomic>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace partlab {

/** One message as the owner of its partition applied it. */
struct AppliedMessage
{
    quint64 sequence = 0;   ///< produced order: 0-based position in the producer's submit order
    quint64 applyIndex = 0; ///< applied order within its partition (0-based, counts every message)
    qint64 appliedNs = 0;   ///< steady clock when its batch was applied (shared by a whole batch)
    int partition = 0;
    std::string key;        ///< the partition key, cut to ApplyOrderLog::kKeyBytes
    bool keyTruncated = false;
};

/**
 * The FIFO hook of the state runtime: a bounded ring per partition that records, in the order the
 * partition's owner applied them, the last `capacity` messages as (sequence, key).
 *
 * Wallaroo and XAP both promise FIFO only per partition; this log lets the GUI show it: per
 * partition the applied order equals the produced order, while the messages of several partitions
 * merged by apply time are not in produced order.
 *
 * Keys are copied into the slot (up to kKeyBytes; longer keys are cut and flagged): the runtime
 * has no global key table, each owner interns its own keys.
 *
 * One writer per partition (its owner worker), any number of readers at any time. Slots are
 * relaxed atomics guarded seqlock-style by two counters: the writer announces a slot in `claimed`
 * before it overwrites it and publishes it in `published` afterwards; a reader copies, then drops
 * every slot that a claim made while it copied may have overwritten. No locks, no torn entries.
 * The runtime only calls record() when a log is attached, so a run without it pays nothing.
 */
class ApplyOrderLog
{
public:
    /** Key bytes kept per message: enough for tickers, words and ids. */
    static constexpr int kKeyBytes = 24;

    ApplyOrderLog(int partitions, int capacityPerPartition);
    ~ApplyOrderLog();
    ApplyOrderLog(const ApplyOrderLog &) = delete;
    ApplyOrderLog &operator=(const ApplyOrderLog &) = delete;

    int partitionCount() const { return m_partitions; }
    int capacity() const { return m_capacity; }

    /** Owner of @p partition only. Partitions outside [0, partitionCount()) are ignored. */
    void record(int partition, quint64 sequence, std::string_view key, qint64 appliedNs);

    /** Messages recorded for @p partition so far, including those the ring has forgotten. */
    quint64 recorded(int partition) const;

    /** The last (up to capacity()) messages of @p partition in applied order (any thread). */
    std::vector<AppliedMessage> recent(int partition) const;

    /**
     * Every partition's recent messages merged into one applied order: by apply time, and within
     * one batch (one timestamp) by submit order, which is the order its worker applied them. Only the time window all partitions still hold is
     * kept, so a busy partition's ring does not hide a quiet one's history.
     */
    std::vector<AppliedMessage> recentMerged() const;

    /**
     * FIFO inversions in an applied order: messages applied after a message that was produced
     * later than them. 0 means the applied order is the produced order.
     */
    static quint64 countInversions(const std::vector<AppliedMessage> &appliedOrder);

    /** Marks, for each message of @p appliedOrder, whether it is an inversion (see above). */
    static std::vector<bool> inversionMask(const std::vector<AppliedMessage> &appliedOrder);

private:
    struct Slot;
    struct Ring;

    int m_partitions;
    int m_capacity;
    std::unique_ptr<Ring[]> m_rings;
    std::unique_ptr<Slot[]> m_slots;
};

} // namespace partlab
