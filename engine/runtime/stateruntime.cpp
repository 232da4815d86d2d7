#include "stateruntimeimpl.h"

namespace partlab {

using namespace runtimedetail; // the runtime's own pieces (stateruntimeimpl.h)

qint64 steadyNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

std::unique_ptr<StateRuntime> StateRuntime::create(const RuntimeConfig &config, QString *error)
{
    const QString problem = config.validate();
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return nullptr;
    }
    auto partitioner = createPartitioner(config.partitioner, config.partitionerOptions, error);
    if (!partitioner)
        return nullptr;
    return std::unique_ptr<StateRuntime>(new StateRuntime(config, std::move(partitioner)));
}

StateRuntime::StateRuntime(const RuntimeConfig &config, std::unique_ptr<Partitioner> partitioner)
    : m_config(config)
    , m_workerCount(config.effectiveWorkers())
    , m_partitioner(std::move(partitioner))
    , d(std::make_unique<Impl>())
{
    d->q = this;
    const int n = m_config.partitions();
    m_partitions.store(n, std::memory_order_relaxed);
    d->counters.reset(new PartitionCounters[std::size_t(n)]);
    d->enqueued.reset(new std::atomic<quint64>[std::size_t(n)]);
    for (int p = 0; p < n; ++p) {
        d->partitions.push_back(std::make_unique<PartitionState>());
        d->enqueued[std::size_t(p)].store(0, std::memory_order_relaxed);
    }
    for (int i = 0; i < m_workerCount; ++i) {
        d->workers.push_back(std::make_unique<Worker>(quint32(m_config.queueBatches)));
        d->workers.back()->index = i;
    }
    d->assignPartitions(n);
    d->startNs = steadyNowNs();
    for (auto &w : d->workers) {
        Worker *worker = w.get();
        worker->thread = std::thread([this, worker] { d->runWorker(*worker); });
    }
}

StateRuntime::~StateRuntime()
{
    d->stopping.store(true, std::memory_order_release);
    d->wakeAll();
    for (auto &w : d->workers) {
        if (w->thread.joinable())
            w->thread.join();
        delete w->open;
        Batch *b = nullptr;
        while (w->inbox.tryPop(b))
            delete b;
        while (w->recycled.tryPop(b))
            delete b;
    }
}

void StateRuntime::setLatencySampling(int every)
{
    d->sampleMask = quint64(std::bit_ceil(unsigned(qBound(1, every, 1 << 20)))) - 1;
}

StateRuntime::SubmitResult StateRuntime::submit(std::string_view key, double value, double volume)
{
    if (d->keyLimitHit.load(std::memory_order_relaxed))
        return SubmitResult::TooManyKeys;
    const quint32 p = quint32(m_partitioner->partition(RoutingKey::text(key)));
    Worker &w = *d->ownerByPartition[p];
    if (!w.open)
        w.open = d->acquireBatch(w, m_config.batchSize);
    Batch &b = *w.open;
    const quint64 seq = d->submitted.load(std::memory_order_relaxed);
    // Reading the clock costs tens of nanoseconds here: stamp a sample of the messages.
    if ((seq & d->sampleMask) == 0)
        b.samples.push_back({quint32(b.items.size()), steadyNowNs()});
    // Streamed: the owner reads the batch on its own core (see ItemArray::pushStreaming).
    b.items.pushStreaming({quint64(b.keys.size()), quint32(key.size()), p, hashKey(key), value, volume});
    b.keys.append(key);
    if (d->orderLog.load(std::memory_order_relaxed)) // FIFO hook (producer's own write)
        b.sequences.push_back(seq);
    bump(d->enqueued[p]);
    d->submitted.store(seq + 1, std::memory_order_relaxed);
    if (int(b.items.size()) >= m_config.batchSize)
        d->pushOpenBatch(w);
    return SubmitResult::Ok;
}

void StateRuntime::flush()
{
    for (auto &w : d->workers) {
        if (w->open && !w->open->items.empty())
            d->pushOpenBatch(*w);
    }
}

void StateRuntime::drain()
{
    flush();
    for (auto &w : d->workers) {
        for (int round = 0; w->doneBatches.load(std::memory_order_acquire) != w->pushedBatches; ++round) {
            Impl::wakeIfSleeping(*w);
            backoff(round);
        }
    }
}

