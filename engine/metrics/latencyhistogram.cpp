#include "latencyhistogram.h"

#include <bit>

namespace partlab {

int LatencyHistogram::bucketOf(quint64 v)
{
    if (v < kSub)
        return static_cast<int>(v);
    const int msb = 63 - std::countl_zero(v);        // >= kSubBits
    const int shift = msb - kSubBits;                // drop all but the top kSubBits+1 bits
    const int sub = static_cast<int>((v >> shift) & (kSub - 1));
    return (shift + 1) * kSub + sub;
}

quint64 LatencyHistogram::bucketUpperBound(int bucket)
{
    if (bucket < kSub)
        return static_cast<quint64>(bucket);
    const int shift = bucket / kSub - 1;
    const quint64 sub = static_cast<quint64>(bucket % kSub);
    const quint64 lower = (quint64(kSub) | sub) << shift;
    return lower + ((quint64(1) << shift) - 1);
}

void LatencyHistogram::addTo(std::array<quint64, kBuckets> &sum) const
{
    for (int i = 0; i < kBuckets; ++i)
        sum[i] += m_counts[i].load(std::memory_order_relaxed);
}

void LatencyHistogram::reset()
{
    for (auto &c : m_counts)
        c.store(0, std::memory_order_relaxed);
}

LatencyPercentiles LatencyHistogram::percentiles(const std::array<quint64, kBuckets> &counts)
{
    LatencyPercentiles p;
    for (quint64 c : counts)
        p.count += c;
    if (p.count == 0)
        return p;
    const double targets[4] = {0.50, 0.90, 0.99, 0.999};
    double *outputs[4] = {&p.p50, &p.p90, &p.p99, &p.p999};
    int next = 0;
    quint64 seen = 0;
    for (int b = 0; b < kBuckets; ++b) {
        if (counts[b] == 0)
            continue;
        seen += counts[b];
        const double us = double(bucketUpperBound(b)) / 1000.0;
        while (next < 4 && double(seen) >= targets[next] * double(p.count))
            *outputs[next++] = us;
        p.max = us;
    }
    return p;
}

} // namespace partlab
