#pragma once

#include <QtGlobal>

#include <cstddef>
#include <type_traits>
#include <vector>

namespace partlab {

/**
 * An open-addressing hash table of 64-bit slots (0: empty) with linear probing, for the space's
 * indexes. It stores no keys: a slot packs a few bits of its key's hash with what it points at (a
 * sequence number, a leaf of an ordered index), and the owner tells whether a slot holds a key
 * (@p match) and what hash a slot's key has (@p hashOf, for growing and for deletions). Eight
 * bytes per slot, at most three quarters full: about 11-21 bytes per key.
 *
 * With a @p Payload (a pointer), each slot has one more word beside it, in an array of its own
 * at the same position: a probe knows both addresses from the hash alone, so the two loads go
 * out together, and the payload moves with its slot.
 */
template<typename Payload = void>
class SlotTableOf
{
    static constexpr bool kPayload = !std::is_void_v<Payload>;
    using PayloadSlot = std::conditional_t<kPayload, Payload, char>;

public:
    std::size_t size() const { return m_count; }
    std::size_t capacity() const { return m_slots.size(); }
    std::size_t bytes() const { return m_slots.capacity() * sizeof(quint64) + m_payloads.capacity() * sizeof(PayloadSlot); }

    /** The first slot for @p hash that @p match(slot) accepts, or nullptr. */
    template<typename Match>
    quint64 *find(std::size_t hash, Match match)
    {
        if (m_slots.empty())
            return nullptr;
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
            if constexpr (kPayload)
                __builtin_prefetch(&m_payloads[at]); // beside the slot's load, not after it
            quint64 &slot = m_slots[at];
            if (slot == 0)
                return nullptr;
            if (match(slot))
                return &slot;
        }
    }
    template<typename Match>
    const quint64 *find(std::size_t hash, Match match) const
    {
        return const_cast<SlotTableOf *>(this)->find(hash, match);
    }

    /** Starts loading the slot where a probe for @p hash begins (a hint: nothing changes). */
    void prefetch(std::size_t hash) const
    {
        if (m_slots.empty())
            return;
        __builtin_prefetch(&m_slots[hash & (m_slots.size() - 1)]);
        if constexpr (kPayload)
            __builtin_prefetch(&m_payloads[hash & (m_slots.size() - 1)]);
    }

    /** The payload beside the slot at @p at (from find()). */
    PayloadSlot &payload(const quint64 *at)
    {
        static_assert(kPayload, "a table without payloads");
        return m_payloads[std::size_t(at - m_slots.data())];
    }
    const PayloadSlot &payload(const quint64 *at) const { return const_cast<SlotTableOf *>(this)->payload(at); }

    /** Adds @p slot (not 0) for a key of @p hash; @p hashOf(slot) gives any stored slot's key hash. */
    template<typename HashOf>
    void insert(std::size_t hash, quint64 slot, HashOf hashOf, PayloadSlot payload = PayloadSlot())
    {
        if ((m_count + 1) * 4 > m_slots.size() * 3)
            grow(hashOf);
        place(hash, slot, payload);
        ++m_count;
    }

    /** Removes the slot at @p at (from find()), moving later slots of the same run back. */
    template<typename HashOf>
    void erase(quint64 *at, HashOf hashOf)
    {
        const std::size_t mask = m_slots.size() - 1;
        std::size_t hole = std::size_t(at - m_slots.data());
        for (std::size_t next = (hole + 1) & mask; m_slots[next] != 0; next = (next + 1) & mask) {
            const std::size_t home = hashOf(m_slots[next]) & mask;
            // The slot at next may move into the hole if its home is not in (hole, next].
            const bool between = hole < next ? (home > hole && home <= next) : (home > hole || home <= next);
            if (!between) {
                m_slots[hole] = m_slots[next];
                if constexpr (kPayload)
                    m_payloads[hole] = m_payloads[next];
                hole = next;
            }
        }
        m_slots[hole] = 0;
        if constexpr (kPayload)
            m_payloads[hole] = PayloadSlot();
        --m_count;
    }

    void clear()
    {
        m_slots.clear();
        m_slots.shrink_to_fit();
        m_payloads.clear();
        m_payloads.shrink_to_fit();
        m_count = 0;
    }

    /** Every stored slot, in table order. */
    template<typename Visit>
    void forEach(Visit visit) const
    {
        for (quint64 slot : m_slots)
            if (slot != 0)
                visit(slot);
    }

private:
    void place(std::size_t hash, quint64 slot, PayloadSlot payload)
    {
        const std::size_t mask = m_slots.size() - 1;
        std::size_t at = hash & mask;
        while (m_slots[at] != 0)
            at = (at + 1) & mask;
        m_slots[at] = slot;
        if constexpr (kPayload)
            m_payloads[at] = payload;
    }
    template<typename HashOf>
    void grow(HashOf hashOf)
    {
        std::vector<quint64> old;
        old.swap(m_slots);
        std::vector<PayloadSlot> oldPayloads;
        oldPayloads.swap(m_payloads);
        m_slots.assign(old.empty() ? 16 : old.size() * 2, 0);
        if constexpr (kPayload)
            m_payloads.assign(m_slots.size(), PayloadSlot());
        for (std::size_t i = 0; i < old.size(); ++i)
            if (old[i] != 0)
                place(hashOf(old[i]), old[i], kPayload ? oldPayloads[i] : PayloadSlot());
    }

    std::vector<quint64> m_slots;
    std::vector<PayloadSlot> m_payloads; ///< beside m_slots, position for position (empty without a Payload)
    std::size_t m_count = 0;
};

/** The table without payloads: the property indexes' hashes. */
using SlotTable = SlotTableOf<>;

} // namespace partlab
