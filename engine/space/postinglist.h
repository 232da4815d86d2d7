#pragma once

#include <QtGlobal>

#include <algorithm>
#include <cstring>
#include <utility>

namespace partlab {

/**
 * The entries holding one value of an index: sequence numbers in ascending (FIFO) order.
 *
 * Sixteen bytes, and a value held by one entry (an amount, a timestamp) keeps its one sequence
 * inline: no allocation. Sequences arrive in ascending order (writes append); an update or a
 * take in the middle moves the tail by one slot.
 */
class PostingList
{
public:
    PostingList() = default;
    PostingList(const PostingList &other) { *this = other; }
    PostingList &operator=(const PostingList &other)
    {
        if (this == &other)
            return *this;
        while (m_size > 0)
            erase(*begin()); // (copies are rare: a container's detach; clearing keeps this simple)
        for (quint64 sequence : other)
            insert(sequence);
        return *this;
    }
    PostingList(PostingList &&other) noexcept
        : m_size(other.m_size), m_capacity(other.m_capacity), m_one(other.m_one)
    {
        other.m_size = other.m_capacity = 0;
    }
    PostingList &operator=(PostingList &&other) noexcept
    {
        std::swap(m_size, other.m_size);
        std::swap(m_capacity, other.m_capacity);
        std::swap(m_one, other.m_one);
        return *this;
    }
    ~PostingList()
    {
        if (m_capacity)
            delete[] m_many;
    }

    const quint64 *begin() const { return m_capacity ? m_many : &m_one; }
    const quint64 *end() const { return begin() + m_size; }
    qsizetype size() const { return qsizetype(m_size); }
    bool empty() const { return m_size == 0; }
    bool contains(quint64 sequence) const { return std::binary_search(begin(), end(), sequence); }

    /** Adds @p sequence; false when it is there already. */
    bool insert(quint64 sequence)
    {
        if (m_size == 0 && m_capacity == 0) {
            m_one = sequence;
            m_size = 1;
            return true;
        }
        const quint64 *first = begin();
        const quint64 *at = (first[m_size - 1] < sequence) ? end() : std::lower_bound(first, end(), sequence);
        if (at != end() && *at == sequence)
            return false;
        const quint32 offset = quint32(at - first);
        reserve(m_size + 1);
        quint64 *data = m_capacity ? m_many : &m_one;
        std::memmove(data + offset + 1, data + offset, (m_size - offset) * sizeof(quint64));
        data[offset] = sequence;
        ++m_size;
        return true;
    }

    /** Removes @p sequence; false when it was not there. */
    bool erase(quint64 sequence)
    {
        quint64 *data = m_capacity ? m_many : &m_one;
        quint64 *at = std::lower_bound(data, data + m_size, sequence);
        if (at == data + m_size || *at != sequence)
            return false;
        std::memmove(at, at + 1, (data + m_size - at - 1) * sizeof(quint64));
        --m_size;
        if (m_capacity && m_size <= m_capacity / 4) // give memory back, keeping room to grow
            shrinkTo(std::max<quint32>(m_size * 2, 1));
        return true;
    }

private:
    void reserve(quint32 needed)
    {
        const quint32 room = m_capacity ? m_capacity : 1;
        if (needed <= room)
            return;
        shrinkTo(std::max<quint32>(needed, room < 4 ? 4 : room + room / 2));
    }
    /** Moves the sequences to storage for @p capacity (1: inline). */
    void shrinkTo(quint32 capacity)
    {
        const quint64 *old = begin();
        if (capacity <= 1) {
            const quint64 only = m_size ? old[0] : 0;
            if (m_capacity)
                delete[] m_many;
            m_capacity = 0;
            m_one = only;
            return;
        }
        quint64 *fresh = new quint64[capacity];
        std::memcpy(fresh, old, m_size * sizeof(quint64));
        if (m_capacity)
            delete[] m_many;
        m_many = fresh;
        m_capacity = capacity;
    }

    quint32 m_size = 0;
    quint32 m_capacity = 0; ///< 0: the one sequence is inline
    union {
        quint64 m_one = 0;
        quint64 *m_many;
    };
};

} // namespace partlab

// Its one pointer (or inline sequence) does not point into itself: the index leaves move it with memmove.
Q_DECLARE_TYPEINFO(partlab::PostingList, Q_RELOCATABLE_TYPE);
