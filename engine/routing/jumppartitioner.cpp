#include "jumppartitioner.h"

#include "keyencoding.h"

namespace partlab {

int JumpPartitioner::jumpConsistentHash(quint64 key, int buckets)
{
    // Follow the key's "jumps" with a 64-bit linear congruential generator: each step picks the
    // next bucket count at which the key would move; the last one below `buckets` wins.
    qint64 bucket = -1;
    qint64 next = 0;
    while (next < buckets) {
        bucket = next;
        key = key * 2862933555777941757ULL + 1;
        next = qint64(double(bucket + 1) * (double(qint64(1) << 31) / double((key >> 33) + 1)));
    }
    return int(bucket);
}

int JumpPartitioner::partition(const RoutingKey &key) const
{
    return jumpConsistentHash(keyHash64(key), m_options.partitions);
}

RouteExplanation JumpPartitioner::explain(const RoutingKey &key) const
{
    RouteExplanation e;
    const quint64 h = keyHash64(key);
    e.hash = qint64(h);
    e.partition = jumpConsistentHash(h, m_options.partitions);
    return e;
}

PartitionLayout JumpPartitioner::layout() const
{
    PartitionLayout layout;
    layout.unit = QStringLiteral("rule");
    for (int p = 0; p < m_options.partitions; ++p)
        layout.owned.push_back({QStringLiteral("jump(key64, %1) == %2 (about 1/%1 of the keys)").arg(m_options.partitions).arg(p)});
    return layout;
}

} // namespace partlab
