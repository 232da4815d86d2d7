#include "propertyindex.h"

#include "routing/murmurhash.h"

#include <algorithm>
#include <cstring>

namespace partlab {

namespace {

bool less(const Value &a, const Value &b)
{
    return Value::compare(a, b) < 0;
}

/** The hash of a slot's value: the 32 bits kept in the slot (the table is never 2^32 slots). */
std::size_t slotHash(quint64 slot)
{
    return std::size_t(slot >> 32);
}

} // namespace

quint64 indexHash(const Value &value)
{
    // qHash of an integer is close to the integer, and the tables use the low bits: mix them all.
    return fmix64(quint64(qHash(value)));
}

quint64 indexSortKey(const Value &value)
{
    constexpr int kKindShift = 62;
    if (value.isNull())
        return 0;
    switch (value.type()) {
    case ValueType::Int:
    case ValueType::Long:
    case ValueType::Double: {
        // Integers through double: rounding never reverses an order, it only makes ties.
        double d = value.toDouble();
        if (d == 0.0)
            d = 0.0; // -0.0 equals 0.0
        quint64 bits = 0;
        std::memcpy(&bits, &d, sizeof bits);
        bits = (bits >> 63) ? ~bits : bits | (quint64(1) << 63); // negatives reversed, below the positives
        return (quint64(1) << kKindShift) | (bits >> 2);
    }
    case ValueType::String: {
        quint64 key = 0;
        int shift = 7 * 7;
        for (const QChar c : value.text()) {
            const quint64 unit = std::min<quint64>(c.unicode(), 126) + 1; // 1..127; 0 is "no more characters"
            key |= unit << shift;
            if (unit == 127 || shift == 0)
                break; // a high unit ties with every high unit: what follows must not decide
            shift -= 7;
        }
        return (quint64(2) << kKindShift) | key;
    }
    case ValueType::Bool:
        return (quint64(3) << kKindShift) | quint64(value.toBool());
    }
    return 0;
}

bool PropertyIndex::below(const Slot &slot, const Value &value, quint64 sortKey) const
{
    return slot.sortKey != sortKey ? slot.sortKey < sortKey : less(m_items[slot.item].key, value);
}

bool PropertyIndex::above(const Slot &slot, const Value &value, quint64 sortKey) const
{
    return slot.sortKey != sortKey ? slot.sortKey > sortKey : less(value, m_items[slot.item].key);
}

std::size_t PropertyIndex::leafFor(const Value &value, quint64 sortKey) const
{
    // The last leaf whose first value is <= value (the first leaf for values below all of them).
    const quint64 *firsts = m_firsts.data();
    const auto it = std::upper_bound(firsts, firsts + m_firsts.size(), sortKey, [&](quint64 k, const quint64 &first) {
        return first != k ? k < first : above(m_leaves[std::size_t(&first - firsts)].sorted.front(), value, k);
    });
    return it == firsts ? 0 : std::size_t(it - firsts) - 1;
}

std::size_t PropertyIndex::boundIn(const Leaf &leaf, const Value &value, quint64 sortKey, bool strict) const
{
    const auto it = strict ? std::upper_bound(leaf.sorted.begin(), leaf.sorted.end(), sortKey,
                                              [&](quint64 k, const Slot &s) { return above(s, value, k); })
                           : std::lower_bound(leaf.sorted.begin(), leaf.sorted.end(), sortKey,
                                              [&](const Slot &s, quint64 k) { return below(s, value, k); });
    return std::size_t(it - leaf.sorted.begin());
}

PropertyIndex::Position PropertyIndex::bound(const Value &value, bool strict) const
{
    if (m_leaves.empty())
        return {};
    const quint64 sortKey = indexSortKey(value);
    const std::size_t leaf = leafFor(value, sortKey);
    const std::size_t at = boundIn(m_leaves[leaf], value, sortKey, strict);
    if (at == m_leaves[leaf].sorted.size())
        return {leaf + 1, 0};
    return {leaf, at};
}

quint32 PropertyIndex::lookup(const Value &value, quint64 hash) const
{
    const quint32 tag = quint32(hash);
    const quint64 *slot = m_hash.find(std::size_t(hash), [&](quint64 s) {
        // The same 32 bits of hash nearly always mean the same value: one comparison confirms it.
        return quint32(s >> 32) == tag && Value::equal(m_items[itemOf(s)].key, value);
    });
    return slot ? itemOf(*slot) : kNone;
}

void PropertyIndex::prefetch(const Value &value, quint64 hash, int step) const
{
    if (value.isNull() || m_leaves.empty())
        return;
    if (step == 0) {
        m_hash.prefetch(std::size_t(hash));
        return;
    }
    // The first slot with the value's 32 bits of hash: nearly always its item (no comparison here).
    const quint32 tag = quint32(hash);
    const quint64 *slot = m_hash.find(std::size_t(hash), [&](quint64 s) { return quint32(s >> 32) == tag; });
    if (!slot) {
        if (step == 1) { // a new value: the leaf its ordered insert searches, and the item it will take
            const std::vector<Slot> &sorted = m_leaves[leafFor(value, indexSortKey(value))].sorted;
            const char *bytes = reinterpret_cast<const char *>(sorted.data());
            for (std::size_t at = 0; at < sorted.size() * sizeof(Slot); at += 64)
                __builtin_prefetch(bytes + at);
            if (!m_freeItems.empty())
                __builtin_prefetch(&m_items[m_freeItems.back()]);
        }
        return;
    }
    const Item &item = m_items[itemOf(*slot)];
    if (step == 1) {
        __builtin_prefetch(&item);
        __builtin_prefetch(reinterpret_cast<const char *>(&item + 1) - 1);
    } else if (item.postings.size() > 1) {
        __builtin_prefetch(item.postings.end() - 1);
    }
}

const PropertyIndex::Postings *PropertyIndex::equal(const Value &value) const
{
    if (value.isNull())
        return nullptr;
    const quint32 item = lookup(value, indexHash(value));
    return item == kNone ? nullptr : &m_items[item].postings;
}

const Value *PropertyIndex::key(const Value &value) const
{
    if (value.isNull())
        return nullptr;
    const quint32 item = lookup(value, indexHash(value));
    return item == kNone ? nullptr : &m_items[item].key;
}

quint32 PropertyIndex::newItem(const Value &value)
{
    if (!m_freeItems.empty()) {
        const quint32 item = m_freeItems.back();
        m_freeItems.pop_back();
        m_items[item].key = value;
        return item;
    }
    return m_items.push(value);
}

void PropertyIndex::split(std::size_t leaf, bool appending)
{
    // Values written in ascending order (ids, times) fill leaves to the brim: move only the last.
    std::vector<Slot> &from = m_leaves[leaf].sorted;
    const std::size_t keep = appending ? from.size() - 1 : from.size() / 2;
    Leaf to;
    to.sorted.reserve(kLeafMax + 1);
    to.sorted.assign(from.begin() + std::ptrdiff_t(keep), from.end());
    from.resize(keep);
    m_firsts.insert(m_firsts.begin() + std::ptrdiff_t(leaf) + 1, to.sorted.front().sortKey);
    m_leaves.insert(m_leaves.begin() + std::ptrdiff_t(leaf) + 1, std::move(to));
}

void PropertyIndex::mergeIfSmall(std::size_t leaf)
{
    if (m_leaves[leaf].sorted.size() >= kLeafMerge || m_leaves.size() < 2)
        return;
    // With the next leaf if there is one, else with the previous: the lower one keeps both.
    const std::size_t low = leaf + 1 < m_leaves.size() ? leaf : leaf - 1;
    std::vector<Slot> &first = m_leaves[low].sorted, &second = m_leaves[low + 1].sorted;
    if (first.size() + second.size() > kLeafMax)
        return;
    first.insert(first.end(), second.begin(), second.end());
    m_leaves.erase(m_leaves.begin() + std::ptrdiff_t(low) + 1);
    m_firsts.erase(m_firsts.begin() + std::ptrdiff_t(low) + 1);
}

Value PropertyIndex::insert(const Value &value, quint64 sequence)
{
    if (value.isNull())
        return {};
    const quint64 hash = indexHash(value);
    if (const quint32 found = lookup(value, hash); found != kNone) {
        Item &item = m_items[found];
        if (item.postings.insert(sequence))
            ++m_indexed;
        return item.key;
    }
    const quint32 id = newItem(value);
    m_items[id].postings.insert(sequence);
    ++m_indexed;
    m_hash.insert(std::size_t(hash), slotOf(hash, id), slotHash);
    const quint64 sortKey = indexSortKey(value);
    if (m_leaves.empty()) {
        Leaf &leaf = m_leaves.emplace_back();
        leaf.sorted.reserve(kLeafMax + 1);
        leaf.sorted.push_back({sortKey, id});
        m_firsts.push_back(sortKey);
        return m_items[id].key;
    }
    const std::size_t order = leafFor(value, sortKey);
    Leaf &leaf = m_leaves[order];
    const std::size_t at = boundIn(leaf, value, sortKey, false);
    const bool appending = at == leaf.sorted.size() && order + 1 == m_leaves.size();
    leaf.sorted.insert(leaf.sorted.begin() + std::ptrdiff_t(at), Slot{sortKey, id});
    m_firsts[order] = leaf.sorted.front().sortKey;
    if (leaf.sorted.size() > kLeafMax)
        split(order, appending);
    return m_items[id].key;
}

void PropertyIndex::erase(const Value &value, quint64 sequence)
{
    if (value.isNull())
        return;
    const quint64 hash = indexHash(value);
    const quint32 id = lookup(value, hash);
    if (id == kNone)
        return;
    Item &item = m_items[id];
    if (item.postings.erase(sequence))
        --m_indexed;
    if (!item.postings.empty())
        return;
    // The value's last entry went: out of the hash, its leaf and the items.
    const quint64 mine = slotOf(hash, id);
    if (quint64 *slot = m_hash.find(std::size_t(hash), [&](quint64 s) { return s == mine; }))
        m_hash.erase(slot, slotHash);
    const std::size_t order = leafFor(value, indexSortKey(value));
    std::vector<Slot> &sorted = m_leaves[order].sorted;
    sorted.erase(std::find_if(sorted.begin(), sorted.end(), [id](const Slot &s) { return s.item == id; }));
    item = Item{};
    m_freeItems.push_back(id);
    if (sorted.empty()) {
        m_leaves.erase(m_leaves.begin() + std::ptrdiff_t(order));
        m_firsts.erase(m_firsts.begin() + std::ptrdiff_t(order));
        return;
    }
    m_firsts[order] = sorted.front().sortKey;
    mergeIfSmall(order);
}

void PropertyIndex::clear()
{
    m_items.clear();
    m_freeItems.clear();
    m_freeItems.shrink_to_fit();
    m_leaves.clear();
    m_leaves.shrink_to_fit();
    m_firsts.clear();
    m_firsts.shrink_to_fit();
    m_hash.clear();
    m_indexed = 0;
}

qint64 PropertyIndex::countRange(const RangeBound &low, const RangeBound &high, qint64 cap) const
{
    if (low.value.isNull() && high.value.isNull())
        return m_indexed;
    qint64 n = 0;
    walk(low, high, false, [&](const Value &, const Postings &postings) {
        n += qint64(postings.size());
        return n <= cap;
    });
    return n;
}

QString PropertyIndex::verify() const
{
    qint64 postings = 0;
    std::size_t values = 0;
    const Value *previous = nullptr;
    std::vector<bool> seen(m_items.size());
    if (m_firsts.size() != m_leaves.size())
        return QStringLiteral("%1 first keys for %2 leaves").arg(m_firsts.size()).arg(m_leaves.size());
    for (std::size_t order = 0; order < m_leaves.size(); ++order) {
        const Leaf &leaf = m_leaves[order];
        if (leaf.sorted.empty())
            return QStringLiteral("leaf %1 is empty").arg(order);
        if (m_firsts[order] != leaf.sorted.front().sortKey)
            return QStringLiteral("leaf %1: the first key above it is not its first value's").arg(order);
        for (const Slot &slot : leaf.sorted) {
            if (slot.item >= m_items.size() || seen[slot.item])
                return QStringLiteral("leaf %1 names item %2 %3")
                    .arg(order).arg(slot.item)
                    .arg(slot.item >= m_items.size() ? QStringLiteral("that does not exist") : QStringLiteral("twice"));
            seen[slot.item] = true;
            const Item &item = m_items[slot.item];
            if (slot.sortKey != indexSortKey(item.key))
                return QStringLiteral("value %1 is filed under another sort key").arg(item.key.display());
            if (previous && !less(*previous, item.key))
                return QStringLiteral("values out of order: %1 before %2").arg(previous->display(), item.key.display());
            if (item.postings.empty())
                return QStringLiteral("value %1 has no entries").arg(item.key.display());
            if (lookup(item.key, indexHash(item.key)) != slot.item)
                return QStringLiteral("the hash does not find value %1").arg(item.key.display());
            postings += item.postings.size();
            ++values;
            previous = &item.key;
        }
    }
    if (values != m_hash.size())
        return QStringLiteral("the hash holds %1 values, the leaves %2").arg(m_hash.size()).arg(values);
    if (values + m_freeItems.size() != m_items.size())
        return QStringLiteral("%1 items, %2 in the leaves and %3 free").arg(m_items.size()).arg(values).arg(m_freeItems.size());
    for (const quint32 id : m_freeItems)
        if (id >= m_items.size() || seen[id] || !m_items[id].key.isNull())
            return QStringLiteral("item %1 is free and in use").arg(id);
    if (postings != m_indexed)
        return QStringLiteral("%1 postings counted as %2").arg(postings).arg(m_indexed);
    return {};
}

} // namespace partlab
