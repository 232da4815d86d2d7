#pragma once

#include "model/limits.h"
#include "routingkey.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace partlab {

/** Settings shared by every partitioner; each one reads the fields that concern it. */
struct PartitionerOptions
{
    int partitions = 8;
    int maxParallelism = 0; ///< flink: 0 = Flink's own default for the partition count
    int virtualNodes = 128; ///< ring: virtual nodes per partition
    quint64 seed = 0;       ///< ring / rendezvous: hash seed
    int routingNumShards = 0;     ///< elasticsearch: index.number_of_routing_shards; 0 = the default for N
    int routingPartitionSize = 1; ///< elasticsearch: index.routing_partition_size (1 = one shard per routing value)
    QString documentId;           ///< elasticsearch: the _id whose hash picks the shard within a routing partition

    friend bool operator==(const PartitionerOptions &, const PartitionerOptions &) = default;
};

/** Limits the options are checked against in createPartitioner(). */
namespace PartitionerLimits {
constexpr int kMaxPartitions = limits::kMaxPartitions;
constexpr int kMaxVirtualNodes = 65536;
constexpr qint64 kMaxRingPoints = qint64(1) << 22; ///< partitions x virtual nodes (64 MiB of ring)
} // namespace PartitionerLimits

/** What a partitioner did with one key, for `route --explain` and the lessons. */
struct RouteExplanation
{
    qint64 hash = 0;      ///< the raw hash as the real system computes it (signed)
    QString hashText;     ///< set instead of hash when the hash is wider than 64 bits (wallaroo's MD5, hex)
    int partition = -1;
    QString stepName;     ///< intermediate step ("slot", "key_group"), empty when there is none
    qint64 step = -1;
    QStringList extra;    ///< values of Partitioner::explainColumns(), in that order
};

/**
 * What each partition owns, for `partlab-cli layout` and the GUI: inclusive ranges of the
 * partitioner's hash space ("0-5460" slots, "0-42" key groups, signed token ranges written
 * "a..b"), or, for partitioners whose ownership is a formula, the rule.
 */
struct PartitionLayout
{
    QString unit;                    ///< "slots", "key_groups", "tokens", "md5", or "rule"
    std::vector<QStringList> owned;  ///< one entry per partition
};

/**
 * Maps a routing key to one of N partitions, exactly as the real system it is named after.
 *
 * Implementations are immutable after construction and therefore safe to share between threads.
 */
class Partitioner
{
public:
    virtual ~Partitioner() = default;

    /** The name used on the command line and in the GUI ("xap", "kafka", ...). */
    virtual QString name() const = 0;

    /** Partition in [0, partitionCount()) for a non-null key. */
    virtual int partition(const RoutingKey &key) const = 0;

    /** The hash and intermediate steps behind partition(); by default only the partition. */
    virtual RouteExplanation explain(const RoutingKey &key) const;

    /**
     * The same partitioner (same options) for another partition count, used when resizing.
     * Never fails; a count above maxPartitions() leaves the extra partitions without keys. What a
     * real system keeps across a resize goes through adjustResizedOptions() (Flink: its max
     * parallelism unless the new count exceeds it; Elasticsearch: routing_num_shards on split/shrink).
     */
    std::unique_ptr<Partitioner> withPartitions(int partitions) const;

    /** Name of the intermediate step explain() reports ("slot", "key_group"), empty when none. */
    virtual QString stepName() const { return {}; }

    /**
     * Names of further intermediate values explain() reports in RouteExplanation::extra
     * (Elasticsearch's routing_num_shards, routing_factor and partition offset; Hazelcast's
     * serialized bytes), for `route --explain`; empty for most partitioners.
     */
    virtual QStringList explainColumns() const { return {}; }

    /** What each partition owns (see PartitionLayout); by default the one-line rule. */
    virtual PartitionLayout layout() const;

    /**
     * Partitioners that route through a fixed set of units (Redis hash slots, Flink key groups)
     * name them here, so that a resize can be described as whole units changing owner.
     * unitCount() is 0 for the others.
     */
    virtual QString unitName() const { return {}; }
    virtual qint64 unitCount() const { return 0; }
    virtual int ownerOfUnit(qint64 unit) const
    {
        Q_UNUSED(unit);
        return -1;
    }

    /** The largest partition count the real system supports (Redis: one slot per node). */
    virtual int maxPartitions() const { return PartitionerLimits::kMaxPartitions; }

    int partitionCount() const { return m_options.partitions; }
    const PartitionerOptions &options() const { return m_options; }

protected:
    explicit Partitioner(const PartitionerOptions &options) : m_options(options) {}

    /**
     * withPartitions()'s hook: @p options are this partitioner's with the new count already set;
     * a partitioner whose real system keeps more across a resize adjusts them here (Flink's max
     * parallelism, Elasticsearch's routing_num_shards on _split / _shrink). Default: nothing.
     */
    virtual void adjustResizedOptions(PartitionerOptions &options) const { Q_UNUSED(options); }

    PartitionerOptions m_options;
};

/**
 * An inclusive range for a layout: "first-last" for slot / key-group numbers (as redis-cli
 * prints them), "first..last" for signed tokens (a minus sign would make "-" ambiguous), and
 * just "first" when the range holds one value.
 */
QString formatRange(qint64 first, qint64 last, bool signedTokens = false);

/** Names of every partitioner, in the order the GUI and `--help` list them. */
QStringList partitionerNames();

/**
 * The partition count to use when none is given: the real system's own default where it has one
 * (Hazelcast's hazelcast.partition.count, 271), else PartitionerOptions' (8).
 */
int defaultPartitionCount(const QString &name);

/**
 * The check of every `--partitioner NAME` option, partlab-cli's and the GUI's: empty when @p name
 * is a partitioner, else "--partitioner: unknown partitioner 'NAME' (choose xap, kafka, ...)"
 * (translated where a translator is installed: the GUI).
 */
QString partitionerOptionError(const QString &name);

/**
 * The engine's own check of a partitioner name (a scenario file, a sweep, a space workload, the
 * registry): empty when @p name is a partitioner, else "unknown partitioner 'NAME' (choose xap,
 * kafka, ...)", the same words as the option check without the option's name.
 */
QString unknownPartitionerError(const QString &name);

/** One-line description of a partitioner's rule, for help texts and tooltips. */
QString partitionerDescription(const QString &name);

/**
 * Creates the partitioner called @p name. Returns nullptr and sets @p error (one line, naming
 * the problem) for an unknown name or options it cannot use.
 */
std::unique_ptr<Partitioner> createPartitioner(const QString &name, const PartitionerOptions &options,
                                               QString *error);

} // namespace partlab
