#pragma once

#include "keyweights.h"
#include "routing/partitioner.h"

#include <QStringList>

#include <atomic>
#include <functional>
#include <vector>

namespace partlab {

/** What to sweep: partitioners x partition counts, for a given key load. */
struct SweepOptions
{
    QStringList partitioners{QStringLiteral("xap")};
    int minPartitions = 2;
    int maxPartitions = 64;
    int workers = 2;             ///< for the expected speed-up
    PartitionerOptions base;     ///< max parallelism, vnodes, seed (partitions is swept)
    double targetSkew = 1.25;    ///< for the recommendation
};

/** One partitioner at one N. */
struct SweepRow
{
    QString partitioner;
    int partitions = 0;
    double skew = 0.0;          ///< busiest partition load / mean partition load
    double maxShare = 0.0;      ///< busiest partition's share of all messages
    quint64 keysMoved = 0;      ///< keys whose partition differs from the layout with N-1 partitions
    double movedFraction = 0.0; ///< keysMoved / keys
    double speedup = 0.0;       ///< total load / busiest worker's load (partition p on worker p % W)
    int emptyPartitions = 0;
};

/** The advisor's answer for one partitioner. */
struct SweepRecommendation
{
    QString partitioner;
    int partitions = 0; ///< 0 when no N in the range reaches the target
    QString reason;     ///< in words, for the CLI and the GUI
};

/**
 * The partition-count advisor: routes every key with every partitioner for every N in a range
 * and measures skew, movement and speed-up, one task per partitioner on Qt Concurrent's pool.
 */
class PartitionSweep
{
public:
    PartitionSweep(std::vector<KeyWeight> keys, SweepOptions options);

    /** A one-line error for options that cannot work, or an empty string. */
    QString validate() const;

    /**
     * Runs the sweep, blocking; calls @p progress(done, total) on the calling thread about ten
     * times a second. Returns the rows ordered by partitioner (as given), then N. Returns an
     * empty vector if @p cancel becomes true.
     */
    std::vector<SweepRow> run(const std::function<void(int, int)> &progress = {},
                              const std::atomic<bool> *cancel = nullptr) const;

    /**
     * Per partitioner, the smallest N whose skew is at most the target, with the reason; rows
     * with fewer keys than partitions cannot be even and are said to be so.
     */
    std::vector<SweepRecommendation> recommend(const std::vector<SweepRow> &rows) const;

    const std::vector<KeyWeight> &keys() const { return m_keys; }
    const SweepOptions &options() const { return m_options; }

private:
    std::vector<SweepRow> sweepOne(const QString &partitioner, std::atomic<int> &done,
                                   const std::atomic<bool> *cancel) const;

    std::vector<KeyWeight> m_keys;
    SweepOptions m_options;
    quint64 m_totalWeight = 0;
};

} // namespace partlab
