#pragma once

#include "queryplan.h"

#include "model/entry.h"
#include "model/typedescriptor.h"

#include <QList>
#include <QString>

namespace partlab {

/**
 * What every space operation reports: success or the reason it failed, and the partitions it
 * touched (ascending). A failed operation has left the space as it was.
 */
struct OperationReport
{
    bool ok = false;
    QString error;
    QList<int> partitions;  ///< partitions the proxy sent the operation to, ascending
    bool broadcast = false; ///< sent to every partition because the routing value was not fixed
};

/** defineType: the routing property and the rule that chose it. */
struct TypeResult : OperationReport
{
    RoutingResolution routing;
};

/** write / update. */
struct WriteResult : OperationReport
{
    int partition = -1;
    Value id;             ///< the entry's id (the generated one for an auto-generated id)
    bool updated = false; ///< an existing entry was replaced
};

/** One per-partition group of a writeMultiple. */
struct GroupReport
{
    int partition = -1;
    int size = 0;
};

/** The fate of one entry of a writeMultiple, in batch order. */
struct EntryOutcome
{
    int partition = -1;
    bool ok = false;
    bool updated = false;
    Value id;
    QString error;
};

/**
 * writeMultiple. ok = false: the proxy refused the batch (nothing was written, `entries` says
 * which entries it could not route or accept). ok = true: the groups were sent; `failed` entries
 * were refused by their partition (e.g. duplicate id) and the others written, as XAP reports
 * per-entry failures in a WriteMultipleException.
 */
struct WriteMultipleResult : OperationReport
{
    QList<GroupReport> groups;
    QList<EntryOutcome> entries;
    int written = 0;
    int failed = 0;
};

/** read / take (single, multiple, by id). */
struct ReadResult : OperationReport
{
    QList<Entry> entries;
    bool timedOut = false; ///< a blocking read/take found nothing before its timeout
    /** Set when a FIFO type was read from several partitions: the merge is FIFO per partition only. */
    QString fifoNote;
    /** What each partition's planner did, in the order of `partitions` (index used, entries examined). */
    QList<QueryPlanReport> plans;
};

/** count / clear / clean. */
struct CountResult : OperationReport
{
    qint64 count = 0;
    /** What each partition of `partitions` counted or removed, in the same order (sums to count). */
    QList<qint64> partitionCounts;
    /** What each partition's planner did, in the same order (count and clear only). */
    QList<QueryPlanReport> plans;
};

/** subscribe. */
struct SubscribeResult : OperationReport
{
    quint64 subscription = 0;
};

/** snapshot: a prepared query kept on the default partition. */
struct SnapshotResult : OperationReport
{
    quint64 snapshot = 0;
};

/** One partition's part of an initial load. */
struct LoadPartitionReport
{
    int partition = -1;
    qint64 scanned = 0; ///< rows it read
    qint64 kept = 0;    ///< rows it owns and loaded
};

/** load (initial load from CSV): all or nothing. */
struct LoadResult : OperationReport
{
    qint64 rows = 0;
    QList<LoadPartitionReport> perPartition;
};

} // namespace partlab
