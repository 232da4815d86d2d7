#pragma once

#include "redisaddress.h"

#include <QString>

#include <atomic>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace partlab {

/** One master's real load, from INFO commandstats and DBSIZE. */
struct NodeLoad
{
    RedisAddress address;
    std::vector<std::pair<int, int>> slotRanges;
    bool reachable = false;
    QString error;              ///< why the node did not answer, when it did not
    qint64 keys = -1;           ///< DBSIZE
    quint64 totalCalls = 0;     ///< all commands since the server started (INFO commandstats)
    quint64 evalshaCalls = 0;   ///< Partlab's state updates since the server started
    double callsPerSecond = 0;  ///< all commands, since the previous sample
    double evalshaPerSecond = 0;
};

/** The per-node load at one moment, ordered by first slot (Partlab's node numbering). */
struct ClusterLoadSnapshot
{
    quint64 sequence = 0;   ///< grows with every sample; 0 = no sample yet
    qint64 takenAtNs = 0;   ///< steady clock
    std::vector<NodeLoad> nodes;
    QString error;          ///< the slot map could not be read (the whole cluster is unreachable)
};

/** What "Test connection" found. */
struct ClusterProbe
{
    bool ok = false;
    int masters = 0;
    int uncoveredSlots = 0;
    QString version; ///< redis_version of the node asked
    QString message; ///< one line for the user, success or the reason of the failure
};

/** Connects to @p node, reads the slot map and the server version (bounded by @p timeoutMs per wait). */
ClusterProbe probeCluster(const RedisAddress &node, int timeoutMs = 1000);

/**
 * Samples the real per-node load of a Redis Cluster (INFO commandstats, DBSIZE) on its own
 * thread every interval, so a GUI timer can call snapshot() at any rate without ever waiting on
 * the network. The thread owns its connections; the slot map is read again every 10 samples and
 * whenever a node fails, so a reshard or a new master shows up.
 */
class ClusterLoadSampler
{
public:
    explicit ClusterLoadSampler(const RedisAddress &seed, int intervalMs = 500, int timeoutMs = 1000);
    ~ClusterLoadSampler();
    ClusterLoadSampler(const ClusterLoadSampler &) = delete;
    ClusterLoadSampler &operator=(const ClusterLoadSampler &) = delete;

    /** Starts the sampling thread (the first sample is taken at once). */
    void start();
    /** Stops it; returns at the latest after one network timeout. */
    void stop();
    bool isRunning() const { return m_thread.joinable(); }

    /** The latest sample (a copy under a short lock; any thread). */
    ClusterLoadSnapshot snapshot() const;

    /** Takes one sample on the calling thread (tests, the CLI); not while the thread runs. */
    ClusterLoadSnapshot sampleOnce();

    const RedisAddress &seed() const { return m_seed; }

private:
    void run();

    RedisAddress m_seed;
    int m_intervalMs;
    int m_timeoutMs;
    // Sampling state, touched only by the sampling thread (or sampleOnce()).
    std::vector<std::pair<RedisAddress, std::vector<std::pair<int, int>>>> m_masters;
    std::map<RedisAddress, NodeLoad> m_previous;
    qint64 m_previousNs = 0;
    quint64 m_sequence = 0;
    int m_samplesSinceMap = 0;

    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::atomic<bool> m_stop{false}; ///< checked every 10 ms between samples
    ClusterLoadSnapshot m_snapshot;  ///< guarded by m_mutex
};

} // namespace partlab
