#include "keystatetable.h"

#include <cstring>

namespace partlab {

namespace {
inline quint64 mix(quint64 x)
{
    x ^= x >> 32;
    x *= 0xd6e8feb86659fd93ull;
    x ^= x >> 32;
    x *= 0xd6e8feb86659fd93ull;
    x ^= x >> 32;
    return x;
}
} // namespace

quint64 hashKey(std::string_view key)
{
    const char *p = key.data();
    std::size_t n = key.size();
    quint64 h = 0x9e3779b97f4a7c15ull ^ (quint64(n) * 0xff51afd7ed558ccdull);
    while (n >= 8) {
        quint64 w;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * 0xc4ceb9fe1a85ec53ull;
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    // The last 1-7 bytes without a variable-length copy (a call per key): two overlapping
    // 4-byte reads, or the first, middle and last byte (the length is mixed in above).
    if (n >= 4) {
        quint32 a, b;
        std::memcpy(&a, p, 4);
        std::memcpy(&b, p + n - 4, 4);
        h = (h ^ ((quint64(a) << 32) | b)) * 0xc4ceb9fe1a85ec53ull;
    } else if (n > 0) {
        const quint64 w = quint64(quint8(p[0])) | (quint64(quint8(p[n / 2])) << 8) | (quint64(quint8(p[n - 1])) << 16);
        h = (h ^ w) * 0xc4ceb9fe1a85ec53ull;
    }
    return mix(h);
}

void KeyStateTable::place(quint64 hash, quint32 index)
{
    for (std::size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
        if (m_slots[i].index == 0) {
            m_slots[i] = {quint32(hash >> 32), index};
            return;
        }
    }
}

void KeyStateTable::grow()
{
    // Keep the load factor at or below 1/2: short probe sequences.
    const std::size_t capacity = m_slots.empty() ? 16 : m_slots.size() * 2;
    m_slots.assign(capacity, Slot{});
    m_mask = capacity - 1;
    for (std::size_t i = 0; i < m_entries.size(); ++i)
        place(m_entries[i].hash, quint32(i + 1));
}

KeyState &KeyStateTable::insert(std::string_view key, quint64 hash)
{
    insert(Entry{std::string(key), KeyState{}, hash});
    return m_entries.back().state;
}

void KeyStateTable::insert(Entry &&entry)
{
    Q_ASSERT(!find(entry.key, entry.hash)); // a key is in the table once: a second copy would split its state
    if ((m_entries.size() + 1) * 2 > m_slots.size())
        grow();
    m_entries.push_back(std::move(entry));
    place(m_entries.back().hash, quint32(m_entries.size()));
}

std::vector<KeyStateTable::Entry> KeyStateTable::takeEntries()
{
    std::vector<Entry> out;
    out.swap(m_entries);
    m_slots.clear();
    m_mask = 0;
    return out;
}

} // namespace partlab
