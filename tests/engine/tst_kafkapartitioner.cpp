#include "routing/kafkapartitioner.h"
#include "routing/murmurhash.h"

#include <QTest>

using namespace partlab;

namespace {
std::string_view view(const QByteArray &b)
{
    return std::string_view(b.constData(), std::size_t(b.size()));
}
} // namespace

/** Kafka's murmur2 and default partitioner against the values Kafka's own tests publish. */
class TestKafkaPartitioner : public QObject
{
    Q_OBJECT

private slots:
    void murmur2_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<int>("expected");
        // apache/kafka clients/src/test/java/org/apache/kafka/common/utils/UtilsTest.java, testMurmur2.
        QTest::newRow("kafka/21") << QByteArray("21") << -973932308;
        QTest::newRow("kafka/foobar") << QByteArray("foobar") << -790332482;
        QTest::newRow("kafka/a-little-bit-long-string") << QByteArray("a-little-bit-long-string") << -985981536;
        QTest::newRow("kafka/a-little-bit-longer-string") << QByteArray("a-little-bit-longer-string") << -1486304829;
        QTest::newRow("kafka/lkjh...") << QByteArray("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8") << -58897971;
        QTest::newRow("kafka/abc") << QByteArray("abc") << 479470107;
        // akka/akka cluster-sharding-typed Murmur2Spec ("expected correct hash values from the
        // kafka murmur2 impl"): every tail length 1..3 and a full block.
        QTest::newRow("kafka/1") << QByteArray("1") << -1993445489;
        QTest::newRow("kafka/12") << QByteArray("12") << 126087238;
        QTest::newRow("kafka/123") << QByteArray("123") << -267702483;
        QTest::newRow("kafka/1234") << QByteArray("1234") << -1614185708;
        QTest::newRow("kafka/12345") << QByteArray("12345") << -1188365604;
    }

    void murmur2()
    {
        QFETCH(QByteArray, key);
        QFETCH(int, expected);
        QCOMPARE(kafkaMurmur2(view(key)), expected);
        QCOMPARE(KafkaPartitioner::hash(RoutingKey::text(view(key))), expected);
    }

    void partition_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<int>("partitions");
        QTest::addColumn<int>("expected");
        // (murmur2 & 0x7fffffff) % N with the murmur2 values above:
        // foobar: -790332482 & 0x7fffffff = 1357151166.
        QTest::newRow("kafka/foobar/10") << QByteArray("foobar") << 10 << 6;
        QTest::newRow("kafka/foobar/16") << QByteArray("foobar") << 16 << 14;
        QTest::newRow("kafka/foobar/4") << QByteArray("foobar") << 4 << 2;
        // 21: -973932308 & 0x7fffffff = 1173551340.
        QTest::newRow("kafka/21/16") << QByteArray("21") << 16 << 12;
        // abc: 479470107 (already positive).
        QTest::newRow("kafka/abc/10") << QByteArray("abc") << 10 << 7;
        QTest::newRow("kafka/abc/3") << QByteArray("abc") << 3 << 0;
        // a-little-bit-long-string: -985981536 & 0x7fffffff = 1161502112.
        QTest::newRow("kafka/a-little-bit-long-string/3") << QByteArray("a-little-bit-long-string") << 3 << 2;
        QTest::newRow("kafka/abc/1") << QByteArray("abc") << 1 << 0;
    }

    void partition()
    {
        QFETCH(QByteArray, key);
        QFETCH(int, partitions);
        QFETCH(int, expected);
        PartitionerOptions o;
        o.partitions = partitions;
        KafkaPartitioner p(o);
        const RoutingKey k = RoutingKey::text(view(key));
        QCOMPARE(p.partition(k), expected);
        const RouteExplanation e = p.explain(k);
        QCOMPARE(e.partition, expected);
        QCOMPARE(e.hash, qint64(kafkaMurmur2(view(key))));
    }

    /** Integer keys are hashed as Kafka's IntegerSerializer / LongSerializer bytes (big-endian). */
    void integerKeysUseSerializerBytes()
    {
        QCOMPARE(KafkaPartitioner::hash(RoutingKey::int32(42)), kafkaMurmur2(std::string_view("\0\0\0\x2a", 4)));
        QCOMPARE(KafkaPartitioner::hash(RoutingKey::int64(-2)),
                 kafkaMurmur2(std::string_view("\xff\xff\xff\xff\xff\xff\xff\xfe", 8)));
        QCOMPARE(KafkaPartitioner::hash(RoutingKey::uint64(0xFFFFFFFFFFFFFFFEULL)),
                 KafkaPartitioner::hash(RoutingKey::int64(-2)));
        QVERIFY(KafkaPartitioner::hash(RoutingKey::int32(42)) != KafkaPartitioner::hash(RoutingKey::text("42")));
    }
};

QTEST_APPLESS_MAIN(TestKafkaPartitioner)
#include "tst_kafkapartitioner.moc"
