#pragma once

#include "postinglist.h"
#include "slottable.h"

#include "model/value.h"

#include <bit>
#include <memory>
#include <utility>
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
 * One structure serves both, for memory. Each distinct value is an item with a stable number
 * (items never move while they hold a value; a freed number is reused). A hash of eight-byte
 * slots maps a value to its item, so an equality lookup, or a write of a value already there, is
 * one probe and one comparison. The ordered side is a two-level B+ tree: leaves of at most 64
 * (sort key, item number) pairs in value order, under a sorted array of the leaves' first keys.
 * A sort key is 64 bits that order as the values do (a number's double, a string's first eight
 * characters), so a search compares integers in one block of memory and reads a value only on
 * a tie. A value costs about 48 bytes in the items, 16-23 in a leaf and 11-21 in the hash, with
 * no allocation of its own while one entry holds it.
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
    /**
     * Starts loading what insert() or equal() of a value with indexHash() @p hash will read, one
     * step of the chain at a time, so that a write can overlap the cache misses of all its
     * indexes: @p step 0 the hash slot; 1 (once that slot has arrived) the value's item, or for a
     * value not there yet the leaf it will go into; 2 (once the item has arrived) the end of its
     * postings. A hint only: nothing changes.
     */
    void prefetch(const Value &value, quint64 hash, int step) const;
    /** The entries equal to @p value (nullptr: none), in FIFO order. O(1) expected; valid until the next change. */
    const Postings *equal(const Value &value) const;
    /** The stored value equal to @p value (nullptr: none): entries share its string. Valid until the next change. */
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
    static constexpr std::size_t kLeafMax = 64;
    static constexpr std::size_t kLeafMerge = 16; ///< a leaf this small joins a neighbour when they fit in one
    static constexpr quint32 kNone = ~quint32(0);

    using Item = PropertyIndexItem;
    /**
     * The items by number, in blocks of 16, 32, 64, ... items: a number's block and place are a
     * bit count away, and an item never moves (a vector's growth would move every one of them).
     */
    class Items
    {
    public:
        Item &operator[](quint32 id) { return at(id); }
        const Item &operator[](quint32 id) const { return const_cast<Items *>(this)->at(id); }
        std::size_t size() const { return m_size; }
        /** A new item holding @p key; its number is the size before. */
        quint32 push(const Value &key)
        {
            const auto [block, place] = locate(quint32(m_size));
            if (block == m_blocks.size())
                m_blocks.push_back(std::make_unique<Item[]>(std::size_t(kFirstBlock) << block));
            m_blocks[block][place].key = key;
            return quint32(m_size++);
        }
        void clear()
        {
            m_blocks.clear();
            m_blocks.shrink_to_fit();
            m_size = 0;
        }

    private:
        static constexpr quint32 kFirstBlock = 16;
        /** Block b holds the numbers from 16 (2^b - 1) on, 16 * 2^b of them. */
        static std::pair<std::size_t, quint32> locate(quint32 id)
        {
            const unsigned block = unsigned(std::bit_width(id / kFirstBlock + 1)) - 1;
            return {block, id - kFirstBlock * ((quint32(1) << block) - 1)};
        }
        Item &at(quint32 id)
        {
            const auto [block, place] = locate(id);
            return m_blocks[block][place];
        }

        std::vector<std::unique_ptr<Item[]>> m_blocks;
        std::size_t m_size = 0;
    };
    /** One value in a leaf: its sort key and its item. */
    struct Slot
    {
        quint64 sortKey = 0;
        quint32 item = 0;
    };
    struct Leaf
    {
        std::vector<Slot> sorted;
    };
    /** A place in value order: a leaf and a slot in it; {leaves, 0} is the end. */
    struct Position
    {
        std::size_t leaf = 0;
        std::size_t slot = 0;
        friend bool operator<(const Position &a, const Position &b)
        {
            return a.leaf != b.leaf ? a.leaf < b.leaf : a.slot < b.slot;
        }
    };

    const Item &itemAt(const Position &p) const { return m_items[m_leaves[p.leaf].sorted[p.slot].item]; }
    /** Whether the value in @p slot is below @p value (whose sort key is @p sortKey). */
    bool below(const Slot &slot, const Value &value, quint64 sortKey) const;
    bool above(const Slot &slot, const Value &value, quint64 sortKey) const;
    /** The leaf whose range holds @p value: the last one whose first value is not above it. */
    std::size_t leafFor(const Value &value, quint64 sortKey) const;
    /** Where in @p leaf the first value not below @p value (@p strict: above it) is. */
    std::size_t boundIn(const Leaf &leaf, const Value &value, quint64 sortKey, bool strict) const;
    /** The first item not below @p value (@p strict: above it). */
    Position bound(const Value &value, bool strict) const;
    /** The number of the item holding @p value, found through the hash; kNone when there is none. */
    quint32 lookup(const Value &value, quint64 hash) const;

    static quint64 slotOf(quint64 hash, quint32 item) { return (hash << 32) | (quint64(item) + 1); }
    static quint32 itemOf(quint64 slot) { return quint32(slot & 0xffffffffu) - 1; }
    quint32 newItem(const Value &value);
    /** Cuts a full leaf in two (@p appending: the value just added is the highest of all). */
    void split(std::size_t leaf, bool appending);
    void mergeIfSmall(std::size_t leaf);

    Items m_items;                    ///< by number; a free one holds a null value
    std::vector<quint32> m_freeItems;
    std::vector<Leaf> m_leaves;       ///< in value order, none empty
    /** Each leaf's first sort key, by leaf: the search above the leaves reads eight bytes a leaf, in one block. */
    std::vector<quint64> m_firsts;
    SlotTable m_hash;                 ///< slot: 32 bits of the value's hash, item number + 1
    qint64 m_indexed = 0;
};

/**
 * 64 bits that order as Value::compare orders values, ties allowed (a tie is settled by comparing
 * the values): the kind in the top two bits (number, string, bool), then a number's double with
 * its sign folded so that unsigned order is numeric order, or a string's first eight UTF-16 code
 * units in seven bits each (a unit from 126 up ends the key: those tie).
 */
quint64 indexSortKey(const Value &value);

template<typename Visit>
void PropertyIndex::walk(const RangeBound &low, const RangeBound &high, bool descending, Visit visit) const
{
    const Position first = low.value.isNull() ? Position{} : bound(low.value, !low.inclusive);
    const Position last = high.value.isNull() ? Position{m_leaves.size(), 0} : bound(high.value, high.inclusive);
    if (!(first < last))
        return;
    if (!descending) {
        for (Position p = first; p < last;) {
            const Item &item = itemAt(p);
            if (!visit(item.key, item.postings))
                return;
            if (++p.slot == m_leaves[p.leaf].sorted.size()) {
                ++p.leaf;
                p.slot = 0;
            }
        }
        return;
    }
    for (Position p = last; first < p;) {
        if (p.slot == 0) {
            --p.leaf;
            p.slot = m_leaves[p.leaf].sorted.size() - 1;
        } else {
            --p.slot;
        }
        const Item &item = itemAt(p);
        if (!visit(item.key, item.postings))
            return;
    }
}

} // namespace partlab

Q_DECLARE_TYPEINFO(partlab::PropertyIndexItem, Q_RELOCATABLE_TYPE);
