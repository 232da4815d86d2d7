#pragma once

#include "partitioner.h"

#include <QCommandLineParser>

namespace partlab {

/** Which partitioner options a command line offers (see addPartitionerOptions()). */
struct PartitionerArgs
{
    /** --partitions (movement has --from / --to instead). */
    bool partitions = true;
    /** --max-parallelism, --vnodes, --seed and Elasticsearch's --routing-num-shards, --routing-partition-size, --doc-id. */
    bool details = true;
    /** The largest --partitions (the GUI's views stop at 1024). */
    int maxPartitions = PartitionerLimits::kMaxPartitions;
    /**
     * Without --partitions, a named partitioner takes its real system's default count (hazelcast:
     * 271); false keeps the count the options already hold (a scenario's).
     */
    bool registryDefaultCount = true;
    /** Named in --partitioner's help as the default; empty where the option is required. */
    QString defaultPartitioner;

    /**
     * Only --partitioner (default @p partitioner) and --partitions up to @p maxPartitions, the
     * count already in the options kept without it: the commands that run one configuration
     * (simulate, replay, hotkeys, capacity, space) and the GUI.
     */
    static PartitionerArgs nameAndCount(const QString &partitioner, int maxPartitions = PartitionerLimits::kMaxPartitions)
    {
        PartitionerArgs args;
        args.details = false;
        args.registryDefaultCount = false;
        args.maxPartitions = maxPartitions;
        args.defaultPartitioner = partitioner;
        return args;
    }
};

/**
 * The partitioner options of every command line, partlab-cli's and the GUI's: --partitioner,
 * and, as @p args asks, --partitions and the partitioner-specific options.
 */
void addPartitionerOptions(QCommandLineParser &parser, const PartitionerArgs &args = {});

/**
 * Reads the options of addPartitionerOptions() into @p options. @p partitioner is the chosen
 * partitioner (the value of --partitioner, or the default the caller has), or empty when the
 * command covers all of them; a --partitioner that names no partitioner is an error, and so is an
 * option that only concerns another partitioner (--vnodes with kafka), so a typo never goes
 * unnoticed. Returns a one-line error naming the option, or an empty string.
 */
QString readPartitionerOptions(const QCommandLineParser &parser, const QString &partitioner, PartitionerOptions &options,
                               const PartitionerArgs &args = {});

} // namespace partlab
