#include "ringpartitioner.h"

#include "keyencoding.h"
#include "murmurhash.h"

#include <algorithm>
#include <limits>
#include <tuple>

namespace partlab {

namespace {
constexpr quint64 kNodeSalt = 0x9E3779B97F4A7C15ULL;
constexpr quint64 kKeySalt = 0xC2B2AE3D27D4EB4FULL;
} // namespace

qint64 RingPartitioner::token(int partition, int vnode, quint64 seed)
{
    return qint64(fmix64(((quint64(quint32(partition)) << 32) | quint32(vnode)) ^ seed ^ kNodeSalt));
}

qint64 RingPartitioner::position(quint64 key64, quint64 seed)
{
    return qint64(fmix64(key64 ^ seed ^ kKeySalt));
}

RingPartitioner::RingPartitioner(const PartitionerOptions &options) : Partitioner(options)
{
    struct Point
    {
        qint64 token;
        int partition;
        int vnode;
    };
    const int vnodes = std::max(options.virtualNodes, 1);
    std::vector<Point> points;
    points.reserve(std::size_t(options.partitions) * std::size_t(vnodes));
    for (int p = 0; p < options.partitions; ++p)
        for (int v = 0; v < vnodes; ++v)
            points.push_back({token(p, v, options.seed), p, v});
    // Equal tokens (astronomically rare) are ordered by partition, so the result never depends
    // on construction order.
    std::sort(points.begin(), points.end(), [](const Point &a, const Point &b) {
        return std::tie(a.token, a.partition, a.vnode) < std::tie(b.token, b.partition, b.vnode);
    });
    m_tokens.reserve(points.size());
    m_owners.reserve(points.size());
    for (const Point &pt : points) {
        m_tokens.push_back(pt.token);
        m_owners.push_back(quint32(pt.partition));
    }
}

int RingPartitioner::ownerOf(qint64 pos) const
{
    const auto it = std::lower_bound(m_tokens.begin(), m_tokens.end(), pos);
    const std::size_t index = it == m_tokens.end() ? 0 : std::size_t(it - m_tokens.begin());
    return int(m_owners[index]);
}

int RingPartitioner::partition(const RoutingKey &key) const
{
    return ownerOf(position(keyHash64(key), m_options.seed));
}

RouteExplanation RingPartitioner::explain(const RoutingKey &key) const
{
    RouteExplanation e;
    e.hash = position(keyHash64(key), m_options.seed);
    e.partition = ownerOf(e.hash);
    return e;
}

PartitionLayout RingPartitioner::layout() const
{
    // Token k owns (token[k-1], token[k]]; the first token also owns everything after the last
    // one. Walking the ring in order and merging neighbours of the same partition gives each
    // partition's ranges, smallest first.
    constexpr qint64 kMin = std::numeric_limits<qint64>::min();
    constexpr qint64 kMax = std::numeric_limits<qint64>::max();
    struct Range
    {
        qint64 first, last;
        quint32 owner;
    };
    std::vector<Range> ranges;
    const auto add = [&ranges](qint64 first, qint64 last, quint32 owner) {
        if (!ranges.empty() && ranges.back().owner == owner && ranges.back().last + 1 == first)
            ranges.back().last = last;
        else
            ranges.push_back({first, last, owner});
    };
    const std::size_t n = m_tokens.size();
    for (std::size_t k = 0; k < n; ++k) {
        if (k == 0)
            add(kMin, m_tokens[0], m_owners[0]);
        else if (m_tokens[k - 1] < m_tokens[k]) // equal tokens: the first one owns the point
            add(m_tokens[k - 1] + 1, m_tokens[k], m_owners[k]);
    }
    if (n > 0 && m_tokens[n - 1] < kMax)
        add(m_tokens[n - 1] + 1, kMax, m_owners[0]);

    PartitionLayout layout;
    layout.unit = QStringLiteral("tokens");
    layout.owned.resize(std::size_t(m_options.partitions));
    for (const Range &r : ranges)
        layout.owned[r.owner] << formatRange(r.first, r.last, true);
    return layout;
}

} // namespace partlab
