#pragma once

#include "metrics/applyorderlog.h"
#include "model/chunkedinput.h"
#include "metrics/latencyhistogram.h"
#include "runtimeconfig.h"

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace partlab {

/** Live numbers of one partition, read without stopping its worker. */
struct PartitionStats
{
    quint64 applied = 0;    ///< messages applied to this partition's state
    quint64 queueDepth = 0; ///< routed to it but not applied yet
    quint64 keys = 0;       ///< distinct keys in its state
    quint64 busyNs = 0;     ///< worker time spent on its messages
    int worker = 0;         ///< the worker that owns it
};

/** A consistent-enough view of the runtime for charts and summaries (any thread, any time). */
struct RuntimeSnapshot
{
    qint64 uptimeNs = 0;
    quint64 submitted = 0;
    quint64 applied = 0;
    std::vector<PartitionStats> partitions;
    LatencyPercentiles latency;
    /** max partition load / mean partition load (1 = perfectly even; 0 before any message). */
    double skew = 0.0;
    /** Live resizes so far: per-partition counters count from the last one. */
    int resizes = 0;
};

/** One key's final (or current) state, as the CLI and the state inspector show it. */
struct KeyResult
{
    std::string key;
    int partition = 0;
    double value = 0.0;
    quint64 count = 0;
};

/** What one live resize did (see StateRuntime::resize). */
struct ResizeReport
{
    quint64 atMessage = 0;  ///< messages submitted before the resize
    int from = 0;
    int to = 0;
    quint64 keysMoved = 0;  ///< keys whose partition changed
    quint64 bytesMoved = 0; ///< key bytes + state bytes of the moved keys
    double pauseMs = 0.0;   ///< intake paused: drain + re-route + move
};

/** What the exclusivity test hook observed (see RuntimeConfig::checkExclusiveAccess). */
struct ExclusivityReport
{
    quint64 violations = 0;        ///< times a partition was entered while in use: must be 0
    int maxConcurrentPartitions = 0; ///< most partitions applied at the same moment
};

/** Where StateRuntime::ingest() starts and how far it may go. */
struct IngestRequest
{
    InputPosition start;       ///< .message: messages of the run before it (numbering, the limit)
    quint64 messageLimit = ~quint64(0); ///< the run's messages stay at or below it
};

/** What StateRuntime::ingest() did. */
struct IngestResult
{
    quint64 messages = 0;  ///< messages applied by this call
    InputPosition end;     ///< where the input continues (.message counts the whole run)
    bool atEnd = false;    ///< the input is exhausted
    bool limitAhead = false; ///< stopped before a chunk that would pass messageLimit
    QString error;         ///< the first bad record in input order ("FILE:LINE: reason"), or empty
    quint64 chunks = 0;    ///< chunks applied
    quint64 reparsed = 0;  ///< chunks parsed again because their guessed start was wrong
    /** Chunks whose items went to their owners with streaming stores (StateRuntime::kStoreProbePeriod). */
    quint64 streamed = 0;
    quint64 probed = 0; ///< chunks of store probes, half of them streamed (periodic and early probes)
};

/**
 * The partitioned state runtime: N state partitions, W worker threads.
 *
 * Messages arrive two ways. ingest(): the workers themselves parse chunks of an input, route
 * them into per-owner batches and apply them in chunk order (no producer thread). submit(): one
 * producer thread routes each message and appends it (with its key bytes) to a batch for the
 * worker that owns the partition; full batches travel through a bounded SPSC inbox
 * (backpressure, never a drop). Each partition
 * is owned by exactly one worker (partition p -> worker p % W), which interns the keys of its own
 * partitions, so at most one computation runs on a partition at any moment, key lookups run in
 * parallel, and messages for one key are applied in submit order, without a lock on the hot path.
 *
 * In naive mode the same ingestion and workers are used, but every computation goes through one
 * shared state object guarded by one mutex: the "one state computation at a time" baseline.
 */
class StateRuntime
{
public:
    enum class SubmitResult { Ok, TooManyKeys };

    /**
     * ingest() with W > 1 writes the items its workers hand each other with plain or streaming
     * stores, whichever is faster where the workers run. In every kStoreProbePeriod chunks, the
     * kStoreProbeChunks from kStoreProbeStart on (after the chunks that first fill the ring and
     * its memory) alternate the two, even chunks plain, and time their parse; from the median
     * time per message of each half on, the chunks use the faster. Until the first probe ends
     * they stream. A probe also starts early when the chosen stores have become slower than the
     * other ones were in the probe (the median of each kStoreProbeChunks parses after a decision,
     * with a tenth to spare). IngestResult::streamed counts the streamed chunks, ::probed the
     * probes'.
     */
    static constexpr quint64 kStoreProbePeriod = 1024;
    static constexpr quint64 kStoreProbeStart = 32;
    static constexpr quint64 kStoreProbeChunks = 16;

    /** Validates @p config; returns nullptr with a one-line @p error when it cannot run. */
    static std::unique_ptr<StateRuntime> create(const RuntimeConfig &config, QString *error);
    ~StateRuntime();
    StateRuntime(const StateRuntime &) = delete;
    StateRuntime &operator=(const StateRuntime &) = delete;

    // --- producer thread -------------------------------------------------------------------
    /**
     * Routes and queues one message (may wait for space: backpressure). Returns TooManyKeys
     * once an owner refused a new key because maxKeys distinct keys exist (see
     * keyLimitExceeded()); the refused message is not applied, so the caller must stop.
     */
    SubmitResult submit(std::string_view key, double value, double volume);
    /** Stamp one message in @p every (rounded up to a power of two) for the latency histogram. */
    void setLatencySampling(int every);
    /** Hands partially filled batches to the workers. */
    void flush();
    /** flush(), then waits until every submitted message is applied. */
    void drain();
    /**
     * The whole state, sorted by key. Producer thread, after drain(): workers are idle and
     * everything they wrote is visible. (Use stateSnapshot() while running.)
     */
    std::vector<KeyResult> collectState() const;
    /** Partition the key is (or would be, in naive mode) routed to. */
    int partitionOfKey(std::string_view key) const;

    /**
     * Changes N while the runtime runs: drains every queued message (intake is paused because
     * the producer is the caller), re-routes every key with the same partitioner for the new
     * N, moves each moved key's state to its new owner, and resumes. Nothing is lost or applied
     * twice and per-key order is kept, because no message is in flight during the move.
     * Per-partition counters restart at the resize (RuntimeSnapshot::resizes tells when);
     * totals continue. Returns nullopt with @p error when @p partitions is out of range.
     */
    std::optional<ResizeReport> resize(int partitions, QString *error = nullptr);

    /**
     * Parallel ingestion, with no producer: the caller only waits while every worker both
     * parses chunks of @p input (whichever is next) and applies, in chunk order, the messages
     * of the chunks routed to its own partitions. Per-key order, the final state and every
     * counter are those of submitting the same messages one by one. Chunks in flight are
     * bounded (2W + 2, at most 66; at most 32 workers read, the rest only apply). Returns when
     * the input ends, at the first bad record (error set, the
     * records before it applied), before a chunk that would pass request.messageLimit, when the
     * key limit is hit, or, at the next chunk boundary, once @p keepGoing (polled every
     * 2 ms with the messages confirmed so far) returns false. Producer thread; call
     * with nothing submitted but undrained (the runner calls it between drains).
     * Returns nullopt with @p error when a parser cannot be created (the file cannot be opened).
     */
    std::optional<IngestResult> ingest(ChunkedInput &input, const IngestRequest &request,
                                       const std::function<bool(quint64)> &keepGoing, QString *error);

    // --- any thread ------------------------------------------------------------------------
    RuntimeSnapshot snapshot() const;
    /**
     * A copy of the state made by the workers themselves between batches (they own it), so it
     * can be taken while messages flow. Returns false if the workers did not answer in time.
     */
    bool stateSnapshot(std::vector<KeyResult> &out, int timeoutMs = 2000) const;
    /**
     * The @p top keys with most messages of every partition, hottest first, copied by the owners
     * like stateSnapshot() (counts are exact: they are the keys' own message counts).
     */
    bool hotKeys(int top, std::vector<std::vector<KeyResult>> &perPartition, int timeoutMs = 2000) const;
    ExclusivityReport exclusivity() const;
    /** The first key refused by the key limit, if the limit was hit. */
    std::optional<std::string> keyLimitExceeded() const;

    /**
     * FIFO hook: from now on every message carries its submit sequence and its owner records
     * it in @p log as applied. Call before the first submit(), from the thread that then starts
     * the producer. Without a log the runtime records nothing.
     */
    void attachApplyOrderLog(std::shared_ptr<ApplyOrderLog> log);

    /** The configuration the runtime was created with (N may have changed since: see partitionCount()). */
    const RuntimeConfig &config() const { return m_config; }
    int partitionCount() const { return m_partitions.load(std::memory_order_acquire); }
    int workerCount() const { return m_workerCount; }
    /** The current partitioner. Producer thread only (resize replaces it). */
    const Partitioner &partitioner() const { return *m_partitioner; }
    quint64 keyCount() const;

private:
    struct Impl;
    bool requestCopy(std::vector<KeyResult> &out, int topK, int timeoutMs) const;
    explicit StateRuntime(const RuntimeConfig &config, std::unique_ptr<Partitioner> partitioner);

    RuntimeConfig m_config;
    std::atomic<int> m_partitions{0};
    int m_workerCount = 1;
    std::unique_ptr<Partitioner> m_partitioner;
    std::unique_ptr<Impl> d;
};

/** Nanoseconds on the steady clock (latency and pacing). */
qint64 steadyNowNs();

} // namespace partlab
