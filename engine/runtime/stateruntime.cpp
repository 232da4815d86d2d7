#include "stateruntime.h"

#include "partitionstate.h"
#include "spscqueue.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace partlab {

qint64 steadyNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

namespace {

constexpr std::size_t kLine = 64;

inline void cpuRelax()
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#else
    std::this_thread::yield();
#endif
}

/** Spin, then yield, then sleep: waiting on another thread without burning a core for long. */
void backoff(int round)
{
    if (round < 32)
        cpuRelax();
    else if (round < 64)
        std::this_thread::yield();
    else
        std::this_thread::sleep_for(std::chrono::microseconds(round < 256 ? 20 : 200));
}

/** One routed message on its way to the owner of its partition; the key bytes sit in the batch. */
struct Item
{
    quint32 partition;
    quint32 keyOffset;
    quint32 keyLength;
    double value;
    double volume;
    qint64 enqueueNs; ///< 0 when this message is not a latency sample
};

/**
 * Messages for one worker plus their key bytes, recycled between producer and worker. Cache-line
 * aligned: the producer updates an open batch's header on every message while a worker reads
 * another batch's header for every item, and two small heap objects could share a line.
 */
struct alignas(kLine) Batch
{
    std::vector<Item> items;
    std::string keys;
    std::vector<quint64> sequences; ///< submit sequence per item, only with an ApplyOrderLog

    std::string_view keyOf(const Item &it) const { return std::string_view(keys).substr(it.keyOffset, it.keyLength); }
    void clear()
    {
        items.clear();
        keys.clear();
        sequences.clear();
    }
};

/** Counters written by the partition's owner, read by snapshot(); one cache line each. */
struct alignas(kLine) PartitionCounters
{
    std::atomic<quint64> applied{0};
    std::atomic<quint64> keys{0};
};

inline void bump(std::atomic<quint64> &counter, quint64 by = 1)
{
    // Single writer: a relaxed load + store is enough and costs no locked instruction.
    counter.store(counter.load(std::memory_order_relaxed) + by, std::memory_order_relaxed);
}

struct Worker
{
    explicit Worker(quint32 capacity)
        : inbox(capacity)
        , recycled(capacity + 4)
    {
    }

    SpscQueue<Batch *> inbox;    ///< producer -> worker
    SpscQueue<Batch *> recycled; ///< worker -> producer: emptied batches for reuse
    alignas(kLine) std::atomic<quint64> doneBatches{0};
    std::atomic<quint64> busyNs{0};       ///< time spent applying batches (this worker writes it)
    std::atomic<quint64> appliedTotal{0}; ///< messages it applied, for attributing busyNs
    std::atomic<quint64> servedStateRequest{0};
    alignas(kLine) std::atomic<bool> sleeping{false};
    std::mutex sleepMutex;
    std::condition_variable wake;
    LatencyHistogram latency;
    std::vector<int> partitions; ///< the partitions this worker owns
    std::mutex copyMutex;
    std::vector<KeyResult> stateCopy;
    std::thread thread;

    // Producer-side fields (touched by the producer thread only).
    alignas(kLine) Batch *open = nullptr;
    quint64 pushedBatches = 0;
};

} // namespace

struct StateRuntime::Impl
{
    StateRuntime *q = nullptr;
    std::vector<std::unique_ptr<PartitionState>> partitions;
    std::unique_ptr<PartitionCounters[]> counters;
    std::unique_ptr<std::atomic<quint64>[]> enqueued; ///< by partition, written by the producer
    std::vector<std::unique_ptr<Worker>> workers;
    // Written by the producer on every message: a cache line of its own, or every submit would
    // invalidate the line idle workers poll (stopping, stateRequest): false sharing.
    alignas(kLine) std::atomic<quint64> submitted{0};
    quint64 sampleMask = 15; ///< producer: stamp one message in sampleMask + 1
    alignas(kLine) std::atomic<bool> stopping{false};
    std::shared_ptr<ApplyOrderLog> orderLogOwner;
    std::atomic<ApplyOrderLog *> orderLog{nullptr}; ///< FIFO hook, read once per batch
    std::atomic<quint64> stateRequest{0};
    std::mutex stateRequestMutex;
    /** 0: copy the whole state; k > 0: only the k keys with most messages per partition.
        Written before stateRequest is bumped (release), under stateRequestMutex. */
    std::atomic<int> requestedTopK{0};
    qint64 startNs = 0;

