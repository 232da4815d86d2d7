#pragma once

#include "partitioner.h"

#include <vector>

namespace partlab {

/**
 * Rendezvous (highest random weight) hashing over N nodes: every node scores the key and the
 * highest score wins (ties go to the lower node). The score is
 * fmix64(key64 ^ nodeHash(i)) with nodeHash(i) = fmix64(seed ^ ((i + 1) * 0x9E3779B97F4A7C15)),
 * key64 as for jump (u64 as is, FNV-1a 64 of text) and fmix64 MurmurHash3's 64-bit finalizer.
 * Adding a node moves only the keys the new node now wins. Costs O(N) per key.
 */
class RendezvousPartitioner final : public Partitioner
{
public:
    explicit RendezvousPartitioner(const PartitionerOptions &options);

    QString name() const override { return QStringLiteral("rendezvous"); }
    int partition(const RoutingKey &key) const override;
    RouteExplanation explain(const RoutingKey &key) const override;
    PartitionLayout layout() const override;

    /** The score of node @p node for the 64-bit key @p key64. */
    quint64 weight(quint64 key64, int node) const;

private:
    int winner(quint64 key64) const;

    std::vector<quint64> m_nodeHash;
};

} // namespace partlab
