#include "spacesaving.h"

#include <algorithm>

namespace partlab {

SpaceSaving::SpaceSaving(quint32 capacity)
    : m_capacity(qMax<quint32>(1, capacity))
{
    // Nothing is reserved: the counters grow with the keys actually seen. hotkeys makes one summary
    // per partition, and reserving the capacity up front (65536 partitions x 1 000 000 counters)
    // asked for terabytes before the first message.
}

void SpaceSaving::swapSlots(std::size_t a, std::size_t b)
{
    std::swap(m_heap[a], m_heap[b]);
    m_position[m_heap[a].item] = a;
    m_position[m_heap[b].item] = b;
}

void SpaceSaving::siftUp(std::size_t i)
{
    while (i > 0) {
        const std::size_t parent = (i - 1) / 2;
        if (m_heap[parent].count <= m_heap[i].count)
            break;
        swapSlots(parent, i);
        i = parent;
    }
}

void SpaceSaving::siftDown(std::size_t i)
{
    const std::size_t n = m_heap.size();
    for (;;) {
        std::size_t smallest = i;
        const std::size_t l = 2 * i + 1, r = l + 1;
        if (l < n && m_heap[l].count < m_heap[smallest].count)
            smallest = l;
        if (r < n && m_heap[r].count < m_heap[smallest].count)
            smallest = r;
        if (smallest == i)
            return;
        swapSlots(i, smallest);
        i = smallest;
    }
}

void SpaceSaving::add(quint32 item, quint64 weight)
{
    m_total += weight;
    const auto it = m_position.find(item);
    if (it != m_position.end()) {
        m_heap[it->second].count += weight;
        siftDown(it->second); // counts only grow: the item can only move away from the root
        return;
    }
    if (m_heap.size() < m_capacity) {
        m_heap.push_back({item, weight, 0});
        m_position[item] = m_heap.size() - 1;
        siftUp(m_heap.size() - 1);
        return;
    }
    // Full: the new item replaces the smallest counter and inherits its count as error.
    HeavyHitter &root = m_heap[0];
    m_position.erase(root.item);
    root.error = root.count;
    root.count += weight;
    root.item = item;
    m_position[item] = 0;
    siftDown(0);
}

std::vector<HeavyHitter> SpaceSaving::top(quint32 k) const
{
    std::vector<HeavyHitter> sorted = m_heap;
    std::sort(sorted.begin(), sorted.end(), [](const HeavyHitter &a, const HeavyHitter &b) {
        return a.count != b.count ? a.count > b.count : a.item < b.item;
    });
    if (sorted.size() > k)
        sorted.resize(k);
    return sorted;
}

} // namespace partlab