    // Key limit: distinct keys over all partitions, counted when an owner inserts a key (rare);
    // keyLimitHit is read by the producer on every submit, so it sits apart from both.
    alignas(kLine) std::atomic<quint64> totalKeys{0};
    alignas(kLine) std::atomic<bool> keyLimitHit{false};
    std::mutex overflowMutex;
    std::string overflowKey; ///< the first key refused (overflowMutex)

    // Guards the per-partition arrays and the partitioner against a resize while another thread
    // takes a snapshot. Workers never take it: they are idle during a resize.
    mutable std::mutex structureMutex;
    int resizes = 0;         ///< guarded by structureMutex
    quint64 appliedBase = 0; ///< messages applied before the last resize (structureMutex)
    /** Per worker: busyNs and appliedTotal at the last resize (structureMutex). */
    std::vector<std::pair<quint64, quint64>> workerBase;

    // Naive mode: the one shared state object and its lock.
    std::mutex naiveMutex;
    KeyStateTable naiveState;

    // Exclusivity test hook.
    std::atomic<int> active{0};
    std::atomic<int> maxActive{0};
    std::atomic<quint64> violations{0};

    int ownerOf(quint32 partition) const { return int(partition % workers.size()); }
    /** Producer's lookup of ownerOf(): a table instead of a division per message. */
    std::vector<Worker *> ownerByPartition;

    Batch *acquireBatch(Worker &w, int batchSize)
    {
        Batch *b = nullptr;
        if (w.recycled.tryPop(b)) {
            b->clear();
            return b;
        }
        b = new Batch;
        b->items.reserve(std::size_t(batchSize));
        b->keys.reserve(std::size_t(batchSize) * 16);
        return b;
    }

    static void wakeIfSleeping(Worker &w)
    {
        // Both sides change the flag with a read-modify-write, so they are ordered on it: if the
        // worker's exchange(true) comes first we read true and wake it; if ours comes first, the
        // worker's exchange reads our write, synchronizes with it, and then sees the pushed batch.
        // (No fences: ThreadSanitizer does not model atomic_thread_fence.)
        if (w.sleeping.exchange(false, std::memory_order_acq_rel)) {
            std::lock_guard<std::mutex> lock(w.sleepMutex);
            w.wake.notify_one();
        }
    }

    void pushOpenBatch(Worker &w)
    {
        Batch *b = w.open;
        w.open = nullptr;
        for (int round = 0; !w.inbox.tryPush(b); ++round) {
            wakeIfSleeping(w);
            backoff(round);
        }
        ++w.pushedBatches;
        wakeIfSleeping(w);
    }

    /** Counts a new key against the limit; false (and the key remembered) when it is full. */
    bool admitKey(std::string_view key)
    {
        if (totalKeys.fetch_add(1, std::memory_order_relaxed) < q->m_config.maxKeys)
            return true;
        totalKeys.fetch_sub(1, std::memory_order_relaxed);
        std::lock_guard<std::mutex> lock(overflowMutex);
        if (!keyLimitHit.load(std::memory_order_relaxed)) {
            overflowKey.assign(key);
            keyLimitHit.store(true, std::memory_order_release);
        }
        return false;
    }

    void serveStateRequest(Worker &w, Computation c)
    {
        const quint64 wanted = stateRequest.load(std::memory_order_acquire);
        if (wanted <= w.servedStateRequest.load(std::memory_order_relaxed))
            return;
        {
            std::lock_guard<std::mutex> lock(w.copyMutex);
            w.stateCopy.clear();
            const std::size_t topK = std::size_t(requestedTopK.load(std::memory_order_relaxed));
            if (q->m_config.mode == RuntimeMode::Partitioned) {
                for (int p : w.partitions) {
                    const auto &entries = partitions[std::size_t(p)]->states.entries();
                    const std::size_t first = w.stateCopy.size();
                    if (topK == 0 || entries.size() <= topK) {
                        for (const KeyStateTable::Entry &e : entries)
                            w.stateCopy.push_back({e.key, p, stateValue(c, e.state), e.state.count});
                    } else { // the hottest keys only: a partial sort of pointers, then k copies
                        std::vector<const KeyStateTable::Entry *> order;
                        order.reserve(entries.size());
                        for (const KeyStateTable::Entry &e : entries)
                            order.push_back(&e);
                        std::partial_sort(order.begin(), order.begin() + std::ptrdiff_t(topK), order.end(),
                                          [](const auto *a, const auto *b) { return a->state.count > b->state.count; });
                        for (std::size_t i = 0; i < topK; ++i)
                            w.stateCopy.push_back({order[i]->key, p, stateValue(c, order[i]->state), order[i]->state.count});
                    }
                    if (topK > 0)
                        std::sort(w.stateCopy.begin() + std::ptrdiff_t(first), w.stateCopy.end(),
                                  [](const KeyResult &a, const KeyResult &b) { return a.count > b.count; });
                }
            }
        }
        w.servedStateRequest.store(wanted, std::memory_order_release);
    }

