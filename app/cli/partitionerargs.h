#pragma once

#include "routing/partitioner.h"

#include <QCommandLineParser>

namespace partlab::cli {

/**
 * The partitioner options `route`, `layout` and `movement` share: --partitioner, --partitions
 * (unless @p withPartitions is false: movement has --from / --to), --max-parallelism, --vnodes,
 * --seed, and Elasticsearch's --routing-num-shards, --routing-partition-size and --doc-id.
 * Without --partitions, hazelcast takes Hazelcast's default of 271 partitions.
 */
void addPartitionerOptions(QCommandLineParser &parser, bool withPartitions = true);

/**
 * Reads the options of addPartitionerOptions() into @p options. @p partitioner is the chosen
 * partitioner, or empty when the command covers all of them; an option that only concerns
 * another partitioner (--vnodes with kafka) is an error, so a typo never goes unnoticed.
 * Returns a one-line error naming the option, or an empty string.
 */
QString readPartitionerOptions(const QCommandLineParser &parser, const QString &partitioner, PartitionerOptions &options,
                               bool withPartitions = true);

} // namespace partlab::cli
