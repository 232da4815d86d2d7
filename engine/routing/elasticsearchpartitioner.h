#pragma once

#include "partitioner.h"

namespace partlab {

/**
 * Elasticsearch document routing (IndexRouting / OperationRouting, 7.0 and later):
 *
 *     shard = floorMod(hash(routing) + partitionOffset, routing_num_shards) / routing_factor
 *
 * where hash is Murmur3HashFunction.hash(String): MurmurHash3 x86_32, seed 0, over the UTF-16LE
 * code units of the routing string (`_routing` if given, else `_id`); routing_factor =
 * routing_num_shards / number_of_shards; and partitionOffset = floorMod(hash(_id),
 * routing_partition_size) when index.routing_partition_size > 1 (one routing value then spreads
 * over that many consecutive routing shards), else 0. The sum is a Java int and wraps.
 *
 * N is index.number_of_shards (at most 1024). routing_num_shards defaults, as index creation
 * sets it, to the largest N * 2^k <= 1024 with k >= 1 (so every index can be split at least
 * once): 5 shards -> 640, 8 -> 1024, 1 -> 1024. A resize to a factor or multiple of the shard
 * count that divides routing_num_shards keeps it (the _split / _shrink APIs); any other count
 * is a reindex into a new index with the new count's default.
 *
 * Routing keys are strings in Elasticsearch: integer keys route by their decimal text, bytes
 * are read as UTF-8.
 */
class ElasticsearchPartitioner final : public Partitioner
{
public:
    static constexpr int kMaxShards = 1024; ///< index.number_of_shards' upper bound
    static constexpr int kMaxRoutingShards = kMaxShards * 1024; ///< Partlab's bound on routing_num_shards / partition size

    explicit ElasticsearchPartitioner(const PartitionerOptions &options);

    QString name() const override { return QStringLiteral("elasticsearch"); }
    int partition(const RoutingKey &key) const override;
    RouteExplanation explain(const RoutingKey &key) const override;
    QString stepName() const override { return QStringLiteral("routing_shard"); }
    QStringList explainColumns() const override;
    PartitionLayout layout() const override;
    QString unitName() const override { return QStringLiteral("routing_shard"); }
    qint64 unitCount() const override { return m_routingNumShards; }
    int ownerOfUnit(qint64 unit) const override { return int(unit / m_routingFactor); }
    int maxPartitions() const override { return kMaxShards; }

    /** MetadataCreateIndexService.calculateNumRoutingShards for an index created on 7.0+. */
    static int defaultRoutingNumShards(int shards);

    /** Murmur3HashFunction.hash(routing): murmur3 x86_32, seed 0, of the UTF-16LE code units. */
    static qint32 hash(const RoutingKey &routing);

    /**
     * IndexRouting.shardId(_id, _routing) for one document: the partition offset from @p id's
     * own hash when routing_partition_size > 1 (ignoring the options' documentId), else 0.
     */
    int shardFor(const RoutingKey &routing, const RoutingKey &id) const;

    /** The routing shard floorMod(hash + offset, routing_num_shards) of @p routing. */
    int routingShard(const RoutingKey &routing) const;

    /** floorMod(hash + offset, routingNumShards) with the sum wrapping as a Java int. */
    static int routingShardOf(qint32 hash, int offset, int routingNumShards);

    int routingNumShards() const { return m_routingNumShards; }
    int routingFactor() const { return m_routingFactor; }
    int partitionOffset() const { return m_partitionOffset; }

    /** A one-line problem with @p options for this partitioner, or an empty string. */
    static QString check(const PartitionerOptions &options);

protected:
    /** _split / _shrink keep routing_num_shards when N divides it; any other count is a new index. */
    void adjustResizedOptions(PartitionerOptions &options) const override;

private:
    int m_routingNumShards;
    int m_routingFactor;
    int m_partitionOffset = 0;
};

} // namespace partlab