    template<Computation C, bool Naive, bool Checked>
    void processBatch(Worker &w, Batch &b)
    {
        const qint64 start = steadyNowNs();
        quint64 applied = 0;
        for (const Item &it : b.items) {
            PartitionState &ps = *partitions[it.partition];
            const std::string_view key = b.keyOf(it);
            if constexpr (Checked)
                enter(ps);
            KeyStateTable &table = Naive ? naiveState : ps.states;
            const quint64 hash = hashKey(key);
            std::unique_lock<std::mutex> lock(naiveMutex, std::defer_lock);
            if constexpr (Naive)
                lock.lock();
            KeyState *state = table.find(key, hash);
            if (!state && admitKey(key)) {
                state = &table.insert(key, hash);
                bump(counters[it.partition].keys);
            }
            if (state) {
                applyComputation<C>(*state, it.value, it.volume);
                if constexpr (Naive)
                    lock.unlock();
                bump(counters[it.partition].applied);
                ++applied;
            }
            if constexpr (Checked)
                leave(ps);
        }
        const qint64 end = steadyNowNs();
        // Busy time is kept per worker (one write per batch); snapshot() attributes it to the
        // worker's partitions by their share of its messages.
        bump(w.busyNs, quint64(end - start));
        bump(w.appliedTotal, applied);
        for (const Item &it : b.items) {
            if (it.enqueueNs != 0)
                w.latency.record(quint64(qMax<qint64>(0, end - it.enqueueNs)));
        }
    }

    /** FIFO hook: the batch's messages, in the order they were just applied. */
    void recordApplied(const Batch &b)
    {
        ApplyOrderLog *log = orderLog.load(std::memory_order_acquire);
        if (!log || b.sequences.size() != b.items.size()) // attached in the middle of a batch
            return;
        const qint64 now = steadyNowNs();
        for (std::size_t i = 0; i < b.items.size(); ++i)
            log->record(int(b.items[i].partition), b.sequences[i], b.keyOf(b.items[i]), now);
    }

    void enter(PartitionState &ps)
    {
        if (ps.inFlight.exchange(1, std::memory_order_acq_rel) != 0)
            violations.fetch_add(1, std::memory_order_relaxed);
        const int now = active.fetch_add(1, std::memory_order_acq_rel) + 1;
        int seen = maxActive.load(std::memory_order_relaxed);
        while (now > seen && !maxActive.compare_exchange_weak(seen, now, std::memory_order_relaxed)) {
        }
        const int spin = q->m_config.exclusivitySpinNs;
        if (spin > 0) {
            const qint64 until = steadyNowNs() + spin;
            while (steadyNowNs() < until)
                cpuRelax();
        }
    }

    void leave(PartitionState &ps)
    {
        active.fetch_sub(1, std::memory_order_acq_rel);
        ps.inFlight.store(0, std::memory_order_release);
    }

