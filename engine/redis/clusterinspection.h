#pragma once

#include "clustertopology.h"

#include <QString>

#include <vector>

namespace partlab {

/** One master as `cluster inspect` shows it: the real slot map and keys beside Partlab's layout. */
struct InspectedNode
{
    ClusterMaster master;
    qint64 keys = -1;        ///< DBSIZE, -1 when the node did not answer
    qint64 keysInSlots = -1; ///< sum of CLUSTER COUNTKEYSINSLOT over its slots
    std::vector<std::pair<int, int>> partlabRanges; ///< what Partlab's `redis` layout gives node i
    bool matchesPartlab = false;
};

/** The whole cluster as one node reports it. */
struct ClusterInspection
{
    RedisAddress seed;
    std::vector<InspectedNode> nodes; ///< ordered by first slot (Partlab's node numbering)
    int uncoveredSlots = 0;
    bool layoutMatches() const;
};

/**
 * Reads the slot map from @p seed (CLUSTER SLOTS), then asks every master for DBSIZE and, pipelined,
 * CLUSTER COUNTKEYSINSLOT for each slot it serves, and sets Partlab's `redis` layout for the same
 * number of masters beside each one. False with a one-line @p error when the seed cannot be read.
 */
bool inspectCluster(const RedisAddress &seed, ClusterInspection &out, QString *error);

} // namespace partlab
