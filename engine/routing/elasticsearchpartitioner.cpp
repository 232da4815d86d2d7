#include "elasticsearchpartitioner.h"

#include "keyencoding.h"
#include "murmurhash.h"

#include <QString>

#include <bit>

namespace partlab {

namespace {

// Java's Math.floorMod(int, int) for a positive divisor.
int floorMod(qint32 value, int divisor)
{
    const int r = value % divisor;
    return r < 0 ? r + divisor : r;
}

int effectiveRoutingNumShards(const PartitionerOptions &o)
{
    return o.routingNumShards > 0 ? o.routingNumShards : ElasticsearchPartitioner::defaultRoutingNumShards(o.partitions);
}

} // namespace

ElasticsearchPartitioner::ElasticsearchPartitioner(const PartitionerOptions &options)
    : Partitioner(options), m_routingNumShards(effectiveRoutingNumShards(options)),
      m_routingFactor(m_routingNumShards / options.partitions)
{
    if (options.routingPartitionSize > 1) {
        const QByteArray id = options.documentId.toUtf8();
        m_partitionOffset = floorMod(hash(RoutingKey::text(std::string_view(id.constData(), std::size_t(id.size())))),
                                     options.routingPartitionSize);
    }
}

int ElasticsearchPartitioner::defaultRoutingNumShards(int shards)
{
    // log2NumShards = ceil(log2(shards)); numSplits = max(1, 10 - log2NumShards).
    const int log2NumShards = shards <= 1 ? 0 : int(std::bit_width(unsigned(shards - 1)));
    const int numSplits = std::max(1, 10 - log2NumShards);
    return shards << numSplits;
}

qint32 ElasticsearchPartitioner::hash(const RoutingKey &routing)
{
    KeyScratch scratch;
    const std::string_view utf8 = encodeKey(routing, IntegerEncoding::DecimalText, scratch);
    Murmur3x86_32 h(0);
    bool ascii = true;
    for (const char c : utf8) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii) { // the common case: each UTF-16 code unit is the byte and a zero
        for (const char c : utf8) {
            h.add(static_cast<unsigned char>(c));
            h.add(0);
        }
        return h.result();
    }
    const QString text = QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
    for (const QChar unit : text) {
        h.add(static_cast<unsigned char>(unit.unicode() & 0xff));
        h.add(static_cast<unsigned char>(unit.unicode() >> 8));
    }
    return h.result();
}

int ElasticsearchPartitioner::routingShardOf(qint32 hash, int offset, int routingNumShards)
{
    const auto sum = static_cast<qint32>(quint32(hash) + quint32(offset)); // Java int wrap-around
    return floorMod(sum, routingNumShards);
}

int ElasticsearchPartitioner::routingShard(const RoutingKey &routing) const
{
    return routingShardOf(hash(routing), m_partitionOffset, m_routingNumShards);
}

int ElasticsearchPartitioner::shardFor(const RoutingKey &routing, const RoutingKey &id) const
{
    const int offset = m_options.routingPartitionSize > 1 ? floorMod(hash(id), m_options.routingPartitionSize) : 0;
    return routingShardOf(hash(routing), offset, m_routingNumShards) / m_routingFactor;
}

int ElasticsearchPartitioner::partition(const RoutingKey &key) const
{
    return routingShard(key) / m_routingFactor;
}

QStringList ElasticsearchPartitioner::explainColumns() const
{
    return {QStringLiteral("routing_num_shards"), QStringLiteral("routing_factor"), QStringLiteral("partition_offset")};
}

RouteExplanation ElasticsearchPartitioner::explain(const RoutingKey &key) const
{
    RouteExplanation e;
    e.hash = hash(key);
    e.stepName = stepName();
    e.step = routingShard(key);
    e.partition = int(e.step / m_routingFactor);
    e.extra << QString::number(m_routingNumShards) << QString::number(m_routingFactor) << QString::number(m_partitionOffset);
    return e;
}

void ElasticsearchPartitioner::adjustResizedOptions(PartitionerOptions &options) const
{
    // _split / _shrink keep the routing shards; any other count needs a new index.
    const int n = options.partitions;
    options.routingNumShards = n <= m_routingNumShards && m_routingNumShards % n == 0 ? m_routingNumShards : 0;
}

PartitionLayout ElasticsearchPartitioner::layout() const
{
    PartitionLayout layout;
    layout.unit = QStringLiteral("routing_shards");
    for (int p = 0; p < m_options.partitions; ++p)
        layout.owned.push_back({formatRange(qint64(p) * m_routingFactor, qint64(p + 1) * m_routingFactor - 1)});
    return layout;
}

QString ElasticsearchPartitioner::check(const PartitionerOptions &o)
{
    if (o.partitions > kMaxShards)
        return QStringLiteral("elasticsearch: an index has at most %1 shards (got %2)").arg(kMaxShards).arg(o.partitions);
    if (o.routingNumShards < 0 || o.routingNumShards > kMaxRoutingShards)
        return QStringLiteral("elasticsearch: routing_num_shards must be between 1 and %1 (got %2)").arg(kMaxRoutingShards).arg(o.routingNumShards);
    const int routingNumShards = effectiveRoutingNumShards(o);
    if (routingNumShards < o.partitions || routingNumShards % o.partitions != 0)
        return QStringLiteral("elasticsearch: routing_num_shards (%1) must be a multiple of the number of shards (%2)")
            .arg(routingNumShards).arg(o.partitions);
    if (o.routingPartitionSize < 1 || (o.routingPartitionSize != 1 && o.routingPartitionSize >= routingNumShards))
        return QStringLiteral("elasticsearch: routing_partition_size must be 1 or between 2 and routing_num_shards - 1 (%1) (got %2)")
            .arg(routingNumShards - 1).arg(o.routingPartitionSize);
    if (o.routingPartitionSize > 1 && o.documentId.isEmpty())
        return QStringLiteral("elasticsearch: routing_partition_size %1 spreads a routing value over %1 shards by the document's _id: "
                              "give the _id (--doc-id)").arg(o.routingPartitionSize);
    return {};
}

} // namespace partlab
