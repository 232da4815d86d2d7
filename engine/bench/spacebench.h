#pragma once

#include <QList>
#include <QString>

#include <functional>
#include <vector>

namespace partlab {

/** What `partlab-cli bench --only space` measures, and how much of it. */
struct SpaceBenchOptions
{
    QList<qint64> sizes{10'000, 100'000, 1'000'000}; ///< Order entries in the space before each measurement
    QList<int> clients{1, 2};
    int partitions = 8;
    int repetitions = 3;
    qint64 operations = 100'000; ///< per routed measurement (cheaper ones), over all clients
};

/** One operation measured at one size with one client count: the median of its repetitions. */
struct SpaceBenchRow
{
    QString operation; ///< "routed write", "routed read by id", ...
    qint64 entries = 0;
    int clients = 1;
    double opsPerSecond = 0.0;
    /** Entries the partitions examined per operation (the planner's reports), to show O(log n + matches). */
    double examinedPerOp = 0.0;
    double matchedPerOp = 0.0;
};

/** The baseline next to a space measurement: the same routed 50/50 write/read mix. */
struct SpaceBenchBaseline
{
    qint64 entries = 0;
    int clients = 1;
    double baselineOpsPerSecond = 0.0; ///< per-partition std::unordered_map behind a std::mutex (median)
    double spaceOpsPerSecond = 0.0;    ///< the space, same mix, same keys (median)
    /**
     * Space over baseline for each repetition, the two measured back to back: a host whose speed
     * drifts between repetitions (a shared virtual machine) moves both sides of a pair alike.
     */
    std::vector<double> pairedRatios;
    /** The median of the paired ratios: the figure the target is checked against. */
    double ratio() const;
};

struct SpaceBenchResult
{
    std::vector<SpaceBenchRow> rows;
    std::vector<SpaceBenchBaseline> baselines;
    /** Resident memory of the process with the largest space loaded, and what loading it added (MB). */
    double rssMb = -1.0;
    double rssAddedMb = -1.0;
    qint64 rssEntries = 0;
};

/**
 * The partitioned space at in-memory speed, measured beside a baseline in the same run: routed
 * writes, reads by id, routed template reads on the indexed routing property, broadcast range
 * reads on an indexed property, broadcast counts, takes and clears, at each size and client
 * count; the routed 50/50 write/read mix against a plain per-partition hash map behind a mutex;
 * and the memory the largest space takes.
 */
SpaceBenchResult runSpaceBench(const SpaceBenchOptions &options, const std::function<void(const QString &)> &progress = {});

} // namespace partlab
