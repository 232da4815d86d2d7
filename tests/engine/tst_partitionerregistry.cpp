#include "routing/keyformat.h"
#include "routing/movementcounter.h"
#include "routing/partitioner.h"

#include <QTest>

using namespace partlab;

/** The registry, option checks, layouts, key parsing and movement counting across partitioners. */
class TestPartitionerRegistry : public QObject
{
    Q_OBJECT

private slots:
    void names()
    {
        QCOMPARE(partitionerNames(), QStringList({QStringLiteral("xap"), QStringLiteral("kafka"), QStringLiteral("redis"),
                                                  QStringLiteral("flink"), QStringLiteral("jump"), QStringLiteral("rendezvous"),
                                                  QStringLiteral("ring"), QStringLiteral("cassandra"), QStringLiteral("wallaroo"),
                                                  QStringLiteral("hazelcast"), QStringLiteral("elasticsearch")}));
        for (const QString &name : partitionerNames()) {
            QVERIFY(!partitionerDescription(name).isEmpty());
            QString error;
            const auto p = createPartitioner(name, PartitionerOptions{}, &error);
            QVERIFY2(p, qPrintable(error));
            QCOMPARE(p->name(), name);
            QCOMPARE(p->partitionCount(), 8);
            QCOMPARE(defaultPartitionCount(name), name == QLatin1String("hazelcast") ? 271 : 8);
        }
        QCOMPARE(defaultPartitionCount(QStringLiteral("nope")), 8);
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("partitions");
        QTest::addColumn<int>("maxParallelism");
        QTest::addColumn<int>("vnodes");
        QTest::addColumn<QString>("errorPart");
        QTest::newRow("unknown") << QStringLiteral("modulo") << 4 << 0 << 128 << QStringLiteral("unknown partitioner 'modulo'");
        QTest::newRow("zero") << QStringLiteral("kafka") << 0 << 0 << 128 << QStringLiteral("between 1 and 65536");
        QTest::newRow("too many") << QStringLiteral("jump") << 65537 << 0 << 128 << QStringLiteral("between 1 and 65536");
        QTest::newRow("redis > slots") << QStringLiteral("redis") << 16385 << 0 << 128 << QStringLiteral("16384 hash slots");
        QTest::newRow("flink > max") << QStringLiteral("flink") << 200 << 128 << 128 << QStringLiteral("must not exceed the max parallelism (128)");
        QTest::newRow("flink max too big") << QStringLiteral("flink") << 4 << 40000 << 128 << QStringLiteral("between 1 and 32768");
        QTest::newRow("ring vnodes 0") << QStringLiteral("ring") << 4 << 0 << 0 << QStringLiteral("virtual nodes");
        QTest::newRow("ring too big") << QStringLiteral("ring") << 65536 << 0 << 128 << QStringLiteral("ring points");
        QTest::newRow("elasticsearch > 1024") << QStringLiteral("elasticsearch") << 1025 << 0 << 128 << QStringLiteral("at most 1024 shards");
    }

    void rejects()
    {
        QFETCH(QString, name);
        QFETCH(int, partitions);
        QFETCH(int, maxParallelism);
        QFETCH(int, vnodes);
        QFETCH(QString, errorPart);
        PartitionerOptions o;
        o.partitions = partitions;
        o.maxParallelism = maxParallelism;
        o.virtualNodes = vnodes;
        QString error;
        QVERIFY(!createPartitioner(name, o, &error));
        QVERIFY2(error.contains(errorPart), qPrintable(error));
        QVERIFY(!error.contains(QLatin1Char('\n')));
    }

    /** Every partitioner routes into range, deterministically, and keeps its options on resize. */
    void routesInRangeAndResizes()
    {
        for (const QString &name : partitionerNames()) {
            PartitionerOptions o;
            o.partitions = 5;
            o.virtualNodes = 16;
            o.seed = 3;
            const auto p = createPartitioner(name, o, nullptr);
            QVERIFY(p);
            const auto again = createPartitioner(name, o, nullptr);
            for (int i = 0; i < 500; ++i) {
                const std::string key = "key" + std::to_string(i);
                const RoutingKey k = RoutingKey::text(key);
                const int part = p->partition(k);
                QVERIFY(part >= 0 && part < 5);
                QCOMPARE(again->partition(k), part);
                QCOMPARE(p->explain(k).partition, part);
            }
            const auto bigger = p->withPartitions(9);
            QCOMPARE(bigger->name(), name);
            QCOMPARE(bigger->partitionCount(), 9);
            QCOMPARE(bigger->options().seed, quint64(3));
            QCOMPARE(bigger->options().virtualNodes, 16);
            const PartitionLayout layout = p->layout();
            QCOMPARE(int(layout.owned.size()), 5);
            QVERIFY(!layout.unit.isEmpty());
        }
    }

