#include "propertyindex.h"

#include "routing/murmurhash.h"

#include <algorithm>

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

std::size_t PropertyIndex::leafFor(const Value &value) const
{
    // The last leaf whose first value is <= value (the first leaf for values below all of them).
    const auto it = std::upper_bound(m_first.begin(), m_first.end(), value, less);
    return it == m_first.begin() ? 0 : std::size_t(it - m_first.begin()) - 1;
}

PropertyIndex::Position PropertyIndex::bound(const Value &value, bool strict) const
{
    if (m_order.empty())
        return {};
    const std::size_t order = leafFor(value);
    const Leaf &leaf = leafAt(order);
    const auto it = strict ? std::upper_bound(leaf.begin(), leaf.end(), value, [](const Value &v, const Item &i) { return less(v, i.key); })
                           : std::lower_bound(leaf.begin(), leaf.end(), value, [](const Item &i, const Value &v) { return less(i.key, v); });
    if (it == leaf.end())
        return {order + 1, 0};
    return {order, std::size_t(it - leaf.begin())};
}

const PropertyIndex::Item *PropertyIndex::lookup(const Value &value, quint64 hash) const
{
    const Item *found = nullptr;
    const quint32 tag = quint32(hash);
    m_hash.find(std::size_t(hash), [&](quint64 slot) {
        if (quint32(slot >> 32) != tag)
            return false;
        const Leaf &leaf = *m_leaves[leafIdOf(slot)];
        const auto it = std::lower_bound(leaf.begin(), leaf.end(), value, [](const Item &i, const Value &v) { return less(i.key, v); });
        if (it == leaf.end() || Value::compare(it->key, value) != 0)
            return false; // another value with the same 32 bits of hash
        found = &*it;
        return true;
    });
    return found;
}

const PropertyIndex::Postings *PropertyIndex::equal(const Value &value) const
{
    if (value.isNull())
        return nullptr;
    const Item *item = lookup(value, indexHash(value));
    return item ? &item->postings : nullptr;
}

const Value *PropertyIndex::key(const Value &value) const
{
    if (value.isNull())
        return nullptr;
    const Item *item = lookup(value, indexHash(value));
    return item ? &item->key : nullptr;
}

quint32 PropertyIndex::newLeaf()
{
    if (!m_freeLeaves.empty()) {
        const quint32 id = m_freeLeaves.back();
        m_freeLeaves.pop_back();
        m_leaves[id] = std::make_unique<Leaf>();
        return id;
    }
    m_leaves.push_back(std::make_unique<Leaf>());
    return quint32(m_leaves.size() - 1);
}

void PropertyIndex::dropLeaf(std::size_t order)
{
    const quint32 id = m_order[order];
    m_leaves[id].reset();
    m_freeLeaves.push_back(id);
    m_order.erase(m_order.begin() + std::ptrdiff_t(order));
    m_first.removeAt(qsizetype(order));
}

void PropertyIndex::moveSlot(const Value &key, quint32 from, quint32 to)
{
    const quint64 hash = indexHash(key);
    const quint64 old = slotOf(hash, from);
    if (quint64 *slot = m_hash.find(std::size_t(hash), [&](quint64 s) { return s == old; }))
        *slot = slotOf(hash, to);
}

void PropertyIndex::split(std::size_t order, bool appending)
{
    const quint32 fromId = m_order[order];
    const quint32 toId = newLeaf();
    Leaf &from = *m_leaves[fromId];
    Leaf &to = *m_leaves[toId];
    // Values written in ascending order (ids, times) fill leaves to the brim: move only the last.
    const qsizetype keep = appending ? from.size() - 1 : from.size() / 2;
    to.reserve(kLeafMax + 1);
    for (qsizetype i = keep; i < from.size(); ++i) {
        moveSlot(from[i].key, fromId, toId);
        to.push_back(std::move(from[i]));
    }
    from.erase(from.begin() + keep, from.end());
    m_order.insert(m_order.begin() + std::ptrdiff_t(order) + 1, toId);
    m_first.insert(qsizetype(order) + 1, to.front().key);
}

