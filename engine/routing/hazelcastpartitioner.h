#pragma once

#include "partitioner.h"

#include <string>

namespace partlab {

/**
 * Hazelcast IMDG / Platform (4.0 and later): partition id = hashToIndex(partitionHash, N) with
 * partitionHash = HashUtil.MurmurHash3_x86_32 (seed 0x01000193) of the key's serialized payload
 * (the bytes after HeapData's 8-byte header of partition hash and type id), and hashToIndex(h, N)
 * = abs(h) % N, with Integer.MIN_VALUE going to 0. N is hazelcast.partition.count (271 by
 * default).
 *
 * The payload depends on the key's type, as Hazelcast's built-in serializers write it in the
 * default big-endian byte order: a String (text key) is writeString(): the UTF-8 length as a
 * 4-byte int, then the UTF-8 bytes; an Integer (i32) is 4 bytes, a Long (i64, and u64 as the long
 * with the same bits) 8 bytes. A hex key is taken as the payload itself (what a custom serializer
 * wrote). A PartitionAware key (or a map's partition-key attribute) routes by the partition key's
 * own serialized form: in Partlab that is the routing key the key extractor or the space's
 * routing property yields, so related entries sharing it are co-located.
 */
class HazelcastPartitioner final : public Partitioner
{
public:
    static constexpr int kDefaultPartitionCount = 271;
    static constexpr quint32 kSeed = 0x01000193U;

    explicit HazelcastPartitioner(const PartitionerOptions &options) : Partitioner(options) {}

    QString name() const override { return QStringLiteral("hazelcast"); }
    int partition(const RoutingKey &key) const override;
    RouteExplanation explain(const RoutingKey &key) const override;
    QStringList explainColumns() const override { return {QStringLiteral("serialized")}; }
    PartitionLayout layout() const override;

    /** The partition hash: MurmurHash3_x86_32 of serializedPayload(key), seed 0x01000193. */
    static qint32 partitionHash(const RoutingKey &key);

    /** HashUtil.hashToIndex: abs(hash) % length, Integer.MIN_VALUE -> 0. */
    static int hashToIndex(qint32 hash, int length);

    /** The bytes Hazelcast's serializer writes for @p key after the HeapData header. */
    static std::string serializedPayload(const RoutingKey &key);
};

} // namespace partlab
