#pragma once

#include "computation.h"

#include <QtGlobal>

#include <string>
#include <string_view>
#include <vector>

namespace partlab {

/** A fast 64-bit hash of a key's bytes (8-byte steps, multiply-xorshift mixing). */
quint64 hashKey(std::string_view key);

/**
 * key -> KeyState for one partition: open addressing with linear probing over a power-of-two
 * slot array. Each slot holds 32 bits of the key's hash and the index of its entry, so a probe
 * rejects other keys without touching their bytes; entries (key, state) live densely in insertion
 * order, which makes iteration and moving them to another partition cheap.
 *
 * Single-threaded: the partition's owner is its only user while the runtime runs.
 */
class KeyStateTable
{
public:
    struct Entry
    {
        std::string key;
        KeyState state;
        quint64 hash = 0;
    };

    /** The state of @p key, or nullptr. @p hash must be hashKey(key). */
    KeyState *find(std::string_view key, quint64 hash)
    {
        if (m_slots.empty())
            return nullptr;
        const quint32 tag = quint32(hash >> 32);
        for (std::size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            const Slot s = m_slots[i];
            if (s.index == 0)
                return nullptr;
            if (s.tag == tag) {
                Entry &e = m_entries[s.index - 1];
                if (e.key.size() == key.size() && std::char_traits<char>::compare(e.key.data(), key.data(), key.size()) == 0)
                    return &e.state;
            }
        }
    }

    /**
     * Asks the memory system for what find(key, @p hash) will read: the slot, and, when the slot
     * is already at hand (prefetched earlier), the entry it points to. Batches call it a few
     * items ahead, so lookups in tables larger than the cache overlap instead of waiting in turn.
     */
    void prefetch(quint64 hash, bool entryToo) const
    {
        if (m_slots.empty())
            return;
        const Slot *slot = &m_slots[hash & m_mask];
        if (!entryToo) {
            __builtin_prefetch(slot);
            return;
        }
        if (slot->index != 0)
            __builtin_prefetch(&m_entries[slot->index - 1]);
    }

    /** Adds @p key (which must not be present) with an empty state. */
    KeyState &insert(std::string_view key, quint64 hash);
    /** Adds a whole entry (moving it from another table). */
    void insert(Entry &&entry);

    std::size_t size() const { return m_entries.size(); }
    bool empty() const { return m_entries.empty(); }
    const std::vector<Entry> &entries() const { return m_entries; }
    /** Hands all entries over and leaves the table empty. */
    std::vector<Entry> takeEntries();

private:
    struct Slot
    {
        quint32 tag = 0;
        quint32 index = 0; ///< entry index + 1; 0 = empty
    };

    void place(quint64 hash, quint32 index);
    void grow();

    std::vector<Slot> m_slots;
    std::vector<Entry> m_entries;
    std::size_t m_mask = 0;
};

} // namespace partlab
