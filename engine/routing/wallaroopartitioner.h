#pragma once

#include "partitioner.h"

#include <array>

namespace partlab {

/**
 * Wallaroo's HashPartitions: the key's MD5 digest read as a big-endian 128-bit number, on a
 * ring cut into N equal intervals. With part = (2^128 - 1) / N, partition i owns
 * [i * part, (i + 1) * part) and the last one also owns the remainder up to 2^128 - 1.
 * Wallaroo keys are strings, so integer keys are hashed as their decimal text.
 */
class WallarooPartitioner final : public Partitioner
{
public:
    explicit WallarooPartitioner(const PartitionerOptions &options) : Partitioner(options) {}

    QString name() const override { return QStringLiteral("wallaroo"); }
    int partition(const RoutingKey &key) const override;
    RouteExplanation explain(const RoutingKey &key) const override;
    PartitionLayout layout() const override;

    /** The MD5 digest Wallaroo hashes @p key to. */
    static std::array<quint8, 16> digest(const RoutingKey &key);

    /** The partition owning a 128-bit hash, given as its 16 big-endian bytes. */
    int ownerOf(const std::array<quint8, 16> &hash) const;
};

} // namespace partlab
