#pragma once

#include "redisaddress.h"

#include <QString>

#include <QStringList>

#include <array>
#include <vector>

namespace partlab {

class RedisConnection;

/** One master of a Redis Cluster as CLUSTER SLOTS reports it. */
struct ClusterMaster
{
    RedisAddress address;
    std::string id;                          ///< the node id (40 hex digits)
    std::vector<std::pair<int, int>> ranges; ///< inclusive slot ranges, ascending
    std::vector<RedisAddress> replicas;
    int slotCount() const;
};

/**
 * The slot map of a Redis Cluster: which master serves each of the 16384 hash slots.
 *
 * Masters are numbered by the first slot they serve (the master with slot 0 is node 0), which is
 * the order Partlab's `redis` partitioner uses for the layout `redis-cli --cluster create` deals
 * out, so node i of a freshly created cluster is Partlab's partition i.
 */
class ClusterTopology
{
public:
    static constexpr int kSlots = 16384;
    static constexpr int kNoOwner = -1;

    ClusterTopology() { m_owner.fill(kNoOwner); }

    /**
     * Reads CLUSTER SLOTS through @p connection. An empty host in the reply (a node that does not
     * know its own address) is taken from the connection. Returns false with @p error on failure
     * or when the node is not in cluster mode.
     */
    bool fetch(RedisConnection &connection, QString *error);

    /** Connects to @p seed, fetch()es and disconnects. */
    bool fetch(const RedisAddress &seed, QString *error);

    const std::vector<ClusterMaster> &masters() const { return m_masters; }
    /** Index into masters() of the master serving @p slot, or kNoOwner. */
    int ownerOfSlot(int slot) const { return m_owner[std::size_t(slot)]; }
    /** Index of the master at @p address, or -1. */
    int indexOf(const RedisAddress &address) const;
    /** Slots no master serves (the cluster is not ok while there are any). */
    int uncoveredSlots() const;

private:
    std::vector<ClusterMaster> m_masters;
    std::array<int, kSlots> m_owner{};
};

/** "0-5460,5461" style text of slot ranges, as redis-cli prints them. */
QString formatSlotRanges(const std::vector<std::pair<int, int>> &ranges);

} // namespace partlab