void PropertyIndex::mergeIfSmall(std::size_t order)
{
    Leaf &leaf = leafAt(order);
    if (leaf.size() >= kLeafMerge || m_order.size() < 2)
        return;
    // Into the next leaf if there is one, else into the previous.
    const std::size_t into = order + 1 < m_order.size() ? order + 1 : order - 1;
    Leaf &other = leafAt(into);
    if (other.size() + leaf.size() > kLeafMax)
        return;
    const quint32 fromId = m_order[order], toId = m_order[into];
    for (Item &item : leaf)
        moveSlot(item.key, fromId, toId);
    if (into > order) {
        Leaf merged;
        merged.reserve(kLeafMax + 1);
        for (Item &item : leaf)
            merged.push_back(std::move(item));
        for (Item &item : other)
            merged.push_back(std::move(item));
        other = std::move(merged);
        m_first[qsizetype(into)] = other.front().key;
    } else {
        for (Item &item : leaf)
            other.push_back(std::move(item));
    }
    leaf.clear();
    dropLeaf(order);
}

Value PropertyIndex::insert(const Value &value, quint64 sequence)
{
    if (value.isNull())
        return {};
    const quint64 hash = indexHash(value);
    if (const Item *item = lookup(value, hash)) {
        if (const_cast<Item *>(item)->postings.insert(sequence))
            ++m_indexed;
        return item->key;
    }
    if (m_order.empty()) {
        const quint32 id = newLeaf();
        m_leaves[id]->reserve(kLeafMax + 1);
        m_order.push_back(id);
        m_first.push_back(value);
    }
    const std::size_t order = leafFor(value);
    Leaf &leaf = leafAt(order);
    const auto at = std::lower_bound(leaf.begin(), leaf.end(), value, [](const Item &i, const Value &v) { return less(i.key, v); });
    const bool front = at == leaf.begin();
    const bool appending = at == leaf.end() && order + 1 == m_order.size();
    const auto placed = leaf.insert(at, Item{value, {}});
    placed->postings.insert(sequence);
    ++m_indexed;
    if (front)
        m_first[qsizetype(order)] = value;
    m_hash.insert(std::size_t(hash), slotOf(hash, m_order[order]), slotHash);
    Value stored = placed->key;
    if (leaf.size() > kLeafMax)
        split(order, appending);
    return stored;
}

void PropertyIndex::erase(const Value &value, quint64 sequence)
{
    if (value.isNull())
        return;
    const quint64 hash = indexHash(value);
    const Item *found = lookup(value, hash);
    if (!found)
        return;
    Item *item = const_cast<Item *>(found);
    if (item->postings.erase(sequence))
        --m_indexed;
    if (!item->postings.empty())
        return;
    const std::size_t order = leafFor(value);
    Leaf &leaf = leafAt(order);
    const quint32 id = m_order[order];
    const quint64 mine = slotOf(hash, id);
    if (quint64 *slot = m_hash.find(std::size_t(hash), [&](quint64 s) { return s == mine; }))
        m_hash.erase(slot, slotHash);
    const auto at = leaf.begin() + (item - leaf.data());
    const bool front = at == leaf.begin();
    leaf.erase(at);
    if (leaf.empty()) {
        dropLeaf(order);
        return;
    }
    if (front)
        m_first[qsizetype(order)] = leaf.front().key;
    mergeIfSmall(order);
}

void PropertyIndex::clear()
{
    m_leaves.clear();
    m_freeLeaves.clear();
    m_order.clear();
    m_first.clear();
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
    for (std::size_t order = 0; order < m_order.size(); ++order) {
        const Leaf &leaf = leafAt(order);
        if (leaf.empty())
            return QStringLiteral("leaf %1 is empty").arg(order);
        if (Value::compare(m_first[order], leaf.front().key) != 0)
            return QStringLiteral("leaf %1 starts at %2, the list above says %3").arg(order).arg(leaf.front().key.display(), m_first[order].display());
        for (const Item &item : leaf) {
            if (previous && !less(*previous, item.key))
                return QStringLiteral("values out of order: %1 before %2").arg(previous->display(), item.key.display());
            if (item.postings.empty())
                return QStringLiteral("value %1 has no entries").arg(item.key.display());
            if (lookup(item.key, indexHash(item.key)) != &item)
                return QStringLiteral("the hash does not find value %1").arg(item.key.display());
            postings += item.postings.size();
            ++values;
            previous = &item.key;
        }
    }
    if (values != m_hash.size())
        return QStringLiteral("the hash holds %1 values, the leaves %2").arg(m_hash.size()).arg(values);
    if (postings != m_indexed)
        return QStringLiteral("%1 postings counted as %2").arg(postings).arg(m_indexed);
    return {};
}

} // namespace partlab
