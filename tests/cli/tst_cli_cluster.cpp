// partlab-cli cluster up / inspect / down, route --verify and simulate --backend redis-cluster
// end to end, on a cluster started by the CLI itself (guarded: stopped by pid whatever happens).
#include "clirunner.h"
#include "redisclusterfixture.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>

using namespace partlab;
using namespace partlab::test;

class TestCliCluster : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir{QDir::temp().filePath(QStringLiteral("partlab-cli-cluster-XXXXXX"))};
    std::unique_ptr<DetachedClusterGuard> m_guard;
    int m_basePort = 0;
    std::vector<qint64> m_pids;

    QString seed() const { return QStringLiteral("127.0.0.1:%1").arg(m_basePort); }
    QString clusterDir() const { return m_dir.filePath(QStringLiteral("cluster")); }

private slots:
    void initTestCase()
    {
        const QString missing = missingRedisMessage();
        QVERIFY2(missing.isEmpty(), qPrintable(missing));
        QVERIFY(m_dir.isValid());
        m_guard = std::make_unique<DetachedClusterGuard>(clusterDir());
        CliResult r;
        for (int attempt = 0; attempt < 5; ++attempt) {
            do
                m_basePort = 20000 + int(QRandomGenerator::global()->bounded(9000));
            while (!LocalCluster::portsFree(m_basePort, 3));
            // Through a pipe read to EOF, as `cluster up | cat` or a CI log does: the servers
            // must not hold the caller's stdout, stderr or fd 3, or this never returns.
            r = runCliThroughPipe({QStringLiteral("cluster"), QStringLiteral("up"), QStringLiteral("--nodes"), QStringLiteral("3"),
                                   QStringLiteral("--base-port"), QString::number(m_basePort), QStringLiteral("--dir"), clusterDir()},
                                  30000);
            QVERIFY2(!r.crashed, "cluster up | cat did not reach EOF within 30 s: a server kept the caller's pipe open");
            if (r.exitCode == 0)
                break;
        }
        QVERIFY2(r.exitCode == 0, r.out.constData());
        for (int i = 0; i < 3; ++i)
            QVERIFY2(r.out.contains(QStringLiteral("127.0.0.1:%1").arg(m_basePort + i).toUtf8()), r.out.constData());
        QString error;
        for (const LocalClusterNode &n : LocalCluster::readState(clusterDir(), &error)) {
            QVERIFY(LocalCluster::isRedisServer(n.pid));
            QVERIFY2(QFileInfo::exists(QDir(n.dir).filePath(QStringLiteral("stdout.log"))), qPrintable(n.dir));
            m_pids.push_back(n.pid);
        }
        QCOMPARE(int(m_pids.size()), 3);
    }

    void inspectTable()
    {
        const CliResult r = runCli({QStringLiteral("cluster"), QStringLiteral("inspect"), QStringLiteral("--node"), seed()});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("3 masters, 16384 of 16384 slots served"));
        QVERIFY(r.out.contains("0-5460"));
        QVERIFY(r.out.contains("predictions hold node for node"));
    }

    void inspectJson()
    {
        const CliResult r = runCli({QStringLiteral("cluster"), QStringLiteral("inspect"), QStringLiteral("--node"), seed(),
                                    QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o[QStringLiteral("masters")].toInt(), 3);
        QCOMPARE(o[QStringLiteral("uncovered_slots")].toInt(), 0);
        QVERIFY(o[QStringLiteral("layout_matches_partlab")].toBool());
        const QJsonArray nodes = o[QStringLiteral("nodes")].toArray();
        QCOMPARE(nodes.size(), 3);
        QCOMPARE(nodes[1].toObject()[QStringLiteral("slots")].toArray()[0].toArray()[0].toInt(), 5461);
        QCOMPARE(nodes[2].toObject()[QStringLiteral("slot_count")].toInt(), 5461);
    }

    void verify100kKeysWithHashTags()
    {
        QByteArray keys;
        for (int i = 0; i < 100000; ++i) {
            if (i % 3 == 0)
                keys += "{user" + QByteArray::number(i % 7919) + "}.followers:" + QByteArray::number(i) + '\n';
            else if (i % 3 == 1)
                keys += "order:" + QByteArray::number(i) + ":{C" + QByteArray::number(i % 1000) + "}\n";
            else
                keys += "sym" + QByteArray::number(i) + "{}" + '\n'; // an empty tag: the whole key is hashed
        }
        const CliResult r = runCli({QStringLiteral("route"), QStringLiteral("--partitioner"), QStringLiteral("redis"),
                                    QStringLiteral("--verify"), seed()}, keys);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("verified 100000 keys against " + seed().toUtf8() + " (CLUSTER KEYSLOT): 0 mismatches\n"));
    }

    void simulateOnTheCluster_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("stocks/vwap") << QStringList{QStringLiteral("--messages"), QStringLiteral("100000")};
        QTest::newRow("words/count") << QStringList{QStringLiteral("--scenario"), QStringLiteral("builtin:words"),
                                                    QStringLiteral("--messages"), QStringLiteral("50000")};
        QTest::newRow("orders/mean") << QStringList{QStringLiteral("--scenario"), QStringLiteral("builtin:orders"),
                                                    QStringLiteral("--computation"), QStringLiteral("mean"),
                                                    QStringLiteral("--messages"), QStringLiteral("50000")};
    }

    void simulateOnTheCluster()
    {
        QFETCH(QStringList, arguments);
        const QStringList base = QStringList{QStringLiteral("simulate"), QStringLiteral("--json")} + arguments;
        const CliResult inProcess = runCli(base);
        QVERIFY2(inProcess.exitCode == 0, inProcess.err.constData());
        const CliResult onCluster = runCli(base + QStringList{QStringLiteral("--backend"), QStringLiteral("redis-cluster"),
                                                               QStringLiteral("--node"), seed()});
        QVERIFY2(onCluster.exitCode == 0, onCluster.err.constData());
        const QJsonObject a = QJsonDocument::fromJson(inProcess.out).object();
        const QJsonObject b = QJsonDocument::fromJson(onCluster.out).object();
        const QJsonObject redis = b[QStringLiteral("redis_cluster")].toObject();
        QCOMPARE(b[QStringLiteral("checksum")].toString(), a[QStringLiteral("checksum")].toString());
        QCOMPARE(redis[QStringLiteral("checksum")].toString(), a[QStringLiteral("checksum")].toString());
        QVERIFY(redis[QStringLiteral("checksum_matches")].toBool());
        QCOMPARE(redis[QStringLiteral("applied")].toDouble(), a[QStringLiteral("messages")].toDouble());
        QCOMPARE(redis[QStringLiteral("keys")].toDouble(), a[QStringLiteral("keys")].toDouble());
        for (const QJsonValue &v : redis[QStringLiteral("nodes")].toArray()) {
            const QJsonObject n = v.toObject();
            QCOMPARE(n[QStringLiteral("observed")].toDouble(), n[QStringLiteral("predicted")].toDouble());
            QCOMPARE(n[QStringLiteral("server_calls")].toDouble(), n[QStringLiteral("observed")].toDouble());
        }
    }

    void replayOnTheCluster_data()
    {
        QTest::addColumn<QStringList>("arguments");
        const QString traces = QStringLiteral(PARTLAB_SOURCE_DIR "/resources/traces/");
        QTest::newRow("stock-ticks.csv/vwap") << QStringList{traces + QStringLiteral("stock-ticks.csv"), QStringLiteral("--key"),
                                                             QStringLiteral("symbol"), QStringLiteral("--computation"), QStringLiteral("vwap")};
        QTest::newRow("orders.jsonl/sum") << QStringList{traces + QStringLiteral("orders.jsonl"), QStringLiteral("--key"),
                                                         QStringLiteral("order.customer"), QStringLiteral("--value"),
                                                         QStringLiteral("order.amount"), QStringLiteral("--computation"), QStringLiteral("sum")};
    }

    void replayOnTheCluster()
    {
        QFETCH(QStringList, arguments);
        const QStringList base = QStringList{QStringLiteral("replay"), QStringLiteral("--json")} + arguments;
        const CliResult inProcess = runCli(base);
        QVERIFY2(inProcess.exitCode == 0, inProcess.err.constData());
        const CliResult onCluster = runCli(base + QStringList{QStringLiteral("--backend"), QStringLiteral("redis-cluster"),
                                                               QStringLiteral("--node"), seed()});
        QVERIFY2(onCluster.exitCode == 0, onCluster.err.constData());
        const QJsonObject a = QJsonDocument::fromJson(inProcess.out).object();
        const QJsonObject redis = QJsonDocument::fromJson(onCluster.out).object()[QStringLiteral("redis_cluster")].toObject();
        QVERIFY(a[QStringLiteral("messages")].toDouble() > 0);
        QCOMPARE(redis[QStringLiteral("checksum")].toString(), a[QStringLiteral("checksum")].toString());
        QCOMPARE(redis[QStringLiteral("applied")].toDouble(), a[QStringLiteral("messages")].toDouble());
    }

    void simulateTableAndResume()
    {
        const QStringList base{QStringLiteral("simulate"), QStringLiteral("--scenario"), QStringLiteral("builtin:orders"),
                               QStringLiteral("--messages"), QStringLiteral("20000"), QStringLiteral("--backend"),
                               QStringLiteral("redis-cluster"), QStringLiteral("--node"), seed()};
        CliResult r = runCli(base);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("matches the in-process run"));
        QVERIFY(r.out.contains("predicted    observed  server EVALSHA"));
        // Resuming from message 15001 over the finished state: 5000 sent, all already applied.
        r = runCli(base + QStringList{QStringLiteral("--resume-from"), QStringLiteral("15001")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("5000 messages sent from message 15001, 0 applied, 5000 skipped as already applied"), r.out.constData());
        QVERIFY(r.out.contains("matches the in-process run"));
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString sim = QStringLiteral("simulate");
        QTest::newRow("backend without node") << QStringList{sim, QStringLiteral("--backend"), QStringLiteral("redis-cluster")} << 2
                                              << QStringLiteral("needs --node HOST:PORT");
        QTest::newRow("node without backend") << QStringList{sim, QStringLiteral("--node"), QStringLiteral("127.0.0.1:1")} << 2
                                              << QStringLiteral("--node applies to --backend redis-cluster only");
        QTest::newRow("unknown backend") << QStringList{sim, QStringLiteral("--backend"), QStringLiteral("mongo")} << 2
                                         << QStringLiteral("unknown backend 'mongo'");
        QTest::newRow("bad node") << QStringList{sim, QStringLiteral("--backend"), QStringLiteral("redis-cluster"),
                                                 QStringLiteral("--node"), QStringLiteral("localhost")} << 2
                                  << QStringLiteral("'localhost' is not HOST:PORT");
        QTest::newRow("node down") << QStringList{sim, QStringLiteral("--backend"), QStringLiteral("redis-cluster"),
                                                  QStringLiteral("--node"), QStringLiteral("127.0.0.1:1")} << 1
                                   << QStringLiteral("127.0.0.1:1: cannot connect");
        QTest::newRow("verify not redis") << QStringList{QStringLiteral("route"), QStringLiteral("--partitioner"), QStringLiteral("xap"),
                                                         QStringLiteral("--verify"), QStringLiteral("127.0.0.1:1"), QStringLiteral("k")}
                                          << 2 << QStringLiteral("use it with --partitioner redis");
        QTest::newRow("verify node down") << QStringList{QStringLiteral("route"), QStringLiteral("--partitioner"), QStringLiteral("redis"),
                                                         QStringLiteral("--verify"), QStringLiteral("127.0.0.1:1"), QStringLiteral("k")}
                                          << 1 << QStringLiteral("127.0.0.1:1: cannot connect");
        QTest::newRow("inspect without node") << QStringList{QStringLiteral("cluster"), QStringLiteral("inspect")} << 2
                                              << QStringLiteral("--node HOST:PORT is required");
        QTest::newRow("unknown subcommand") << QStringList{QStringLiteral("cluster"), QStringLiteral("start")} << 2
                                            << QStringLiteral("unknown subcommand 'start'");
        QTest::newRow("down without cluster") << QStringList{QStringLiteral("cluster"), QStringLiteral("down"), QStringLiteral("--dir"),
                                                             QDir::temp().filePath(QStringLiteral("partlab-no-such-cluster"))}
                                              << 1 << QStringLiteral("no cluster started here");
    }

    void errors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const CliResult r = runCli(arguments);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1); // one line
        QVERIFY(r.out.isEmpty());
    }

    void upTwiceIsRefused()
    {
        const CliResult r = runCli({QStringLiteral("cluster"), QStringLiteral("up"), QStringLiteral("--base-port"),
                                    QString::number(m_basePort + 100), QStringLiteral("--dir"), clusterDir()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("already has a running cluster"), r.err.constData());
    }

    void down()
    {
        const CliResult r = runCliThroughPipe({QStringLiteral("cluster"), QStringLiteral("down"), QStringLiteral("--dir"), clusterDir()}, 30000);
        QVERIFY(!r.crashed);
        QVERIFY2(r.exitCode == 0, r.out.constData());
        QVERIFY(r.out.contains("stopped 3 redis-server processes"));
        for (qint64 pid : m_pids)
            QVERIFY(!LocalCluster::isRedisServer(pid));
        QVERIFY(!QFileInfo::exists(clusterDir()));
    }
};

QTEST_GUILESS_MAIN(TestCliCluster)
#include "tst_cli_cluster.moc"
