// Lessons on the routing rules of real systems other than XAP: Elasticsearch's custom routing.
// Every number is computed with the real partitioner over a generated, Zipf-weighted workload.
#include "lesson.h"

#include "model/numberformat.h"
#include "routing/elasticsearchpartitioner.h"

#include <QCoreApplication>

#include <string>

namespace partlab {

namespace {

constexpr int kShards = 6;
constexpr int kTenants = 200;
constexpr int kDocuments = 60'000;

/** Documents per shard when tenant t owns a share 1/(t+1) (Zipf, s = 1) of kDocuments. */
std::vector<quint64> shardLoad(const ElasticsearchPartitioner &index)
{
    double harmonic = 0;
    for (int t = 0; t < kTenants; ++t)
        harmonic += 1.0 / (t + 1);
    std::vector<quint64> load(kShards, 0);
    for (int t = 0; t < kTenants; ++t) {
        const std::string tenant = "tenant-" + std::to_string(t);
        const int documents = qMax(1, int(kDocuments / harmonic / (t + 1)));
        for (int d = 0; d < documents; ++d) {
            const std::string id = tenant + "-doc-" + std::to_string(d);
            ++load[std::size_t(index.shardFor(RoutingKey::text(tenant), RoutingKey::text(id)))];
        }
    }
    return load;
}

LessonObservation observe(int routingNumShards, int routingPartitionSize, const QString &label)
{
    PartitionerOptions o;
    o.partitions = kShards;
    o.routingNumShards = routingNumShards;
    o.routingPartitionSize = routingPartitionSize;
    o.documentId = QStringLiteral("per-document"); // shardFor() takes each document's own _id
    LessonObservation obs;
    const QString problem = ElasticsearchPartitioner::check(o);
    if (!problem.isEmpty()) {
        obs.ok = false;
        obs.lines << problem;
        return obs;
    }
    const ElasticsearchPartitioner index(o);
    const std::vector<quint64> load = shardLoad(index);
    quint64 total = 0, max = 0;
    QStringList perShard;
    for (const quint64 n : load) {
        total += n;
        max = std::max(max, n);
        perShard << QString::number(n);
    }
    const double skew = total ? double(max) * kShards / double(total) : 0.0;
    obs.lines << QCoreApplication::translate("Lesson", "%1: routing_num_shards %2, routing_partition_size %3")
                     .arg(label).arg(index.routingNumShards()).arg(routingPartitionSize);
    obs.lines << QCoreApplication::translate("Lesson", "documents per shard: %1").arg(perShard.join(QStringLiteral(" / ")));
    obs.lines << QCoreApplication::translate("Lesson", "the fullest shard holds %1 of %2 documents: skew %3 (1 = even, %4 = all on one)")
                     .arg(max).arg(total).arg(fmt::decimal(skew, 2)).arg(kShards);
    obs.numbers = {{QStringLiteral("skew"), skew}, {QStringLiteral("max_share"), total ? double(max) / double(total) : 0.0}};
    return obs;
}

LessonPreset preset()
{
    LessonPreset p;
    p.scenario = QStringLiteral("builtin:orders");
    p.partitioner = QStringLiteral("elasticsearch");
    p.partitions = kShards;
    return p;
}

Lesson customRouting()
{
    Lesson l;
    l.id = QStringLiteral("custom-routing");
    l.title = QCoreApplication::translate("Lesson", "Elasticsearch custom routing and the hot shard");
    l.teaches = QCoreApplication::translate("Lesson", "Routing by tenant keeps a tenant together, and makes its shard as big as the tenant.");

    LessonStep one;
    one.title = QCoreApplication::translate("Lesson", "One tenant, one shard");
    one.text = QCoreApplication::translate("Lesson",
        "With ?routing=tenant every document of a tenant goes to shard floorMod(murmur3(tenant), routing_num_shards) / "
        "routing_factor, so a search for one tenant asks one shard. But tenants are not equal: here 200 tenants own "
        "Zipf-shaped shares of 60,000 documents on 6 shards, and the biggest tenant alone is a sixth of them.");
    one.watch = QCoreApplication::translate("Lesson", "The load per partition: one partition carries the biggest customer.");
    one.preset = preset();
    one.run = [] { return observe(0, 1, QCoreApplication::translate("Lesson", "routing by tenant")); };

    LessonStep two;
    two.title = QCoreApplication::translate("Lesson", "routing_partition_size spreads a tenant");
    two.text = QCoreApplication::translate("Lesson",
        "index.routing_partition_size = 3 adds floorMod(murmur3(_id), 3) to the tenant's hash: a tenant's documents spread "
        "over 3 consecutive routing shards, and a tenant search asks 3 shards instead of 6. Here routing_num_shards is set "
        "to the shard count (6), so 3 routing shards are 3 shards.");
    two.watch = QCoreApplication::translate("Lesson", "The fullest shard shrinks.");
    two.preset = preset();
    two.run = [] { return observe(kShards, 3, QCoreApplication::translate("Lesson", "spread over 3 shards")); };

    LessonStep three;
    three.title = QCoreApplication::translate("Lesson", "The default routing_num_shards undoes it");
    three.text = QCoreApplication::translate("Lesson",
        "Since 7.0 an index gets routing_num_shards = 6 x 2^7 = 768 by default, so that it can be split later. The routing "
        "factor is 128 routing shards per shard, and an offset of at most 2 crosses into the next shard only for a tenant "
        "whose hash lands in the last 2 routing shards of its shard: nearly every tenant stays on one shard and the hot "
        "shard is back (elastic/elasticsearch#48863). Set "
        "index.number_of_routing_shards to the shard count when you use routing_partition_size.");
    three.watch = QCoreApplication::translate("Lesson", "The skew back near the first step's.");
    three.preset = preset();
    three.run = [] { return observe(0, 3, QCoreApplication::translate("Lesson", "default routing_num_shards")); };

    l.steps = {one, two, three};
    return l;
}

} // namespace

std::vector<Lesson> routingLessons()
{
    return {customRouting()};
}

} // namespace partlab
