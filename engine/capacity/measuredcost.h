#pragma once

#include "capacitymodel.h"
#include "runtime/computation.h"

namespace partlab {

/**
 * The service time `measured`: what one message costs the real state computation @p computation
 * on this machine, in microseconds: the key hashed, looked up in a partition's key table (as the
 * runtime's workers do) and the computation applied, over @p messages messages cycling through
 * @p keys in proportion to their weights; the median of three timed passes after a warm-up.
 */
double measureServiceTimeUs(Computation computation, const std::vector<CapacityKey> &keys, quint64 messages = 1'000'000);

} // namespace partlab
