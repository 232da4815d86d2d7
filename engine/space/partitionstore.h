#pragma once

#include "entrytable.h"
#include "spaceevent.h"
#include "spacequery.h"

#include "model/entry.h"
#include "model/typedescriptor.h"

#include <QHash>
#include <QList>
#include <QMap>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace partlab {

/**
 * Locks @p mutex after a short spin (100 pauses, a microsecond or two): a space operation holds
 * a partition's lock for about that long, and a client that finds it taken would otherwise
 * sleep in the kernel and be woken by another system call, which costs more than the wait. The
 * space bench's baseline locks the same way, so that the comparison is of the stores alone.
 */
inline std::unique_lock<std::mutex> lockAfterSpin(std::mutex &mutex)
{
    for (int spin = 0; spin < 100; ++spin) {
        if (mutex.try_lock())
            return std::unique_lock<std::mutex>(mutex, std::adopt_lock);
#if defined(__x86_64__) || defined(__i386__)
        __builtin_ia32_pause();
#endif
    }
    return std::unique_lock<std::mutex>(mutex);
}

/** How a write treats an entry whose id already exists (XAP's WriteModifiers). */
enum class WriteMode { WriteOnly, UpdateOnly, UpdateOrWrite };

/** What one partition holds, for the GUI and for reports. */
struct SpacePartitionStats
{
    int partition = -1;
    qint64 entries = 0;
    QMap<QString, qint64> entriesByType;
    quint64 operations = 0; ///< operations that touched this partition
};

/**
 * One partition of the space: the entries it owns, in write order, behind its own lock.
 *
 * Partitions share nothing and do not know about each other or about N; only the proxy does.
 * Every public function is thread-safe: one std::mutex guards the data and one
 * std::condition_variable wakes blocking reads and takes when an entry is written. Listeners are
 * called after the lock is released.
 */
class PartitionStore
{
public:
    using Clock = std::chrono::steady_clock;
    using TypeHandle = std::shared_ptr<const TypeDescriptor>;

    /** The result of writing one entry. */
    struct WriteOutcome
    {
        bool ok = false;
        bool updated = false; ///< an existing entry (same id) was replaced
        QString error;
        quint64 sequence = 0; ///< the entry's FIFO position in this partition
        bool withBatch = false; ///< all-or-nothing batch: refused only because another entry failed
    };

    /** A matching entry and its FIFO position, for two-phase takes. */
    struct Candidate
    {
        quint64 sequence = 0;
        Entry entry;
    };

    explicit PartitionStore(int partition) : m_partition(partition) {}
    PartitionStore(const PartitionStore &) = delete;
    PartitionStore &operator=(const PartitionStore &) = delete;

    int partition() const { return m_partition; }

    /** Writes @p entry (already validated by the proxy) under @p mode. */
    WriteOutcome write(const TypeHandle &type, const Entry &entry, WriteMode mode);

    /**
     * Writes a group of entries under one lock. With @p allOrNothing the group is checked first
     * and nothing is written if any entry would fail. @p notify = false writes silently (initial load).
     */
    std::vector<WriteOutcome> writeBatch(const TypeHandle &type, const QList<Entry> &entries, WriteMode mode,
                                         bool allOrNothing, bool notify);

    /**
     * Up to @p max matches (ORDER BY applied, else FIFO order); removes them when @p take.
     * @p plan, when given, receives what the planner did (index used, entries examined).
     */
    QList<Entry> read(const SpaceQuery &query, int max, bool take, QueryPlanReport *plan = nullptr);

    /** Waits until an entry matches or @p deadline passes; removes it when @p take. */
    std::optional<Entry> waitFor(const SpaceQuery &query, bool take, Clock::time_point deadline, QueryPlanReport *plan = nullptr);

    /**
     * The entry of @p typeName with id @p id, if its routing property equals @p routing (when
     * not null); removed when @p take. The id index answers: no query is built or planned.
     */
    std::optional<Entry> readById(const QString &typeName, const Value &id, const QString &routingProperty,
                                  const Value &routing, bool take, QueryPlanReport *plan = nullptr);

    /** Up to @p max matches with their sequence numbers, ORDER BY applied, nothing removed. */
    QList<Candidate> candidates(const SpaceQuery &query, int max, QueryPlanReport *plan = nullptr) const;

    /** Takes the entries with these sequence numbers that are still there (second phase of a take). */
    QList<Entry> takeSequences(const QString &typeName, const QList<quint64> &sequences);

    /** Removes entries silently (no events): undoes a write of this process, e.g. a failed load. */
    void removeSequences(const QString &typeName, const QList<quint64> &sequences);

    /** Matches of @p query; a whole type, or one value of an indexed property, without a scan. */
    qint64 count(const SpaceQuery &query, QueryPlanReport *plan = nullptr) const;
    /** Removes every match; returns how many. */
    qint64 clear(const SpaceQuery &query, QueryPlanReport *plan = nullptr);
    /** Removes every entry of every type (XAP's clean). Returns how many. */
    qint64 clean();

    void subscribe(const std::shared_ptr<const Subscription> &subscription);
    bool unsubscribe(quint64 id);

    SpacePartitionStats stats() const;
    /** Empty when every index of every type agrees with a full scan (tests, stress tests), else what differs. */
    QString verifyIndexes() const;

private:
    /** One type's entries in write order (by sequence) with their indexes. */
    using TypeStore = EntryTable;
    using Notifications = std::vector<std::pair<std::shared_ptr<const Subscription>, SpaceEvent>>;

    TypeStore &typeStore(const TypeHandle &type);
    TypeStore *findType(const QString &name);
    const TypeStore *findType(const QString &name) const;
    /**
     * Whether @p entry may be written; @p idHash: its id's indexHash(), for the insert that
     * follows (computed here unless it holds one already).
     */
    WriteOutcome check(const TypeStore &store, const Entry &entry, WriteMode mode, std::optional<quint64> *idHash = nullptr) const;
    WriteOutcome apply(TypeStore &store, const Entry &entry, WriteMode mode, Notifications *events);
    void erase(TypeStore &store, quint64 sequence, Notifications *events);
    void queue(Notifications *events, SpaceEventKind kind, const Entry &entry) const;
    static void deliver(const Notifications &events);
    void touch() const { m_operations.fetch_add(1, std::memory_order_relaxed); }
    /** The partition's lock, through lockAfterSpin(). */
    std::unique_lock<std::mutex> acquire() const { return lockAfterSpin(m_mutex); }

    const int m_partition;
    mutable std::mutex m_mutex;
    std::condition_variable m_written;
    std::map<QString, TypeStore> m_types;
    TypeStore *m_lastType = nullptr; ///< the store typeStore() gave last (guarded by m_mutex, like m_types)
    quint64 m_nextSequence = 1;
    std::map<quint64, std::shared_ptr<const Subscription>> m_subscriptions;
    // Relaxed: a statistic read as a snapshot, never used to order other memory.
    mutable std::atomic<quint64> m_operations{0};
};

} // namespace partlab
