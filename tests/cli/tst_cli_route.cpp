#include "clirunner.h"

#include <QElapsedTimer>

using namespace partlab::test;

/** `partlab-cli route` end to end: published values through the CLI, streaming, bad input. */
class TestCliRoute : public QObject
{
    Q_OBJECT

private slots:
    void routes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        // Kafka UtilsTest murmur2 values: foobar -790332482 -> 1357151166 % 10 = 6,
        // 21 -> 1173551340 % 10 = 0, abc 479470107 % 10 = 7.
        QTest::newRow("kafka/args/10") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("kafka"), QStringLiteral("--partitions"), QStringLiteral("10"),
                                                      QStringLiteral("foobar"), QStringLiteral("21"), QStringLiteral("abc")}
                                       << QByteArray() << QByteArray("foobar\t6\n21\t0\nabc\t7\n");
        // Redis CLUSTER KEYSLOT (redis 7.0.15) on redis-cli's 3-master layout.
        QTest::newRow("redis/stdin/3") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("redis"), QStringLiteral("--partitions"), QStringLiteral("3")}
                                       << QByteArray("foo\nhello\n{user1000}.following\n")
                                       << QByteArray("foo\t2\nhello\t0\n{user1000}.following\t0\n");
        QTest::newRow("redis/explain/3") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("redis"), QStringLiteral("--partitions"), QStringLiteral("3"),
                                                        QStringLiteral("--explain"), QStringLiteral("123456789")}
                                         << QByteArray() << QByteArray("key\thash\tpartition\tslot\n123456789\t12739\t2\t12739\n");
        // Guava murmur3_32().hashInt(42) = -1134849565 -> Flink 1134849565 % 128 = 29 -> 29*4/128 = 0.
        QTest::newRow("flink/explain/i32/4") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("flink"), QStringLiteral("--partitions"), QStringLiteral("4"),
                                                            QStringLiteral("--explain"), QStringLiteral("--key-format"), QStringLiteral("i32"), QStringLiteral("--"),
                                                            QStringLiteral("42"), QStringLiteral("-42")}
                                             << QByteArray() << QByteArray("key\thash\tpartition\tkey_group\n42\t42\t0\t29\n-42\t-42\t3\t96\n");
        // cassandra-dtest tokens of int keys 1 and 3; 4 nodes at MIN, -2^62, 0, 2^62.
        QTest::newRow("cassandra/explain/i32/4") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("cassandra"), QStringLiteral("--partitions"), QStringLiteral("4"),
                                                                QStringLiteral("--explain"), QStringLiteral("--key-format"), QStringLiteral("i32")}
                                                 << QByteArray("1\n3\n")
                                                 << QByteArray("key\thash\tpartition\n1\t-4069959284402364209\t2\n3\t9010454139840013625\t0\n");
        // DataStax python-driver: token of the bytes fe x 8 is -8927430733708461935 (< -2^62: node 1 of 4).
        QTest::newRow("cassandra/hex/4") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("cassandra"), QStringLiteral("--partitions"), QStringLiteral("4"),
                                                        QStringLiteral("--explain"), QStringLiteral("--key-format"), QStringLiteral("hex"), QStringLiteral("FEFEFEFEFEFEFEFE")}
                                         << QByteArray() << QByteArray("key\thash\tpartition\nFEFEFEFEFEFEFEFE\t-8927430733708461935\t1\n");
        // go-jump vectors: key 256, 1024 buckets -> 520; 0xDEAD10CC = 3735883980, 666 buckets -> 361.
        QTest::newRow("jump/u64/1024") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("jump"), QStringLiteral("--partitions"), QStringLiteral("1024"),
                                                      QStringLiteral("--key-format"), QStringLiteral("u64"), QStringLiteral("256")}
                                       << QByteArray() << QByteArray("256\t520\n");
        QTest::newRow("jump/u64/666") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("jump"), QStringLiteral("--partitions"), QStringLiteral("666"),
                                                     QStringLiteral("--key-format"), QStringLiteral("u64"), QStringLiteral("3735883980")}
                                      << QByteArray() << QByteArray("3735883980\t361\n");
        // RFC 1321: md5("abc") = 900150983cd24fb0d6963f7d28e17f72, in the second third of 2^128.
        QTest::newRow("wallaroo/explain/3") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("wallaroo"), QStringLiteral("--partitions"), QStringLiteral("3"),
                                                           QStringLiteral("--explain"), QStringLiteral("abc")}
                                            << QByteArray() << QByteArray("key\thash\tpartition\nabc\t900150983cd24fb0d6963f7d28e17f72\t1\n");
        // hazelcast-python-client murmur_hash_test.py: the payload "key-1" hashes to 1228513025,
        // partition 107 of Hazelcast's default 271 (taken without --partitions). A text key is
        // the String's payload: its UTF-8 length as a big-endian int, then the bytes.
        QTest::newRow("hazelcast/explain/hex/271") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("hazelcast"), QStringLiteral("--explain"),
                                                                  QStringLiteral("--key-format"), QStringLiteral("hex"), QStringLiteral("6b65792d31")}
                                                   << QByteArray() << QByteArray("key\thash\tpartition\tserialized\n6b65792d31\t1228513025\t107\t6b65792d31\n");
        QTest::newRow("hazelcast/explain/text") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("hazelcast"), QStringLiteral("--explain"), QStringLiteral("key-1")}
                                                << QByteArray() << QByteArray("key\thash\tpartition\tserialized\nkey-1\t2132451398\t94\t000000056b65792d31\n");
        // Elasticsearch IndexRoutingTests.testBWC (8 shards, routing_num_shards 8): sEERfFzPSI -> 1,
        // cNRiIrjzYd -> 7; testPartitionedIndexShrunk: routing b, _id b_4 -> shard 3.
        QTest::newRow("elasticsearch/bwc") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("elasticsearch"), QStringLiteral("--partitions"), QStringLiteral("8"),
                                                          QStringLiteral("--routing-num-shards"), QStringLiteral("8"), QStringLiteral("sEERfFzPSI"), QStringLiteral("cNRiIrjzYd")}
                                           << QByteArray() << QByteArray("sEERfFzPSI\t1\ncNRiIrjzYd\t7\n");
        QTest::newRow("elasticsearch/partitioned") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("elasticsearch"), QStringLiteral("--partitions"), QStringLiteral("4"),
                                                                  QStringLiteral("--routing-num-shards"), QStringLiteral("8"), QStringLiteral("--routing-partition-size"),
                                                                  QStringLiteral("3"), QStringLiteral("--doc-id"), QStringLiteral("b_4"), QStringLiteral("b")}
                                                   << QByteArray() << QByteArray("b\t3\n");
        // Murmur3HashFunctionTests: hash("hello") = 0xd7c31989 = -675079799; floorMod(-675079799,
        // 1024) = 393 (routing_num_shards for 8 shards is 1024, the routing factor 128) -> shard 3.
        QTest::newRow("elasticsearch/explain/8") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("elasticsearch"), QStringLiteral("--partitions"), QStringLiteral("8"),
                                                                QStringLiteral("--explain"), QStringLiteral("hello")}
                                                 << QByteArray()
                                                 << QByteArray("key\thash\tpartition\trouting_shard\trouting_num_shards\trouting_factor\tpartition_offset\n"
                                                               "hello\t-675079799\t3\t393\t1024\t128\t0\n");
        // XAP: "polygenelubricants".hashCode() == Integer.MIN_VALUE -> safeAbs = MAX_VALUE -> % 10 = 7.
        QTest::newRow("xap/explain/10") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("xap"), QStringLiteral("--partitions"), QStringLiteral("10"),
                                                       QStringLiteral("--explain"), QStringLiteral("polygenelubricants")}
                                        << QByteArray() << QByteArray("key\thash\tpartition\npolygenelubricants\t-2147483648\t7\n");
        // Empty line = empty key; CRLF handled; no newline at the end still routes the last key;
        // the final newline adds no key. "" hashes to 0, "Aa" and "BB" to 2112 (2112 % 4 = 0).
        QTest::newRow("xap/lines") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("xap"), QStringLiteral("--partitions"), QStringLiteral("4")}
                                   << QByteArray("Aa\r\n\nBB") << QByteArray("Aa\t0\n\t0\nBB\t0\n");
        QTest::newRow("xap/one-empty-key") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("xap"), QStringLiteral("--partitions"), QStringLiteral("4")}
                                           << QByteArray("\n") << QByteArray("\t0\n");
    }

    void routes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        arguments.prepend(QStringLiteral("route"));
        const CliResult r = runCli(arguments, input);
        QVERIFY2(!r.crashed, r.err.constData());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, expected);
        QVERIFY(r.err.isEmpty());
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QByteArray>("output"); // what was routed before the error
        QTest::newRow("unknown partitioner") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("modulo"), QStringLiteral("a")}
                                             << QByteArray() << QByteArray("unknown partitioner 'modulo'") << QByteArray();
        QTest::newRow("no partitioner") << QStringList{QStringLiteral("a")} << QByteArray() << QByteArray("--partitioner NAME is required") << QByteArray();
        QTest::newRow("partitions 0") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("xap"), QStringLiteral("--partitions"), QStringLiteral("0"), QStringLiteral("a")}
                                      << QByteArray() << QByteArray("--partitions must be a whole number between 1 and 65536") << QByteArray();
        QTest::newRow("partitions junk") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("xap"), QStringLiteral("--partitions"), QStringLiteral("4x"), QStringLiteral("a")}
                                         << QByteArray() << QByteArray("(got '4x')") << QByteArray();
        QTest::newRow("bad key format") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("xap"), QStringLiteral("--key-format"), QStringLiteral("utf16"), QStringLiteral("a")}
                                        << QByteArray() << QByteArray("unknown format 'utf16'") << QByteArray();
        QTest::newRow("bad hex arg") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("xap"), QStringLiteral("--key-format"), QStringLiteral("hex"),
                                                    QStringLiteral("00"), QStringLiteral("0g")}
                                     << QByteArray() << QByteArray("bad hex key '0g'") << QByteArray();
        QTest::newRow("odd hex stdin") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("xap"), QStringLiteral("--partitions"), QStringLiteral("4"),
                                                      QStringLiteral("--key-format"), QStringLiteral("hex")}
                                       << QByteArray("4161\nabc\n") << QByteArray("stdin line 2: bad hex key 'abc'") << QByteArray("4161\t0\n");
        QTest::newRow("i32 overflow") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("flink"), QStringLiteral("--key-format"), QStringLiteral("i32")}
                                      << QByteArray("2147483648\n") << QByteArray("stdin line 1: bad i32 key '2147483648'") << QByteArray();
        QTest::newRow("u64 negative") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("jump"), QStringLiteral("--key-format"), QStringLiteral("u64")}
                                      << QByteArray("-1\n") << QByteArray("bad u64 key '-1'") << QByteArray();
        QTest::newRow("vnodes for kafka") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("kafka"), QStringLiteral("--vnodes"), QStringLiteral("8"), QStringLiteral("a")}
                                          << QByteArray() << QByteArray("--vnodes applies to --partitioner ring only") << QByteArray();
        QTest::newRow("redis too many") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("redis"), QStringLiteral("--partitions"), QStringLiteral("16385"), QStringLiteral("a")}
                                        << QByteArray() << QByteArray("at most 16384 nodes") << QByteArray();
        QTest::newRow("flink max parallelism") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("flink"), QStringLiteral("--partitions"), QStringLiteral("8"),
                                                              QStringLiteral("--max-parallelism"), QStringLiteral("4"), QStringLiteral("a")}
                                               << QByteArray() << QByteArray("must not exceed the max parallelism (4)") << QByteArray();
        QTest::newRow("doc-id for kafka") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("kafka"), QStringLiteral("--doc-id"), QStringLiteral("x"), QStringLiteral("a")}
                                          << QByteArray() << QByteArray("--doc-id applies to --partitioner elasticsearch only") << QByteArray();
        QTest::newRow("es partition size without id") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("elasticsearch"), QStringLiteral("--partitions"), QStringLiteral("4"),
                                                                     QStringLiteral("--routing-partition-size"), QStringLiteral("3"), QStringLiteral("a")}
                                                      << QByteArray() << QByteArray("give the _id (--doc-id)") << QByteArray();
        QTest::newRow("es routing shards not a multiple") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("elasticsearch"), QStringLiteral("--partitions"), QStringLiteral("3"),
                                                                         QStringLiteral("--routing-num-shards"), QStringLiteral("8"), QStringLiteral("a")}
                                                          << QByteArray() << QByteArray("routing_num_shards (8) must be a multiple of the number of shards (3)") << QByteArray();
        QTest::newRow("es too many shards") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("elasticsearch"), QStringLiteral("--partitions"), QStringLiteral("2000"), QStringLiteral("a")}
                                            << QByteArray() << QByteArray("at most 1024 shards") << QByteArray();
    }

    void badInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, message);
        QFETCH(QByteArray, output);
        arguments.prepend(QStringLiteral("route"));
        const CliResult r = runCli(arguments, input);
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1); // one line
        QCOMPARE(r.out, output);
    }

    /** 200,000 keys straddle the 1 MiB read buffer many times: every line comes back intact. */
    void streamsLargeInput()
    {
        QByteArray input;
        QByteArray expected;
        for (int i = 0; i < 200000; ++i) {
            input += QByteArray::number(i) + '\n';
            // XAP routes an Integer by its value: i % 7.
            expected += QByteArray::number(i) + '\t' + QByteArray::number(i % 7) + '\n';
        }
        const CliResult r = runCli({QStringLiteral("route"), QStringLiteral("--partitioner"), QStringLiteral("xap"), QStringLiteral("--partitions"),
                                    QStringLiteral("7"), QStringLiteral("--key-format"), QStringLiteral("i32")},
                                   input);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.size(), expected.size());
        QVERIFY(r.out == expected);

        // A 3 MB key spans several reads and comes back whole.
        const QByteArray longKey(3 << 20, 'k');
        const CliResult t = runCli({QStringLiteral("route"), QStringLiteral("--partitioner"), QStringLiteral("kafka")},
                                   QByteArray("a\n") + longKey + QByteArray("\nb\n"));
        QCOMPARE(t.exitCode, 0);
        const QList<QByteArray> lines = t.out.split('\n');
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines[1].left(longKey.size()), longKey);
        QCOMPARE(lines[1].at(longKey.size()), '\t');
    }

    /** Kafka hashes an i32 key as IntegerSerializer's 4 big-endian bytes: i32 42 == hex 0000002a. */
    void integerKeyIsSerializedBytes()
    {
        const QStringList common{QStringLiteral("route"), QStringLiteral("--partitioner"), QStringLiteral("kafka"),
                                 QStringLiteral("--partitions"), QStringLiteral("1000"), QStringLiteral("--explain"), QStringLiteral("--key-format")};
        const CliResult hex = runCli(common + QStringList{QStringLiteral("hex"), QStringLiteral("0000002a")});
        const CliResult i32 = runCli(common + QStringList{QStringLiteral("i32"), QStringLiteral("42")});
        QCOMPARE(hex.exitCode, 0);
        QCOMPARE(i32.exitCode, 0);
        QCOMPARE(hex.out.mid(hex.out.indexOf("0000002a") + 8), i32.out.mid(i32.out.indexOf("\n42") + 3));
    }

    /** A million keys from stdin route in well under the time budget (10 M take a few seconds). */
    void throughput()
    {
        QByteArray input;
        input.reserve(12 << 20);
        for (int i = 0; i < 1000000; ++i)
            input += "user" + QByteArray::number(i) + '\n';
        QElapsedTimer timer;
        timer.start();
        const CliResult r = runCli({QStringLiteral("route"), QStringLiteral("--partitioner"), QStringLiteral("kafka"), QStringLiteral("--partitions"), QStringLiteral("16")},
                                   input, 120000);
        const qint64 ms = timer.elapsed();
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.count('\n'), 1000000);
        qInfo("1,000,000 keys in %lld ms", ms);
    }
};

QTEST_MAIN(TestCliRoute)
#include "tst_cli_route.moc"
