#pragma once

// A real 3-node Redis Cluster for the redis tests: loopback only, free ports picked at run time,
// files in a temporary directory, always torn down.
#include "redis/localcluster.h"

#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#if defined(__SANITIZE_THREAD__)
/**
 * ThreadSanitizer: the cluster tests start servers (posix_spawn) and redis-cli (QProcess) from a
 * process that already runs threads. Both spawn with clone(CLONE_VM | CLONE_VFORK) and exec at
 * once, but TSan (GCC 12) then takes the test process itself for a forked child and refuses to
 * start the backend's worker threads ("starting new threads after multi-threaded fork"). The
 * children run no code of ours before exec, so that check does not apply here; every other TSan
 * check stays on. (The tsan preset's TSAN_OPTIONS are applied on top of these defaults.)
 */
extern "C" const char *__tsan_default_options()
{
    return "die_after_fork=0";
}
#endif

namespace partlab::test {

/** The message a redis test fails with when the servers are missing: CI installs them, so no skip. */
inline QString missingRedisMessage()
{
    if (QStandardPaths::findExecutable(QStringLiteral("redis-server")).isEmpty()
        || QStandardPaths::findExecutable(QStringLiteral("redis-cli")).isEmpty())
        return QStringLiteral("redis-server / redis-cli not found in PATH: the redis tests need a real cluster "
                              "(scripts/install-deps.sh installs redis-server redis-tools libhiredis-dev)");
    return {};
}

/**
 * Starts a cluster in start() and stops it in the destructor (the guard), killing its processes
 * by pid and removing the directory, also when a test fails. The servers are children that the
 * kernel kills if the test process dies (setpriv --pdeathsig), so a crash leaves nothing running.
 */
class RedisClusterFixture
{
public:
    ~RedisClusterFixture() { stop(); }

    /** Use as QVERIFY2(fixture.start(), qPrintable(fixture.error())). Retries on a port race. */
    bool start(int nodes = 3)
    {
        m_error = missingRedisMessage();
        if (!m_error.isEmpty())
            return false;
        m_dir = std::make_unique<QTemporaryDir>(QDir::temp().filePath(QStringLiteral("partlab-redis-test-XXXXXX")));
        if (!m_dir->isValid()) {
            m_error = QStringLiteral("cannot create a temporary directory");
            return false;
        }
        for (int attempt = 0; attempt < 3; ++attempt) {
            LocalClusterOptions options;
            options.nodes = nodes;
            options.basePort = 0; // free ports, picked now
            options.dir = m_dir->path();
            options.detached = false;
            options.nodeTimeoutMs = 1000;
            options.requireFullCoverage = false; // survivors stay readable after a node is killed
            m_cluster = std::make_unique<LocalCluster>(options);
            if (m_cluster->start(&m_error))
                return true;
            m_cluster.reset();
        }
        return false;
    }

    void stop()
    {
        m_cluster.reset();
        m_dir.reset();
    }

    QString error() const { return m_error; }
    LocalCluster &cluster() { return *m_cluster; }
    RedisAddress seed() const { return m_cluster->nodes().front().address; }
    QString seedText() const { return m_cluster->seed(); }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalCluster> m_cluster;
    QString m_error;
};

/** Guard for a cluster started by `partlab-cli cluster up --dir DIR`: stops it by pid when it goes. */
class DetachedClusterGuard
{
public:
    explicit DetachedClusterGuard(QString dir) : m_dir(std::move(dir)) {}
    ~DetachedClusterGuard()
    {
        QString ignored;
        LocalCluster::stopFromDir(m_dir, nullptr, &ignored);
    }

private:
    QString m_dir;
};

} // namespace partlab::test
