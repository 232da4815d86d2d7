#pragma once

#include <QtGlobal>

#include <string>
#include <string_view>
#include <vector>

namespace partlab {

/** One message on its way to a Redis node: its state key lives in ClusterBatch::keys. */
struct ClusterBatchEntry
{
    quint64 seq = 0;      ///< message number in the input (1-based): the idempotence token
    qint64 submitNs = 0;  ///< steady clock at submit, for the latency histogram
    quint32 keyOffset = 0;
    quint32 keyLength = 0;
    double value = 0.0;
    double volume = 1.0;
};

/** Messages for one node, in submit order, with their state key names stored back to back. */
struct ClusterBatch
{
    std::vector<ClusterBatchEntry> entries;
    std::string keys;

    std::string_view key(const ClusterBatchEntry &e) const { return std::string_view(keys).substr(e.keyOffset, e.keyLength); }
    bool empty() const { return entries.empty(); }
    void clear()
    {
        entries.clear();
        keys.clear();
    }
};

} // namespace partlab
