#pragma once

#include "clusterbatch.h"
#include "metrics/latencyhistogram.h"
#include "redisaddress.h"
#include "runtime/computation.h"

#include <QString>

#include <atomic>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace partlab {

class RedisConnection;

/** Why a worker stopped: the node, what happened, and the first message not known to be applied. */
struct NodeFailure
{
    RedisAddress node;
    QString reason;                 ///< one line, starting with the node's address
    quint64 firstUnconfirmedSeq = 0;
    bool nodeDown = false;          ///< the node could not be reached (not an error reply such as CLUSTERDOWN)
};

/** What one worker did (read after waitIdle() or stop()). */
struct NodeWorkerCounters
{
    quint64 applied = 0;       ///< the script returned 1
    quint64 duplicates = 0;    ///< the script returned 0: the message had been applied before
    quint64 movedRedirects = 0;
    quint64 askRedirects = 0;
    quint64 reconnects = 0;
    std::map<RedisAddress, quint64> appliedPerNode; ///< where its messages were applied
};

/** Settings shared by the workers of one backend. */
struct NodeWorkerSettings
{
    Computation computation = Computation::Last;
    int connectTimeoutMs = 2000;
    int commandTimeoutMs = 5000;
    int inboxBatches = 4;  ///< bound of the inbox (backpressure; deeper only adds latency)
    int reconnects = 2;    ///< a lost connection is reopened this often before the node counts as down
};

/**
 * Applies batches of messages on one Redis node, on its own thread, through a connection that
 * only this thread touches (share nothing). A batch is pipelined: every EVALSHA is written, then
 * the replies are read in order.
 *
 * Redirections are followed here, in message order: a MOVED or ASK reply means the command did
 * not run, so it is sent again to the node named in the reply (after ASKING for ASK), through
 * this worker's own connection to that node. Since every message of a key reaches its node
 * through this worker until the producer changes its slot map, and the producer changes it only
 * after every worker is idle (RedisClusterBackend::refreshTopology), the messages of one key are
 * applied in input order across a reshard. A MOVED also raises @p topologyStale so the producer
 * refreshes its map and stops paying for the extra hop.
 *
 * A lost connection is reopened (settings.reconnects times) and the unanswered commands are sent
 * again: the script's sequence number check makes that safe (each message is applied once).
 */
class ClusterNodeWorker
{
public:
    ClusterNodeWorker(const RedisAddress &home, const NodeWorkerSettings &settings, std::atomic<bool> *topologyStale);
    ~ClusterNodeWorker();
    ClusterNodeWorker(const ClusterNodeWorker &) = delete;
    ClusterNodeWorker &operator=(const ClusterNodeWorker &) = delete;

    /** Connects to the home node, loads the script, starts the thread. */
    bool start(QString *error);

    /** Producer: queues a batch, waiting while the inbox is full. False if the worker failed. */
    bool push(ClusterBatch &&batch);
    /** Producer: waits until every pushed batch is done (or the worker failed). */
    void waitIdle();
    /** Finishes the queued batches, then ends the thread. */
    void stop();

    const RedisAddress &home() const { return m_home; }
    bool failed() const { return m_failed.load(std::memory_order_acquire); }
    /** Valid once failed() is true and waitIdle() returned. */
    const NodeFailure &failure() const { return m_failure; }
    /** Valid after waitIdle() or stop(). */
    const NodeWorkerCounters &counters() const { return m_counters; }
    const LatencyHistogram &latency() const { return m_latency; }
    /** Messages applied so far (any thread, for progress). */
    quint64 appliedLive() const { return m_appliedLive.load(std::memory_order_relaxed); }

private:
    struct Redirect;
    struct Item;
    void run();
    bool process(const ClusterBatch &batch);
    bool sendRound(const ClusterBatch &batch, const RedisAddress &target, const std::vector<Item> &items,
                   std::vector<char> &done, std::vector<Redirect> &redirects);
    RedisConnection *connectionTo(const RedisAddress &address, QString *error);
    void fail(const ClusterBatch &batch, const std::vector<char> &done, const RedisAddress &node, const QString &reason,
              bool nodeDown = false);

    RedisAddress m_home;
    NodeWorkerSettings m_settings;
    std::atomic<bool> *m_topologyStale;
    std::string m_computationName;

    // Worker thread only (handed over at start()).
    std::map<RedisAddress, std::unique_ptr<RedisConnection>> m_connections;
    NodeWorkerCounters m_counters;
    LatencyHistogram m_latency;
    NodeFailure m_failure;

    /** Wakes whoever waits on m_version (after a change made under m_mutex). */
    void signal();

    std::thread m_thread;
    std::mutex m_mutex;
    /**
     * Bumped after every change of the fields below; waiters read it, check the state under
     * m_mutex and block in m_version.wait() (a futex) until it moves, so no wake-up is lost.
     * Not a condition variable: libstdc++'s wait is compiled outside the sanitized code, where
     * ThreadSanitizer (with ignore_noninstrumented_modules) cannot see it release the mutex.
     */
    std::atomic<quint32> m_version{0};
    std::deque<ClusterBatch> m_inbox; ///< guarded by m_mutex
    quint64 m_pushed = 0;             ///< guarded by m_mutex
    quint64 m_completed = 0;          ///< guarded by m_mutex
    bool m_stopping = false;          ///< guarded by m_mutex
    std::atomic<bool> m_failed{false};
    std::atomic<quint64> m_appliedLive{0};
};

} // namespace partlab