    template<Computation C, bool Naive, bool Checked>
    void workerLoop(Worker &w)
    {
        int idle = 0;
        for (;;) {
            Batch *b = nullptr;
            if (w.inbox.tryPop(b)) {
                processBatch<C, Naive, Checked>(w, *b);
                if (!b->sequences.empty())
                    recordApplied(*b);
                w.doneBatches.store(w.doneBatches.load(std::memory_order_relaxed) + 1, std::memory_order_release);
                if (!w.recycled.tryPush(b))
                    delete b;
                serveStateRequest(w, C);
                idle = 0;
                continue;
            }
            serveStateRequest(w, C);
            if (stopping.load(std::memory_order_acquire) && w.inbox.emptyApprox())
                return;
            if (++idle < 128) {
                backoff(idle / 2);
                continue;
            }
            w.sleeping.exchange(true, std::memory_order_acq_rel); // see wakeIfSleeping()
            if (!w.inbox.emptyApprox() || stopping.load(std::memory_order_acquire)
                || stateRequest.load(std::memory_order_acquire) > w.servedStateRequest.load(std::memory_order_relaxed)) {
                w.sleeping.store(false, std::memory_order_relaxed);
                continue;
            }
            std::unique_lock<std::mutex> lock(w.sleepMutex);
            w.wake.wait_for(lock, std::chrono::milliseconds(5),
                            [&] { return !w.sleeping.load(std::memory_order_relaxed); });
            w.sleeping.store(false, std::memory_order_relaxed);
            idle = 64;
        }
    }

    void runWorker(Worker &w)
    {
        const RuntimeConfig &c = q->m_config;
        const bool naive = c.mode == RuntimeMode::Naive;
        dispatchComputation(c.computation, [&]<Computation C>() {
            if (c.checkExclusiveAccess)
                naive ? workerLoop<C, true, true>(w) : workerLoop<C, false, true>(w);
            else
                naive ? workerLoop<C, true, false>(w) : workerLoop<C, false, false>(w);
        });
    }

    void wakeAll()
    {
        for (auto &w : workers) {
            std::lock_guard<std::mutex> lock(w->sleepMutex);
            w->sleeping.store(false, std::memory_order_relaxed);
            w->wake.notify_one();
        }
    }

    void assignPartitions(int n)
    {
        for (auto &w : workers)
            w->partitions.clear();
        ownerByPartition.resize(std::size_t(n));
        for (int p = 0; p < n; ++p) {
            Worker *owner = workers[std::size_t(ownerOf(quint32(p)))].get();
            owner->partitions.push_back(p);
            ownerByPartition[std::size_t(p)] = owner;
        }
    }
};

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
    for (int i = 0; i < m_workerCount; ++i)
        d->workers.push_back(std::make_unique<Worker>(quint32(m_config.queueBatches)));
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
    const qint64 stamp = (seq & d->sampleMask) == 0 ? steadyNowNs() : 0;
    b.items.push_back({p, quint32(b.keys.size()), quint32(key.size()), value, volume, stamp});
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

std::vector<KeyResult> StateRuntime::collectState() const
{
    std::vector<KeyResult> out;
    const Computation c = m_config.computation;
    if (m_config.mode == RuntimeMode::Naive) {
        out.reserve(d->naiveState.size());
        for (const KeyStateTable::Entry &e : d->naiveState.entries())
            out.push_back({e.key, m_partitioner->partition(RoutingKey::text(e.key)), stateValue(c, e.state), e.state.count});
    } else {
        for (std::size_t p = 0; p < d->partitions.size(); ++p) {
            for (const KeyStateTable::Entry &e : d->partitions[p]->states.entries())
                out.push_back({e.key, int(p), stateValue(c, e.state), e.state.count});
        }
    }
    std::sort(out.begin(), out.end(), [](const KeyResult &a, const KeyResult &b) { return a.key < b.key; });
    return out;
}

int StateRuntime::partitionOfKey(std::string_view key) const
{
    return m_partitioner->partition(RoutingKey::text(key));
}

quint64 StateRuntime::keyCount() const
{
    return d->totalKeys.load(std::memory_order_relaxed);
}

