#pragma once

#include "spaceworkloadconfig.h"

#include "metrics/latencyhistogram.h"

#include <QList>
#include <QString>

#include <array>
#include <vector>

namespace partlab {

/** One operation a client executed, picked out for the GUI's partition strip (see SpaceWorkload::requestSample). */
struct SpaceOperationSample
{
    SpaceOp op = SpaceOp::Write;
    QString typeName;
    QList<int> partitions; ///< the partitions it touched, ascending
    bool broadcast = false;
    bool ok = true;
    int client = 0;
};

/**
 * What a space workload has done so far, summed over its clients: operations by type, routed
 * and broadcast operations, what each partition executed and holds, and latency per operation
 * type. Taken from the clients' own counters without stopping them (any thread).
 */
struct SpaceWorkloadSnapshot
{
    int partitions = 0;
    double seconds = 0.0; ///< since the start; the whole run once finished
    bool finished = false;
    std::array<quint64, kSpaceOpCount> ops{};
    quint64 routedOps = 0;    ///< operations sent to the partitions of their routing values
    quint64 broadcastOps = 0; ///< operations sent to every partition
    quint64 failedOps = 0;    ///< operations the space refused (none in a correct run)
    /** Routed operations each partition executed (a writeMultiple counts on each partition it wrote to). */
    std::vector<quint64> partitionRouted;
    /** Entries per partition as the clients counted them: written there minus removed there. */
    std::vector<qint64> partitionEntries;
    quint64 entriesWritten = 0; ///< new entries (an upsert that replaced an entry is not counted)
    quint64 entriesRemoved = 0; ///< by take, blocking take and clear
    quint64 blockingTimeouts = 0;
    int clients = 0;
    /** Client time spent inside blocking takes (waiting for a match or for the timeout), summed over clients. */
    double blockingSeconds = 0.0;
    std::array<LatencyPercentiles, kSpaceOpCount> latency{};

    quint64 totalOps() const;
    /** Operations each partition executed: its routed ones plus every broadcast (a broadcast reaches all). */
    std::vector<quint64> partitionOps() const;
    /** Share of operations that were broadcast, 0..1 (0 before the first operation). */
    double broadcastShare() const;
    double throughput() const { return seconds > 0.0 ? double(totalOps()) / seconds : 0.0; }
    /**
     * Operations other than blocking takes per second of the clients' time outside blocking
     * takes: what the space does when nobody waits (a blocking take's timeout is idle time, not
     * work). 0 when the clients did nothing else.
     */
    double throughputOutsideBlocking() const;
};

/** A finished run: the snapshot at its end plus what the space really holds. */
struct SpaceWorkloadResult : SpaceWorkloadSnapshot
{
    /** Entries per partition read from the space itself after the last client returned. */
    std::vector<qint64> finalEntries;
    /** The first refusal (a failed operation), empty when there was none. */
    QString firstFailure;

    qint64 finalEntriesTotal() const;
    /**
     * Conservation: the space holds exactly what was written minus what was removed, in total
     * and on every partition. Empty when it holds, else what differs.
     */
    QString conservationError() const;
};

} // namespace partlab
