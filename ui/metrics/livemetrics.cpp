#include "livemetrics.h"

#include <algorithm>

namespace partlab {

void LiveMetrics::reset()
{
    m_current = {};
    m_window.clear();
    m_partitionWindowStart = 0;
    m_rates.clear();
    m_load = {};
    for (QVector<double> *v : {&m_time, &m_throughput, &m_p50, &m_p90, &m_p99, &m_p999, &m_skew})
        v->clear();
}

void LiveMetrics::add(const RuntimeSnapshot &snapshot)
{
    // A live resize restarts the per-partition counters: per-partition rates start over from
    // the first sample after it, while the total rate keeps its window.
    const bool resized = !m_window.empty()
                         && (m_window.back().perPartition.size() != snapshot.partitions.size()
                             || m_current.resizes != snapshot.resizes);
    m_current = snapshot;

    Sample sample{snapshot.uptimeNs, snapshot.applied, {}};
    sample.perPartition.reserve(snapshot.partitions.size());
    for (const PartitionStats &p : snapshot.partitions)
        sample.perPartition.push_back(p.applied);
    m_window.push_back(std::move(sample));
    if (resized)
        m_partitionWindowStart = m_window.size() - 1;
    const qint64 windowNs = qint64(kRateWindowSeconds * 1e9);
    while (m_window.size() > 2 && m_window.back().uptimeNs - m_window[1].uptimeNs >= windowNs) {
        m_window.pop_front();
        if (m_partitionWindowStart > 0)
            --m_partitionWindowStart;
    }

    const Sample &last = m_window.back();
    const Sample &first = m_window.front();
    const Sample &firstOfPartitions = m_window[m_partitionWindowStart];
    const double dt = double(last.uptimeNs - first.uptimeNs) / 1e9;
    const double partitionDt = double(last.uptimeNs - firstOfPartitions.uptimeNs) / 1e9;
    m_rates.assign(last.perPartition.size(), 0.0);
    if (partitionDt > 0.0) {
        for (std::size_t p = 0; p < m_rates.size(); ++p)
            m_rates[p] = double(last.perPartition[p] - qMin(last.perPartition[p], firstOfPartitions.perPartition[p])) / partitionDt;
    }
    const double throughput = dt > 0.0 ? double(last.applied - qMin(last.applied, first.applied)) / dt : 0.0;

    m_time.append(double(snapshot.uptimeNs) / 1e9);
    m_throughput.append(throughput);
    m_p50.append(snapshot.latency.p50);
    m_p90.append(snapshot.latency.p90);
    m_p99.append(snapshot.latency.p99);
    m_p999.append(snapshot.latency.p999);
    computeLoad();
    m_skew.append(m_load.skew);
    trim();
}

void LiveMetrics::trim()
{
    if (m_time.isEmpty() || m_time.last() - m_time.first() <= kHistorySeconds * 1.1)
        return;
    // Drop in chunks so the vectors are not shifted on every tick.
    const auto cut = std::lower_bound(m_time.begin(), m_time.end(), m_time.last() - kHistorySeconds) - m_time.begin();
    for (QVector<double> *v : {&m_time, &m_throughput, &m_p50, &m_p90, &m_p99, &m_p999, &m_skew})
        v->remove(0, cut);
}

std::vector<double> LiveMetrics::queueDepths() const
{
    std::vector<double> v;
    v.reserve(m_current.partitions.size());
    for (const PartitionStats &p : m_current.partitions)
        v.push_back(double(p.queueDepth));
    return v;
}

std::vector<double> LiveMetrics::keyCounts() const
{
    std::vector<double> v;
    v.reserve(m_current.partitions.size());
    for (const PartitionStats &p : m_current.partitions)
        v.push_back(double(p.keys));
    return v;
}

std::vector<double> LiveMetrics::appliedTotals() const
{
    std::vector<double> v;
    v.reserve(m_current.partitions.size());
    for (const PartitionStats &p : m_current.partitions)
        v.push_back(double(p.applied));
    return v;
}

std::vector<bool> LiveMetrics::hotPartitions(const std::vector<double> &values) const
{
    std::vector<bool> hot(values.size(), false);
    if (values.size() < 2)
        return hot;
    double sum = 0.0;
    for (double v : values)
        sum += v;
    const double mean = sum / double(values.size());
    if (mean <= 0.0)
        return hot;
    for (std::size_t i = 0; i < values.size(); ++i)
        hot[i] = values[i] > 1.5 * mean;
    return hot;
}

void LiveMetrics::computeLoad()
{
    m_load.flowing = std::any_of(m_rates.begin(), m_rates.end(), [](double r) { return r > 0.0; });
    m_load.values = m_load.flowing ? m_rates : appliedTotals();
    m_load.sinceResize = m_current.resizes > 0;
    m_load.skew = 0.0;
    m_load.busiest = -1;
    m_load.share = 0.0;
    double sum = 0.0;
    for (double v : m_load.values)
        sum += v;
    if (sum <= 0.0)
        return;
    const auto top = std::max_element(m_load.values.begin(), m_load.values.end());
    m_load.busiest = int(top - m_load.values.begin());
    m_load.share = *top / sum;
    m_load.skew = *top / (sum / double(m_load.values.size()));
}

QByteArray LiveMetrics::historyCsv() const
{
    QByteArray out = "time_s,throughput_msgs_per_s,p50_us,p90_us,p99_us,p999_us,skew\n";
    for (qsizetype i = 0; i < m_time.size(); ++i) {
        out += QByteArray::number(m_time[i], 'f', 3) + ',' + QByteArray::number(m_throughput[i], 'f', 1) + ','
               + QByteArray::number(m_p50[i], 'f', 2) + ',' + QByteArray::number(m_p90[i], 'f', 2) + ','
               + QByteArray::number(m_p99[i], 'f', 2) + ',' + QByteArray::number(m_p999[i], 'f', 2) + ','
               + QByteArray::number(m_skew[i], 'f', 4) + '\n';
    }
    return out;
}

QByteArray LiveMetrics::partitionsCsv() const
{
    QByteArray out = "partition,worker,messages,messages_per_s,queue_depth,keys\n";
    for (std::size_t p = 0; p < m_current.partitions.size(); ++p) {
        const PartitionStats &s = m_current.partitions[p];
        const double rate = p < m_rates.size() ? m_rates[p] : 0.0;
        out += QByteArray::number(qulonglong(p)) + ',' + QByteArray::number(s.worker) + ','
               + QByteArray::number(s.applied) + ',' + QByteArray::number(rate, 'f', 1) + ','
               + QByteArray::number(s.queueDepth) + ',' + QByteArray::number(s.keys) + '\n';
    }
    return out;
}

} // namespace partlab
