#include "partitioner.h"

#include "cassandrapartitioner.h"
#include "elasticsearchpartitioner.h"
#include "flinkpartitioner.h"
#include "hazelcastpartitioner.h"
#include "jumppartitioner.h"
#include "kafkapartitioner.h"
#include "redispartitioner.h"
#include "rendezvouspartitioner.h"
#include "ringpartitioner.h"
#include "wallaroopartitioner.h"
#include "xappartitioner.h"

#include <QCoreApplication>

#include <functional>

namespace partlab {

namespace {

struct Entry
{
    const char *name;
    const char *description;
    std::function<std::unique_ptr<Partitioner>(const PartitionerOptions &)> create;
    /** Extra checks of the options beyond partitions >= 1; empty string = fine. */
    std::function<QString(const PartitionerOptions &)> check;
    /** The partition count the real system starts with, where it has its own (0: Partlab's default). */
    int defaultPartitions = 0;
};

template<typename T>
std::unique_ptr<Partitioner> make(const PartitionerOptions &o)
{
    return std::make_unique<T>(o);
}

QString noCheck(const PartitionerOptions &)
{
    return {};
}

QString checkRedis(const PartitionerOptions &o)
{
    if (o.partitions > RedisPartitioner::kSlots)
        return QStringLiteral("redis: a cluster has %1 hash slots, so at most %1 nodes (got %2)")
            .arg(RedisPartitioner::kSlots).arg(o.partitions);
    return {};
}

QString checkFlink(const PartitionerOptions &o)
{
    if (o.maxParallelism < 0 || o.maxParallelism > FlinkPartitioner::kUpperBoundMaxParallelism)
        return QStringLiteral("flink: the max parallelism must be between 1 and %1 (got %2)")
            .arg(FlinkPartitioner::kUpperBoundMaxParallelism).arg(o.maxParallelism);
    const int maxParallelism = o.maxParallelism > 0 ? o.maxParallelism : FlinkPartitioner::defaultMaxParallelism(o.partitions);
    if (o.partitions > maxParallelism)
        return QStringLiteral("flink: the parallelism (%1) must not exceed the max parallelism (%2)")
            .arg(o.partitions).arg(maxParallelism);
    return {};
}

QString checkRing(const PartitionerOptions &o)
{
    if (o.virtualNodes < 1 || o.virtualNodes > PartitionerLimits::kMaxVirtualNodes)
        return QStringLiteral("ring: the virtual nodes per partition must be between 1 and %1 (got %2)")
            .arg(PartitionerLimits::kMaxVirtualNodes).arg(o.virtualNodes);
    if (qint64(o.partitions) * o.virtualNodes > PartitionerLimits::kMaxRingPoints)
        return QStringLiteral("ring: %1 partitions x %2 virtual nodes is more than %3 ring points")
            .arg(o.partitions).arg(o.virtualNodes).arg(PartitionerLimits::kMaxRingPoints);
    return {};
}

// The registry: one row per partitioner. Order = order shown to users.
const std::vector<Entry> &registry()
{
    static const std::vector<Entry> entries = {
        {"xap", QT_TRANSLATE_NOOP("Partitioner", "GigaSpaces XAP: safeAbs(hashCode) % N (Java String.hashCode)"),
         make<XapPartitioner>, noCheck},
        {"kafka", QT_TRANSLATE_NOOP("Partitioner", "Kafka default partitioner: (murmur2(key bytes) & 0x7fffffff) % N"),
         make<KafkaPartitioner>, noCheck},
        {"redis", QT_TRANSLATE_NOOP("Partitioner", "Redis Cluster: crc16(hash tag or key) & 0x3FFF slots, ranges as redis-cli --cluster create deals them"),
         make<RedisPartitioner>, checkRedis},
        {"flink", QT_TRANSLATE_NOOP("Partitioner", "Flink: key group = murmurHash(hashCode) % maxParallelism, operator = keyGroup * N / maxParallelism"),
         make<FlinkPartitioner>, checkFlink},
        {"jump", QT_TRANSLATE_NOOP("Partitioner", "Jump consistent hash (Lamping & Veach) of the 64-bit key (FNV-1a 64 for text)"),
         make<JumpPartitioner>, noCheck},
        {"rendezvous", QT_TRANSLATE_NOOP("Partitioner", "Rendezvous hashing: the node with the highest fmix64 weight wins"),
         make<RendezvousPartitioner>, noCheck},
        {"ring", QT_TRANSLATE_NOOP("Partitioner", "Consistent-hash ring with --vnodes virtual nodes per partition (seeded)"),
         make<RingPartitioner>, checkRing},
        {"cassandra", QT_TRANSLATE_NOOP("Partitioner", "Cassandra Murmur3Partitioner token, N nodes with evenly spaced tokens"),
         make<CassandraPartitioner>, noCheck},
        {"wallaroo", QT_TRANSLATE_NOOP("Partitioner", "Wallaroo: MD5 of the key as a 128-bit number, N equal intervals"),
         make<WallarooPartitioner>, noCheck},
        {"hazelcast", QT_TRANSLATE_NOOP("Partitioner", "Hazelcast: hashToIndex(murmur3(serialized key, seed 0x01000193), N); 271 partitions by default"),
         make<HazelcastPartitioner>, noCheck, HazelcastPartitioner::kDefaultPartitionCount},
        {"elasticsearch", QT_TRANSLATE_NOOP("Partitioner", "Elasticsearch: floorMod(murmur3(UTF-16 routing) + offset, routing_num_shards) / routing_factor"),
         make<ElasticsearchPartitioner>, ElasticsearchPartitioner::check},
    };
    return entries;
}

const Entry *find(const QString &name)
{
    for (const Entry &e : registry()) {
        if (name == QLatin1String(e.name))
            return &e;
    }
    return nullptr;
}

} // namespace

RouteExplanation Partitioner::explain(const RoutingKey &key) const
{
    RouteExplanation e;
    e.partition = partition(key);
    e.hash = e.partition;
    return e;
}

std::unique_ptr<Partitioner> Partitioner::withPartitions(int partitions) const
{
    PartitionerOptions options = m_options;
    options.partitions = partitions;
    adjustResizedOptions(options);
    const Entry *e = find(name());
    Q_ASSERT(e); // every partitioner is in the registry under its name()
    return e->create(options); // unchecked on purpose: a resize never fails (see the header)
}

PartitionLayout Partitioner::layout() const
{
    PartitionLayout layout;
    layout.unit = QStringLiteral("rule");
    const QString rule = partitionerDescription(name());
    for (int p = 0; p < partitionCount(); ++p)
        layout.owned.push_back({rule});
    return layout;
}

QString formatRange(qint64 first, qint64 last, bool signedTokens)
{
    if (first == last)
        return QString::number(first);
    return QStringLiteral("%1%2%3").arg(first).arg(signedTokens ? QStringLiteral("..") : QStringLiteral("-")).arg(last);
}

QStringList partitionerNames()
{
    QStringList names;
    for (const Entry &e : registry())
        names << QLatin1String(e.name);
    return names;
}

int defaultPartitionCount(const QString &name)
{
    const Entry *e = find(name);
    return e && e->defaultPartitions > 0 ? e->defaultPartitions : PartitionerOptions{}.partitions;
}

QString partitionerDescription(const QString &name)
{
    const Entry *e = find(name);
    return e ? QCoreApplication::translate("Partitioner", e->description) : QString();
}

QString partitionerOptionError(const QString &name)
{
    if (find(name))
        return {};
    return QCoreApplication::translate("Partitioner", "--partitioner: unknown partitioner '%1' (choose %2)")
        .arg(name, partitionerNames().join(QStringLiteral(", ")));
}

QString unknownPartitionerError(const QString &name)
{
    if (find(name))
        return {};
    return QStringLiteral("unknown partitioner '%1' (choose %2)").arg(name, partitionerNames().join(QStringLiteral(", ")));
}

std::unique_ptr<Partitioner> createPartitioner(const QString &name, const PartitionerOptions &options,
                                               QString *error)
{
    const Entry *e = find(name);
    if (!e) {
        if (error)
            *error = unknownPartitionerError(name);
        return nullptr;
    }
    if (options.partitions < 1 || options.partitions > PartitionerLimits::kMaxPartitions) {
        if (error)
            *error = QStringLiteral("the number of partitions must be between 1 and %1 (got %2)")
                         .arg(PartitionerLimits::kMaxPartitions).arg(options.partitions);
        return nullptr;
    }
    const QString problem = e->check(options);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return nullptr;
    }
    return e->create(options);
}

} // namespace partlab
