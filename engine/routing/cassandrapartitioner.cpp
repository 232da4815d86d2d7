#include "cassandrapartitioner.h"

#include "keyencoding.h"
#include "murmurhash.h"

#include <limits>

namespace partlab {

namespace {
constexpr quint64 kSignBit = quint64(1) << 63;
}

CassandraPartitioner::CassandraPartitioner(const PartitionerOptions &options) : Partitioner(options), m_step(0)
{
    const quint64 n = quint64(options.partitions);
    if (n > 1) {
        // floor(2^64 / n) without 128-bit arithmetic: 2^64 = UINT64_MAX + 1.
        const quint64 max = std::numeric_limits<quint64>::max();
        m_step = max / n + (max % n == n - 1 ? 1 : 0);
    }
}

qint64 CassandraPartitioner::token(const RoutingKey &key)
{
    KeyScratch scratch;
    const qint64 h1 = qint64(cassandraMurmur3(encodeKey(key, IntegerEncoding::BigEndian, scratch)).h1);
    return h1 == std::numeric_limits<qint64>::min() ? std::numeric_limits<qint64>::max() : h1;
}

qint64 CassandraPartitioner::nodeToken(int node) const
{
    return qint64((quint64(node) * m_step) ^ kSignBit); // MIN + node * step, in two's complement
}

int CassandraPartitioner::ownerOf(qint64 token) const
{
    if (m_step == 0)
        return 0;
    // Offset from MIN; the owner is the first node whose token is >= the key's token, i.e.
    // ceil(offset / step), and past the last node the ring wraps to node 0.
    const quint64 offset = quint64(token) ^ kSignBit;
    const quint64 node = offset / m_step + (offset % m_step != 0 ? 1 : 0);
    return node >= quint64(m_options.partitions) ? 0 : int(node);
}

int CassandraPartitioner::partition(const RoutingKey &key) const
{
    return ownerOf(token(key));
}

RouteExplanation CassandraPartitioner::explain(const RoutingKey &key) const
{
    RouteExplanation e;
    e.hash = token(key);
    e.partition = ownerOf(e.hash);
    return e;
}

PartitionLayout CassandraPartitioner::layout() const
{
    PartitionLayout layout;
    layout.unit = QStringLiteral("tokens");
    const int n = m_options.partitions;
    constexpr qint64 kMin = std::numeric_limits<qint64>::min();
    constexpr qint64 kMax = std::numeric_limits<qint64>::max();
    layout.owned.resize(std::size_t(n));
    if (n == 1) {
        layout.owned[0] << formatRange(kMin, kMax, true);
        return layout;
    }
    for (int i = 1; i < n; ++i)
        layout.owned[std::size_t(i)] << formatRange(nodeToken(i - 1) + 1, nodeToken(i), true);
    layout.owned[0] << formatRange(nodeToken(n - 1) + 1, kMax, true);
    return layout;
}

} // namespace partlab
