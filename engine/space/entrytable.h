#pragma once

#include "propertyindex.h"
#include "queryplan.h"
#include "slottable.h"
#include "spacequery.h"

#include "model/entry.h"
#include "model/typedescriptor.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace partlab {

/**
 * The entries of one type in one partition with their indexes, and the planner that answers a
 * query from them: by id (unique), by the routing property and every indexed property
 * (equality and ordered indexes), with per-type counts, falling back to a scan that filters
 * only when no index applies. Results keep the documented orders: FIFO (write order) without
 * ORDER BY, ORDER BY as asked with ties in FIFO order. Not thread-safe: the partition's lock
 * guards it.
 */
class EntryTable
{
public:
    explicit EntryTable(std::shared_ptr<const TypeDescriptor> type);

    /** Sequence numbers a table can hold (the id index keeps 40 bits of one). */
    static constexpr quint64 kMaxSequence = (quint64(1) << 40) - 1;

    EntryTable(EntryTable &&) = default;

    const std::shared_ptr<const TypeDescriptor> &type() const { return m_type; }
    qint64 size() const { return m_live; }
    /** Calls @p visit(sequence, entry) for each entry in FIFO order until it returns false. */
    template<typename Visit>
    void forEach(Visit visit) const
    {
        for (const Row &row : m_rows)
            if (!row.entry.isNull() && !visit(row.sequence, row.entry))
                return;
    }
    std::optional<quint64> sequenceOfId(const Value &id) const { return id.isNull() ? std::nullopt : sequenceOfId(id, indexHash(id)); }
    /** The same with the id's indexHash() computed already (a write hashes its id once). */
    std::optional<quint64> sequenceOfId(const Value &id, quint64 hash) const;
    /**
     * The entry with id @p id (a null entry when there is none), and its sequence in @p sequence:
     * the id index points at the entry itself, so this reads no row.
     */
    Entry entryOfId(const Value &id, quint64 *sequence) const;
    const Entry *find(quint64 sequence) const;
    /** The entry at @p sequence, which must be there. */
    const Entry &at(quint64 sequence) const { return *find(sequence); }

    /**
     * A new entry at @p sequence (higher than every sequence before it, at most kMaxSequence);
     * @p idHash: its id's indexHash() when the caller has it.
     */
    void insert(quint64 sequence, const Entry &entry, std::optional<quint64> idHash = std::nullopt);
    /**
     * Starts loading, for the id index and every property index at once, what checking and
     * inserting @p entry will read (see PropertyIndex::prefetch), so that their cache misses
     * overlap instead of following one another. A hint only: nothing changes. Returns the id's
     * indexHash() (none without an id).
     */
    std::optional<quint64> prefetchInsert(const Entry &entry) const;
    /** Replaces the entry at @p sequence (an update: same id, same FIFO position), reindexing changed values. */
    void replace(quint64 sequence, const Entry &entry);
    void erase(quint64 sequence);
    void clear();

    /** The properties with an index (besides the id): the routing property and the declared ones. */
    QStringList indexedProperties() const;

    /** Up to @p max matches (ORDER BY order, else FIFO order) as sequence numbers. */
    QList<quint64> match(const SpaceQuery &query, int max, QueryPlanReport *report = nullptr) const;
    /** How many entries match; a whole type or one indexed value needs no scan. */
    qint64 count(const SpaceQuery &query, QueryPlanReport *report = nullptr) const;

    /** Empty when every index agrees with a full scan of the entries, else the first disagreement. */
    QString verifyIndexes() const;

    /** What the table's own structures hold in bytes (rows, id hash, the indexes' tables; not the entries). */
    struct Footprint
    {
        std::size_t rows = 0, idHash = 0;
    };
    Footprint footprint() const;

private:
    /** One way to find candidates for (a part of) a condition. */
    struct Path
    {
        enum class Kind { Id, Equal, Range, Union } kind = Kind::Equal;
        QString property;
        Value value;             ///< Id, Equal
        RangeBound low, high;    ///< Range
        std::vector<Path> parts; ///< Union
        qint64 estimate = 0;     ///< candidates it yields (capped for ranges)
    };
    /** The plan for a whole condition: the chosen path and the equality postings it is intersected with. */
    struct Plan
    {
        std::optional<Path> path; ///< none: scan
        std::vector<std::pair<QString, const PropertyIndex::Postings *>> intersect;
        bool empty = false;       ///< an index proved that nothing matches
    };

    Plan plan(const QueryCondition *where) const;
    std::optional<Path> pathFor(const QueryCondition &c, qint64 cap) const;
    std::optional<Path> andPath(const QueryCondition &c, qint64 cap, Plan *plan) const;
    void collect(const Path &path, std::vector<quint64> &out) const;
    static QString describe(const Path &path);
    const PropertyIndex *index(const QString &property) const;
    /** ORDER BY on an indexed property that every entry has: walk that index instead of sorting. */
    bool orderedWalk(const SpaceQuery &query, const Plan &plan, int max, QList<quint64> &out, QueryPlanReport *report) const;

    /** One stored entry and its FIFO position; a taken entry leaves a null one until the rows are compacted. */
    struct Row
    {
        quint64 sequence = 0;
        Entry entry;
    };
    /** Where the entries of one shape keep the properties this table indexes. */
    struct Layout
    {
        std::shared_ptr<const Entry::Shape> shape; ///< the shape of the entries it was made for (a writer's)
        std::shared_ptr<const Entry::Shape> store; ///< the equal shape every stored entry shares
        std::vector<PropertyIndex *> indexAt; ///< by property position: its index, or nullptr
        int idAt = -1;                        ///< the id's position, -1 when the shape has none
    };

    /** The row of @p sequence (taken or not), -1 when there is none. */
    std::ptrdiff_t rowOf(quint64 sequence) const;
    Layout makeLayout(const std::shared_ptr<const Entry::Shape> &shape);
    /** The layout of @p entry's shape, remembered for the few shapes a type's entries have. */
    const Layout &layoutOf(const Entry &entry, Layout &scratch);
    const Value &idOf(const Entry &entry) const { return idOf(entry.data()); }
    const Value &idOf(const Entry::Data *entry) const;
    /** The id index's slot for @p id (nullptr: none). */
    const quint64 *idSlot(const Value &id, quint64 hash) const;
    /** The hash the id index files the slot of @p sequence under. */
    std::size_t idSlotHash(quint64 slot) const;
    void compactRows();

    static constexpr int kMaxLayouts = 8;
    static constexpr quint64 kSequenceMask = kMaxSequence;

    std::shared_ptr<const TypeDescriptor> m_type;
    std::vector<Row> m_rows; ///< ascending sequences: FIFO order
    qint64 m_live = 0;
    /** Slot: 24 bits of the id's hash, 40 of the sequence; beside it, the stored entry's allocation. */
    SlotTableOf<const Entry::Data *> m_ids;
    std::map<QString, PropertyIndex> m_indexes;
    std::vector<Layout> m_layouts;
    std::size_t m_nextLayout = 1; ///< the layout a new writer's shape replaces once there are kMaxLayouts
};

} // namespace partlab
