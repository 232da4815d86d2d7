#pragma once

#include "postinglist.h"
#include "slottable.h"

#include "model/value.h"

#include <QList>

#include <memory>
#include <vector>

namespace partlab {

/** An open or closed end of a range condition (a null value = unbounded). */
struct RangeBound
{
    Value value;
    bool inclusive = true;
};

/** A value's hash as the space's indexes use it: qHash, mixed so that its low bits spread. */
quint64 indexHash(const Value &value);

/** One value of a property index and the entries holding it. */
struct PropertyIndexItem
{
    Value key;
    PostingList postings;
};

/**
 * The index on one property of one type in one partition, as XAP keeps them: an equality index
 * (hash: value -> the entries holding it) and an ordered index over the same postings (XAP's
 * "extended" index: ranges and ORDER BY). Each value's postings are sequence numbers in
 * ascending (write, FIFO) order. Entries without a value (null) are not indexed: a comparison
 * with null never matches.
 *
 * One structure serves both, for memory: the values with their postings sit sorted in leaves of
 * at most 64 (a two-level B+ tree: a sorted array of the leaves' first values above them), and a
 * hash of eight-byte slots maps a value to its leaf. A value costs about 70 bytes in the leaves
 * and 14 in the hash, with no allocation of its own while one entry holds it.
 */
class PropertyIndex
{
public:
    using Postings = PostingList;

    PropertyIndex() = default;
    PropertyIndex(const PropertyIndex &) = delete;
    PropertyIndex &operator=(const PropertyIndex &) = delete;
    PropertyIndex(PropertyIndex &&) = default;
    PropertyIndex &operator=(PropertyIndex &&) = default;

    /** Files @p sequence under @p value; returns the stored value (its string shared with the index; null for null). */
    Value insert(const Value &value, quint64 sequence);
    void erase(const Value &value, quint64 sequence);
    void clear();
    /** The entries equal to @p value (nullptr: none), in FIFO order. O(1) expected. */
    const Postings *equal(const Value &value) const;
    /** The stored value equal to @p value (nullptr: none): entries share its string. */
    const Value *key(const Value &value) const;
    /** Entries with a value (the others are null). */
    qint64 indexed() const { return m_indexed; }
    /** Distinct values. */
    std::size_t values() const { return m_hash.size(); }

    /**
     * Calls @p visit(value, postings) for each value in [@p low, @p high], ascending or
     * descending, until it returns false. O(log n + values visited).
     */
    template<typename Visit>
    void walk(const RangeBound &low, const RangeBound &high, bool descending, Visit visit) const;

    /** Entries in [@p low, @p high], counting no further than @p cap (the planner's estimate). */
    qint64 countRange(const RangeBound &low, const RangeBound &high, qint64 cap) const;

    /** Empty when the leaves are sorted, the first values right and the hash finds every value, else what is wrong. */
    QString verify() const;

private:
    static constexpr qsizetype kLeafMax = 64;
    static constexpr qsizetype kLeafMerge = 16; ///< a leaf this small joins a neighbour when they fit in one

    using Item = PropertyIndexItem;
    /** A QList: its items are relocatable, so an insert in the middle moves bytes, not objects. */
    using Leaf = QList<Item>;
    /** A place in key order: a leaf (by order) and an item in it; {leaves, 0} is the end. */
    struct Position
    {
        std::size_t leaf = 0;
        std::size_t item = 0;
        friend bool operator<(const Position &a, const Position &b)
        {
            return a.leaf != b.leaf ? a.leaf < b.leaf : a.item < b.item;
        }
    };

    /** The leaf (by order) whose range holds @p value: the last one whose first value is not above it. */
    std::size_t leafFor(const Value &value) const;
    /** The first item not below @p value (@p strict: above it). */
    Position bound(const Value &value, bool strict) const;
    const Leaf &leafAt(std::size_t order) const { return *m_leaves[m_order[order]]; }
    Leaf &leafAt(std::size_t order) { return *m_leaves[m_order[order]]; }
    /** The item holding @p value, found through the hash. */
    const Item *lookup(const Value &value, quint64 hash) const;

    static quint64 slotOf(quint64 hash, quint32 leafId) { return (hash << 32) | (quint64(leafId) + 1); }
    static quint32 leafIdOf(quint64 slot) { return quint32(slot & 0xffffffffu) - 1; }
    /** Points the hash slot of @p key from leaf @p from to leaf @p to (the key moved between leaves). */
    void moveSlot(const Value &key, quint32 from, quint32 to);
    quint32 newLeaf();
    void dropLeaf(std::size_t order);
    /** Cuts a full leaf in two (@p appending: the value just added is the highest of all). */
    void split(std::size_t order, bool appending);
    void mergeIfSmall(std::size_t order);

    std::vector<std::unique_ptr<Leaf>> m_leaves; ///< by leaf id; ids are reused
    std::vector<quint32> m_freeLeaves;
    std::vector<quint32> m_order;                ///< leaf ids in value order
    QList<Value> m_first;                        ///< each leaf's first value, in the same order
    SlotTable m_hash;                            ///< slot: 32 bits of the value's hash, leaf id + 1
    qint64 m_indexed = 0;
};

template<typename Visit>
void PropertyIndex::walk(const RangeBound &low, const RangeBound &high, bool descending, Visit visit) const
{
    const Position first = low.value.isNull() ? Position{} : bound(low.value, !low.inclusive);
    const Position last = high.value.isNull() ? Position{m_order.size(), 0} : bound(high.value, high.inclusive);
    if (!(first < last))
        return;
    if (!descending) {
        for (Position p = first; p < last;) {
            const Item &item = leafAt(p.leaf)[p.item];
            if (!visit(item.key, item.postings))
                return;
            if (++p.item == std::size_t(leafAt(p.leaf).size())) {
                ++p.leaf;
                p.item = 0;
            }
        }
        return;
    }
    for (Position p = last; first < p;) {
        if (p.item == 0) {
            --p.leaf;
            p.item = std::size_t(leafAt(p.leaf).size()) - 1;
        } else {
            --p.item;
        }
        const Item &item = leafAt(p.leaf)[p.item];
        if (!visit(item.key, item.postings))
            return;
    }
}

} // namespace partlab

Q_DECLARE_TYPEINFO(partlab::PropertyIndexItem, Q_RELOCATABLE_TYPE);
