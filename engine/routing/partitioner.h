#pragma once

#include "routingkey.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace partlab {

/** Settings shared by every partitioner; each one reads the fields that concern it. */
struct PartitionerOptions
{
    int partitions = 8;
    int maxParallelism = 0; ///< flink: 0 = Flink's own default for the partition count
    int virtualNodes = 128; ///< ring: virtual nodes per partition
    quint64 seed = 0;       ///< ring / rendezvous: hash seed
};

/** What a partitioner did with one key, for `route --explain` and the lessons. */
struct RouteExplanation
{
    qint64 hash = 0;      ///< the raw hash as the real system computes it (signed)
    int partition = -1;
    QString stepName;     ///< intermediate step ("slot", "key_group"), empty when there is none
    qint64 step = -1;
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

    /** The same partitioner (same options) for another partition count, used when resizing. */
    virtual std::unique_ptr<Partitioner> withPartitions(int partitions) const = 0;

    int partitionCount() const { return m_options.partitions; }
    const PartitionerOptions &options() const { return m_options; }

protected:
    explicit Partitioner(const PartitionerOptions &options) : m_options(options) {}

    PartitionerOptions m_options;
};

/** Names of every partitioner, in the order the GUI and `--help` list them. */
QStringList partitionerNames();

/** One-line description of a partitioner's rule, for help texts and tooltips. */
QString partitionerDescription(const QString &name);

/**
 * Creates the partitioner called @p name. Returns nullptr and sets @p error (one line, naming
 * the problem) for an unknown name or options it cannot use.
 */
std::unique_ptr<Partitioner> createPartitioner(const QString &name, const PartitionerOptions &options,
                                               QString *error);

} // namespace partlab
