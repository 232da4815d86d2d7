#pragma once

#include "model/keytable.h"
#include "routing/partitioner.h"
#include "spacesaving.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <string>
#include <vector>

namespace partlab {

/** One hot key of one partition, with its share of that partition's load. */
struct HotKey
{
    std::string key;
    int partition = 0;
    quint64 count = 0;        ///< estimated messages (upper bound)
    quint64 guaranteed = 0;   ///< lower bound of the true count
    double partitionShare = 0; ///< count / messages of the partition
    double totalShare = 0;     ///< count / all messages
};

/** Hot keys per partition plus the advice that follows from them. */
struct HotKeyReport
{
    quint64 messages = 0;
    std::vector<quint64> partitionMessages;
    std::vector<std::vector<HotKey>> partitions; ///< top keys per partition, hottest first
    QStringList advice; ///< remedies in words
};

/**
 * Streaming heavy hitters per partition: every message is routed (once per distinct key, cached)
 * and counted in its partition's Space-Saving summary, so memory stays bounded by
 * partitions x capacity counters plus the key table whatever the stream length.
 */
class HotKeyTracker
{
public:
    /** @p capacity counters per partition (at least top-k; more counters, tighter counts). */
    HotKeyTracker(std::unique_ptr<Partitioner> partitioner, quint32 capacity, quint32 maxKeys = KeyTable::kDefaultMaxKeys);

    /** False when the key limit is reached. */
    bool add(std::string_view key, quint64 weight = 1);

    HotKeyReport report(quint32 top) const;

private:
    std::unique_ptr<Partitioner> m_partitioner;
    KeyTable m_keys;
    std::vector<int> m_route; ///< by key id
    std::vector<SpaceSaving> m_summaries;
};

} // namespace partlab
