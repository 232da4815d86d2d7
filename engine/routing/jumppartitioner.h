#pragma once

#include "partitioner.h"

namespace partlab {

/**
 * Jump consistent hash (Lamping & Veach, "A Fast, Minimal Memory, Consistent Hash Algorithm",
 * 2014) on a 64-bit key: u64 keys as they are, i32/i64 keys as their two's complement bits,
 * text and bytes hashed with FNV-1a 64 first. Growing from N to N+1 moves only the keys that
 * go to the new bucket (1/(N+1) of them).
 */
class JumpPartitioner final : public Partitioner
{
public:
    explicit JumpPartitioner(const PartitionerOptions &options) : Partitioner(options) {}

    QString name() const override { return QStringLiteral("jump"); }
    int partition(const RoutingKey &key) const override;
    RouteExplanation explain(const RoutingKey &key) const override;
    PartitionLayout layout() const override;

    /** The paper's JumpConsistentHash(key, buckets). */
    static int jumpConsistentHash(quint64 key, int buckets);
};

} // namespace partlab
