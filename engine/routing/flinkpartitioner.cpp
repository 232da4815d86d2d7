#include "flinkpartitioner.h"

#include "murmurhash.h"
#include "xappartitioner.h"

#include <algorithm>

namespace partlab {

FlinkPartitioner::FlinkPartitioner(const PartitionerOptions &options)
    : Partitioner(options),
      m_maxParallelism(options.maxParallelism > 0 ? options.maxParallelism : defaultMaxParallelism(options.partitions))
{
}

int FlinkPartitioner::defaultMaxParallelism(int parallelism)
{
    // MathUtils.roundUpToPowerOfTwo(parallelism + parallelism / 2), then clamped to [128, 32768].
    const qint64 wanted = qint64(parallelism) + parallelism / 2;
    qint64 power = 1;
    while (power < wanted)
        power <<= 1;
    return int(std::min<qint64>(std::max<qint64>(power, kLowerBoundMaxParallelism), kUpperBoundMaxParallelism));
}

int FlinkPartitioner::keyGroup(const RoutingKey &key, int maxParallelism)
{
    // Java's hashCode for each key kind is the one XAP uses too (String, Integer, Long).
    return flinkMurmurHash(XapPartitioner::hashCode(key)) % maxParallelism;
}

int FlinkPartitioner::operatorForKeyGroup(int keyGroup) const
{
    // Flink computes this in int, which cannot overflow for parallelism <= maxParallelism <=
    // 32768; 64-bit arithmetic keeps it exact for the counts beyond that which resizing allows.
    return int(qint64(keyGroup) * m_options.partitions / m_maxParallelism);
}

int FlinkPartitioner::partition(const RoutingKey &key) const
{
    return operatorForKeyGroup(keyGroup(key, m_maxParallelism));
}

RouteExplanation FlinkPartitioner::explain(const RoutingKey &key) const
{
    RouteExplanation e;
    e.hash = XapPartitioner::hashCode(key);
    e.stepName = stepName();
    e.step = flinkMurmurHash(qint32(e.hash)) % m_maxParallelism;
    e.partition = operatorForKeyGroup(int(e.step));
    return e;
}

void FlinkPartitioner::adjustResizedOptions(PartitionerOptions &options) const
{
    // A rescaled Flink job keeps the max parallelism it was started with (it fixes the key
    // groups of the saved state); only a count beyond it forces a new one.
    options.maxParallelism = options.partitions <= m_maxParallelism ? m_maxParallelism : 0;
}

PartitionLayout FlinkPartitioner::layout() const
{
    // computeKeyGroupRangeForOperatorIndex: start = ceil(i * M / N), end = ((i + 1) * M - 1) / N.
    PartitionLayout layout;
    layout.unit = QStringLiteral("key_groups");
    const qint64 n = m_options.partitions;
    const qint64 m = m_maxParallelism;
    layout.owned.resize(std::size_t(n));
    for (qint64 i = 0; i < n; ++i) {
        const qint64 start = (i * m + n - 1) / n;
        const qint64 end = ((i + 1) * m - 1) / n;
        if (start <= end)
            layout.owned[std::size_t(i)] << formatRange(start, end);
    }
    return layout;
}

} // namespace partlab
