#include "redispartitioner.h"

#include "crc16.h"
#include "keyencoding.h"

#include <cmath>

namespace partlab {

RedisPartitioner::RedisPartitioner(const PartitionerOptions &options)
    : Partitioner(options), m_owner(kSlots, 0)
{
    const auto ranges = slotRanges(options.partitions);
    for (std::size_t node = 0; node < ranges.size(); ++node) {
        for (int s = ranges[node].first; s <= ranges[node].second && s < kSlots; ++s)
            m_owner[std::size_t(s)] = quint16(node);
    }
}

std::vector<std::pair<int, int>> RedisPartitioner::slotRanges(int nodes)
{
    std::vector<std::pair<int, int>> ranges;
    if (nodes < 1)
        return ranges;
    const double slotsPerNode = double(kSlots) / nodes;
    double cursor = 0;
    int first = 0;
    for (int i = 0; i < nodes; ++i) {
        long last = std::lround(cursor + slotsPerNode - 1);
        if (last > kSlots || i == nodes - 1)
            last = kSlots - 1;
        if (last < first)
            last = first;
        ranges.emplace_back(first, int(last));
        first = int(last) + 1;
        cursor += slotsPerNode;
    }
    return ranges;
}

int RedisPartitioner::slot(const RoutingKey &key)
{
    KeyScratch scratch;
    return redisKeySlot(encodeKey(key, IntegerEncoding::DecimalText, scratch));
}

int RedisPartitioner::partition(const RoutingKey &key) const
{
    return m_owner[std::size_t(slot(key))];
}

RouteExplanation RedisPartitioner::explain(const RoutingKey &key) const
{
    KeyScratch scratch;
    const std::string_view bytes = encodeKey(key, IntegerEncoding::DecimalText, scratch);
    RouteExplanation e;
    const quint16 crc = crc16Xmodem(redisHashTag(bytes));
    e.hash = crc;
    e.stepName = stepName();
    e.step = crc & 0x3FFF;
    e.partition = m_owner[std::size_t(e.step)];
    return e;
}

PartitionLayout RedisPartitioner::layout() const
{
    PartitionLayout layout;
    layout.unit = QStringLiteral("slots");
    layout.owned.resize(std::size_t(m_options.partitions));
    const auto ranges = slotRanges(m_options.partitions);
    for (std::size_t node = 0; node < ranges.size(); ++node) {
        if (ranges[node].first < kSlots)
            layout.owned[node] << formatRange(ranges[node].first, std::min(ranges[node].second, kSlots - 1));
    }
    return layout;
}

} // namespace partlab
