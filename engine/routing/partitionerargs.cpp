#include "partitionerargs.h"

#include "elasticsearchpartitioner.h"
#include "model/optionvalues.h"

#include <QCoreApplication>

#include <charconv>

namespace partlab {

void addPartitionerOptions(QCommandLineParser &parser, const PartitionerArgs &args)
{
    const QString names = partitionerNames().join(QStringLiteral(", "));
    parser.addOption({QStringLiteral("partitioner"),
                      args.defaultPartitioner.isEmpty()
                          ? QCoreApplication::translate("Options", "Partitioner: %1.").arg(names)
                          : QCoreApplication::translate("Options", "Partitioner: %1 (default %2).").arg(names, args.defaultPartitioner),
                      QStringLiteral("NAME")});
    if (args.partitions)
        parser.addOption({QStringLiteral("partitions"),
                          args.registryDefaultCount
                              ? QCoreApplication::translate("Options", "Number of partitions N (1-%1, default %2; hazelcast %3, Hazelcast's own).")
                                    .arg(args.maxPartitions).arg(PartitionerOptions{}.partitions)
                                    .arg(defaultPartitionCount(QStringLiteral("hazelcast")))
                              : QCoreApplication::translate("Options", "Number of partitions N (1-%1).").arg(args.maxPartitions),
                          QStringLiteral("N")});
    if (!args.details)
        return;
    parser.addOptions({
        {QStringLiteral("max-parallelism"),
         QStringLiteral("flink: number of key groups (1-32768; default: Flink's default for N)."), QStringLiteral("M")},
        {QStringLiteral("vnodes"),
         QStringLiteral("ring: virtual nodes per partition (1-%1, default %2).")
             .arg(PartitionerLimits::kMaxVirtualNodes).arg(PartitionerOptions{}.virtualNodes),
         QStringLiteral("V")},
        {QStringLiteral("seed"), QStringLiteral("ring, rendezvous: hash seed (default 0)."), QStringLiteral("S")},
        {QStringLiteral("routing-num-shards"),
         QStringLiteral("elasticsearch: index.number_of_routing_shards, a multiple of N (default: Elasticsearch's, "
                        "the largest N * 2^k <= 1024 with k >= 1)."),
         QStringLiteral("R")},
        {QStringLiteral("routing-partition-size"),
         QStringLiteral("elasticsearch: index.routing_partition_size, routing shards one routing value spreads over (default 1)."),
         QStringLiteral("P")},
        {QStringLiteral("doc-id"),
         QStringLiteral("elasticsearch: the document _id whose hash picks the shard within the routing partition "
                        "(with --routing-partition-size > 1)."),
         QStringLiteral("ID")},
    });
}

QString readPartitionerOptions(const QCommandLineParser &parser, const QString &partitioner, PartitionerOptions &options,
                               const PartitionerArgs &args)
{
    if (parser.isSet(QStringLiteral("partitioner"))) {
        if (const QString problem = partitionerOptionError(parser.value(QStringLiteral("partitioner"))); !problem.isEmpty())
            return problem;
    }
    QString error;
    const auto onlyFor = [&](const char *option, std::initializer_list<const char *> names) -> bool {
        if (!parser.isSet(QLatin1String(option)) || partitioner.isEmpty())
            return true;
        for (const char *name : names) {
            if (partitioner == QLatin1String(name))
                return true;
        }
        QStringList list;
        for (const char *name : names)
            list << QLatin1String(name);
        error = QStringLiteral("--%1 applies to --partitioner %2 only").arg(QLatin1String(option), list.join(QStringLiteral(" or ")));
        return false;
    };
    if (args.details && (!onlyFor("max-parallelism", {"flink"}) || !onlyFor("vnodes", {"ring"}) || !onlyFor("seed", {"ring", "rendezvous"})
        || !onlyFor("routing-num-shards", {"elasticsearch"}) || !onlyFor("routing-partition-size", {"elasticsearch"})
        || !onlyFor("doc-id", {"elasticsearch"})))
        return error;

    if (args.partitions && parser.isSet(QStringLiteral("partitions"))) {
        const auto n = integerOption(parser, QStringLiteral("partitions"), 1, args.maxPartitions, &error);
        if (!n)
            return error;
        options.partitions = int(*n);
    } else if (args.partitions && args.registryDefaultCount && !partitioner.isEmpty()) {
        options.partitions = defaultPartitionCount(partitioner);
    }
    if (!args.details)
        return {};
    // A whole-number option of one partitioner, in [1, max], into @p target when it is given.
    const auto readCount = [&](const QString &name, qint64 max, int &target) {
        return readIntegerOption(parser, name, 1, max, target, &error);
    };
    if (!readCount(QStringLiteral("routing-num-shards"), ElasticsearchPartitioner::kMaxRoutingShards, options.routingNumShards)
        || !readCount(QStringLiteral("routing-partition-size"), ElasticsearchPartitioner::kMaxRoutingShards, options.routingPartitionSize))
        return error;
    if (parser.isSet(QStringLiteral("doc-id"))) {
        options.documentId = parser.value(QStringLiteral("doc-id"));
        if (options.documentId.isEmpty())
            return QStringLiteral("--doc-id needs a document _id");
    }
    if (!readCount(QStringLiteral("max-parallelism"), 32768, options.maxParallelism)
        || !readCount(QStringLiteral("vnodes"), PartitionerLimits::kMaxVirtualNodes, options.virtualNodes))
        return error;
    if (parser.isSet(QStringLiteral("seed"))) {
        const QByteArray text = parser.value(QStringLiteral("seed")).trimmed().toUtf8();
        quint64 s = 0;
        const auto [end, ec] = std::from_chars(text.constData(), text.constData() + text.size(), s, 10);
        if (text.isEmpty() || ec != std::errc() || end != text.constData() + text.size())
            return QStringLiteral("--seed must be a whole number between 0 and 18446744073709551615 (got '%1')")
                .arg(parser.value(QStringLiteral("seed")));
        options.seed = s;
    }
    return {};
}

} // namespace partlab
