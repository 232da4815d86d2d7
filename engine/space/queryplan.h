#pragma once

#include <QString>

namespace partlab {

/**
 * What one partition's planner did for one query: the access path it chose and the work it did,
 * so the console and the script can show that an unindexed property scans every partition.
 */
struct QueryPlanReport
{
    int partition = -1;
    /** "scan", "id", "index customerId", "range amount", "index customerId ∩ status", "count of type", ... */
    QString access;
    qint64 examined = 0; ///< entries the condition was evaluated on (0 when an index answered alone)
    qint64 matched = 0;  ///< entries that matched (a count or clear: all of them; a read: up to its max)

    /** "partition 3: index customerId, 12 examined, 3 matched". */
    QString describe() const;
};

} // namespace partlab
