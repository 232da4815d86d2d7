#include "clirunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace partlab::test;

/** `partlab-cli layout` end to end. */
class TestCliLayout : public QObject
{
    Q_OBJECT

private slots:
    void layouts_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("expected");
        // redis-cli --cluster create with 3 and 5 masters (redis 7.0.15).
        QTest::newRow("redis/3") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("redis"), QStringLiteral("--partitions"), QStringLiteral("3")}
                                 << QByteArray("partition\tslots\n0\t0-5460\n1\t5461-10922\n2\t10923-16383\n");
        QTest::newRow("redis/5") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("redis"), QStringLiteral("--partitions"), QStringLiteral("5")}
                                 << QByteArray("partition\tslots\n0\t0-3276\n1\t3277-6553\n2\t6554-9829\n3\t9830-13106\n4\t13107-16383\n");
        // KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(128, 3, i).
        QTest::newRow("flink/3") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("flink"), QStringLiteral("--partitions"), QStringLiteral("3")}
                                 << QByteArray("partition\tkey_groups\n0\t0-42\n1\t43-85\n2\t86-127\n");
        QTest::newRow("flink/3/max10") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("flink"), QStringLiteral("--partitions"), QStringLiteral("3"),
                                                      QStringLiteral("--max-parallelism"), QStringLiteral("10")}
                                       << QByteArray("partition\tkey_groups\n0\t0-3\n1\t4-6\n2\t7-9\n");
        // DataStax token generator for 3 nodes: MIN, -3074457345618258603, 3074457345618258602.
        QTest::newRow("cassandra/3") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("cassandra"), QStringLiteral("--partitions"), QStringLiteral("3")}
                                     << QByteArray("partition\ttokens\n0\t3074457345618258603..9223372036854775807\n"
                                                   "1\t-9223372036854775807..-3074457345618258603\n2\t-3074457345618258602..3074457345618258602\n");
        QTest::newRow("wallaroo/2") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("wallaroo"), QStringLiteral("--partitions"), QStringLiteral("2")}
                                    << QByteArray("partition\tmd5\n0\t00000000000000000000000000000000-7ffffffffffffffffffffffffffffffe\n"
                                                  "1\t7fffffffffffffffffffffffffffffff-ffffffffffffffffffffffffffffffff\n");
        // Elasticsearch: 2 shards get 1024 routing shards (MetadataCreateIndexServiceTests), 512 each.
        QTest::newRow("elasticsearch/2") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("elasticsearch"), QStringLiteral("--partitions"), QStringLiteral("2")}
                                         << QByteArray("partition\trouting_shards\n0\t0-511\n1\t512-1023\n");
        QTest::newRow("elasticsearch/3/r6") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("elasticsearch"), QStringLiteral("--partitions"), QStringLiteral("3"),
                                                           QStringLiteral("--routing-num-shards"), QStringLiteral("6")}
                                            << QByteArray("partition\trouting_shards\n0\t0-1\n1\t2-3\n2\t4-5\n");
        QTest::newRow("xap/2") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("xap"), QStringLiteral("--partitions"), QStringLiteral("2")}
                               << QByteArray("partition\trule\n0\tsafeAbs(hashCode) % 2 == 0 (longs: safeAbs(value) % 2)\n"
                                             "1\tsafeAbs(hashCode) % 2 == 1 (longs: safeAbs(value) % 2)\n");
    }

    void layouts()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, expected);
        arguments.prepend(QStringLiteral("layout"));
        const CliResult r = runCli(arguments);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, expected);
    }

    void json()
    {
        const CliResult r = runCli({QStringLiteral("layout"), QStringLiteral("--partitioner"), QStringLiteral("flink"), QStringLiteral("--partitions"),
                                    QStringLiteral("100"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(root.value(QStringLiteral("unit")).toString(), QStringLiteral("key_groups"));
        QCOMPARE(root.value(QStringLiteral("max_parallelism")).toInt(), 256); // Flink's default for 100
        const QJsonArray owned = root.value(QStringLiteral("owned")).toArray();
        QCOMPARE(owned.size(), 100);
        // start = ceil(i * 256 / 100), end = ((i + 1) * 256 - 1) / 100: operator 0 owns 0-2, 1 owns 3-5.
        QCOMPARE(owned[0].toObject().value(QStringLiteral("ranges")).toArray().first().toString(), QStringLiteral("0-2"));
        QCOMPARE(owned[1].toObject().value(QStringLiteral("ranges")).toArray().first().toString(), QStringLiteral("3-5"));
    }

    /** Ring token ranges tile the whole signed 64-bit ring. */
    void ringCoversRing()
    {
        const CliResult r = runCli({QStringLiteral("layout"), QStringLiteral("--partitioner"), QStringLiteral("ring"), QStringLiteral("--partitions"),
                                    QStringLiteral("4"), QStringLiteral("--vnodes"), QStringLiteral("8"), QStringLiteral("--seed"), QStringLiteral("5")});
        QCOMPARE(r.exitCode, 0);
        std::vector<std::pair<qint64, qint64>> ranges;
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 5);
        for (const QByteArray &line : lines.mid(1)) {
            for (const QByteArray &range : line.split('\t').at(1).split(',')) {
                const qsizetype dots = range.indexOf("..");
                ranges.emplace_back(range.left(dots).toLongLong(), range.mid(dots + 2).toLongLong());
            }
        }
        std::sort(ranges.begin(), ranges.end());
        QCOMPARE(ranges.front().first, std::numeric_limits<qint64>::min());
        QCOMPARE(ranges.back().second, std::numeric_limits<qint64>::max());
        for (std::size_t i = 1; i < ranges.size(); ++i)
            QCOMPARE(ranges[i].first, ranges[i - 1].second + 1);
    }

    void badOptions_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("no partitioner") << QStringList{} << QByteArray("--partitioner NAME is required");
        QTest::newRow("unknown") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("mod")} << QByteArray("unknown partitioner 'mod'");
        QTest::newRow("partitions 0") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("redis"), QStringLiteral("--partitions"), QStringLiteral("0")}
                                      << QByteArray("--partitions must be a whole number");
        QTest::newRow("seed for flink") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("flink"), QStringLiteral("--seed"), QStringLiteral("1")}
                                        << QByteArray("--seed applies to --partitioner ring or rendezvous only");
        QTest::newRow("bad seed") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("ring"), QStringLiteral("--seed"), QStringLiteral("-1")}
                                  << QByteArray("--seed must be a whole number");
        QTest::newRow("stray argument") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("ring"), QStringLiteral("extra")}
                                        << QByteArray("unexpected argument 'extra'");
    }

    void badOptions()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, message);
        arguments.prepend(QStringLiteral("layout"));
        const CliResult r = runCli(arguments);
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_MAIN(TestCliLayout)
#include "tst_cli_layout.moc"
