#include "hotkeytracker.h"

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
    const double fair = 1.0 / double(n); // the load share of an average partition
    const QString key = QString::fromStdString(hottest->key);
    if (hottest->totalShare > fair) {
        r.advice << QStringLiteral("Key '%1' alone carries %2% of all messages, more than an average partition's %3%: more partitions "
                                   "won't help, because one key is always applied on one partition.")
                        .arg(key).arg(100.0 * hottest->totalShare, 0, 'f', 1).arg(100.0 * fair, 0, 'f', 1);
        r.advice << QStringLiteral("Salt the key: route '%1#0' .. '%1#k' to k partitions and merge their partial states "
                                   "(works for count, sum, min, max; vwap keeps sum(price*volume) and sum(volume)).")
                        .arg(key);
        r.advice << QStringLiteral("Or route by a property with more distinct values, if the computation allows it.");
    } else if (hottest->partitionShare > 0.5) {
        r.advice << QStringLiteral("Key '%1' gives %2% of partition %3's load; the other keys of that partition wait behind it. "
                                   "A partitioner or partition count that puts fewer keys next to it spreads the rest.")
                        .arg(key).arg(100.0 * hottest->partitionShare, 0, 'f', 1).arg(hottest->partition);
    } else {
        r.advice << QStringLiteral("No single key dominates: the hottest, '%1', gives %2% of all messages. Uneven partitions come from "
                                   "how keys fall, so another partition count or partitioner can even them out (try partlab-cli sweep).")
                        .arg(key).arg(100.0 * hottest->totalShare, 0, 'f', 1);
    }
    return r;
}

} // namespace partlab
