#include "backendoptions.h"

#include "command.h"
#include "runoptions.h"

#include "redis/redisclusterbackend.h"
#include "runtime/statedump.h"

#include <QJsonArray>

namespace partlab::cli {

void addBackendOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("backend"),
         QStringLiteral("in-process (default) or redis-cluster: also apply every message on a real Redis Cluster and compare."),
         QStringLiteral("B")},
        {QStringLiteral("node"), QStringLiteral("redis-cluster: any node of the cluster."), QStringLiteral("HOST:PORT")},
        {QStringLiteral("resume-from"),
         QStringLiteral("redis-cluster: keep the state in the cluster and send messages from number N on (after a failure)."),
         QStringLiteral("N")},
        {QStringLiteral("pipeline"), QStringLiteral("redis-cluster: messages per pipelined batch (default 256)."), QStringLiteral("N")},
    });
}

std::unique_ptr<ClusterBackendRun> ClusterBackendRun::create(const QCommandLineParser &parser, const QString &command,
                                                             Computation computation, int *exitCode)
{
    *exitCode = ExitOk;
    const QString backend = parser.isSet(QStringLiteral("backend")) ? parser.value(QStringLiteral("backend"))
                                                                     : QStringLiteral("in-process");
    if (backend == QLatin1String("in-process")) {
        for (const char *option : {"node", "resume-from", "pipeline"}) {
            if (parser.isSet(QLatin1String(option))) {
                *exitCode = usageError(command, QStringLiteral("--%1 applies to --backend redis-cluster only").arg(QLatin1String(option)));
                return nullptr;
            }
        }
        return nullptr;
    }
    if (backend != QLatin1String("redis-cluster")) {
        *exitCode = usageError(command, QStringLiteral("--backend: unknown backend '%1' (choose in-process or redis-cluster)").arg(backend));
        return nullptr;
    }
    if (!parser.isSet(QStringLiteral("node"))) {
        *exitCode = usageError(command, QStringLiteral("--backend redis-cluster needs --node HOST:PORT (any node of the cluster)"));
        return nullptr;
    }
    QString error;
    const auto seed = RedisAddress::parse(parser.value(QStringLiteral("node")), &error);
    if (!seed) {
        *exitCode = usageError(command, QStringLiteral("--node: %1").arg(error));
        return nullptr;
    }
    std::unique_ptr<ClusterBackendRun> run(new ClusterBackendRun);
    run->m_command = command;
    run->m_node = seed->toString();
    ClusterBackendOptions options;
    options.seed = *seed;
    options.computation = computation;
    if (!readIntegerOption(parser, QStringLiteral("resume-from"), 1, qint64(1) << 52, run->m_resumeFrom, &error)
        || !readIntegerOption(parser, QStringLiteral("pipeline"), 1, 100000, options.pipeline, &error)) {
        *exitCode = usageError(command, error);
        return nullptr;
    }
    if (parser.isSet(QStringLiteral("resume-from")))
        options.clearFirst = false;
    run->m_backend = RedisClusterBackend::connect(options, &error);
    if (!run->m_backend) {
        printErr(QStringLiteral("partlab-cli %1: --backend redis-cluster: %2\n").arg(command, error));
        *exitCode = ExitFailure;
        return nullptr;
    }
    return run;
}

ClusterBackendRun::~ClusterBackendRun() = default;

bool ClusterBackendRun::observe(const SourceMessage &message)
{
    ++m_seq;
    if (m_seq < m_resumeFrom)
        return true; // applied by the run that is being resumed
    return m_backend->submit(m_seq, message.key, message.value, message.volume);
}

