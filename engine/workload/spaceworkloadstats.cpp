#include "spaceworkloadstats.h"

#include <numeric>

namespace partlab {

quint64 SpaceWorkloadSnapshot::totalOps() const
{
    return std::accumulate(ops.begin(), ops.end(), quint64(0));
}

std::vector<quint64> SpaceWorkloadSnapshot::partitionOps() const
{
    std::vector<quint64> result(partitionRouted);
    for (quint64 &ops : result)
        ops += broadcastOps;
    return result;
}

double SpaceWorkloadSnapshot::broadcastShare() const
{
    const quint64 sent = routedOps + broadcastOps;
    return sent == 0 ? 0.0 : double(broadcastOps) / double(sent);
}

double SpaceWorkloadSnapshot::throughputOutsideBlocking() const
{
    const double clientSeconds = double(clients) * seconds - blockingSeconds;
    const quint64 others = totalOps() - ops[std::size_t(SpaceOp::BlockingTake)];
    if (clientSeconds <= 0.0 || others == 0)
        return 0.0;
    return double(others) / (clientSeconds / double(clients)); // per second of wall time, as throughput()
}

qint64 SpaceWorkloadResult::finalEntriesTotal() const
{
    return std::accumulate(finalEntries.begin(), finalEntries.end(), qint64(0));
}

QString SpaceWorkloadResult::conservationError() const
{
    const qint64 expected = qint64(entriesWritten) - qint64(entriesRemoved);
    if (finalEntriesTotal() != expected) {
        return QStringLiteral("the space holds %1 entries, but %2 were written and %3 removed (expected %4)")
            .arg(finalEntriesTotal()).arg(entriesWritten).arg(entriesRemoved).arg(expected);
    }
    if (finalEntries.size() != partitionEntries.size())
        return QStringLiteral("the space has %1 partitions, the clients counted %2").arg(finalEntries.size()).arg(partitionEntries.size());
    for (std::size_t p = 0; p < finalEntries.size(); ++p) {
        if (finalEntries[p] != partitionEntries[p]) {
            return QStringLiteral("partition %1 holds %2 entries, but the clients wrote %3 more there than they removed")
                .arg(p).arg(finalEntries[p]).arg(partitionEntries[p]);
        }
    }
    return QString();
}

} // namespace partlab
