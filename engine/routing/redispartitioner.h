#pragma once

#include "partitioner.h"

#include <vector>

namespace partlab {

/**
 * Redis Cluster: slot = crc16(hash tag or key) & 0x3FFF, and N master nodes own contiguous slot
 * ranges exactly as `redis-cli --cluster create` deals them out (3 nodes: 0-5460, 5461-10922,
 * 10923-16383). Integer keys are routed as their decimal text, which is what a client sends.
 */
class RedisPartitioner final : public Partitioner
{
public:
    static constexpr int kSlots = 16384;

    explicit RedisPartitioner(const PartitionerOptions &options);

    QString name() const override { return QStringLiteral("redis"); }
    int partition(const RoutingKey &key) const override;
    RouteExplanation explain(const RoutingKey &key) const override;
    QString stepName() const override { return QStringLiteral("slot"); }
    PartitionLayout layout() const override;
    QString unitName() const override { return QStringLiteral("slot"); }
    qint64 unitCount() const override { return kSlots; }
    int ownerOfUnit(qint64 unit) const override { return m_owner[std::size_t(unit)]; }
    int maxPartitions() const override { return kSlots; }

    /** The slot Redis computes for @p key (CLUSTER KEYSLOT). */
    static int slot(const RoutingKey &key);

    /**
     * First and last slot of each of @p nodes masters, as redis-cli's cluster creation assigns
     * them: with s = 16384 / nodes (a real number) node i ends at lround(i * s + s - 1), the last
     * node ends at 16383, and each range starts after the previous one. (redis-cli asks for at
     * least 3 masters; the same rule is used for 1 and 2.)
     */
    static std::vector<std::pair<int, int>> slotRanges(int nodes);

private:
    std::vector<quint16> m_owner; ///< node owning each slot
};

} // namespace partlab