RuntimeSnapshot StateRuntime::snapshot() const
{
    RuntimeSnapshot s;
    std::lock_guard<std::mutex> lock(d->structureMutex);
    s.uptimeNs = steadyNowNs() - d->startNs;
    s.resizes = d->resizes;
    const std::size_t n = d->partitions.size();
    s.partitions.resize(n);
    quint64 maxApplied = 0;
    std::vector<std::pair<quint64, quint64>> workerLoad(d->workers.size()); // busy, applied since the resize
    for (std::size_t i = 0; i < d->workers.size(); ++i) {
        const std::pair<quint64, quint64> base = i < d->workerBase.size() ? d->workerBase[i] : std::pair<quint64, quint64>{};
        workerLoad[i] = {d->workers[i]->busyNs.load(std::memory_order_relaxed) - base.first,
                         d->workers[i]->appliedTotal.load(std::memory_order_relaxed) - base.second};
    }
    for (std::size_t p = 0; p < n; ++p) {
        PartitionStats &ps = s.partitions[p];
        ps.applied = d->counters[p].applied.load(std::memory_order_relaxed);
        ps.keys = d->counters[p].keys.load(std::memory_order_relaxed);
        const auto &[busy, workerApplied] = workerLoad[std::size_t(d->ownerOf(quint32(p)))];
        ps.busyNs = workerApplied ? quint64(double(busy) * double(ps.applied) / double(workerApplied)) : 0;
        const quint64 enq = d->enqueued[p].load(std::memory_order_relaxed);
        ps.queueDepth = enq > ps.applied ? enq - ps.applied : 0;
        ps.worker = d->ownerOf(quint32(p));
        s.applied += ps.applied;
        maxApplied = qMax(maxApplied, ps.applied);
    }
    if (s.applied > 0)
        s.skew = double(maxApplied) / (double(s.applied) / double(n));
    s.applied += d->appliedBase;
    s.submitted = qMax(s.applied, d->submitted.load(std::memory_order_relaxed));
    std::array<quint64, LatencyHistogram::kBuckets> sum{};
    for (const auto &w : d->workers)
        w->latency.addTo(sum);
    s.latency = LatencyHistogram::percentiles(sum);
    return s;
}

bool StateRuntime::stateSnapshot(std::vector<KeyResult> &out, int timeoutMs) const
{
    if (!requestCopy(out, 0, timeoutMs))
        return false;
    std::sort(out.begin(), out.end(), [](const KeyResult &a, const KeyResult &b) { return a.key < b.key; });
    return true;
}

bool StateRuntime::hotKeys(int top, std::vector<std::vector<KeyResult>> &perPartition, int timeoutMs) const
{
    std::vector<KeyResult> copy;
    if (!requestCopy(copy, qMax(1, top), timeoutMs))
        return false;
    perPartition.assign(std::size_t(partitionCount()), {});
    for (KeyResult &r : copy) {
        if (r.partition >= 0 && std::size_t(r.partition) < perPartition.size())
            perPartition[std::size_t(r.partition)].push_back(std::move(r));
    }
    for (auto &list : perPartition) { // naive mode copies everything: trim to the top here
        std::stable_sort(list.begin(), list.end(), [](const KeyResult &a, const KeyResult &b) { return a.count > b.count; });
        if (list.size() > std::size_t(top))
            list.resize(std::size_t(top));
    }
    return true;
}

bool StateRuntime::requestCopy(std::vector<KeyResult> &out, int topK, int timeoutMs) const
{
    out.clear();
    const Computation c = m_config.computation;
    if (m_config.mode == RuntimeMode::Naive) {
        {
            std::lock_guard<std::mutex> lock(d->naiveMutex);
            out.reserve(d->naiveState.size());
            for (const KeyStateTable::Entry &e : d->naiveState.entries())
                out.push_back({e.key, 0, stateValue(c, e.state), e.state.count});
        }
        // The partitioner is replaced by a resize: read it under the structure lock.
        std::lock_guard<std::mutex> lock(d->structureMutex);
        for (KeyResult &r : out)
            r.partition = m_partitioner->partition(RoutingKey::text(r.key));
    } else {
        std::lock_guard<std::mutex> requestLock(d->stateRequestMutex);
        d->requestedTopK.store(topK, std::memory_order_relaxed);
        const quint64 wanted = d->stateRequest.fetch_add(1, std::memory_order_acq_rel) + 1;
        d->wakeAll();
        const qint64 deadline = steadyNowNs() + qint64(timeoutMs) * 1'000'000;
        for (auto &w : d->workers) {
            for (int round = 0; w->servedStateRequest.load(std::memory_order_acquire) < wanted; ++round) {
                if (steadyNowNs() > deadline)
                    return false;
                Impl::wakeIfSleeping(*w);
                backoff(round);
            }
            std::lock_guard<std::mutex> lock(w->copyMutex);
            out.insert(out.end(), w->stateCopy.begin(), w->stateCopy.end());
        }
    }
    return true;
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

ExclusivityReport StateRuntime::exclusivity() const
{
    return {d->violations.load(std::memory_order_relaxed), d->maxActive.load(std::memory_order_relaxed)};
}

} // namespace partlab
