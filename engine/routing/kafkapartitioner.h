#pragma once

#include "partitioner.h"

namespace partlab {

/**
 * Kafka's default partitioner for keyed records: (murmur2(keyBytes) & 0x7fffffff) % N, where
 * murmur2 is Kafka's Utils.murmur2 and the key bytes are what the producer's serializer wrote
 * (StringSerializer: UTF-8; IntegerSerializer / LongSerializer: big-endian).
 */
class KafkaPartitioner final : public Partitioner
{
public:
    explicit KafkaPartitioner(const PartitionerOptions &options) : Partitioner(options) {}

    QString name() const override { return QStringLiteral("kafka"); }
    int partition(const RoutingKey &key) const override;
    RouteExplanation explain(const RoutingKey &key) const override;
    PartitionLayout layout() const override;

    /** Kafka's murmur2 of the serialized key (the signed int the Java client computes). */
    static qint32 hash(const RoutingKey &key);
};

} // namespace partlab
