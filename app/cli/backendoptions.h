#pragma once

#include "runtime/simulationrunner.h"

#include <QCommandLineParser>
#include <QJsonObject>

#include <memory>

namespace partlab {
class RedisClusterBackend;
}

namespace partlab::cli {

/** --backend, --node, --resume-from, --pipeline: where `simulate` and `replay` apply state. */
void addBackendOptions(QCommandLineParser &parser);

/**
 * A run on a Redis Cluster beside the in-process runtime (`--backend redis-cluster`): every
 * message the runner submits is also sent to the cluster (see RedisClusterBackend); at the end
 * the state is read back and compared with the in-process state.
 */
class ClusterBackendRun
{
public:
    /**
     * nullptr and no error for `--backend in-process` (the default). Otherwise connects, or
     * returns nullptr with @p exitCode set (ExitUsage for a bad option, ExitFailure when the
     * cluster cannot be used) after printing one line naming the option or the node.
     */
    static std::unique_ptr<ClusterBackendRun> create(const QCommandLineParser &parser, const QString &command,
                                                     Computation computation, int *exitCode);
    ~ClusterBackendRun();

    /** Feed for SimulationRunner::setMessageObserver (numbers messages from 1, skips before --resume-from). */
    bool observe(const SourceMessage &message);

    /**
     * After the runner finished (@p runnerOk: it did without error): drains the cluster, reads the
     * state back, compares it with @p summary, prints the report (table, or into the JSON via
     * reportRun). Returns the exit code.
     */
    int finish(const QCommandLineParser &parser, bool runnerOk, const QString &runnerError, const RunSummary &summary,
               const StateRuntime &runtime, const QString &title, QJsonObject extra);

private:
    ClusterBackendRun() = default;

    QString m_command;
    QString m_node;
    std::unique_ptr<RedisClusterBackend> m_backend;
    quint64 m_seq = 0;
    quint64 m_resumeFrom = 1;
};

} // namespace partlab::cli
