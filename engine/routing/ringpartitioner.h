#pragma once

#include "partitioner.h"

#include <vector>

namespace partlab {

/**
 * A consistent-hash ring with V virtual nodes per partition (Karger et al.; Dynamo-style).
 * Tokens and key positions are signed 64-bit numbers on a ring that runs from Long.MIN_VALUE to
 * Long.MAX_VALUE, as in Cassandra. Virtual node v of partition p sits at
 * fmix64(((p << 32) | v) ^ seed ^ 0x9E3779B97F4A7C15); a key sits at
 * fmix64(key64 ^ seed ^ 0xC2B2AE3D27D4EB4F) (key64 as for jump) and belongs to the first token
 * at or after it, wrapping past the largest token to the smallest. A partition's tokens do not
 * depend on N, so growing the ring only moves keys to the new partitions.
 */
class RingPartitioner final : public Partitioner
{
public:
    explicit RingPartitioner(const PartitionerOptions &options);

    QString name() const override { return QStringLiteral("ring"); }
    int partition(const RoutingKey &key) const override;
    RouteExplanation explain(const RoutingKey &key) const override;
    PartitionLayout layout() const override;

    /** Where virtual node @p vnode of @p partition sits on the ring. */
    static qint64 token(int partition, int vnode, quint64 seed);
    /** Where a key with the 64-bit hash @p key64 sits on the ring. */
    static qint64 position(quint64 key64, quint64 seed);

private:
    int ownerOf(qint64 position) const;

    std::vector<qint64> m_tokens;  ///< sorted
    std::vector<quint32> m_owners; ///< partition of each token
};

} // namespace partlab
