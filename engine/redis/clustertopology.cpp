#include "clustertopology.h"

#include "redisconnection.h"

#include <algorithm>
#include <map>

namespace partlab {

int ClusterMaster::slotCount() const
{
    int n = 0;
    for (const auto &[first, last] : ranges)
        n += last - first + 1;
    return n;
}

namespace {

RedisAddress nodeAddress(const RedisReply &node, const RedisAddress &fallback)
{
    RedisAddress a;
    if (node.elements.size() >= 2) {
        a.host = node.elements[0].text;
        a.port = int(node.elements[1].integer);
    }
    if (a.host.empty() || a.host == "?")
        a.host = fallback.host;
    return a;
}

} // namespace

bool ClusterTopology::fetch(RedisConnection &connection, QString *error)
{
    const RedisReply reply = connection.command({"CLUSTER", "SLOTS"});
    if (reply.type == RedisReply::Type::None) {
        *error = connection.errorString();
        return false;
    }
    if (reply.isError()) {
        *error = QStringLiteral("%1: CLUSTER SLOTS failed: %2 (is it a cluster node?)")
                     .arg(connection.address().toString(), reply.qtext());
        return false;
    }
    std::map<RedisAddress, ClusterMaster> byAddress;
    for (const RedisReply &range : reply.elements) {
        if (range.elements.size() < 3 || range.elements[2].elements.size() < 2)
            continue;
        const RedisAddress master = nodeAddress(range.elements[2], connection.address());
        ClusterMaster &m = byAddress[master];
        m.address = master;
        if (range.elements[2].elements.size() >= 3)
            m.id = range.elements[2].elements[2].text;
        m.ranges.emplace_back(int(range.elements[0].integer), int(range.elements[1].integer));
        for (std::size_t r = 3; r < range.elements.size(); ++r) {
            const RedisAddress replica = nodeAddress(range.elements[r], connection.address());
            if (std::find(m.replicas.begin(), m.replicas.end(), replica) == m.replicas.end())
                m.replicas.push_back(replica);
        }
    }
    m_masters.clear();
    for (auto &[address, master] : byAddress) {
        std::sort(master.ranges.begin(), master.ranges.end());
        m_masters.push_back(std::move(master));
    }
    std::sort(m_masters.begin(), m_masters.end(),
              [](const ClusterMaster &a, const ClusterMaster &b) { return a.ranges.front() < b.ranges.front(); });
    m_owner.fill(kNoOwner);
    for (std::size_t i = 0; i < m_masters.size(); ++i) {
        for (const auto &[first, last] : m_masters[i].ranges) {
            for (int s = std::max(first, 0); s <= last && s < kSlots; ++s)
                m_owner[std::size_t(s)] = int(i);
        }
    }
    if (m_masters.empty()) {
        *error = QStringLiteral("%1: the cluster serves no slot yet (run redis-cli --cluster create)")
                     .arg(connection.address().toString());
        return false;
    }
    return true;
}

bool ClusterTopology::fetch(const RedisAddress &seed, QString *error)
{
    auto connection = RedisConnection::connect(seed, error);
    return connection && fetch(*connection, error);
}

int ClusterTopology::indexOf(const RedisAddress &address) const
{
    for (std::size_t i = 0; i < m_masters.size(); ++i) {
        if (m_masters[i].address == address)
            return int(i);
    }
    return -1;
}

int ClusterTopology::uncoveredSlots() const
{
    return int(std::count(m_owner.begin(), m_owner.end(), kNoOwner));
}

QString formatSlotRanges(const std::vector<std::pair<int, int>> &ranges)
{
    QStringList parts;
    for (const auto &[first, last] : ranges)
        parts << (first == last ? QString::number(first) : QStringLiteral("%1-%2").arg(first).arg(last));
    return parts.join(QLatin1Char(','));
}

} // namespace partlab
