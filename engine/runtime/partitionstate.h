#pragma once

#include "keystatetable.h"

#include <atomic>

namespace partlab {

/**
 * One state partition: the states of the keys routed to it, keyed by the key itself. Owned by
 * exactly one worker while the runtime runs (the owner interns the keys it sees, so key lookup
 * runs in parallel across partitions instead of on the producer).
 */
struct PartitionState
{
    KeyStateTable states;
    std::atomic<int> inFlight{0}; ///< exclusivity test hook (RuntimeConfig::checkExclusiveAccess)
};

} // namespace partlab
