#include "xappartitioner.h"

#include "javahash.h"

namespace partlab {

qint32 XapPartitioner::hashCode(const RoutingKey &key)
{
    switch (key.kind) {
    case RoutingKey::Kind::Text:
    case RoutingKey::Kind::Bytes:
        return javaStringHashCode(key.bytes);
    case RoutingKey::Kind::Int32:
        return static_cast<qint32>(key.integer);
    case RoutingKey::Kind::Int64:
        return javaLongHashCode(key.integer);
    case RoutingKey::Kind::UInt64:
        return javaLongHashCode(static_cast<qint64>(key.unsignedInteger));
    case RoutingKey::Kind::Null:
        break;
    }
    return 0;
}

int XapPartitioner::partition(const RoutingKey &key) const
{
    const qint64 n = m_options.partitions;
    if (key.kind == RoutingKey::Kind::Int64 || key.kind == RoutingKey::Kind::UInt64) {
        const qint64 v = key.kind == RoutingKey::Kind::Int64 ? key.integer
                                                              : static_cast<qint64>(key.unsignedInteger);
        return static_cast<int>(safeAbs64(v) % n);
    }
    // Both operands are non-negative and fit 32 bits: a 32-bit division, the same result.
    return static_cast<int>(static_cast<quint32>(safeAbs32(hashCode(key))) % static_cast<quint32>(n));
}

RouteExplanation XapPartitioner::explain(const RoutingKey &key) const
{
    RouteExplanation e;
    e.hash = hashCode(key);
    e.partition = partition(key);
    return e;
}

} // namespace partlab

namespace partlab {

PartitionLayout XapPartitioner::layout() const
{
    PartitionLayout layout;
    layout.unit = QStringLiteral("rule");
    for (int p = 0; p < m_options.partitions; ++p)
        layout.owned.push_back({QStringLiteral("safeAbs(hashCode) % %1 == %2 (longs: safeAbs(value) % %1)").arg(m_options.partitions).arg(p)});
    return layout;
}

} // namespace partlab
