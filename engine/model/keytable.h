#pragma once

#include "limits.h"

#include <QtGlobal>

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace partlab {

/**
 * Interns partition keys: every distinct key string gets a dense 32-bit id, so the hot path
 * moves and compares integers instead of strings.
 *
 * intern() belongs to one thread (the producer). key() may be called from any thread for ids
 * below size(): keys live in fixed-size chunks that never move, and size() is published with
 * release/acquire, so a reader never sees a half-written key.
 */
class KeyTable
{
public:
    static constexpr quint32 kDefaultMaxKeys = limits::kDefaultMaxKeys;

    explicit KeyTable(quint32 maxKeys = kDefaultMaxKeys);
    ~KeyTable();
    KeyTable(const KeyTable &) = delete;
    KeyTable &operator=(const KeyTable &) = delete;

    /** Id of @p key, adding it if new; nullopt when the table already holds maxKeys() keys. */
    std::optional<quint32> intern(std::string_view key);

    /** Id of @p key if it was interned before. Producer thread only. */
    std::optional<quint32> find(std::string_view key) const;

    /** Number of keys published so far (any thread). */
    quint32 size() const { return m_size.load(std::memory_order_acquire); }

    /** The key with id @p id < size() (any thread). */
    std::string_view key(quint32 id) const;

    quint32 maxKeys() const { return m_maxKeys; }

private:
    static constexpr int kChunkBits = 14;
    static constexpr quint32 kChunkSize = 1u << kChunkBits;

    struct Chunk
    {
        std::string keys[kChunkSize];
    };

    quint32 m_maxKeys;
    quint32 m_chunkCount;
    std::unique_ptr<std::atomic<Chunk *>[]> m_chunks;
    std::atomic<quint32> m_size{0};
    std::unordered_map<std::string_view, quint32> m_index; // views point into the chunks
};

} // namespace partlab
