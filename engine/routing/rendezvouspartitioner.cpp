#include "rendezvouspartitioner.h"

#include "keyencoding.h"
#include "murmurhash.h"

#include <algorithm>

namespace partlab {

namespace {
constexpr quint64 kGoldenGamma = 0x9E3779B97F4A7C15ULL; // 2^64 / golden ratio
}

RendezvousPartitioner::RendezvousPartitioner(const PartitionerOptions &options)
    : Partitioner(options), m_nodeHash(std::size_t(std::max(options.partitions, 1)))
{
    for (std::size_t i = 0; i < m_nodeHash.size(); ++i)
        m_nodeHash[i] = fmix64(options.seed ^ ((quint64(i) + 1) * kGoldenGamma));
}

quint64 RendezvousPartitioner::weight(quint64 key64, int node) const
{
    return fmix64(key64 ^ m_nodeHash[std::size_t(node)]);
}

int RendezvousPartitioner::winner(quint64 key64) const
{
    int best = 0;
    quint64 bestWeight = fmix64(key64 ^ m_nodeHash[0]);
    for (std::size_t i = 1; i < m_nodeHash.size(); ++i) {
        const quint64 w = fmix64(key64 ^ m_nodeHash[i]);
        if (w > bestWeight) {
            bestWeight = w;
            best = int(i);
        }
    }
    return best;
}

int RendezvousPartitioner::partition(const RoutingKey &key) const
{
    return winner(keyHash64(key));
}

RouteExplanation RendezvousPartitioner::explain(const RoutingKey &key) const
{
    RouteExplanation e;
    const quint64 h = keyHash64(key);
    e.hash = qint64(h);
    e.partition = winner(h);
    return e;
}

PartitionLayout RendezvousPartitioner::layout() const
{
    PartitionLayout layout;
    layout.unit = QStringLiteral("rule");
    for (int p = 0; p < m_options.partitions; ++p)
        layout.owned.push_back({QStringLiteral("keys whose weight for node %1 is the highest of %2 (seed %3)")
                                    .arg(p).arg(m_options.partitions).arg(m_options.seed)});
    return layout;
}

} // namespace partlab
