#include "redisclusterbackend.h"

#include "clusterstatestore.h"
#include "redisconnection.h"
#include "redisinfo.h"
#include "routing/crc16.h"
#include "routing/redispartitioner.h"
#include "statekeyname.h"

#include <algorithm>

namespace partlab {

namespace {

/** A batch waits at most this long in the producer for more messages (paced runs). */
constexpr qint64 kMaxBatchAgeNs = 5'000'000;
/** MOVED replies come in bursts during a reshard; the slot map is read at most this often. */
constexpr qint64 kMinRefreshIntervalNs = 20'000'000;

} // namespace

RedisClusterBackend::RedisClusterBackend(const ClusterBackendOptions &options) : m_options(options)
{
    m_workerSettings.computation = options.computation;
    m_workerSettings.connectTimeoutMs = options.connectTimeoutMs;
    m_workerSettings.commandTimeoutMs = options.commandTimeoutMs;
    m_slotWorker.fill(-1);
}

RedisClusterBackend::~RedisClusterBackend()
{
    for (auto &w : m_workers)
        w->stop();
}

std::unique_ptr<RedisClusterBackend> RedisClusterBackend::connect(const ClusterBackendOptions &options, QString *error)
{
    std::unique_ptr<RedisClusterBackend> b(new RedisClusterBackend(options));
    if (!b->m_topology.fetch(options.seed, error))
        return nullptr;
    if (const int missing = b->m_topology.uncoveredSlots()) {
        *error = QStringLiteral("%1: the cluster does not serve %2 of the 16384 slots (cluster_state is not ok)")
                     .arg(options.seed.toString()).arg(missing);
        return nullptr;
    }
    if (options.clearFirst && !ClusterStateStore::clear(b->m_topology, &b->m_report.clearedKeys, error))
        return nullptr;
    // Partlab's prediction: the layout redis-cli --cluster create gives this many masters.
    const auto &masters = b->m_topology.masters();
    const auto ranges = RedisPartitioner::slotRanges(int(masters.size()));
    for (std::size_t n = 0; n < ranges.size(); ++n) {
        for (int s = ranges[n].first; s <= ranges[n].second; ++s)
            b->m_predictedNode[std::size_t(s)] = int(n);
    }
    b->m_predicted.assign(masters.size(), 0);
    b->m_serverCallsBefore = b->readServerCalls();
    for (const ClusterMaster &m : masters) {
        if (!b->workerFor(m.address, error))
            return nullptr;
    }
    for (int s = 0; s < ClusterTopology::kSlots; ++s) {
        for (std::size_t w = 0; w < b->m_workers.size(); ++w) {
            if (b->m_workers[w]->home() == masters[std::size_t(b->m_topology.ownerOfSlot(s))].address)
                b->m_slotWorker[std::size_t(s)] = int(w);
        }
    }
    b->m_lastRefreshNs = steadyNowNs();
    return b;
}

ClusterNodeWorker *RedisClusterBackend::workerFor(const RedisAddress &address, QString *error)
{
    for (auto &w : m_workers) {
        if (w->home() == address)
            return w.get();
    }
    auto worker = std::make_unique<ClusterNodeWorker>(address, m_workerSettings, &m_topologyStale);
    if (!worker->start(error))
        return nullptr;
    m_workers.push_back(std::move(worker));
    m_open.emplace_back();
    m_open.back().entries.reserve(std::size_t(m_options.pipeline));
    return m_workers.back().get();
}

std::map<RedisAddress, quint64> RedisClusterBackend::readServerCalls() const
{
    std::map<RedisAddress, quint64> calls;
    for (const ClusterMaster &m : m_topology.masters()) {
        QString ignored;
        auto c = RedisConnection::connect(m.address, &ignored, m_options.connectTimeoutMs, m_options.commandTimeoutMs);
        if (!c)
            continue;
        const RedisReply r = c->command({"INFO", "commandstats"});
        if (r.type == RedisReply::Type::String) {
            const auto all = RedisInfo::commandCalls(r.text);
            const auto it = all.find("evalsha");
            calls[m.address] = it == all.end() ? 0 : it->second;
        }
    }
    return calls;
}

bool RedisClusterBackend::pushBatch(std::size_t worker)
{
    ClusterBatch &open = m_open[worker];
    if (open.empty())
        return true;
    ClusterBatch batch = std::move(open);
    open = ClusterBatch();
    open.entries.reserve(std::size_t(m_options.pipeline));
    if (!m_workers[worker]->push(std::move(batch))) {
        m_failed = true;
        return false;
    }
    return true;
}

bool RedisClusterBackend::flushAll()
{
    bool ok = true;
    for (std::size_t w = 0; w < m_workers.size(); ++w)
        ok = pushBatch(w) && ok;
    return ok;
}

void RedisClusterBackend::drainAll()
{
    for (auto &w : m_workers)
        w->waitIdle();
}

bool RedisClusterBackend::refreshTopology()
{
    // Every message sent so far is applied (or redirected and applied) before the map changes.
    if (!flushAll())
        return false;
    drainAll();
    for (auto &w : m_workers) {
        if (w->failed()) {
            m_failed = true;
            return false;
        }
    }
    m_topologyStale.store(false, std::memory_order_relaxed);
    m_lastRefreshNs = steadyNowNs();
    ClusterTopology fresh;
    QString error;
    bool fetched = fresh.fetch(m_options.seed, &error);
    for (std::size_t i = 0; !fetched && i < m_topology.masters().size(); ++i)
        fetched = fresh.fetch(m_topology.masters()[i].address, &error);
    if (!fetched || fresh.uncoveredSlots() > 0)
        return true; // keep the old map: the workers still follow every redirection
    ++m_report.topologyRefreshes;
    for (int s = 0; s < ClusterTopology::kSlots; ++s) {
        const RedisAddress &owner = fresh.masters()[std::size_t(fresh.ownerOfSlot(s))].address;
        int index = -1;
        for (std::size_t w = 0; w < m_workers.size(); ++w) {
            if (m_workers[w]->home() == owner)
                index = int(w);
        }
        if (index < 0) { // a master that joined during the run gets its own worker
            if (!workerFor(owner, &error))
                continue; // unreachable for now: the old owner's worker keeps redirecting
            index = int(m_workers.size() - 1);
        }
        m_slotWorker[std::size_t(s)] = index;
    }
    m_topology = fresh;
    return true;
}

bool RedisClusterBackend::submit(quint64 seq, std::string_view key, double value, double volume)
{
    if (m_failed || m_finished)
        return false;
    const qint64 now = steadyNowNs();
    if (m_firstSubmitNs == 0)
        m_firstSubmitNs = now;
    if (m_topologyStale.load(std::memory_order_relaxed) && now - m_lastRefreshNs > kMinRefreshIntervalNs) {
        if (!refreshTopology())
            return false;
    }
    StateKeyName::encode(key, m_keyScratch);
    const int slot = redisKeySlot(m_keyScratch);
    ++m_predicted[std::size_t(m_predictedNode[std::size_t(slot)])];
    const std::size_t w = std::size_t(m_slotWorker[std::size_t(slot)]);
    ClusterBatch &batch = m_open[w];
    ClusterBatchEntry e;
    e.seq = seq;
    e.submitNs = now;
    e.keyOffset = quint32(batch.keys.size());
    e.keyLength = quint32(m_keyScratch.size());
    e.value = value;
    e.volume = volume;
    batch.keys += m_keyScratch;
    batch.entries.push_back(e);
    ++m_report.submitted;
    if (int(batch.entries.size()) >= m_options.pipeline)
        return pushBatch(w);
    if (now - batch.entries.front().submitNs > kMaxBatchAgeNs) // paced input: do not let messages wait
        return flushAll();
    return true;
}

quint64 RedisClusterBackend::appliedLive() const
{
    quint64 n = 0;
    for (const auto &w : m_workers)
        n += w->appliedLive();
    return n;
}

bool RedisClusterBackend::finish()
{
    if (m_finished)
        return !m_failed;
    m_finished = true;
    flushAll();
    drainAll();
    const qint64 end = steadyNowNs();
    for (auto &w : m_workers)
        w->stop();

    std::array<quint64, LatencyHistogram::kBuckets> histogram{};
    std::map<RedisAddress, quint64> observed;
    for (const auto &w : m_workers) {
        const NodeWorkerCounters &c = w->counters();
        m_report.applied += c.applied;
        m_report.duplicates += c.duplicates;
        m_report.movedRedirects += c.movedRedirects;
        m_report.askRedirects += c.askRedirects;
        m_report.reconnects += c.reconnects;
        for (const auto &[node, n] : c.appliedPerNode)
            observed[node] += n;
        w->latency().addTo(histogram);
        if (w->failed())
            m_failed = true;
    }
    m_report.latency = LatencyHistogram::percentiles(histogram);
    m_report.elapsedSeconds = m_firstSubmitNs ? double(end - m_firstSubmitNs) / 1e9 : 0.0;
    m_report.throughput = m_report.elapsedSeconds > 0 ? double(m_report.applied + m_report.duplicates) / m_report.elapsedSeconds : 0.0;

    if (m_failed) {
        recordFailure();
    } else { // the final slot map, for the report and the read-back
        ClusterTopology fresh;
        QString error;
        if (fresh.fetch(m_options.seed, &error) || (!m_workers.empty() && fresh.fetch(m_workers.front()->home(), &error)))
            m_topology = fresh;
    }

    // Rows: the masters of the start (Partlab's node i is the i-th by first slot), then any that joined.
    const std::map<RedisAddress, quint64> callsAfter = m_failed ? std::map<RedisAddress, quint64>() : readServerCalls();
    std::vector<RedisAddress> addresses;
    for (const auto &w : m_workers)
        addresses.push_back(w->home());
    for (const auto &[node, n] : observed) {
        if (std::find(addresses.begin(), addresses.end(), node) == addresses.end())
            addresses.push_back(node);
    }
    m_report.nodes.clear();
    for (std::size_t i = 0; i < addresses.size(); ++i) {
        ClusterNodeReport row;
        row.address = addresses[i];
        row.predicted = i < m_predicted.size() ? m_predicted[i] : 0;
        row.observed = observed.count(addresses[i]) ? observed[addresses[i]] : 0;
        const int index = m_topology.indexOf(addresses[i]);
        if (index >= 0)
            row.slotRanges = formatSlotRanges(m_topology.masters()[std::size_t(index)].ranges);
        const auto before = m_serverCallsBefore.find(addresses[i]);
        const auto after = callsAfter.find(addresses[i]);
        if (before != m_serverCallsBefore.end() && after != callsAfter.end())
            row.serverCalls = qint64(after->second - before->second);
        m_report.nodes.push_back(row);
    }
    return !m_failed;
}

void RedisClusterBackend::recordFailure()
{
    // Resume from the earliest message any worker could not confirm; name the node that went
    // down (the others may only echo it, e.g. with CLUSTERDOWN once the cluster noticed).
    const NodeFailure *named = nullptr;
    m_resumeFrom = 0;
    for (const auto &w : m_workers) {
        if (!w->failed())
            continue;
        const NodeFailure &f = w->failure();
        if (m_resumeFrom == 0 || f.firstUnconfirmedSeq < m_resumeFrom)
            m_resumeFrom = f.firstUnconfirmedSeq;
        if (!named || (f.nodeDown && !named->nodeDown))
            named = &f;
    }
    if (!named)
        return;
    m_failedNode = named->node;
    m_error = QStringLiteral("node %1 %2 (%3): %4 messages were applied; nothing from message %5 on is known to be applied; "
                             "once the cluster is back, run again with --resume-from %5 "
                             "(messages from there on that were applied are skipped, not applied twice)")
                  .arg(named->node.toString(),
                       named->nodeDown ? QStringLiteral("is down or unreachable") : QStringLiteral("refused the update"),
                       named->reason)
                  .arg(m_report.applied + m_report.duplicates)
                  .arg(m_resumeFrom);
}

bool RedisClusterBackend::readState(std::vector<KeyResult> &out, QString *error)
{
    return ClusterStateStore::read(m_topology, m_options.computation, out, error);
}

} // namespace partlab
