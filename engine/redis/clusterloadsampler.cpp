#include "clusterloadsampler.h"

#include "clustertopology.h"
#include "redisconnection.h"
#include "redisinfo.h"
#include "runtime/stateruntime.h"

#include <algorithm>
#include <chrono>

namespace partlab {

ClusterProbe probeCluster(const RedisAddress &node, int timeoutMs)
{
    ClusterProbe p;
    QString error;
    auto c = RedisConnection::connect(node, &error, timeoutMs, timeoutMs);
    if (!c) {
        p.message = error;
        return p;
    }
    const RedisReply info = c->command({"INFO", "server"});
    p.version = QString::fromStdString(RedisInfo::parse(info.text)["redis_version"]);
    ClusterTopology topology;
    if (!topology.fetch(*c, &error)) {
        p.message = error;
        return p;
    }
    p.masters = int(topology.masters().size());
    p.uncoveredSlots = topology.uncoveredSlots();
    p.ok = p.uncoveredSlots == 0;
    p.message = p.ok ? QStringLiteral("Redis %1 cluster: %2 masters serve all 16384 slots").arg(p.version).arg(p.masters)
                     : QStringLiteral("Redis %1 cluster: %2 slots are not served (cluster_state is not ok)").arg(p.version).arg(p.uncoveredSlots);
    return p;
}

ClusterLoadSampler::ClusterLoadSampler(const RedisAddress &seed, int intervalMs, int timeoutMs)
    : m_seed(seed), m_intervalMs(intervalMs), m_timeoutMs(timeoutMs)
{
}

ClusterLoadSampler::~ClusterLoadSampler()
{
    stop();
}

void ClusterLoadSampler::start()
{
    if (m_thread.joinable())
        return;
    m_stop.store(false, std::memory_order_relaxed);
    m_thread = std::thread([this] { run(); });
}

void ClusterLoadSampler::stop()
{
    m_stop.store(true, std::memory_order_relaxed);
    if (m_thread.joinable())
        m_thread.join();
}

ClusterLoadSnapshot ClusterLoadSampler::snapshot() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_snapshot;
}

void ClusterLoadSampler::run()
{
    // Sleeps in 10 ms steps rather than on a condition variable: stop() is seen within 10 ms,
    // and the wait stays visible to ThreadSanitizer (see ClusterNodeWorker::m_version).
    while (!m_stop.load(std::memory_order_relaxed)) {
        sampleOnce();
        for (int slept = 0; slept < m_intervalMs && !m_stop.load(std::memory_order_relaxed); slept += 10)
            std::this_thread::sleep_for(std::chrono::milliseconds(std::min(10, m_intervalMs - slept)));
    }
}

ClusterLoadSnapshot ClusterLoadSampler::sampleOnce()
{
    ClusterLoadSnapshot s;
    if (m_masters.empty() || ++m_samplesSinceMap >= 10) {
        ClusterTopology topology;
        QString error;
        bool ok = false;
        if (auto c = RedisConnection::connect(m_seed, &error, m_timeoutMs, m_timeoutMs))
            ok = topology.fetch(*c, &error);
        for (std::size_t i = 0; !ok && i < m_masters.size(); ++i) { // the seed may be the node that is down
            if (auto c = RedisConnection::connect(m_masters[i].first, &error, m_timeoutMs, m_timeoutMs))
                ok = topology.fetch(*c, &error);
        }
        if (ok) {
            m_masters.clear();
            for (const ClusterMaster &m : topology.masters())
                m_masters.emplace_back(m.address, m.ranges);
            m_samplesSinceMap = 0;
        } else if (m_masters.empty()) {
            s.error = error;
        }
    }
    const qint64 now = steadyNowNs();
    const double seconds = m_previousNs ? double(now - m_previousNs) / 1e9 : 0.0;
    bool anyFailed = false;
    for (const auto &[address, ranges] : m_masters) {
        NodeLoad n;
        n.address = address;
        n.slotRanges = ranges;
        // A fresh connection per sample: two round trips every interval cost nothing, and a
        // node that restarted or moved is simply met again.
        if (auto c = RedisConnection::connect(address, &n.error, m_timeoutMs, m_timeoutMs)) {
            c->append({"INFO", "commandstats"});
            c->append({"DBSIZE"});
            RedisReply stats, size;
            if (c->readReply(stats) && c->readReply(size) && stats.type == RedisReply::Type::String) {
                n.reachable = true;
                n.keys = size.type == RedisReply::Type::Integer ? size.integer : -1;
                for (const auto &[command, calls] : RedisInfo::commandCalls(stats.text)) {
                    n.totalCalls += calls;
                    if (command == "evalsha")
                        n.evalshaCalls = calls;
                }
                const auto previous = m_previous.find(address);
                if (seconds > 0 && previous != m_previous.end() && previous->second.reachable
                    && n.totalCalls >= previous->second.totalCalls) {
                    // INFO and DBSIZE of the previous sample are in the total: subtract ours.
                    const double ours = 2.0;
                    n.callsPerSecond = std::max(0.0, double(n.totalCalls - previous->second.totalCalls) - ours) / seconds;
                    n.evalshaPerSecond = double(n.evalshaCalls - std::min(n.evalshaCalls, previous->second.evalshaCalls)) / seconds;
                }
            } else {
                n.error = c->errorString();
            }
        }
        anyFailed = anyFailed || !n.reachable;
        m_previous[address] = n;
        s.nodes.push_back(n);
    }
    if (anyFailed)
        m_samplesSinceMap = 10; // read the slot map again next time
    m_previousNs = now;
    s.takenAtNs = now;
    s.sequence = ++m_sequence;
    std::lock_guard<std::mutex> lock(m_mutex);
    m_snapshot = s;
    return s;
}

} // namespace partlab
