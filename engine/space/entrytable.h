#pragma once

#include "queryplan.h"
#include "spacequery.h"

#include "model/entry.h"
#include "model/typedescriptor.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

namespace partlab {

/** An open or closed end of a range condition (a null value = unbounded). */
struct RangeBound
{
    Value value;
    bool inclusive = true;
};

/**
 * The index on one property of one type in one partition, as XAP keeps them: an equality index
 * (hash: value -> the entries holding it) and an ordered index over the same postings (XAP's
 * "extended" index: ranges and ORDER BY). Each value's postings are sequence numbers in
 * ascending (write, FIFO) order. Entries without a value (null) are not indexed: a comparison
 * with null never matches.
 */
class PropertyIndex
{
public:
    using Postings = std::set<quint64>;

    PropertyIndex() = default;
    PropertyIndex(const PropertyIndex &) = delete; // m_equal points into m_ordered
    PropertyIndex &operator=(const PropertyIndex &) = delete;
    PropertyIndex(PropertyIndex &&) = default;

    void insert(const Value &value, quint64 sequence);
    void erase(const Value &value, quint64 sequence);
    void clear();
    /** The entries equal to @p value (nullptr: none), in FIFO order. O(1). */
    const Postings *equal(const Value &value) const;
    /** Entries with a value (the others are null). */
    qint64 indexed() const { return m_indexed; }

    /**
     * Calls @p visit(value, postings) for each value in [@p low, @p high], ascending or
     * descending, until it returns false. O(log n + values visited).
     */
    template<typename Visit>
    void walk(const RangeBound &low, const RangeBound &high, bool descending, Visit visit) const;

    /** Entries in [@p low, @p high], counting no further than @p cap (the planner's estimate). */
    qint64 countRange(const RangeBound &low, const RangeBound &high, qint64 cap) const;

private:
    struct Less
    {
        bool operator()(const Value &a, const Value &b) const { return Value::compare(a, b) < 0; }
    };
    using Ordered = std::map<Value, Postings, Less>;

    Ordered::const_iterator lowerEnd(const RangeBound &low) const;
    Ordered::const_iterator upperEnd(const RangeBound &high) const;

    Ordered m_ordered;
    QHash<Value, Postings *> m_equal; ///< into m_ordered's nodes (stable addresses)
    qint64 m_indexed = 0;
};

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

    const std::shared_ptr<const TypeDescriptor> &type() const { return m_type; }
    qint64 size() const { return qint64(m_entries.size()); }
    /** By sequence number: FIFO order. */
    const std::map<quint64, Entry> &entries() const { return m_entries; }
    std::optional<quint64> sequenceOfId(const Value &id) const;
    const Entry *find(quint64 sequence) const;

    /** A new entry at @p sequence (higher than every sequence before it). */
    void insert(quint64 sequence, const Entry &entry);
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

    std::shared_ptr<const TypeDescriptor> m_type;
    std::map<quint64, Entry> m_entries;
    QHash<Value, quint64> m_byId;
    std::map<QString, PropertyIndex> m_indexes;
};

template<typename Visit>
void PropertyIndex::walk(const RangeBound &low, const RangeBound &high, bool descending, Visit visit) const
{
    const auto first = lowerEnd(low), last = upperEnd(high);
    if (first == m_ordered.end() || (last != m_ordered.end() && !Less()(first->first, last->first)))
        return;
    if (!descending) {
        for (auto it = first; it != last; ++it)
            if (!visit(it->first, it->second))
                return;
        return;
    }
    for (auto it = last; it != first;) {
        --it;
        if (!visit(it->first, it->second))
            return;
    }
}

} // namespace partlab
