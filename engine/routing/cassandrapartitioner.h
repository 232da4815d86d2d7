#pragma once

#include "partitioner.h"

namespace partlab {

/**
 * Apache Cassandra's Murmur3Partitioner on N nodes with evenly spaced tokens. The token of a
 * key is h1 of Cassandra's MurmurHash.hash3_x64_128 (seed 0, sign-extended tail bytes) over the
 * serialized partition key (text: UTF-8; int: 4 bytes, bigint: 8 bytes, big-endian), with
 * Long.MIN_VALUE mapped to Long.MAX_VALUE. Node i holds token MIN + i * floor(2^64 / N) (the
 * token generator DataStax documents) and owns the range (previous node's token, its token];
 * node 0 owns the wrap-around range above the last node's token.
 */
class CassandraPartitioner final : public Partitioner
{
public:
    explicit CassandraPartitioner(const PartitionerOptions &options);

    QString name() const override { return QStringLiteral("cassandra"); }
    int partition(const RoutingKey &key) const override;
    RouteExplanation explain(const RoutingKey &key) const override;
    PartitionLayout layout() const override;

    /** Murmur3Partitioner.getToken for @p key (what CQL's token() returns). */
    static qint64 token(const RoutingKey &key);

    /** The initial token of node @p node. */
    qint64 nodeToken(int node) const;

    /** The node owning @p token. */
    int ownerOf(qint64 token) const;

private:
    quint64 m_step; ///< floor(2^64 / N); 0 for a single node
};

} // namespace partlab
