#include "kafkapartitioner.h"

#include "keyencoding.h"
#include "murmurhash.h"

namespace partlab {

qint32 KafkaPartitioner::hash(const RoutingKey &key)
{
    KeyScratch scratch;
    return kafkaMurmur2(encodeKey(key, IntegerEncoding::BigEndian, scratch));
}

int KafkaPartitioner::partition(const RoutingKey &key) const
{
    // Utils.toPositive(h) = h & 0x7fffffff (not Math.abs: MIN_VALUE stays well defined).
    return int((quint32(hash(key)) & 0x7fffffffU) % quint32(m_options.partitions));
}

RouteExplanation KafkaPartitioner::explain(const RoutingKey &key) const
{
    RouteExplanation e;
    const qint32 h = hash(key);
    e.hash = h;
    e.partition = int((quint32(h) & 0x7fffffffU) % quint32(m_options.partitions));
    return e;
}

PartitionLayout KafkaPartitioner::layout() const
{
    PartitionLayout layout;
    layout.unit = QStringLiteral("rule");
    for (int p = 0; p < m_options.partitions; ++p)
        layout.owned.push_back({QStringLiteral("(murmur2(key) & 0x7fffffff) % %1 == %2").arg(m_options.partitions).arg(p)});
    return layout;
}

} // namespace partlab
