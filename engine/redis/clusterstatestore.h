#pragma once

#include "clustertopology.h"
#include "runtime/computation.h"
#include "runtime/stateruntime.h"

#include <vector>

namespace partlab {

/**
 * The state keys Partlab keeps in a cluster (see StateKeyName and StateScript), read and cleared
 * master by master with SCAN over `partlab:*`, so nothing but Partlab's own keys is touched.
 */
namespace ClusterStateStore {

/** Deletes every state key (UNLINK, pipelined); @p deleted counts them. */
bool clear(const ClusterTopology &topology, quint64 *deleted, QString *error);

/**
 * Reads every state key back (HMGET a b n, pipelined) as KeyResults sorted by key bytes, the
 * value computed by stateValue() from the stored doubles, the partition being the index of the
 * master that holds the key. Each master is read by its own thread.
 */
bool read(const ClusterTopology &topology, Computation computation, std::vector<KeyResult> &out, QString *error);

} // namespace ClusterStateStore

} // namespace partlab
