#pragma once

#include "redisaddress.h"

#include <QString>

#include <vector>

namespace partlab {

/** One redis-server process of a LocalCluster. */
struct LocalClusterNode
{
    RedisAddress address;
    qint64 pid = 0;
    QString dir; ///< its working directory (config, nodes.conf, log)
};

/** How to start a LocalCluster. */
struct LocalClusterOptions
{
    int nodes = 3;
    int basePort = 7000; ///< node i listens on basePort + i (and its bus on +10000); 0 = free ports picked now
    QString dir;         ///< where the node directories and the state file go (must exist or be creatable)
    /**
     * true (partlab-cli cluster up): the servers outlive this process and are stopped by
     * `cluster down` from the pids in the state file. false (tests): they are children that the
     * kernel kills if this process dies (setpriv --pdeathsig KILL), so a crashed test leaves nothing.
     */
    bool detached = true;
    int nodeTimeoutMs = 2000; ///< cluster-node-timeout
    /**
     * cluster-require-full-coverage: Redis's default (true) makes every node answer CLUSTERDOWN
     * once one master is gone; false keeps the others serving their own slots (tests that stop
     * a node and then inspect the survivors).
     */
    bool requireFullCoverage = true;
    int startTimeoutMs = 30000;
};

/**
 * A Redis Cluster of real redis-server processes on 127.0.0.1, for demos and tests: starts the
 * servers in cluster mode, joins them with `redis-cli --cluster create --cluster-yes` (no
 * replicas), and waits until every node reports cluster_state:ok and the full slot map. The pids
 * go to DIR/partlab-cluster.json, so stopping kills exactly those processes (after checking that
 * each pid still is a redis-server) and removes their files. The destructor stops the cluster
 * unless release() was called.
 */
class LocalCluster
{
public:
    explicit LocalCluster(const LocalClusterOptions &options);
    ~LocalCluster();
    LocalCluster(const LocalCluster &) = delete;
    LocalCluster &operator=(const LocalCluster &) = delete;

    /** Starts and joins the cluster; on failure stops what it started and sets a one-line @p error. */
    bool start(QString *error);
    /** Stops every node (SIGTERM, SIGKILL after 5 s) and removes their files and the state file. */
    void stop();
    /** Kills node @p index at once (SIGKILL), as a crash would (tests). */
    bool killNode(int index);
    /** Leaves the servers running when this object goes away (`cluster up`). */
    void release() { m_released = true; }

    const std::vector<LocalClusterNode> &nodes() const { return m_nodes; }
    /** "127.0.0.1:PORT" of the first node. */
    QString seed() const;

    static QString stateFileName() { return QStringLiteral("partlab-cluster.json"); }
    /** The nodes recorded in DIR's state file; empty with @p error when there is none. */
    static std::vector<LocalClusterNode> readState(const QString &dir, QString *error);
    /**
     * `cluster down`: stops the processes recorded in DIR's state file and removes their files.
     * @p stopped counts the processes that were still running.
     */
    static bool stopFromDir(const QString &dir, int *stopped, QString *error);
    /** @p count ports p on 127.0.0.1 where p and the bus port p + 10000 are free right now. */
    static std::vector<int> pickFreePorts(int count, QString *error);
    /** true if ports base .. base+count-1 and their bus ports (+10000) are free on 127.0.0.1 now. */
    static bool portsFree(int base, int count);
    /** true if @p pid is a running redis-server. */
    static bool isRedisServer(qint64 pid);

private:
    bool startNode(int port, QString *error);
    bool waitForPing(const LocalClusterNode &node, qint64 deadlineNs, QString *error);
    bool createCluster(QString *error);
    bool waitForClusterOk(qint64 deadlineNs, QString *error);
    bool writeState(QString *error) const;
    QString logTail(const LocalClusterNode &node) const;

    LocalClusterOptions m_options;
    std::vector<LocalClusterNode> m_nodes;
    bool reapChild(qint64 pid, int timeoutMs); ///< detached == false: waitpid with a deadline
    bool m_released = false;
};

} // namespace partlab
