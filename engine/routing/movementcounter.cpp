#include "movementcounter.h"

#include <algorithm>

namespace partlab {

double MovementResult::minimumFraction() const
{
    if (from == to || from < 1 || to < 1)
        return 0.0;
    return double(std::abs(to - from)) / double(std::max(from, to));
}

MovementCounter::MovementCounter(std::unique_ptr<Partitioner> from, int to)
    : m_from(std::move(from)), m_to(m_from->withPartitions(to))
{
    const qint64 pairs = qint64(m_from->partitionCount()) * qint64(m_to->partitionCount());
    if (pairs <= kMaxTrackedPairs)
        m_pairs.assign(std::size_t(pairs), false);
}

MovementResult MovementCounter::result() const
{
    MovementResult r;
    r.partitioner = m_from->name();
    r.from = m_from->partitionCount();
    r.to = m_to->partitionCount();
    r.keys = m_keys;
    r.moved = m_moved;
    if (!m_pairs.empty()) {
        const auto sources = std::size_t(r.from);
        r.maxSourcesPerTarget = 0;
        for (std::size_t target = 0; target < std::size_t(r.to); ++target) {
            const auto first = m_pairs.begin() + std::ptrdiff_t(target * sources);
            r.maxSourcesPerTarget = std::max(r.maxSourcesPerTarget, int(std::count(first, first + std::ptrdiff_t(sources), true)));
        }
    }
    r.unitName = m_from->unitName();
    r.unitsTotal = m_from->unitCount();
    r.unitsTotalAfter = m_to->unitCount();
    if (r.unitsTotal > 0 && r.unitsTotal == r.unitsTotalAfter) {
        r.unitsMoved = 0;
        for (qint64 u = 0; u < r.unitsTotal; ++u) {
            if (m_from->ownerOfUnit(u) != m_to->ownerOfUnit(u))
                ++r.unitsMoved;
        }
    }
    return r;
}

} // namespace partlab