int ClusterBackendRun::finish(const QCommandLineParser &parser, bool runnerOk, const QString &runnerError,
                              const RunSummary &summary, const StateRuntime &runtime, const QString &title, QJsonObject extra)
{
    const bool clusterOk = m_backend->finish();
    if (!clusterOk) {
        printErr(QStringLiteral("partlab-cli %1: %2\n").arg(m_command, m_backend->error()));
        return ExitFailure;
    }
    if (!runnerOk) {
        printErr(QStringLiteral("partlab-cli %1: %2\n").arg(m_command, runnerError));
        return ExitFailure;
    }
    std::vector<KeyResult> clusterState;
    QString error;
    if (!m_backend->readState(clusterState, &error)) {
        printErr(QStringLiteral("partlab-cli %1: reading the state back from the cluster: %2\n").arg(m_command, error));
        return ExitFailure;
    }
    const QString clusterChecksum = stateChecksum(clusterState);
    quint64 differing = 0; // keys whose value differs, or that only one side has
    {
        std::size_t i = 0, j = 0;
        const auto &a = summary.state;
        while (i < a.size() || j < clusterState.size()) {
            if (j == clusterState.size() || (i < a.size() && a[i].key < clusterState[j].key)) {
                ++differing, ++i;
            } else if (i == a.size() || clusterState[j].key < a[i].key) {
                ++differing, ++j;
            } else {
                differing += formatStateValue(a[i].value) != formatStateValue(clusterState[j].value);
                ++i, ++j;
            }
        }
    }
    const bool match = clusterChecksum == summary.checksum;
    const ClusterRunReport &r = m_backend->report();

    QJsonArray nodes;
    for (const ClusterNodeReport &n : r.nodes) {
        nodes.append(QJsonObject{{QStringLiteral("address"), n.address.toString()},
                                 {QStringLiteral("slots"), n.slotRanges},
                                 {QStringLiteral("predicted"), double(n.predicted)},
                                 {QStringLiteral("observed"), double(n.observed)},
                                 {QStringLiteral("server_calls"), double(n.serverCalls)}});
    }
    const QJsonObject latency{{QStringLiteral("p50"), r.latency.p50}, {QStringLiteral("p90"), r.latency.p90},
                              {QStringLiteral("p99"), r.latency.p99}, {QStringLiteral("p999"), r.latency.p999}};
    extra.insert(QStringLiteral("redis_cluster"),
                 QJsonObject{{QStringLiteral("node"), m_node},
                             {QStringLiteral("messages_sent"), double(r.submitted)},
                             {QStringLiteral("resume_from"), double(m_resumeFrom)},
                             {QStringLiteral("applied"), double(r.applied)},
                             {QStringLiteral("duplicates_skipped"), double(r.duplicates)},
                             {QStringLiteral("moved_redirects"), double(r.movedRedirects)},
                             {QStringLiteral("ask_redirects"), double(r.askRedirects)},
                             {QStringLiteral("topology_refreshes"), double(r.topologyRefreshes)},
                             {QStringLiteral("reconnects"), double(r.reconnects)},
                             {QStringLiteral("cleared_keys"), double(r.clearedKeys)},
                             {QStringLiteral("elapsed_s"), r.elapsedSeconds},
                             {QStringLiteral("throughput_msgs_per_s"), r.throughput},
                             {QStringLiteral("latency_us"), latency},
                             {QStringLiteral("keys"), double(clusterState.size())},
                             {QStringLiteral("checksum"), clusterChecksum},
                             {QStringLiteral("checksum_matches"), match},
                             {QStringLiteral("keys_differing"), double(differing)},
                             {QStringLiteral("nodes"), nodes}});
    const int exit = reportRun(parser, m_command, summary, runtime, title, extra);
    if (exit != ExitOk)
        return exit;
    if (!parser.isSet(QStringLiteral("json"))) {
        QString t = QStringLiteral("\nRedis Cluster backend (%1): %2 messages sent from message %3, %4 applied, %5 skipped as already applied\n")
                        .arg(m_node).arg(r.submitted).arg(m_resumeFrom).arg(r.applied).arg(r.duplicates);
        t += QStringLiteral("  elapsed       %1 s\n  throughput    %2 msg/s\n").arg(r.elapsedSeconds, 0, 'f', 3).arg(r.throughput, 0, 'f', 0);
        t += QStringLiteral("  latency (us)  p50 %1   p90 %2   p99 %3   p99.9 %4 (submit to reply)\n")
                 .arg(r.latency.p50, 0, 'f', 1).arg(r.latency.p90, 0, 'f', 1).arg(r.latency.p99, 0, 'f', 1).arg(r.latency.p999, 0, 'f', 1);
        t += QStringLiteral("  redirections  %1 MOVED, %2 ASK, %3 slot map refreshes, %4 reconnects\n")
                 .arg(r.movedRedirects).arg(r.askRedirects).arg(r.topologyRefreshes).arg(r.reconnects);
        t += QStringLiteral("  checksum      %1 (%2)\n\n").arg(clusterChecksum, match ? QStringLiteral("matches the in-process run")
                                                                                           : QStringLiteral("DIFFERS from the in-process run"));
        t += QStringLiteral("  node                   predicted    observed  server EVALSHA  slots\n");
        for (const ClusterNodeReport &n : r.nodes) {
            t += QStringLiteral("  %1 %2 %3 %4  %5\n").arg(n.address.toString(), -21).arg(n.predicted, 10).arg(n.observed, 11)
                     .arg(n.serverCalls < 0 ? QStringLiteral("?") : QString::number(n.serverCalls), 15).arg(n.slotRanges);
        }
        printOut(t);
    }
    if (!match) {
        printErr(QStringLiteral("partlab-cli %1: the state read back from the cluster differs from the in-process state: "
                                "%2 of %3 keys differ (checksum %4, in-process %5)\n")
                     .arg(m_command).arg(differing).arg(summary.state.size()).arg(clusterChecksum, summary.checksum));
        return ExitFailure;
    }
    return ExitOk;
}

} // namespace partlab::cli
