#pragma once

// StateRuntime's private parts, shared by its two source files: stateruntime.cpp (life cycle,
// the producer side, resizing) and stateruntimeinspect.cpp (snapshots, state copies, hot keys).
// Include nowhere else. Everything here stays inline, so splitting the files costs the hot path
// nothing.

#include "stateruntime.h"

#include "partitionstate.h"
#include "spscqueue.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace partlab {

namespace runtimedetail {

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
inline void backoff(int round)
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

} // namespace runtimedetail

using namespace runtimedetail;

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

    /** Busy-waits @p ns nanoseconds (RuntimeConfig::costNs, exclusivitySpinNs). */
    static void spinFor(int ns)
    {
        const qint64 until = steadyNowNs() + ns;
        while (steadyNowNs() < until)
            cpuRelax();
    }

    template<Computation C, bool Naive, bool Checked>
    void processBatch(Worker &w, Batch &b)
    {
        const int costNs = q->m_config.costNs;
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
                if (costNs > 0)
                    spinFor(costNs);
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
        if (const int spin = q->m_config.exclusivitySpinNs; spin > 0)
            spinFor(spin);
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

} // namespace partlab
