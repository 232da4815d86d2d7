#pragma once

// StateRuntime's private parts, shared by its two source files: stateruntime.cpp (life cycle,
// the producer side, resizing) and stateruntimeinspect.cpp (snapshots, state copies, hot keys).
// Include nowhere else. Everything here stays inline, so splitting the files costs the hot path
// nothing.

#include "stateruntime.h"

#include "itemarray.h"
#include "model/chunkedinput.h"
#include "partitionstate.h"
#include "spscqueue.h"
#include "storeprobe.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <type_traits>

namespace partlab {

namespace runtimedetail {

constexpr std::size_t kLine = limits::kCacheLine;

inline void cpuRelax()
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#else
    std::this_thread::yield();
#endif
}

/**
 * Spin, then yield, then sleep: waiting on another thread without burning a core for long.
 * 32 pauses (a few microseconds at most) catch a hand-off from a thread that is running right
 * now, the common case while a run is busy; 32 yields give the core to the thread we wait for
 * when there are more threads than cores (W above the core count, the GUI beside a run); then
 * sleeps of 20 us keep the added latency small against a batch, and after 256 rounds 200 us, so
 * an idle worker (a paused run) costs a small fraction of a core.
 */
inline void backoff(int round)
{
    if (round < 32)
        cpuRelax();
    else if (round < 64)
        std::this_thread::yield();
    else
        std::this_thread::sleep_for(std::chrono::microseconds(round < 256 ? 20 : 200));
}

/** A message of a batch stamped for the latency histogram. */
struct Sample
{
    quint32 item;
    qint64 enqueueNs;
};

/**
 * Messages for one worker plus their key bytes, recycled between producer and worker. Cache-line
 * aligned: the producer updates an open batch's header on every message while a worker reads
 * another batch's header for every item, and two small heap objects could share a line.
 */
struct alignas(kLine) Batch
{
    ItemArray items;
    std::string keys;
    std::vector<Sample> samples;    ///< the latency samples among the items
    std::vector<quint64> sequences; ///< submit sequence per item (chunk-relative in ingest()), only with an ApplyOrderLog
    bool externalKeys = false;      ///< Item::key is an address (set for a whole batch)

    std::string_view keyOf(const Item &it) const
    {
        return externalKeys ? std::string_view(reinterpret_cast<const char *>(quintptr(it.key)), it.keyLength)
                            : std::string_view(keys).substr(std::size_t(it.key), it.keyLength);
    }
    void clear()
    {
        items.clear();
        keys.clear();
        samples.clear();
        sequences.clear();
    }
};

/** Counters written by the partition's owner, read by snapshot(); one cache line each. */
struct alignas(kLine) PartitionCounters
{
    std::atomic<quint64> applied{0};
    std::atomic<quint64> keys{0};
};
static_assert(sizeof(PartitionCounters) == kLine, "one partition's counters on a cache line of their own");
static_assert(std::atomic<quint64>::is_always_lock_free, "the hot path's counters must not take a lock");

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
    int index = 0;               ///< its place in Impl::workers
    std::vector<int> partitions; ///< the partitions this worker owns
    std::mutex copyMutex;
    std::vector<KeyResult> stateCopy;
    std::thread thread;

    // Producer-side fields (touched by the producer thread only).
    alignas(kLine) Batch *open = nullptr;
    quint64 pushedBatches = 0;
};

/**
 * One chunk of a parallel ingestion (StateRuntime::ingest) on its way from the worker that
 * parsed it to the owners of its partitions: one batch per owner, applied in chunk order.
 */
struct IngestSlot
{
    enum State { Free, Parsing, Parsed, Ready };
    std::atomic<int> state{Free};
    /** The chunk it holds. Atomic: an owner checks it on a slot that may be freed and claimed for
        a later chunk meanwhile; state's acquire/release carries everything else. */
    std::atomic<quint64> chunk{0};
    ChunkTask task;
    ChunkResult result;
    std::vector<Batch> batches;  ///< by worker
    std::vector<quint32> counts; ///< messages by partition
    quint64 messageBase = 0;     ///< number of its first message in the whole run (Ready)
    StoreProbe::Use stores;      ///< how its items are written (plain with one worker)
    std::atomic<int> appliedBy{0};
};

/** A running StateRuntime::ingest(): the chunks in flight and the frontier of confirmed ones. */
struct IngestJob
{
    static constexpr quint64 kClosed = quint64(1) << 63;
    static constexpr std::size_t kMaxReaders = 32;        ///< workers that also parse (the rest apply)
    static constexpr quint64 kMaxChunksInFlight = 2 * kMaxReaders + 2;

