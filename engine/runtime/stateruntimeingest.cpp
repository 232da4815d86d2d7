// Parallel ingestion: every worker parses chunks of the input and applies, in chunk order, the
// part of each chunk that its own partitions received (see StateRuntime::ingest()).

#include "stateruntimeimpl.h"

namespace partlab {

using namespace runtimedetail; // the runtime's own pieces (stateruntimeimpl.h)

namespace {

/** Routes one chunk's messages into per-owner batches of its slot, as submit() would. */
class RouteSink final : public ChunkSink
{
public:
    RouteSink(IngestSlot &slot, const Partitioner &partitioner, const std::atomic<bool> &keyLimitHit,
              const IngestJob &job, quint64 sampleMask, bool streaming)
        : m_slot(slot)
        , m_partitioner(partitioner)
        , m_owners(job.ownerOf.data())
        , m_keyLimitHit(keyLimitHit)
        , m_stable(job.stableKeys)
        , m_streaming(streaming)
        , m_sequences(job.sequences)
        , m_sampleMask(sampleMask)
    {
    }

    bool add(std::string_view key, double value, double volume) override
    {
        if (m_keyLimitHit.load(std::memory_order_relaxed))
            return false;
        const quint32 p = quint32(m_partitioner.partition(RoutingKey::text(key)));
        Batch &b = m_slot.batches[m_owners[p]];
        if ((m_local & m_sampleMask) == 0)
            b.samples.push_back({quint32(b.items.size()), steadyNowNs()});
        const Item item{m_stable ? quint64(quintptr(key.data())) : quint64(b.keys.size()), quint32(key.size()), p, hashKey(key), value, volume};
        if (m_streaming)
            b.items.pushStreaming(item);
        else
            b.items.push_back(item);
        if (!m_stable)
            b.keys.append(key);
        if (m_sequences)
            b.sequences.push_back(m_local);
        ++m_slot.counts[p];
        ++m_local;
        return true;
    }

private:
    IngestSlot &m_slot;
    const Partitioner &m_partitioner;
    const quint32 *m_owners;
    const std::atomic<bool> &m_keyLimitHit;
    bool m_stable;
    bool m_streaming; ///< ItemArray::pushStreaming (the job's StoreProbe chose)
    bool m_sequences;
    quint64 m_sampleMask;
    quint64 m_local = 0;
};

/** Raises @p largest to @p value if it is below (several parsers report at once). */
void raiseTo(std::atomic<std::size_t> &largest, std::size_t value)
{
    std::size_t seen = largest.load(std::memory_order_relaxed);
    while (value > seen && !largest.compare_exchange_weak(seen, value, std::memory_order_relaxed)) {
    }
}

} // namespace

void StateRuntime::Impl::ingestParseInto(IngestSlot &slot, std::size_t worker, const ChunkTask &task, IngestJob &job, bool reparse)
{
    // A slot's batches are sized once, to the largest batch of the job so far (at first the
    // input's estimate), with a quarter to spare so that a batch slightly larger than all before
    // it does not move every slot's arrays again. Growing them by doubling while the ring first
    // filled copied each array several times, each time into freshly mapped pages.
    const std::size_t items = job.batchItems.load(std::memory_order_relaxed);
    const std::size_t keyBytes = job.batchKeyBytes.load(std::memory_order_relaxed);
    for (Batch &b : slot.batches) {
        b.clear();
        b.externalKeys = job.stableKeys;
        if (b.items.capacity() < items)
            b.items.reserve(items + items / 4);
        if (!job.stableKeys && b.keys.capacity() < keyBytes)
            b.keys.reserve(keyBytes + keyBytes / 4);
    }
    std::fill(slot.counts.begin(), slot.counts.end(), 0);
    slot.task = task;
    // With one worker the owner is the parser: plain stores keep the items in its cache, and
    // slot.stores stays plain. With more, the first parse is timed for the store probe.
    const bool timed = slot.batches.size() > 1 && !reparse;
    const qint64 start = timed ? steadyNowNs() : 0;
    // One latency sample in 16 times the producer's rate: a clock read costs as much as
    // routing a message, and chunks give thousands of samples a second all the same.
    RouteSink sink(slot, *job.routers[worker], keyLimitHit, job, (sampleMask << 4) | 15, slot.stores.streams);
    slot.result = job.parsers[worker]->parse(task, sink);
    ItemArray::publishStreamed();
    if (timed)
        job.storeProbe.record(slot.stores, steadyNowNs() - start, slot.result.messages);
    for (const Batch &b : slot.batches) {
        raiseTo(job.batchItems, b.items.size());
        raiseTo(job.batchKeyBytes, b.keys.size());
    }
}

void StateRuntime::Impl::ingestFreeSlot(IngestSlot &slot)
{
    for (Batch &b : slot.batches)
        b.clear();
    slot.appliedBy.store(0, std::memory_order_relaxed);
    slot.state.store(IngestSlot::Free, std::memory_order_release);
}

bool StateRuntime::Impl::ingestParse(Worker &w, IngestJob &job)
{
    // Counted before the claim, so that the caller never sees "no parse going on" while a
    // claim it cannot see yet is about to start one.
    job.parsing.fetch_add(1, std::memory_order_acq_rel);
    quint64 chunk = 0;
    {
        // Under a lock (once per chunk): the slot must be marked taken in the same step as the
        // chunk, or a claimer delayed between the two would leave it looking free to the claimer
        // of the chunk one ring further, and both would fill it.
        std::lock_guard<std::mutex> lock(job.claimMutex);
        chunk = job.claim.load(std::memory_order_acquire);
        if ((chunk & IngestJob::kClosed) || chunk >= job.chunks
            || job.slot(chunk).state.load(std::memory_order_acquire) != IngestSlot::Free
            || !job.claim.compare_exchange_strong(chunk, chunk + 1, std::memory_order_acq_rel)) { // closed meanwhile
            job.parsing.fetch_sub(1, std::memory_order_acq_rel);
            return false;
        }
        job.slot(chunk).state.store(IngestSlot::Parsing, std::memory_order_relaxed);
        job.slot(chunk).stores = job.slot(chunk).batches.size() > 1 ? job.storeProbe.claim(chunk) : StoreProbe::Use{};
        // Release, after the Parsing store: an owner that reads this number (acquire) then reads
        // Parsing or later, never the Ready of the chunk one ring before.
        job.slot(chunk).chunk.store(chunk, std::memory_order_release);
    }
    IngestSlot &s = job.slot(chunk);
    ingestParseInto(s, std::size_t(w.index), job.taskOf(chunk), job);
    s.state.store(IngestSlot::Parsed, std::memory_order_release);
    ingestConfirm(std::size_t(w.index), job);
    job.parsing.fetch_sub(1, std::memory_order_acq_rel);
    // The caller waits for the end only: waking it for every chunk would cost a system call each.
    if (job.finalChunk.load(std::memory_order_acquire) != -2)
        notifyIngest();
    return true;
}

void StateRuntime::Impl::ingestConfirm(std::size_t worker, IngestJob &job)
{
    bool confirmedAny = false;
    {
        std::lock_guard<std::mutex> lock(job.confirmMutex);
        auto finish = [&](qint64 last) {
            job.finalChunk.store(last, std::memory_order_release);
            job.claim.fetch_or(IngestJob::kClosed, std::memory_order_acq_rel);
        };
        while (job.finalChunk.load(std::memory_order_relaxed) == -2) {
            const quint64 f = job.frontier;
            if (f >= job.closedAt || f >= job.chunks) {
                finish(qint64(f) - 1);
                break;
            }
            IngestSlot &s = job.slot(f);
            // The state first: its acquire makes the parser's writes (chunk, result) visible.
            if (s.state.load(std::memory_order_acquire) != IngestSlot::Parsed || s.chunk.load(std::memory_order_relaxed) != f)
                break;
            if (s.result.start != job.prevEnd) {
                // The guess was wrong (a quoted line break, blank lines across the boundary):
                // the chunk starts where the one before it really ended.
                ChunkTask exact = s.task;
                exact.begin = job.prevEnd;
                exact.exactStart = true;
                ingestParseInto(s, worker, exact, job, true);
                ++job.result.reparsed;
            }
            const ChunkResult &r = s.result;
            if (job.messageBase + r.messages > job.messageLimit) {
                job.result.limitAhead = true;
                finish(qint64(f) - 1);
                break;
            }
            s.messageBase = job.messageBase;
            job.input->accept(r, job.lineBase);
            for (std::size_t p = 0; p < s.counts.size(); ++p) {
                if (s.counts[p])
                    enqueued[p].fetch_add(s.counts[p], std::memory_order_relaxed);
            }
            submitted.fetch_add(r.messages, std::memory_order_relaxed);
            if (r.failure)
                job.result.error = job.input->describe(*r.failure, job.lineBase);
            job.messageBase += r.messages;
            job.lineBase += r.lines;
            job.prevEnd = r.end;
            job.confirmedMessages.store(job.messageBase, std::memory_order_release);
            ++job.result.chunks;
            job.result.streamed += s.stores.streams ? 1 : 0;
            job.result.probed += s.stores.probe ? 1 : 0;
            const bool last = r.failure || r.stoppedBySink || r.atEnd || r.end >= job.endUnits;
            job.result.atEnd = job.result.atEnd || r.atEnd || r.end >= job.endUnits;
            s.state.store(IngestSlot::Ready, std::memory_order_release);
            job.frontier = f + 1;
            confirmedAny = true;
            if (last) {
                finish(qint64(f));
                break;
            }
        }
    }
    if (confirmedAny) {
        for (auto &other : workers)
            wakeIfSleeping(*other);
    }
}

std::optional<IngestResult> StateRuntime::ingest(ChunkedInput &input, const IngestRequest &request,
                                                 const std::function<bool(quint64)> &keepGoing, QString *error)
{
    drain();
    IngestJob job;
    job.input = &input;
    const std::size_t w = d->workers.size();
    // Readers and chunks in flight are bounded whatever W is: each reader holds a file handle and
    // a buffer, each chunk a batch per worker and a count per partition (W = 1024 with N = 65536
    // would otherwise take gigabytes before the first message).
    const std::size_t readers = std::min<std::size_t>(w, IngestJob::kMaxReaders);
    for (std::size_t i = 0; i < readers; ++i) {
        std::unique_ptr<ChunkParser> parser = input.createParser(error);
        if (!parser)
            return std::nullopt;
        job.parsers.push_back(std::move(parser));
        job.routers.push_back(m_partitioner->withPartitions(partitionCount()));
    }
    job.cursor.assign(w, 0);
    for (const Worker *owner : d->ownerByPartition)
        job.ownerOf.push_back(quint32(owner->index));
    job.done.assign(w, 0);
    job.units = qMax<qint64>(1, input.chunkUnits());
    job.start = request.start.offset;
    job.base = job.start - job.start % job.units; // chunk 0 runs to the next multiple of units
    job.endUnits = input.endUnits();
    job.chunks = job.start >= job.endUnits ? 0 : quint64((job.endUnits - job.base + job.units - 1) / job.units);
    job.exact = input.exactBoundaries();
    job.stableKeys = input.stableKeys();
    job.sequences = d->orderLog.load(std::memory_order_acquire) != nullptr;
    job.messageLimit = request.messageLimit;
    job.prevEnd = job.start;
    job.lineBase = request.start.line;
    job.messageBase = request.start.message;
    job.confirmedMessages.store(job.messageBase, std::memory_order_relaxed);
    job.batchItems.store(std::size_t(input.messagesPerChunk() / qint64(w)), std::memory_order_relaxed);
    job.slotCount = std::min<quint64>(2 * w + 2, IngestJob::kMaxChunksInFlight);
    job.ring.reset(new IngestSlot[job.slotCount]);
    const std::size_t n = std::size_t(partitionCount());
    for (quint64 i = 0; i < job.slotCount; ++i) {
        job.ring[i].batches.resize(w);
        job.ring[i].counts.assign(n, 0);
    }
    if (job.chunks == 0) {
        job.finalChunk.store(-1, std::memory_order_relaxed);
        job.result.atEnd = true;
    }

    d->ingestJob.store(&job); // seq_cst: see helpIngest()
    d->wakeAll();
    bool closed = false;
    {
        std::unique_lock<std::mutex> lock(d->ingestMutex);
        while (!job.finished()) {
            // Woken at the end; polls keepGoing every 2 ms (a waking caller takes a core from a
            // worker for a moment, so not more often).
            d->ingestChanged.wait_for(lock, std::chrono::milliseconds(keepGoing ? 2 : 50));
            if (!closed && keepGoing && !keepGoing(job.confirmedMessages.load(std::memory_order_acquire))) {
                closed = true;
                lock.unlock();
                // No new chunk is taken; those already taken are parsed, confirmed and applied.
                const quint64 claimed = job.claim.fetch_or(IngestJob::kClosed, std::memory_order_acq_rel) & ~IngestJob::kClosed;
                {
                    std::lock_guard<std::mutex> confirm(job.confirmMutex);
                    job.closedAt = claimed;
                    // The frontier may already stand there: nothing else would conclude the job.
                    if (job.finalChunk.load(std::memory_order_relaxed) == -2 && job.frontier >= claimed)
                        job.finalChunk.store(qint64(job.frontier) - 1, std::memory_order_release);
                }
                lock.lock();
            }
        }
    }
    d->ingestJob.store(nullptr);
    while (d->ingestUsers.load() != 0)
        std::this_thread::yield();

    IngestResult result = job.result;
    result.messages = job.messageBase - request.start.message;
    result.end = {job.messageBase, job.prevEnd, job.lineBase};
    return result;
}

} // namespace partlab