    void keyFormats_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QByteArray>("bytes");   // text / hex
        QTest::addColumn<qint64>("integer");    // i32 / i64
        QTest::newRow("text") << QStringLiteral("text") << QByteArray("a b") << true << QByteArray("a b") << qint64(0);
        QTest::newRow("hex") << QStringLiteral("hex") << QByteArray("00ffA0") << true << QByteArray("\x00\xff\xa0", 3) << qint64(0);
        QTest::newRow("hex empty") << QStringLiteral("hex") << QByteArray("") << true << QByteArray() << qint64(0);
        QTest::newRow("hex odd") << QStringLiteral("hex") << QByteArray("abc") << false << QByteArray() << qint64(0);
        QTest::newRow("hex bad digit") << QStringLiteral("hex") << QByteArray("zz") << false << QByteArray() << qint64(0);
        QTest::newRow("i32") << QStringLiteral("i32") << QByteArray("-2147483648") << true << QByteArray() << qint64(-2147483648LL);
        QTest::newRow("i32 plus") << QStringLiteral("i32") << QByteArray("+5") << true << QByteArray() << qint64(5);
        QTest::newRow("i32 overflow") << QStringLiteral("i32") << QByteArray("2147483648") << false << QByteArray() << qint64(0);
        QTest::newRow("i32 junk") << QStringLiteral("i32") << QByteArray("12a") << false << QByteArray() << qint64(0);
        QTest::newRow("i32 space") << QStringLiteral("i32") << QByteArray(" 1") << false << QByteArray() << qint64(0);
        QTest::newRow("i32 +-") << QStringLiteral("i32") << QByteArray("+-1") << false << QByteArray() << qint64(0);
        QTest::newRow("i64") << QStringLiteral("i64") << QByteArray("9223372036854775807") << true << QByteArray() << qint64(9223372036854775807LL);
        QTest::newRow("i64 empty") << QStringLiteral("i64") << QByteArray("") << false << QByteArray() << qint64(0);
        QTest::newRow("u64 max") << QStringLiteral("u64") << QByteArray("18446744073709551615") << true << QByteArray() << qint64(-1);
        QTest::newRow("u64 negative") << QStringLiteral("u64") << QByteArray("-1") << false << QByteArray() << qint64(0);
        QTest::newRow("u64 overflow") << QStringLiteral("u64") << QByteArray("18446744073709551616") << false << QByteArray() << qint64(0);
    }

    void keyFormats()
    {
        QFETCH(QString, format);
        QFETCH(QByteArray, text);
        QFETCH(bool, ok);
        QFETCH(QByteArray, bytes);
        QFETCH(qint64, integer);
        const auto f = keyFormatFromName(format);
        QVERIFY(f);
        std::string storage;
        RoutingKey key;
        QString error;
        QCOMPARE(parseKey(std::string_view(text.constData(), std::size_t(text.size())), *f, storage, key, &error), ok);
        if (!ok) {
            QVERIFY(error.startsWith(QStringLiteral("bad %1 key").arg(format)));
            return;
        }
        switch (*f) {
        case KeyFormat::Text:
        case KeyFormat::Hex:
            QCOMPARE(QByteArray(key.bytes.data(), qsizetype(key.bytes.size())), bytes);
            break;
        case KeyFormat::Int32:
            QCOMPARE(key.kind, RoutingKey::Kind::Int32);
            QCOMPARE(key.integer, integer);
            break;
        case KeyFormat::Int64:
            QCOMPARE(key.kind, RoutingKey::Kind::Int64);
            QCOMPARE(key.integer, integer);
            break;
        case KeyFormat::UInt64:
            QCOMPARE(key.kind, RoutingKey::Kind::UInt64);
            QCOMPARE(key.unsignedInteger, quint64(integer));
            break;
        }
    }

    void unknownKeyFormat()
    {
        QVERIFY(!keyFormatFromName(QStringLiteral("utf16")));
    }

    void movement_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::addColumn<qint64>("unitsMoved");
        // Modulo partitioners move most keys (for 4 -> 5 all but 1/5: keys with h % 20 in
        // {0,1,2,3}); consistent ones move about the minimum 1/5.
        QTest::newRow("xap/4/5") << QStringLiteral("xap") << 4 << 5 << 0.75 << 0.85 << qint64(-1);
        QTest::newRow("kafka/4/5") << QStringLiteral("kafka") << 4 << 5 << 0.75 << 0.85 << qint64(-1);
        QTest::newRow("jump/4/5") << QStringLiteral("jump") << 4 << 5 << 0.18 << 0.22 << qint64(-1);
        QTest::newRow("rendezvous/4/5") << QStringLiteral("rendezvous") << 4 << 5 << 0.18 << 0.22 << qint64(-1);
        QTest::newRow("ring/4/5") << QStringLiteral("ring") << 4 << 5 << 0.12 << 0.28 << qint64(-1);
        // Redis 3 -> 4 moves 8192 of 16384 slots (see tst_redispartitioner), so about half the keys.
        QTest::newRow("redis/3/4") << QStringLiteral("redis") << 3 << 4 << 0.47 << 0.53 << qint64(8192);
        // Flink 2 -> 4 with 128 key groups: groups 32-63 (0 -> 1), 64-95 (1 -> 2), 96-127 (1 -> 3).
        QTest::newRow("flink/2/4") << QStringLiteral("flink") << 2 << 4 << 0.72 << 0.78 << qint64(96);
        QTest::newRow("same") << QStringLiteral("cassandra") << 6 << 6 << 0.0 << 0.0 << qint64(-1);
    }

    void movement()
    {
        QFETCH(QString, name);
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(double, low);
        QFETCH(double, high);
        QFETCH(qint64, unitsMoved);
        PartitionerOptions o;
        o.partitions = from;
        MovementCounter counter(createPartitioner(name, o, nullptr), to);
        for (int i = 0; i < 20000; ++i) {
            const std::string key = "key" + std::to_string(i);
            counter.add(RoutingKey::text(key));
        }
        const MovementResult r = counter.result();
        QCOMPARE(r.keys, quint64(20000));
        QVERIFY2(r.fraction() >= low && r.fraction() <= high, qPrintable(QString::number(r.fraction())));
        QCOMPARE(r.unitsMoved, unitsMoved);
        QCOMPARE(r.minimumFraction(), from == to ? 0.0 : double(std::abs(to - from)) / std::max(from, to));
    }
};

QTEST_APPLESS_MAIN(TestPartitionerRegistry)
#include "tst_partitionerregistry.moc"
