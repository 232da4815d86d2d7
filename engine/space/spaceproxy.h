#pragma once

#include "partitionstore.h"
#include "spaceevent.h"
#include "spacequery.h"
#include "spaceresult.h"

#include "model/entry.h"
#include "model/typedescriptor.h"
#include "routing/partitioner.h"

#include <QThreadPool>

#include <array>
#include <atomic>
#include <chrono>
#include <deque>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace partlab {

/**
 * The client-side proxy of a partitioned space, with GigaSpaces XAP's routing semantics.
 *
 * It is the only component that knows the number of partitions: it routes each operation by the
 * routing value of its entry, template or query (partitioner, default "xap"), or broadcasts it
 * when the value is not fixed, and reports the partitions it touched. Writes with a null routing
 * value and blocking operations without one are refused. Auto-generated ids are routed
 * round-robin and carry their partition.
 *
 * Thread-safe: any number of client threads may call any function at once (a load generator and
 * a GUI console share one proxy). Partitions lock independently; a type is found without a
 * lock (types are only ever added). writeMultiple and load run their per-partition parts in parallel on the proxy's
 * own thread pool (never the global one, so clients running on the global pool cannot starve it).
 */
class SpaceProxy
{
public:
    static constexpr int kUnlimited = std::numeric_limits<int>::max();

    /** A proxy over @p partitions empty partitions; nullptr with @p error for a bad partitioner or count. */
    static std::unique_ptr<SpaceProxy> create(int partitions, const QString &partitioner = QStringLiteral("xap"),
                                              QString *error = nullptr);

    explicit SpaceProxy(std::unique_ptr<Partitioner> partitioner);
    ~SpaceProxy();
    SpaceProxy(const SpaceProxy &) = delete;
    SpaceProxy &operator=(const SpaceProxy &) = delete;

    int partitionCount() const { return int(m_stores.size()); }
    QString partitionerName() const { return m_partitioner->name(); }
    /** The partition that non-partition-aware operations (clean, snapshot) go to. */
    int defaultPartition() const { return 0; }

    // --- types ---------------------------------------------------------------------------------
    /** Registers a type on every partition; defining the same type twice identically is fine. */
    TypeResult defineType(const TypeDefinition &definition);
    std::shared_ptr<const TypeDescriptor> type(const QString &name) const;
    QStringList typeNames() const;

    // --- queries -------------------------------------------------------------------------------
    /** A template query for @p templ's type (set properties = equality, unset = wildcard). */
    std::optional<SpaceQuery> templateQuery(const Entry &templ, QString *error) const;
    /** An SQL-like query on @p typeName (see QueryParser). */
    std::optional<SpaceQuery> sqlQuery(const QString &typeName, const QString &sql, QString *error) const;
    /** A query matching the entry of @p typeName with id @p id (and routing value @p routing, if given). */
    std::optional<SpaceQuery> idQuery(const QString &typeName, const Value &id, const Value &routing, QString *error) const;

    /**
     * The partition owning @p routingValue for @p type: by the partitioner, or, when the type
     * routes by its auto-generated id, the partition embedded in the id. nullopt with @p error
     * for a null value or an id this space did not generate.
     */
    std::optional<int> partitionFor(const TypeDescriptor &type, const Value &routingValue, QString *error) const;

    /**
     * How a typed value is handed to the partitioner: string -> text (UTF-8), int -> int32,
     * long -> int64 (so XAP routes an Integer by value and a Long by precise long routing);
     * double and bool -> int32 of Java's Double.hashCode / Boolean.hashCode (1231 / 1237), which
     * is exactly what XAP hashes. @p storage keeps the UTF-8 bytes alive.
     */
    static RoutingKey routingKey(const Value &value, std::string &storage);

    // --- writes --------------------------------------------------------------------------------
    /** Writes one entry to the partition of its routing value (WriteOnly: an existing id is an error). */
    WriteResult write(const Entry &entry, WriteMode mode = WriteMode::WriteOnly);
    /** Replaces the entry with the same id, routed by the routing value (or the auto id). */
    WriteResult update(const Entry &entry) { return write(entry, WriteMode::UpdateOnly); }
    /**
     * Groups @p entries by target partition and sends the groups in parallel (QtConcurrent).
     * Entries the proxy cannot route or accept make it refuse the whole batch (nothing written);
     * entries a partition refuses are reported per entry while the rest are written.
     */
    WriteMultipleResult writeMultiple(const QList<Entry> &entries, WriteMode mode = WriteMode::WriteOnly);

    // --- reads and takes -----------------------------------------------------------------------
    /**
     * The first match. With @p timeout > 0 it blocks until a match arrives or the timeout passes;
     * blocking needs a query that fixes the routing value (no broadcast, as in XAP).
     */
    ReadResult read(const SpaceQuery &query, std::chrono::milliseconds timeout = std::chrono::milliseconds(0));
    ReadResult take(const SpaceQuery &query, std::chrono::milliseconds timeout = std::chrono::milliseconds(0));
    /** Up to @p max matches: ORDER BY across partitions, else partitions in ascending order, each FIFO. */
    ReadResult readMultiple(const SpaceQuery &query, int max = kUnlimited);
    ReadResult takeMultiple(const SpaceQuery &query, int max = kUnlimited);
    ReadResult readById(const QString &typeName, const Value &id, const Value &routing = Value());
    ReadResult takeById(const QString &typeName, const Value &id, const Value &routing = Value());

