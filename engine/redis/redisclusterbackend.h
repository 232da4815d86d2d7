#pragma once

#include "clusternodeworker.h"
#include "clustertopology.h"
#include "metrics/latencyhistogram.h"
#include "runtime/computation.h"
#include "runtime/stateruntime.h"

#include <QString>

#include <array>
#include <atomic>
#include <memory>
#include <vector>

namespace partlab {

/** How to run state computations on a Redis Cluster. */
struct ClusterBackendOptions
{
    RedisAddress seed;                    ///< any node of the cluster
    Computation computation = Computation::Last;
    int pipeline = 256;                   ///< messages per pipelined batch
    bool clearFirst = true;               ///< delete the old state keys first (false when resuming)
    int connectTimeoutMs = 2000;
    int commandTimeoutMs = 5000;
};

/** One master in the run report: Partlab's prediction next to what happened. */
struct ClusterNodeReport
{
    RedisAddress address;
    QString slotRanges;       ///< slot ranges at the end of the run
    quint64 predicted = 0;    ///< messages Partlab's `redis` layout sends to this node index
    quint64 observed = 0;     ///< messages applied on this node (after redirections)
    qint64 serverCalls = -1;  ///< EVALSHA calls the server counted during the run (INFO commandstats), -1 unknown
};

/** What a run on the cluster did. */
struct ClusterRunReport
{
    quint64 submitted = 0;
    quint64 applied = 0;
    quint64 duplicates = 0;     ///< skipped by the sequence check (already applied)
    quint64 movedRedirects = 0;
    quint64 askRedirects = 0;
    quint64 topologyRefreshes = 0;
    quint64 reconnects = 0;
    quint64 clearedKeys = 0;    ///< old state keys deleted before the run
    double elapsedSeconds = 0.0;
    double throughput = 0.0;    ///< messages per second, submit of the first to the last reply
    LatencyPercentiles latency; ///< submit to reply, microseconds
    std::vector<ClusterNodeReport> nodes;
};

/**
 * Runs a state computation on a real Redis Cluster: one worker thread per master, each owning
 * its connection (ClusterNodeWorker); the calling thread is the producer. Every message updates
 * its key's state atomically with the StateScript function, under StateKeyName's key.
 *
 * The producer routes by its copy of the slot map. When a worker meets a MOVED, the producer
 * waits until every worker is idle, reads the slot map again and resumes: messages of one key
 * never travel on two paths at once, so their order holds through a reshard (see
 * ClusterNodeWorker for the redirections themselves).
 */
class RedisClusterBackend
{
public:
    /**
     * Reads the slot map from the seed, clears old state (options.clearFirst), takes the
     * INFO commandstats baseline, starts the workers. nullptr with a one-line @p error.
     */
    static std::unique_ptr<RedisClusterBackend> connect(const ClusterBackendOptions &options, QString *error);
    ~RedisClusterBackend();
    RedisClusterBackend(const RedisClusterBackend &) = delete;
    RedisClusterBackend &operator=(const RedisClusterBackend &) = delete;

    /**
     * Producer: queues message number @p seq (1-based position in the input; it must grow, and a
     * resumed run must number messages as the first run did). False once the backend failed.
     */
    bool submit(quint64 seq, std::string_view key, double value, double volume);

    /** Producer: sends what is queued, waits for every reply, stops the workers. False on failure. */
    bool finish();

    /**
     * After a failure: "node 127.0.0.1:7001 is down (...): 1234 messages applied, resume with
     * --resume-from 5678" where 5678 is the first message not known to be applied.
     */
    QString error() const { return m_error; }
    /** The first message not known to be applied (0 when nothing failed). */
    quint64 resumeFrom() const { return m_resumeFrom; }
    /** The node that failed first. */
    RedisAddress failedNode() const { return m_failedNode; }

    /** Valid after finish(). */
    const ClusterRunReport &report() const { return m_report; }

    /** Reads the whole state back (after finish()), sorted by key. */
    bool readState(std::vector<KeyResult> &out, QString *error);

    const ClusterTopology &topology() const { return m_topology; }
    /** Messages applied so far, all nodes (any thread). */
    quint64 appliedLive() const;

private:
    explicit RedisClusterBackend(const ClusterBackendOptions &options);
    bool refreshTopology();
    bool pushBatch(std::size_t worker);
    bool flushAll();
    void drainAll();
    ClusterNodeWorker *workerFor(const RedisAddress &address, QString *error);
    void recordFailure();
    std::map<RedisAddress, quint64> readServerCalls() const;

    ClusterBackendOptions m_options;
    NodeWorkerSettings m_workerSettings;
    ClusterTopology m_topology;
    std::vector<std::unique_ptr<ClusterNodeWorker>> m_workers; ///< producer thread only
    std::vector<ClusterBatch> m_open;                          ///< one open batch per worker
    std::array<int, ClusterTopology::kSlots> m_slotWorker{};
    std::array<int, ClusterTopology::kSlots> m_predictedNode{}; ///< Partlab's layout for the initial node count
    std::vector<quint64> m_predicted;
    std::map<RedisAddress, quint64> m_serverCallsBefore;
    std::atomic<bool> m_topologyStale{false};
    qint64 m_lastRefreshNs = 0;
    qint64 m_firstSubmitNs = 0;
    std::string m_keyScratch;
    bool m_failed = false;
    bool m_finished = false;
    QString m_error;
    quint64 m_resumeFrom = 0;
    RedisAddress m_failedNode;
    ClusterRunReport m_report;
};

} // namespace partlab
