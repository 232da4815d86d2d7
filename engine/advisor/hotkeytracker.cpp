#include "hotkeytracker.h"

#include "hotkeyadvice.h"

namespace partlab {

HotKeyTracker::HotKeyTracker(std::unique_ptr<Partitioner> partitioner, quint32 capacity, quint32 maxKeys)
    : m_partitioner(std::move(partitioner))
    , m_keys(maxKeys)
{
    m_summaries.reserve(std::size_t(m_partitioner->partitionCount()));
    for (int p = 0; p < m_partitioner->partitionCount(); ++p)
        m_summaries.emplace_back(capacity);
}

bool HotKeyTracker::add(std::string_view key, quint64 weight)
{
    const std::optional<quint32> id = m_keys.intern(key);
    if (!id)
        return false;
    if (*id == m_route.size())
        m_route.push_back(m_partitioner->partition(RoutingKey::text(key)));
    m_summaries[std::size_t(m_route[*id])].add(*id, weight);
    return true;
}

HotKeyReport HotKeyTracker::report(quint32 top) const
{
    HotKeyReport r;
    const std::size_t n = m_summaries.size();
    for (const SpaceSaving &s : m_summaries) {
        r.messages += s.total();
        r.partitionMessages.push_back(s.total());
    }
    r.partitions.resize(n);
    const HotKey *hottest = nullptr;
    for (std::size_t p = 0; p < n; ++p) {
        for (const HeavyHitter &h : m_summaries[p].top(top)) {
            HotKey k;
            k.key = std::string(m_keys.key(h.item));
            k.partition = int(p);
            k.count = h.count;
            k.guaranteed = h.count - h.error;
            k.partitionShare = r.partitionMessages[p] ? double(h.count) / double(r.partitionMessages[p]) : 0.0;
            k.totalShare = r.messages ? double(h.count) / double(r.messages) : 0.0;
            r.partitions[p].push_back(k);
        }
    }
    for (const auto &list : r.partitions) {
        if (!list.empty() && (!hottest || list.front().count > hottest->count))
            hottest = &list.front();
    }
    if (!hottest || r.messages == 0)
        return r;
    r.advice = hotKeyAdvice({hottest->key, hottest->partition, hottest->partitionShare, hottest->totalShare}, int(n));
    return r;
}

} // namespace partlab