    ChunkedInput *input = nullptr;
    std::vector<std::unique_ptr<ChunkParser>> parsers; ///< by worker, for the first kMaxReaders
    /** By worker: its own copy of the partitioner, so that no two routers read one object
        that may share a cache line with data another thread writes. */
    std::vector<std::unique_ptr<Partitioner>> routers;
    std::vector<quint64> cursor;                       ///< by worker: next chunk it applies
    std::vector<char> done;                            ///< by worker: applied the last chunk
    qint64 base = 0;        ///< nominal begin of chunk 0 (aligned down to a chunk)
    qint64 start = 0;       ///< where chunk 0 really starts
    qint64 units = 1;       ///< nominal chunk size
    qint64 endUnits = 0;
    quint64 chunks = 0;     ///< nominal chunks between start and the input's end
    bool exact = false;
    bool stableKeys = false;
    bool sequences = false;
    std::vector<quint32> ownerOf; ///< by partition: the owner's worker index (no Worker line to share)
    quint64 messageLimit = 0; ///< no chunk is applied that would take the run past it
    std::unique_ptr<IngestSlot[]> ring;
    quint64 slotCount = 0;

    alignas(kLine) std::atomic<quint64> claim{0}; ///< next chunk to parse; kClosed: no more
    std::mutex claimMutex;                        ///< taking a chunk and its slot (ingestParse)
    alignas(kLine) std::atomic<int> parsing{0};   ///< workers inside a parse (or a claim)
    std::atomic<int> workersDone{0};
    std::atomic<qint64> finalChunk{-2};           ///< last chunk to apply; -2 not known yet
    std::atomic<quint64> confirmedMessages{0};
    /** The most items and key bytes one batch of this job has held so far: a slot's batches take
        that much (and a quarter) before a parse instead of growing by doubling through it. */
    std::atomic<std::size_t> batchItems{0};
    std::atomic<std::size_t> batchKeyBytes{0};

    StoreProbe storeProbe;

    // The frontier: chunks confirmed in input order (confirmMutex).
    std::mutex confirmMutex;
    quint64 frontier = 0;
    quint64 closedAt = ~quint64(0); ///< chunks claimed when claiming was closed
    qint64 prevEnd = 0;             ///< true end of the last confirmed chunk
    qint64 lineBase = 1;            ///< line of the next chunk's first record
    quint64 messageBase = 0;        ///< messages before the next chunk (whole run)
    IngestResult result;

    IngestSlot &slot(quint64 chunk) { return ring[chunk % slotCount]; }
    ChunkTask taskOf(quint64 chunk) const
    {
        const qint64 begin = base + qint64(chunk) * units;
        return {chunk == 0 ? start : begin, begin + units, chunk == 0 || exact};
    }
    bool finished() const
    {
        return finalChunk.load(std::memory_order_acquire) != -2 && workersDone.load(std::memory_order_acquire) == int(done.size())
               && parsing.load(std::memory_order_acquire) == 0;
    }
};

} // namespace runtimedetail

struct StateRuntime::Impl
{
    // The runtime's pieces, named here rather than by a using-directive in this header.
    using Batch = runtimedetail::Batch;
    using IngestJob = runtimedetail::IngestJob;
    using IngestSlot = runtimedetail::IngestSlot;
    using Item = runtimedetail::Item;
    using PartitionCounters = runtimedetail::PartitionCounters;
    using Sample = runtimedetail::Sample;
    using Worker = runtimedetail::Worker;
    static constexpr std::size_t kLine = runtimedetail::kLine;

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

    // Parallel ingestion (StateRuntime::ingest): the job workers help with, and how many of
    // them are looking at it (the caller frees it only when none is).
    std::atomic<IngestJob *> ingestJob{nullptr};
    std::atomic<int> ingestUsers{0};
    std::mutex ingestMutex;
    std::condition_variable ingestChanged; ///< a worker finished or a parse ended (ingestMutex)

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
        runtimedetail::ItemArray::publishStreamed();
        for (int round = 0; !w.inbox.tryPush(b); ++round) {
            wakeIfSleeping(w);
            runtimedetail::backoff(round);
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
            runtimedetail::cpuRelax();
    }

    template<Computation C, bool Naive, bool Checked>
    void processBatch(Worker &w, Batch &b)
    {
        const int costNs = q->m_config.costNs;
        const qint64 start = steadyNowNs();
        quint64 applied = 0;
        // Lookups run a few items ahead of the state computations: the slot of item i + 2D and
        // the entry of item i + D are on their way while item i is applied. (Not in naive mode:
        // the one table may grow under another worker's lock meanwhile.)
        constexpr std::size_t kAhead = 4;
        const std::size_t count = b.items.size();
        auto prefetch = [&](std::size_t i, bool entry) {
            if constexpr (!Naive) {
                if (i < count)
                    partitions[b.items[i].partition]->states.prefetch(b.items[i].hash, entry);
            }
        };
        for (std::size_t i = 0; i < 2 * kAhead; ++i)
            prefetch(i, false);
        for (std::size_t i = 0; i < count; ++i) {
            const Item &it = b.items[i];
            prefetch(i + 2 * kAhead, false);
            prefetch(i + kAhead, true);
            PartitionState &ps = *partitions[it.partition];
            const std::string_view key = b.keyOf(it);
            if constexpr (Checked)
                enter(ps);
            KeyStateTable &table = Naive ? naiveState : ps.states;
            const quint64 hash = it.hash;
            std::unique_lock<std::mutex> lock(naiveMutex, std::defer_lock);
            if constexpr (Naive)
                lock.lock();
            KeyState *state = table.find(key, hash);
            if (!state && admitKey(key)) {
                state = &table.insert(key, hash);
                runtimedetail::bump(counters[it.partition].keys);
            }
            if (state) {
                applyComputation<C>(*state, it.value, it.volume);
                if (costNs > 0)
                    spinFor(costNs);
                if constexpr (Naive)
                    lock.unlock();
                runtimedetail::bump(counters[it.partition].applied);
                ++applied;
            }
            if constexpr (Checked)
                leave(ps);
        }
        const qint64 end = steadyNowNs();
        // Busy time is kept per worker (one write per batch); snapshot() attributes it to the
        // worker's partitions by their share of its messages.
        runtimedetail::bump(w.busyNs, quint64(end - start));
        runtimedetail::bump(w.appliedTotal, applied);
        for (const Sample &sample : b.samples)
            w.latency.record(quint64(qMax<qint64>(0, end - sample.enqueueNs)));
    }