    CountResult count(const SpaceQuery &query);
    /** Removes every match (no notifications); count = removed entries. */
    CountResult clear(const SpaceQuery &query);

    // --- notifications -------------------------------------------------------------------------
    /** Registers @p listener for writes, updates and takes matching @p query (routed or on all partitions). */
    SubscribeResult subscribe(const SpaceQuery &query, SpaceListener listener);
    OperationReport unsubscribe(quint64 subscription);

    // --- not partition-aware -------------------------------------------------------------------
    /** XAP's clean: empties the default partition only (it is not broadcast). count = removed. */
    CountResult clean();
    /** XAP's snapshot: prepares @p query on the default partition; use snapshotQuery() later. */
    SnapshotResult snapshot(const SpaceQuery &query);
    std::optional<SpaceQuery> snapshotQuery(quint64 snapshot) const;

    // --- initial load --------------------------------------------------------------------------
    /**
     * Initial load of a CSV file of @p typeName entries: every partition reads all rows (in
     * parallel) and keeps only those it owns. All or nothing: a bad row or a refused entry
     * leaves the space as it was. Loaded entries trigger no notifications.
     */
    LoadResult load(const QString &typeName, const QString &csvPath);

    /** Empty when every partition's indexes agree with a full scan of its entries, else the first difference (tests). */
    QString verifyIndexes() const;
    /** Entries per partition and operation counts, as a snapshot (any thread). */
    QList<SpacePartitionStats> stats() const;

private:
    struct Targets
    {
        QList<int> partitions;
        bool broadcast = false;
    };
    struct Prepared
    {
        const std::shared_ptr<const TypeDescriptor> *handle = nullptr; ///< the registry's, valid as long as the proxy
        const TypeDescriptor &type() const { return **handle; }
        Entry entry;
        int partition = -1;
        bool needsAutoId = false;
    };

    /** The registered type called @p name (a null pointer with @p error when there is none); no copy, no lock. */
    const std::shared_ptr<const TypeDescriptor> &requireType(const QString &name, QString *error) const;
    const std::shared_ptr<const TypeDescriptor> &typeHandle(const QString &name) const;
    Targets targetsFor(const TypeDescriptor &type, const SpaceQuery &query) const;
    /** count and clear: @p perPartition on every partition the query targets, the counts summed. */
    CountResult onTargets(const SpaceQuery &query, const std::function<qint64(PartitionStore &, QueryPlanReport *)> &perPartition);
    /** Checks @p entry and finds its partition; auto ids are assigned later by assignAutoId(). */
    bool prepare(const Entry &entry, WriteMode mode, Prepared &out, QString *error) const;
    void assignAutoId(Prepared &prepared);
    ReadResult blockingRead(const SpaceQuery &query, bool take, std::chrono::milliseconds timeout);
    ReadResult readMany(const SpaceQuery &query, int max, bool take);
    /** readById / takeById: one partition's id index when the routing value is known. */
    ReadResult byId(const QString &typeName, const Value &id, const Value &routing, bool take);
    /** Runs @p task(i) for i in [0, count) on the pool and waits; see the .cpp for the TSan hand-off. */
    void runParallel(int count, const std::function<void(int)> &task);

    std::unique_ptr<Partitioner> m_partitioner;
    std::vector<std::unique_ptr<PartitionStore>> m_stores;
    /**
     * Every operation looks its type up, from any number of client threads: a lock there (even a
     * shared one) and a copied shared_ptr are atomic writes to lines all clients share. Types are
     * only ever added, so readers walk lists of immutable nodes that are never freed before the
     * proxy, found by the name's hash; writers add under m_typesMutex.
     */
    struct TypeNode
    {
        QString name;
        std::shared_ptr<const TypeDescriptor> type;
        const TypeNode *next = nullptr;
    };
    static constexpr std::size_t kTypeBuckets = 64;
    mutable std::mutex m_typesMutex;
    std::map<QString, std::shared_ptr<const TypeDescriptor>> m_types; ///< by name, for typeNames()
    std::deque<TypeNode> m_typeNodes;                                 ///< never moved nor freed before the proxy
    std::array<std::atomic<const TypeNode *>, kTypeBuckets> m_typeBuckets{};
    mutable std::mutex m_registryMutex; ///< subscriptions and snapshots
    std::map<quint64, QList<int>> m_subscriptionPartitions;
    std::map<quint64, SpaceQuery> m_snapshots;
    std::atomic<quint64> m_nextSubscription{1};
    std::atomic<quint64> m_nextSnapshot{1};
    std::atomic<quint64> m_roundRobin{0};
    std::atomic<quint64> m_nextAutoId{1};
    std::mutex m_poolMutex; ///< one writeMultiple / load batch on the pool at a time
    QThreadPool m_pool;
};

} // namespace partlab
