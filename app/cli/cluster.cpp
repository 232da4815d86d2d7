// partlab-cli cluster: a local Redis Cluster for demos and tests (up, down) and the real slot
// map of any cluster next to Partlab's `redis` layout (inspect).
#include "command.h"

#include "redis/clusterinspection.h"
#include "redis/localcluster.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace partlab::cli {

namespace {

const QString kCommand = QStringLiteral("cluster");

QString defaultDir()
{
    return QDir(QDir::tempPath()).filePath(QStringLiteral("partlab-cluster"));
}

QCommandLineOption dirOption()
{
    return {QStringLiteral("dir"), QStringLiteral("Directory for the node files and the pid list (default %1).").arg(defaultDir()),
            QStringLiteral("DIR")};
}

int runUp(const QStringList &arguments)
{
    const QString command = QStringLiteral("cluster up");
    QCommandLineParser parser;
    parser.addOptions({
        {QStringLiteral("nodes"), QStringLiteral("Number of masters (default 3; redis-cli wants at least 3)."), QStringLiteral("N")},
        {QStringLiteral("base-port"), QStringLiteral("Port of the first node; node i listens on BASE+i and its bus on BASE+i+10000 (default 7000)."),
         QStringLiteral("PORT")},
        dirOption(),
    });
    if (const auto exit = parseArguments(parser, command,
                                         QStringLiteral("Starts a Redis Cluster of real redis-server processes on 127.0.0.1 and waits "
                                                        "until cluster_state is ok."),
                                         arguments))
        return *exit;
    QString error;
    LocalClusterOptions options;
    if (!readIntegerOption(parser, QStringLiteral("nodes"), 1, 100, options.nodes, &error))
        return usageError(command, error);
    if (!readIntegerOption(parser, QStringLiteral("base-port"), 1024, 55535 - options.nodes, options.basePort, &error))
        return usageError(command, error);
    options.dir = parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir")) : defaultDir();
    options.detached = true;
    LocalCluster cluster(options);
    if (!cluster.start(&error)) {
        printErr(QStringLiteral("partlab-cli %1: %2\n").arg(command, error));
        return ExitFailure;
    }
    cluster.release();
    ClusterInspection inspection;
    inspectCluster(cluster.nodes().front().address, inspection, &error);
    QString text = QStringLiteral("Redis Cluster up: %1 nodes on 127.0.0.1, files and pids in %2\n")
                       .arg(cluster.nodes().size()).arg(QDir(options.dir).absolutePath());
    for (const LocalClusterNode &n : cluster.nodes()) {
        QString ranges;
        for (const InspectedNode &i : inspection.nodes) {
            if (i.master.address == n.address)
                ranges = formatSlotRanges(i.master.ranges);
        }
        text += QStringLiteral("%1\tpid %2\tslots %3\n").arg(n.address.toString()).arg(n.pid).arg(ranges);
    }
    text += QStringLiteral("Stop it with: partlab-cli cluster down --dir %1\n").arg(options.dir);
    printOut(text);
    return ExitOk;
}

int runDown(const QStringList &arguments)
{
    const QString command = QStringLiteral("cluster down");
    QCommandLineParser parser;
    parser.addOption(dirOption());
    if (const auto exit = parseArguments(parser, command,
                                         QStringLiteral("Stops the redis-server processes `cluster up` started in DIR (by their pids) and "
                                                        "removes their files."),
                                         arguments))
        return *exit;
    const QString dir = parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir")) : defaultDir();
    int stopped = 0;
    QString error;
    if (!LocalCluster::stopFromDir(dir, &stopped, &error)) {
        printErr(QStringLiteral("partlab-cli %1: %2\n").arg(command, error));
        return ExitFailure;
    }
    QDir().rmdir(dir); // only if empty: DIR may be the user's own directory
    printOut(QStringLiteral("stopped %1 redis-server processes, removed their files from %2\n").arg(stopped).arg(dir));
    return ExitOk;
}

QJsonArray rangesJson(const std::vector<std::pair<int, int>> &ranges)
{
    QJsonArray a;
    for (const auto &[first, last] : ranges)
        a.append(QJsonArray{first, last});
    return a;
}

int runInspect(const QStringList &arguments)
{
    const QString command = QStringLiteral("cluster inspect");
    QCommandLineParser parser;
    parser.addOptions({
        {QStringLiteral("node"), QStringLiteral("Any node of the cluster."), QStringLiteral("HOST:PORT")},
        {QStringLiteral("json"), QStringLiteral("Print one JSON object.")},
    });
    if (const auto exit = parseArguments(parser, command,
                                         QStringLiteral("Prints the real slot map (CLUSTER SLOTS) and keys per node (DBSIZE, "
                                                        "CLUSTER COUNTKEYSINSLOT) beside Partlab's redis layout for as many nodes."),
                                         arguments))
        return *exit;
    if (!parser.isSet(QStringLiteral("node")))
        return usageError(command, QStringLiteral("--node HOST:PORT is required"));
    QString error;
    const auto seed = RedisAddress::parse(parser.value(QStringLiteral("node")), &error);
    if (!seed)
        return usageError(command, QStringLiteral("--node: %1").arg(error));
    ClusterInspection inspection;
    if (!inspectCluster(*seed, inspection, &error)) {
        printErr(QStringLiteral("partlab-cli %1: %2\n").arg(command, error));
        return ExitFailure;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray nodes;
        for (std::size_t i = 0; i < inspection.nodes.size(); ++i) {
            const InspectedNode &n = inspection.nodes[i];
            QJsonArray replicas;
            for (const RedisAddress &r : n.master.replicas)
                replicas.append(r.toString());
            nodes.append(QJsonObject{{QStringLiteral("index"), int(i)},
                                     {QStringLiteral("address"), n.master.address.toString()},
                                     {QStringLiteral("id"), QString::fromStdString(n.master.id)},
                                     {QStringLiteral("slots"), rangesJson(n.master.ranges)},
                                     {QStringLiteral("slot_count"), n.master.slotCount()},
                                     {QStringLiteral("keys"), double(n.keys)},
                                     {QStringLiteral("keys_in_slots"), double(n.keysInSlots)},
                                     {QStringLiteral("replicas"), replicas},
                                     {QStringLiteral("partlab_slots"), rangesJson(n.partlabRanges)},
                                     {QStringLiteral("matches_partlab"), n.matchesPartlab}});
        }
        const QJsonObject o{{QStringLiteral("node"), seed->toString()},
                            {QStringLiteral("masters"), int(inspection.nodes.size())},
                            {QStringLiteral("uncovered_slots"), inspection.uncoveredSlots},
                            {QStringLiteral("layout_matches_partlab"), inspection.layoutMatches()},
                            {QStringLiteral("nodes"), nodes}};
        printOut(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
        return ExitOk;
    }
    const int masters = int(inspection.nodes.size());
    QString t = QStringLiteral("Redis Cluster at %1: %2 masters, %3 of 16384 slots served\n\n")
                    .arg(seed->toString()).arg(masters).arg(16384 - inspection.uncoveredSlots);
    t += QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8\n")
             .arg(QStringLiteral("node"), -4).arg(QStringLiteral("address"), -21).arg(QStringLiteral("id"), -8)
             .arg(QStringLiteral("slots"), 5).arg(QStringLiteral("keys"), 9).arg(QStringLiteral("real slot ranges"), -24)
             .arg(QStringLiteral("partlab redis (%1 nodes)").arg(masters), -24).arg(QStringLiteral("same"));
    for (int i = 0; i < masters; ++i) {
        const InspectedNode &n = inspection.nodes[std::size_t(i)];
        t += QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8\n")
                 .arg(i, -4).arg(n.master.address.toString(), -21)
                 .arg(QString::fromStdString(n.master.id.substr(0, 8)), -8).arg(n.master.slotCount(), 5)
                 .arg(n.keys < 0 ? QStringLiteral("?") : QString::number(n.keys), 9)
                 .arg(formatSlotRanges(n.master.ranges), -24).arg(formatSlotRanges(n.partlabRanges), -24)
                 .arg(n.matchesPartlab ? QStringLiteral("yes") : QStringLiteral("no"));
    }
    t += inspection.layoutMatches()
             ? QStringLiteral("\nThe real slot map is Partlab's redis layout for %1 nodes: predictions hold node for node.\n").arg(masters)
             : QStringLiteral("\nThe real slot map differs from Partlab's redis layout for %1 nodes (resharded or built by hand): "
                              "node-by-node predictions do not hold, slots do.\n").arg(masters);
    printOut(t);
    return ExitOk;
}

int runCluster(const QStringList &arguments)
{
    const QString sub = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (sub == QLatin1String("up"))
        return runUp(rest);
    if (sub == QLatin1String("down"))
        return runDown(rest);
    if (sub == QLatin1String("inspect"))
        return runInspect(rest);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        printOut(QStringLiteral("Usage: partlab-cli cluster up|down|inspect [options]\n\n"
                                "  up       start a local Redis Cluster (real redis-server processes on 127.0.0.1)\n"
                                "  down     stop the cluster `up` started (by pid) and remove its files\n"
                                "  inspect  the real slot map and keys per node beside Partlab's redis layout\n\n"
                                "partlab-cli cluster SUBCOMMAND --help shows its options.\n"));
        return ExitOk;
    }
    return usageError(kCommand, sub.isEmpty() ? QStringLiteral("a subcommand is required: up, down or inspect")
                                              : QStringLiteral("unknown subcommand '%1' (choose up, down or inspect)").arg(sub));
}

} // namespace

PARTLAB_CLI_COMMAND("cluster", "A local Redis Cluster (up, down) and the real slot map beside Partlab's (inspect)", runCluster);

} // namespace partlab::cli
