#include "routing/flinkpartitioner.h"
#include "routing/murmurhash.h"

#include <QTest>

using namespace partlab;

/**
 * Flink's key groups. MathUtils.murmurHash(int) is one MurmurHash3 x86_32 round over the int's
 * four little-endian bytes plus a fix-up to a non-negative int, so Guava's published
 * murmur3_32().hashInt() values pin it down; the rest is KeyGroupRangeAssignment's arithmetic.
 */
class TestFlinkPartitioner : public QObject
{
    Q_OBJECT

private slots:
    void murmurHash_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("expected");
        // google/guava Murmur3Hash32Test.testKnownIntegerInputs (murmur3_32().hashInt(x)), then
        // Flink's fix-up: negative -> negated (MIN_VALUE -> 0, not reachable from these inputs).
        QTest::newRow("flink/murmur/0") << 0 << 593689054;              // guava: 593689054
        QTest::newRow("flink/murmur/-42") << -42 << 189366624;          // guava: -189366624
        QTest::newRow("flink/murmur/42") << 42 << 1134849565;           // guava: -1134849565
        QTest::newRow("flink/murmur/MIN") << int(0x80000000) << 1718298732; // guava: -1718298732
        QTest::newRow("flink/murmur/MAX") << 0x7fffffff << 1653689534;  // guava: -1653689534
    }

    void murmurHash()
    {
        QFETCH(int, code);
        QFETCH(int, expected);
        QCOMPARE(flinkMurmurHash(code), expected);
    }

    void defaultMaxParallelism_data()
    {
        QTest::addColumn<int>("parallelism");
        QTest::addColumn<int>("expected");
        // KeyGroupRangeAssignment.computeDefaultMaxParallelism:
        // min(max(roundUpToPowerOfTwo(p + p / 2), 128), 32768).
        QTest::newRow("flink/default/1") << 1 << 128;
        QTest::newRow("flink/default/4") << 4 << 128;
        QTest::newRow("flink/default/85") << 85 << 128;   // 85 + 42 = 127 -> 128
        QTest::newRow("flink/default/86") << 86 << 256;   // 86 + 43 = 129 -> 256
        QTest::newRow("flink/default/100") << 100 << 256;
        QTest::newRow("flink/default/1000") << 1000 << 2048;
        QTest::newRow("flink/default/30000") << 30000 << 32768;
    }

    void defaultMaxParallelism()
    {
        QFETCH(int, parallelism);
        QFETCH(int, expected);
        QCOMPARE(FlinkPartitioner::defaultMaxParallelism(parallelism), expected);
    }

    void route_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("partitions");
        QTest::addColumn<int>("maxParallelism"); // 0 = Flink's default
        QTest::addColumn<int>("keyGroup");
        QTest::addColumn<int>("expected");
        // Integer.hashCode() is the value; murmurHash from the Guava values above;
        // key group = murmur % maxParallelism; operator = keyGroup * N / maxParallelism.
        QTest::newRow("flink/0/3") << 0 << 3 << 0 << 94 << 2;          // 593689054 % 128 = 94; 94*3/128 = 2
        QTest::newRow("flink/42/4") << 42 << 4 << 0 << 29 << 0;        // 1134849565 % 128 = 29
        QTest::newRow("flink/-42/4") << -42 << 4 << 0 << 96 << 3;      // 189366624 % 128 = 96; 96*4/128 = 3
        QTest::newRow("flink/MIN/4") << int(0x80000000) << 4 << 0 << 108 << 3;
        QTest::newRow("flink/MAX/3") << 0x7fffffff << 3 << 0 << 62 << 1;
        QTest::newRow("flink/0/100") << 0 << 100 << 0 << 222 << 86;     // default 256: 593689054 % 256 = 222
        QTest::newRow("flink/-42/100") << -42 << 100 << 0 << 96 << 37;
        QTest::newRow("flink/0/3/32768") << 0 << 3 << 32768 << 31198 << 2;
        QTest::newRow("flink/-42/3/32768") << -42 << 3 << 32768 << 352 << 0;
    }

    void route()
    {
        QFETCH(int, key);
        QFETCH(int, partitions);
        QFETCH(int, maxParallelism);
        QFETCH(int, keyGroup);
        QFETCH(int, expected);
        PartitionerOptions o;
        o.partitions = partitions;
        o.maxParallelism = maxParallelism;
        FlinkPartitioner p(o);
        const RoutingKey k = RoutingKey::int32(key);
        QCOMPARE(p.partition(k), expected);
        const RouteExplanation e = p.explain(k);
        QCOMPARE(e.hash, qint64(key));
        QCOMPARE(e.stepName, QStringLiteral("key_group"));
        QCOMPARE(e.step, qint64(keyGroup));
        QCOMPARE(e.partition, expected);
    }

    void stringKeysUseJavaHashCode()
    {
        // "Aa" and "BB" share String.hashCode 2112, so Flink must put them in one key group.
        PartitionerOptions o;
        o.partitions = 7;
        FlinkPartitioner p(o);
        QCOMPARE(p.explain(RoutingKey::text("Aa")).hash, qint64(2112));
        QCOMPARE(p.explain(RoutingKey::text("Aa")).step, p.explain(RoutingKey::text("BB")).step);
        QCOMPARE(FlinkPartitioner::keyGroup(RoutingKey::text("Aa"), 128), flinkMurmurHash(2112) % 128);
        // Long keys hash with Long.hashCode: (int)(v ^ v >>> 32); 1L<<32 -> 1.
        QCOMPARE(FlinkPartitioner::keyGroup(RoutingKey::int64(qint64(1) << 32), 128), flinkMurmurHash(1) % 128);
    }

    void keyGroupRanges_data()
    {
        QTest::addColumn<int>("partitions");
        QTest::addColumn<int>("maxParallelism");
        QTest::addColumn<QString>("ranges");
        // computeKeyGroupRangeForOperatorIndex: start = (i*M + N - 1) / N, end = ((i+1)*M - 1) / N.
        QTest::newRow("flink/3/128") << 3 << 128 << QStringLiteral("0-42 43-85 86-127");
        QTest::newRow("flink/4/128") << 4 << 128 << QStringLiteral("0-31 32-63 64-95 96-127");
        QTest::newRow("flink/5/8") << 5 << 8 << QStringLiteral("0-1 2-3 4 5-6 7");
        QTest::newRow("flink/1/128") << 1 << 128 << QStringLiteral("0-127");
    }

    void keyGroupRanges()
    {
        QFETCH(int, partitions);
        QFETCH(int, maxParallelism);
        QFETCH(QString, ranges);
        PartitionerOptions o;
        o.partitions = partitions;
        o.maxParallelism = maxParallelism;
        FlinkPartitioner p(o);
        QStringList got;
        for (const QStringList &owned : p.layout().owned)
            got << owned.join(QLatin1Char(','));
        QCOMPARE(got.join(QLatin1Char(' ')), ranges);
        // The ranges agree with the operator each key group is routed to.
        for (int g = 0; g < maxParallelism; ++g) {
            const int op = p.ownerOfUnit(g);
            const QStringList bounds = got[op].split(QLatin1Char('-'));
            QVERIFY(g >= bounds.first().toInt() && g <= bounds.last().toInt());
        }
    }

    void rescaleKeepsMaxParallelism()
    {
        PartitionerOptions o;
        o.partitions = 4; // default max parallelism 128
        FlinkPartitioner p(o);
        const auto grown = p.withPartitions(100); // Flink's default for 100 alone would be 256
        QCOMPARE(static_cast<const FlinkPartitioner &>(*grown).maxParallelism(), 128);
        QCOMPARE(grown->unitCount(), qint64(128));
        const auto huge = p.withPartitions(200); // beyond 128: a new max parallelism
        QCOMPARE(static_cast<const FlinkPartitioner &>(*huge).maxParallelism(), 512);
    }
};

QTEST_APPLESS_MAIN(TestFlinkPartitioner)
#include "tst_flinkpartitioner.moc"
