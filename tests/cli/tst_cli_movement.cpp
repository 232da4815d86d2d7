#include "clirunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace partlab::test;

namespace {

QJsonObject partitionerRow(const QJsonObject &root, const QString &name)
{
    for (const QJsonValue &v : root.value(QStringLiteral("partitioners")).toArray()) {
        if (v.toObject().value(QStringLiteral("partitioner")).toString() == name)
            return v.toObject();
    }
    return {};
}

} // namespace

/** `partlab-cli movement` end to end. */
class TestCliMovement : public QObject
{
    Q_OBJECT

private slots:
    void allPartitioners()
    {
        const CliResult r = runCli({QStringLiteral("movement"), QStringLiteral("--from"), QStringLiteral("4"), QStringLiteral("--to"),
                                    QStringLiteral("5"), QStringLiteral("--keys"), QStringLiteral("20000"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(root.value(QStringLiteral("minimum_fraction")).toDouble(), 0.2);
        QCOMPARE(root.value(QStringLiteral("partitioners")).toArray().size(), 11);
        // Modulo: a key stays only if h % 4 == h % 5, i.e. h % 20 in {0, 1, 2, 3}: 80% move.
        const double xap = partitionerRow(root, QStringLiteral("xap")).value(QStringLiteral("fraction")).toDouble();
        QVERIFY2(xap > 0.77 && xap < 0.83, qPrintable(QString::number(xap)));
        // Jump and rendezvous move about the minimum, 1/5.
        for (const QString &name : QStringList{QStringLiteral("jump"), QStringLiteral("rendezvous")}) {
            const double f = partitionerRow(root, name).value(QStringLiteral("fraction")).toDouble();
            QVERIFY2(f > 0.18 && f < 0.22, qPrintable(name + QString::number(f)));
        }
        // Redis 4 -> 5 masters (fresh redis-cli layouts): 819 + 1638 + 2458 + 3277 = 8192 slots change owner.
        const QJsonObject redisUnits = partitionerRow(root, QStringLiteral("redis")).value(QStringLiteral("units")).toObject();
        QCOMPARE(redisUnits.value(QStringLiteral("unit")).toString(), QStringLiteral("slot"));
        QCOMPARE(redisUnits.value(QStringLiteral("moved")).toInt(), 8192);
        QCOMPARE(redisUnits.value(QStringLiteral("total")).toInt(), 16384);
        // Flink 4 -> 5 over 128 key groups: group g moves when g*4/128 != g*5/128.
        int flinkGroups = 0;
        for (int g = 0; g < 128; ++g)
            flinkGroups += (g * 4 / 128) != (g * 5 / 128) ? 1 : 0;
        const QJsonObject flinkUnits = partitionerRow(root, QStringLiteral("flink")).value(QStringLiteral("units")).toObject();
        QCOMPARE(flinkUnits.value(QStringLiteral("moved")).toInt(), flinkGroups);
        QCOMPARE(partitionerRow(root, QStringLiteral("kafka")).value(QStringLiteral("keys")).toInt(), 20000);
    }

    void table()
    {
        const CliResult r = runCli({QStringLiteral("movement"), QStringLiteral("--partitioner"), QStringLiteral("redis"), QStringLiteral("--from"),
                                    QStringLiteral("3"), QStringLiteral("--to"), QStringLiteral("4"), QStringLiteral("--keys"), QStringLiteral("1000")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("Movement from 3 to 4 partitions over 1000 keys"), r.out.constData());
        QVERIFY2(r.out.contains("8192 of 16384 slots"), r.out.constData()); // see tst_redispartitioner
        QCOMPARE(r.out.count('\n'), 5);
    }

    void flinkKeyGroupsChange()
    {
        // 4 operators have 128 key groups; 200 need more, so Flink would start with 512.
        const CliResult r = runCli({QStringLiteral("movement"), QStringLiteral("--partitioner"), QStringLiteral("flink"), QStringLiteral("--from"),
                                    QStringLiteral("4"), QStringLiteral("--to"), QStringLiteral("200"), QStringLiteral("--keys"), QStringLiteral("100")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("key groups change: 128 -> 512"), r.out.constData());
    }

    void elasticsearchSplitVersusReindex()
    {
        // _split 5 -> 10 keeps routing_num_shards 640: every key moves to shard 2s or 2s+1 of its
        // old shard s, so each new shard draws from exactly one old one.
        CliResult r = runCli({QStringLiteral("movement"), QStringLiteral("--partitioner"), QStringLiteral("elasticsearch"), QStringLiteral("--from"),
                              QStringLiteral("5"), QStringLiteral("--to"), QStringLiteral("10"), QStringLiteral("--keys"), QStringLiteral("20000"),
                              QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QJsonObject row = partitionerRow(QJsonDocument::fromJson(r.out).object(), QStringLiteral("elasticsearch"));
        QCOMPARE(row.value(QStringLiteral("max_sources_per_partition")).toInt(), 1);
        QJsonObject units = row.value(QStringLiteral("units")).toObject();
        QCOMPARE(units.value(QStringLiteral("unit")).toString(), QStringLiteral("routing_shard"));
        QCOMPARE(units.value(QStringLiteral("total")).toInt(), 640);
        QCOMPARE(units.value(QStringLiteral("total_after")).toInt(), 640);
        // Routing shard u goes from shard u / 128 to u / 64: it keeps its number only when
        // u / 64 == u / 128, i.e. u < 64: 576 of 640 change owner.
        QCOMPARE(units.value(QStringLiteral("moved")).toInt(), 576);
        // 5 -> 7 cannot be a split (7 does not divide 640): a reindex into 896 routing shards,
        // where a new shard draws from every old one.
        r = runCli({QStringLiteral("movement"), QStringLiteral("--partitioner"), QStringLiteral("elasticsearch"), QStringLiteral("--from"),
                    QStringLiteral("5"), QStringLiteral("--to"), QStringLiteral("7"), QStringLiteral("--keys"), QStringLiteral("20000")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("routing shards change: 640 -> 896"), r.out.constData());
        QVERIFY2(r.out.contains(QByteArray("5  routing shards change")), r.out.constData());
    }

    void csvInput()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ticks.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        // 4 distinct symbols; repeats count once. XAP: hashCode % 2 vs % 4 with
        // "Aa" = "BB" = 2112 (0, 0: stays), "a" = 97 (1, 1: stays), "b" = 98 (0, 2: moves).
        file.write("symbol,price\nAa,1\nBB,2\na,3\nb,4\nAa,5\nb,6\n");
        file.close();
        const CliResult r = runCli({QStringLiteral("movement"), QStringLiteral("--partitioner"), QStringLiteral("xap"), QStringLiteral("--from"),
                                    QStringLiteral("2"), QStringLiteral("--to"), QStringLiteral("4"), QStringLiteral("--input"), path,
                                    QStringLiteral("--key"), QStringLiteral("symbol"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject row = partitionerRow(QJsonDocument::fromJson(r.out).object(), QStringLiteral("xap"));
        QCOMPARE(row.value(QStringLiteral("keys")).toInt(), 4);
        QCOMPARE(row.value(QStringLiteral("moved")).toInt(), 1);
    }

    void badOptions_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("no to") << QStringList{QStringLiteral("--from"), QStringLiteral("3")} << QByteArray("--from N and --to M are required");
        QTest::newRow("from 0") << QStringList{QStringLiteral("--from"), QStringLiteral("0"), QStringLiteral("--to"), QStringLiteral("3")}
                                << QByteArray("--from must be a whole number");
        QTest::newRow("unknown") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("x"), QStringLiteral("--from"), QStringLiteral("1"), QStringLiteral("--to"), QStringLiteral("3")}
                                 << QByteArray("unknown partitioner 'x'");
        QTest::newRow("keys and input") << QStringList{QStringLiteral("--from"), QStringLiteral("1"), QStringLiteral("--to"), QStringLiteral("3"), QStringLiteral("--keys"),
                                                       QStringLiteral("5"), QStringLiteral("--input"), QStringLiteral("x.csv")}
                                        << QByteArray("exclude each other");
        QTest::newRow("input without key") << QStringList{QStringLiteral("--from"), QStringLiteral("1"), QStringLiteral("--to"), QStringLiteral("3"),
                                                          QStringLiteral("--input"), QStringLiteral(PARTLAB_SOURCE_DIR "/README.md")}
                                           << QByteArray("--input needs --key FIELD");
        QTest::newRow("redis to 20000") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("redis"), QStringLiteral("--from"), QStringLiteral("3"),
                                                       QStringLiteral("--to"), QStringLiteral("20000")}
                                        << QByteArray("at most 16384 nodes");
    }

    void badOptions()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, message);
        arguments.prepend(QStringLiteral("movement"));
        const CliResult r = runCli(arguments);
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
    }

    /** Without --partitioner, a partitioner that cannot take M is reported, not fatal. */
    void unsupportedCountIsANote()
    {
        const CliResult r = runCli({QStringLiteral("movement"), QStringLiteral("--from"), QStringLiteral("16000"), QStringLiteral("--to"),
                                    QStringLiteral("17000"), QStringLiteral("--keys"), QStringLiteral("10"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(r.out).object();
        QVERIFY(partitionerRow(root, QStringLiteral("redis")).value(QStringLiteral("error")).toString().contains(QStringLiteral("16384")));
        QCOMPARE(partitionerRow(root, QStringLiteral("jump")).value(QStringLiteral("keys")).toInt(), 10);
    }
};

QTEST_MAIN(TestCliMovement)
#include "tst_cli_movement.moc"
