#include "spaceworkload.h"

#include <algorithm>

namespace partlab {

namespace {
using Clock = std::chrono::steady_clock;
}

SpaceWorkload::SpaceWorkload(const SpaceWorkloadConfig &config) : m_config(config) {}

SpaceWorkload::~SpaceWorkload()
{
    stop();
    wait();
}

std::shared_ptr<SpaceProxy> SpaceWorkload::createSpace(const SpaceWorkloadConfig &config, QString *error)
{
    const QString problem = config.problem();
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return nullptr;
    }
    std::shared_ptr<SpaceProxy> space = SpaceProxy::create(config.partitions, config.partitioner, error);
    if (!space)
        return nullptr;
    for (const TypeDefinition &type : {config.customerType(), config.orderType()}) {
        const TypeResult defined = space->defineType(type);
        if (!defined.ok) {
            if (error)
                *error = defined.error;
            return nullptr;
        }
    }
    return space;
}

bool SpaceWorkload::start(QString *error, std::shared_ptr<SpaceProxy> space)
{
    if (!m_threads.empty()) {
        if (error)
            *error = QStringLiteral("the workload was started already");
        return false;
    }
    const QString problem = m_config.problem();
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    if (!space)
        space = createSpace(m_config, error);
    if (!space)
        return false;
    if (space->partitionCount() != m_config.partitions || !space->type(QStringLiteral("Customer"))
        || !space->type(QStringLiteral("Order"))) {
        if (error)
            *error = QStringLiteral("the space does not match the workload (partitions or types)");
        return false;
    }
    m_space = std::move(space);
    const int clients = m_config.clients;
    for (int c = 0; c < clients; ++c) {
        // Operations shared out evenly; the first clients take the remainder. -1 = until stopped.
        const qint64 share = m_config.operations == 0
                                 ? -1
                                 : m_config.operations / clients + (c < m_config.operations % clients ? 1 : 0);
        m_counters.push_back(std::make_unique<SpaceClientCounters>(m_config.partitions));
        m_clients.push_back(std::make_unique<SpaceWorkloadClient>(c, share, m_config, *m_space, *m_counters.back(), m_shared));
    }
    m_shared.start = Clock::now();
    m_running.store(clients, std::memory_order_relaxed);
    for (int c = 0; c < clients; ++c) {
        // Thread creation publishes everything above to the client (happens-before).
        m_threads.emplace_back([this, c] {
            m_clients[std::size_t(c)]->run();
            if (m_running.fetch_sub(1, std::memory_order_acq_rel) == 1)
                m_endNs.store(std::max<qint64>(1, (Clock::now() - m_shared.start).count()), std::memory_order_release);
        });
    }
    return true;
}

void SpaceWorkload::stop()
{
    m_shared.stop.store(true, std::memory_order_relaxed);
}

bool SpaceWorkload::isFinished() const
{
    return !m_threads.empty() && m_running.load(std::memory_order_acquire) == 0;
}

void SpaceWorkload::wait()
{
    if (m_joined)
        return;
    for (std::thread &thread : m_threads)
        thread.join();
    m_joined = !m_threads.empty();
}

SpaceWorkloadSnapshot SpaceWorkload::snapshot() const
{
    SpaceWorkloadSnapshot s;
    s.partitions = m_config.partitions;
    s.clients = m_config.clients;
    s.partitionRouted.assign(std::size_t(s.partitions), 0);
    s.partitionEntries.assign(std::size_t(s.partitions), 0);
    if (m_threads.empty())
        return s;
    // Read the end first: when it is set, every client has returned and its counters are final.
    const qint64 endNs = m_endNs.load(std::memory_order_acquire);
    s.finished = endNs > 0;
    s.seconds = double(s.finished ? endNs : (Clock::now() - m_shared.start).count()) / 1e9;
    const auto load = [](const auto &counter) { return counter.load(std::memory_order_relaxed); };
    std::array<std::array<quint64, LatencyHistogram::kBuckets>, kSpaceOpCount> histograms{};
    for (const auto &c : m_counters) {
        for (int op = 0; op < kSpaceOpCount; ++op) {
            s.ops[std::size_t(op)] += load(c->ops[std::size_t(op)]);
            c->latency[std::size_t(op)].addTo(histograms[std::size_t(op)]);
        }
        s.routedOps += load(c->routed);
        s.broadcastOps += load(c->broadcast);
        s.failedOps += load(c->failed);
        s.entriesWritten += load(c->written);
        s.entriesRemoved += load(c->removed);
        s.blockingTimeouts += load(c->timeouts);
        s.blockingSeconds += double(load(c->blockingNs)) / 1e9;
        for (int p = 0; p < s.partitions; ++p) {
            s.partitionRouted[std::size_t(p)] += load(c->partitionRouted[std::size_t(p)]);
            s.partitionEntries[std::size_t(p)] += load(c->partitionEntries[std::size_t(p)]);
        }
    }
    for (int op = 0; op < kSpaceOpCount; ++op)
        s.latency[std::size_t(op)] = LatencyHistogram::percentiles(histograms[std::size_t(op)]);
    return s;
}

SpaceWorkloadResult SpaceWorkload::result() const
{
    SpaceWorkloadResult r;
    static_cast<SpaceWorkloadSnapshot &>(r) = snapshot();
    if (m_space) {
        for (const SpacePartitionStats &stats : m_space->stats())
            r.finalEntries.push_back(stats.entries);
    }
    if (m_joined) {
        for (const auto &c : m_counters) {
            if (!c->firstFailure.isEmpty()) {
                r.firstFailure = c->firstFailure;
                break;
            }
        }
    }
    return r;
}

void SpaceWorkload::requestSample()
{
    m_shared.sampleWanted.store(true, std::memory_order_release);
}

QList<SpaceOperationSample> SpaceWorkload::takeSamples()
{
    QList<SpaceOperationSample> samples;
    std::unique_lock lock(m_shared.sampleMutex, std::try_to_lock);
    if (!lock.owns_lock())
        return samples; // a client is publishing right now: take them next tick
    for (SpaceOperationSample &sample : m_shared.samples)
        samples << std::move(sample);
    m_shared.samples.clear();
    return samples;
}

std::optional<SpaceWorkloadResult> SpaceWorkload::run(const SpaceWorkloadConfig &config, QString *error)
{
    SpaceWorkload workload(config);
    if (!workload.start(error))
        return std::nullopt;
    workload.wait();
    return workload.result();
}

} // namespace partlab
