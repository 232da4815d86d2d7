#include "clusterinspection.h"

#include "redisconnection.h"
#include "routing/redispartitioner.h"

#include <string>

namespace partlab {

bool ClusterInspection::layoutMatches() const
{
    for (const InspectedNode &n : nodes) {
        if (!n.matchesPartlab)
            return false;
    }
    return !nodes.empty() && uncoveredSlots == 0;
}

bool inspectCluster(const RedisAddress &seed, ClusterInspection &out, QString *error)
{
    ClusterTopology topology;
    if (!topology.fetch(seed, error))
        return false;
    out.seed = seed;
    out.uncoveredSlots = topology.uncoveredSlots();
    out.nodes.clear();
    const auto partlab = RedisPartitioner::slotRanges(int(topology.masters().size()));
    for (std::size_t i = 0; i < topology.masters().size(); ++i) {
        InspectedNode n;
        n.master = topology.masters()[i];
        if (i < partlab.size())
            n.partlabRanges = {partlab[i]};
        n.matchesPartlab = n.master.ranges == n.partlabRanges;
        QString ignored;
        if (auto c = RedisConnection::connect(n.master.address, &ignored)) {
            const RedisReply size = c->command({"DBSIZE"});
            if (size.type == RedisReply::Type::Integer)
                n.keys = size.integer;
            std::string number;
            for (const auto &[first, last] : n.master.ranges) {
                for (int s = first; s <= last; ++s) {
                    number = std::to_string(s);
                    c->append({"CLUSTER", "COUNTKEYSINSLOT", number});
                }
            }
            qint64 total = 0;
            RedisReply r;
            bool ok = true;
            for (const auto &[first, last] : n.master.ranges) {
                for (int s = first; s <= last; ++s) {
                    ok = c->readReply(r) && ok;
                    total += r.type == RedisReply::Type::Integer ? r.integer : 0;
                }
            }
            if (ok)
                n.keysInSlots = total;
        }
        out.nodes.push_back(std::move(n));
    }
    return true;
}

} // namespace partlab
