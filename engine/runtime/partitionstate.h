#pragma once

#include "computation.h"

#include <atomic>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace partlab {

/** Hash for string keys that also accepts string_view, so lookups never build a std::string. */
struct KeyHash
{
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

/** key -> state; node-based, so moving a key between partitions moves the node, not the bytes. */
using KeyStateMap = std::unordered_map<std::string, KeyState, KeyHash, std::equal_to<>>;

/**
 * One state partition: the states of the keys routed to it, keyed by the key itself. Owned by
 * exactly one worker while the runtime runs (the owner interns the keys it sees, so key lookup
 * runs in parallel across partitions instead of on the producer).
 */
struct PartitionState
{
    KeyStateMap states;
    std::atomic<int> inFlight{0}; ///< exclusivity test hook (RuntimeConfig::checkExclusiveAccess)
};

} // namespace partlab
