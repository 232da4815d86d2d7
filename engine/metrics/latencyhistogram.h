#pragma once

#include <QtGlobal>

#include <array>
#include <atomic>

namespace partlab {

/** Latency percentiles in microseconds. */
struct LatencyPercentiles
{
    double p50 = 0, p90 = 0, p99 = 0, p999 = 0, max = 0;
    quint64 count = 0;
};

/**
 * Log-linear histogram of nanosecond latencies (16 sub-buckets per power of two, so a value is
 * placed within 6.25% of its true size), written by one thread and read by any.
 *
 * record() is a relaxed load + store on the owner's own counters: no read-modify-write, no
 * contention. Readers merge histograms with addTo() and read percentiles from the sum.
 */
class LatencyHistogram
{
public:
    static constexpr int kSubBits = 4;
    static constexpr int kSub = 1 << kSubBits;
    static constexpr int kBuckets = (64 - kSubBits + 1) * kSub;

    /** Owner thread only. */
    void record(quint64 nanoseconds)
    {
        auto &c = m_counts[bucketOf(nanoseconds)];
        c.store(c.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
    }

    /** Adds this histogram's counts into a plain array (any thread). */
    void addTo(std::array<quint64, kBuckets> &sum) const;

    /** Owner thread only, while nobody records. */
    void reset();

    static int bucketOf(quint64 v);
    /** The upper bound of a bucket, in nanoseconds. */
    static quint64 bucketUpperBound(int bucket);
    static LatencyPercentiles percentiles(const std::array<quint64, kBuckets> &counts);

private:
    std::array<std::atomic<quint64>, kBuckets> m_counts{};
};

} // namespace partlab
