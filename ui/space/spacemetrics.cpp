#include "spacemetrics.h"

namespace partlab {

void SpaceMetrics::reset()
{
    m_current = SpaceWorkloadSnapshot();
    m_window.clear();
    m_time.clear();
    m_share.clear();
    m_frozen = false;
    label.clear();
}

void SpaceMetrics::add(const SpaceWorkloadSnapshot &snapshot)
{
    m_current = snapshot;
    m_window.push_back({snapshot.seconds, snapshot.routedOps, snapshot.broadcastOps, snapshot.totalOps(),
                        snapshot.partitionRouted});
    while (m_window.size() > 2 && m_window.back().seconds - m_window[1].seconds >= kRateWindowSeconds)
        m_window.pop_front();
    const Sample &first = m_window.front();
    const quint64 sent = (snapshot.routedOps - first.routed) + (snapshot.broadcastOps - first.broadcast);
    const double share = sent > 0 ? 100.0 * double(snapshot.broadcastOps - first.broadcast) / double(sent)
                                   : 100.0 * snapshot.broadcastShare();
    m_time.append(snapshot.seconds);
    m_share.append(share);
    while (!m_time.isEmpty() && m_time.last() - m_time.first() > kHistorySeconds) {
        m_time.removeFirst();
        m_share.removeFirst();
    }
}

std::vector<double> SpaceMetrics::routedRates() const
{
    std::vector<double> rates(m_current.partitionRouted.size(), 0.0);
    if (m_window.empty())
        return rates;
    const Sample &first = m_window.front();
    const double span = m_current.seconds - first.seconds;
    const bool whole = m_frozen || span <= 0.0 || first.perPartition.size() != rates.size();
    for (std::size_t p = 0; p < rates.size(); ++p) {
        if (whole)
            rates[p] = m_current.seconds > 0 ? double(m_current.partitionRouted[p]) / m_current.seconds : 0.0;
        else
            rates[p] = double(m_current.partitionRouted[p] - first.perPartition[p]) / span;
    }
    return rates;
}

double SpaceMetrics::broadcastRate() const
{
    if (m_window.empty())
        return 0.0;
    const Sample &first = m_window.front();
    const double span = m_current.seconds - first.seconds;
    if (m_frozen || span <= 0.0)
        return m_current.seconds > 0 ? double(m_current.broadcastOps) / m_current.seconds : 0.0;
    return double(m_current.broadcastOps - first.broadcast) / span;
}

double SpaceMetrics::throughput() const
{
    if (m_window.empty())
        return 0.0;
    const Sample &first = m_window.front();
    const double span = m_current.seconds - first.seconds;
    if (m_frozen || span <= 0.0)
        return m_current.throughput();
    return double(m_current.totalOps() - first.total) / span;
}

} // namespace partlab
