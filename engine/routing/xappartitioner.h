#pragma once

#include "partitioner.h"

namespace partlab {

/**
 * GigaSpaces XAP: partition = safeAbs(routingValue.hashCode()) % N.
 *
 * Strings hash with Java's String.hashCode(); an Integer's hashCode is its value. Longs use
 * XAP's "precise long routing": (int)(safeAbs(value) % N), so large ids spread evenly instead
 * of being folded to 32 bits first. safeAbs maps MIN_VALUE to MAX_VALUE (Math.abs would keep it
 * negative).
 */
class XapPartitioner final : public Partitioner
{
public:
    explicit XapPartitioner(const PartitionerOptions &options) : Partitioner(options) {}

    QString name() const override { return QStringLiteral("xap"); }
    int partition(const RoutingKey &key) const override;
    RouteExplanation explain(const RoutingKey &key) const override;
    PartitionLayout layout() const override;

    /** The hashCode() XAP uses for @p key (Java semantics for each kind). */
    static qint32 hashCode(const RoutingKey &key);
};

} // namespace partlab