    /** FIFO hook: the batch's messages, in the order they were just applied. */
    void recordApplied(const Batch &b, quint64 sequenceBase = 0)
    {
        ApplyOrderLog *log = orderLog.load(std::memory_order_acquire);
        if (!log || b.sequences.size() != b.items.size()) // attached in the middle of a batch
            return;
        const qint64 now = steadyNowNs();
        for (std::size_t i = 0; i < b.items.size(); ++i)
            log->record(int(b.items[i].partition), sequenceBase + b.sequences[i], b.keyOf(b.items[i]), now);
    }

    // --- parallel ingestion (stateruntimeingest.cpp, except the apply step below) ----------
    /** Parses the next chunk into a free slot; false when none can be taken now. */
    bool ingestParse(Worker &w, IngestJob &job);
    /** Confirms parsed chunks in input order (re-parsing one whose guessed start was wrong). */
    void ingestConfirm(std::size_t worker, IngestJob &job);
    void ingestParseInto(IngestSlot &slot, std::size_t worker, const ChunkTask &task, IngestJob &job, bool reparse = false);
    void ingestFreeSlot(IngestSlot &slot);
    void notifyIngest()
    {
        std::lock_guard<std::mutex> lock(ingestMutex);
        ingestChanged.notify_all();
    }

    /** One step of a worker in a job: apply its part of the next chunk, or parse one. */
    template<Computation C, bool Naive, bool Checked>
    bool ingestStep(Worker &w, IngestJob &job)
    {
        const std::size_t me = std::size_t(w.index);
        if (job.done[me])
            return false;
        const quint64 next = job.cursor[me];
        const qint64 last = job.finalChunk.load(std::memory_order_acquire);
        if (last != -2 && qint64(next) > last) {
            job.done[me] = 1;
            job.workersDone.fetch_add(1, std::memory_order_acq_rel);
            notifyIngest();
            return true;
        }
        IngestSlot &s = job.slot(next);
        // The chunk first: once it reads `next`, the slot keeps that chunk until this worker has
        // applied it, so a Ready read after it is that chunk's. (Reading the state first, a
        // Ready of the chunk one ring before could pair with `next` claimed meanwhile.)
        if (s.chunk.load(std::memory_order_acquire) == next && s.state.load(std::memory_order_acquire) == IngestSlot::Ready) {
            Batch &b = s.batches[me];
            if (!b.items.empty()) {
                processBatch<C, Naive, Checked>(w, b);
                if (!b.sequences.empty())
                    recordApplied(b, s.messageBase);
            }
            job.cursor[me] = next + 1;
            if (s.appliedBy.fetch_add(1, std::memory_order_acq_rel) + 1 == int(workers.size()))
                ingestFreeSlot(s);
            return true;
        }
        return me < job.parsers.size() && ingestParse(w, job);
    }

    /** Workers look at the job (if any) between batches; see StateRuntime::ingest(). */
    template<Computation C, bool Naive, bool Checked>
    bool helpIngest(Worker &w)
    {
        if (ingestJob.load(std::memory_order_relaxed) == nullptr)
            return false;
        ingestUsers.fetch_add(1); // seq_cst with the caller's store of nullptr and its load of this
        IngestJob *job = ingestJob.load();
        const bool worked = job && ingestStep<C, Naive, Checked>(w, *job);
        ingestUsers.fetch_sub(1);
        return worked;
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
            if (helpIngest<C, Naive, Checked>(w)) {
                idle = 0;
                continue;
            }
            if (stopping.load(std::memory_order_acquire) && w.inbox.emptyApprox())
                return;
            if (++idle < 128 || ingestJob.load(std::memory_order_relaxed)) {
                // During an ingestion the next chunk is at most one parse away: spin and yield,
                // never sleep (a sleeping owner would hold up every chunk behind it).
                runtimedetail::backoff(qMin(idle / 2, 63));
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