std::optional<std::string> StateRuntime::keyLimitExceeded() const
{
    if (!d->keyLimitHit.load(std::memory_order_acquire))
        return std::nullopt;
    std::lock_guard<std::mutex> lock(d->overflowMutex);
    return d->overflowKey;
}

void StateRuntime::attachApplyOrderLog(std::shared_ptr<ApplyOrderLog> log)
{
    d->orderLogOwner = std::move(log);
    d->orderLog.store(d->orderLogOwner.get(), std::memory_order_release);
}

std::optional<ResizeReport> StateRuntime::resize(int partitions, QString *error)
{
    const int limit = m_partitioner->maxPartitions(); // e.g. redis: one node per slot at most
    if (partitions < 1 || partitions > limit) {
        if (error)
            *error = QStringLiteral("the number of partitions must be between 1 and %1 for %2 (got %3)")
                         .arg(limit).arg(m_partitioner->name()).arg(partitions);
        return std::nullopt;
    }
    const qint64 start = steadyNowNs();
    drain(); // intake is paused (we are the producer) and nothing is in flight after this
    ResizeReport report;
    report.atMessage = d->submitted.load(std::memory_order_relaxed);
    report.from = partitionCount();
    report.to = partitions;
    std::unique_ptr<Partitioner> next = m_partitioner->withPartitions(partitions);

    // No state copy may be in progress while state moves: hold the request lock and let the
    // workers answer any request a timed-out caller left behind.
    std::lock_guard<std::mutex> requestLock(d->stateRequestMutex);
    const quint64 wanted = d->stateRequest.load(std::memory_order_acquire);
    for (auto &w : d->workers) {
        for (int round = 0; w->servedStateRequest.load(std::memory_order_acquire) < wanted; ++round) {
            Impl::wakeIfSleeping(*w);
            backoff(round);
        }
    }

    const std::size_t n = std::size_t(partitions);
    std::vector<std::unique_ptr<PartitionState>> moved(n);
    for (auto &p : moved)
        p = std::make_unique<PartitionState>();
    std::unique_ptr<PartitionCounters[]> counters(new PartitionCounters[n]);
    std::unique_ptr<std::atomic<quint64>[]> enqueued(new std::atomic<quint64>[n]);
    for (std::size_t p = 0; p < n; ++p)
        enqueued[p].store(0, std::memory_order_relaxed);

    auto account = [&](const std::string &key, int from, int to) {
        if (from != to) {
            ++report.keysMoved;
            report.bytesMoved += key.size() + sizeof(KeyState);
        }
        bump(counters[std::size_t(to)].keys);
    };
    if (m_config.mode == RuntimeMode::Partitioned) {
        for (std::size_t p = 0; p < d->partitions.size(); ++p) {
            for (KeyStateTable::Entry &e : d->partitions[p]->states.takeEntries()) {
                const int to = next->partition(RoutingKey::text(e.key));
                account(e.key, int(p), to);
                moved[std::size_t(to)]->states.insert(std::move(e)); // the key's hash is kept
            }
        }
    } else { // naive: the one state object stays; only the would-be partitions change
        for (const KeyStateTable::Entry &e : d->naiveState.entries())
            account(e.key, m_partitioner->partition(RoutingKey::text(e.key)), next->partition(RoutingKey::text(e.key)));
    }

    {
        std::lock_guard<std::mutex> lock(d->structureMutex);
        for (std::size_t p = 0; p < d->partitions.size(); ++p)
            d->appliedBase += d->counters[p].applied.load(std::memory_order_relaxed);
        d->workerBase.clear();
        for (const auto &w : d->workers) // workers are idle: their counters are final until we resume
            d->workerBase.emplace_back(w->busyNs.load(std::memory_order_relaxed), w->appliedTotal.load(std::memory_order_relaxed));
        d->partitions.swap(moved);
        d->counters = std::move(counters);
        d->enqueued = std::move(enqueued);
        m_partitioner = std::move(next);
        d->assignPartitions(partitions);
        ++d->resizes;
        m_partitions.store(partitions, std::memory_order_release);
    }
    report.pauseMs = double(steadyNowNs() - start) / 1e6;
    return report;
}

} // namespace partlab
