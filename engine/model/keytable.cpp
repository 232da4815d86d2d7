#include "keytable.h"

namespace partlab {

KeyTable::KeyTable(quint32 maxKeys)
    : m_maxKeys(maxKeys)
    , m_chunkCount((maxKeys + kChunkSize - 1) / kChunkSize)
    , m_chunks(new std::atomic<Chunk *>[m_chunkCount])
{
    for (quint32 i = 0; i < m_chunkCount; ++i)
        m_chunks[i].store(nullptr, std::memory_order_relaxed);
}

KeyTable::~KeyTable()
{
    for (quint32 i = 0; i < m_chunkCount; ++i)
        delete m_chunks[i].load(std::memory_order_relaxed);
}

std::optional<quint32> KeyTable::find(std::string_view key) const
{
    const auto it = m_index.find(key);
    if (it == m_index.end())
        return std::nullopt;
    return it->second;
}

std::optional<quint32> KeyTable::intern(std::string_view key)
{
    if (const auto it = m_index.find(key); it != m_index.end())
        return it->second;
    const quint32 id = m_size.load(std::memory_order_relaxed);
    if (id >= m_maxKeys)
        return std::nullopt;
    const quint32 chunkIndex = id >> kChunkBits;
    Chunk *chunk = m_chunks[chunkIndex].load(std::memory_order_relaxed);
    if (!chunk) {
        chunk = new Chunk;
        m_chunks[chunkIndex].store(chunk, std::memory_order_release);
    }
    std::string &slot = chunk->keys[id & (kChunkSize - 1)];
    slot.assign(key);
    m_index.emplace(std::string_view(slot), id);
    // Publish: a reader that sees the new size also sees the chunk pointer and the key bytes.
    m_size.store(id + 1, std::memory_order_release);
    return id;
}

std::string_view KeyTable::key(quint32 id) const
{
    const Chunk *chunk = m_chunks[id >> kChunkBits].load(std::memory_order_acquire);
    return chunk->keys[id & (kChunkSize - 1)];
}

} // namespace partlab
