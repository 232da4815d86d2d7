#pragma once

#include "partitioner.h"

namespace partlab {

/**
 * Apache Flink keyed streams: key group = murmurHash(key.hashCode()) % maxParallelism, operator
 * index = keyGroup * N / maxParallelism (KeyGroupRangeAssignment). hashCode is Java's: String,
 * Integer (the value) or Long ((int)(v ^ v >>> 32)). Without --max-parallelism the maximum is
 * Flink's default for N: min(max(roundUpToPowerOfTwo(N + N / 2), 128), 32768).
 */
class FlinkPartitioner final : public Partitioner
{
public:
    static constexpr int kLowerBoundMaxParallelism = 128;
    static constexpr int kUpperBoundMaxParallelism = 32768;

    explicit FlinkPartitioner(const PartitionerOptions &options);

    QString name() const override { return QStringLiteral("flink"); }
    int partition(const RoutingKey &key) const override;
    RouteExplanation explain(const RoutingKey &key) const override;
    QString stepName() const override { return QStringLiteral("key_group"); }
    PartitionLayout layout() const override;
    QString unitName() const override { return QStringLiteral("key_group"); }
    qint64 unitCount() const override { return m_maxParallelism; }
    int ownerOfUnit(qint64 unit) const override { return operatorForKeyGroup(int(unit)); }
    int maxPartitions() const override { return kUpperBoundMaxParallelism; }

    /** The number of key groups in force: --max-parallelism, or Flink's default for N. */
    int maxParallelism() const { return m_maxParallelism; }

    /** KeyGroupRangeAssignment.computeDefaultMaxParallelism(parallelism). */
    static int defaultMaxParallelism(int parallelism);

    /** The key group of @p key for @p maxParallelism key groups (assignToKeyGroup). */
    static int keyGroup(const RoutingKey &key, int maxParallelism);

    /** The operator (partition) owning @p keyGroup. */
    int operatorForKeyGroup(int keyGroup) const;

protected:
    /** A rescaled job keeps its max parallelism (the key groups of its saved state) unless N exceeds it. */
    void adjustResizedOptions(PartitionerOptions &options) const override;

private:
    int m_maxParallelism;
};

} // namespace partlab
