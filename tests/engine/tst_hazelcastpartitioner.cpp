#include "routing/hazelcastpartitioner.h"
#include "routing/murmurhash.h"

#include <QTest>

#include <limits>

using namespace partlab;

namespace {
std::string_view view(const QByteArray &b)
{
    return std::string_view(b.constData(), std::size_t(b.size()));
}

HazelcastPartitioner hazelcast(int partitions = HazelcastPartitioner::kDefaultPartitionCount)
{
    PartitionerOptions o;
    o.partitions = partitions;
    return HazelcastPartitioner(o);
}
} // namespace

/** Hazelcast's partition hash and hashToIndex against the values Hazelcast's own tests publish. */
class TestHazelcastPartitioner : public QObject
{
    Q_OBJECT

private slots:
    void payloadHash_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<int>("hash");
        QTest::addColumn<int>("partition"); // of 271
        // hazelcast/hazelcast-python-client tests/unit/murmur_hash_test.py (commit 984b94ea),
        // "Expected values are from the Java implementation": HashUtil.MurmurHash3_x86_32 of the
        // payload after HeapData's 8-byte header, then hashToIndex(hash, 271).
        QTest::newRow("key-1") << QByteArray("key-1") << 1228513025 << 107;
        QTest::newRow("key-2") << QByteArray("key-2") << 1503416236 << 105;
        QTest::newRow("key-3") << QByteArray("key-3") << 1876349747 << 218;
        QTest::newRow("key-4") << QByteArray("key-4") << -914632498 << 181;
        QTest::newRow("key-5") << QByteArray("key-5") << -803210507 << 111;
        QTest::newRow("key-6") << QByteArray("key-6") << -847942313 << 115;
        QTest::newRow("key-7") << QByteArray("key-7") << 1196747334 << 223;
        QTest::newRow("key-8") << QByteArray("key-8") << -1444149994 << 208;
        QTest::newRow("key-9") << QByteArray("key-9") << 1182720020 << 140;
        QTest::newRow("empty") << QByteArray() << -1585187909 << 238;
        QTest::newRow("a") << QByteArray("a") << -1686100800 << 46;
        QTest::newRow("ab") << QByteArray("ab") << 312914265 << 50;
        QTest::newRow("abc") << QByteArray("abc") << -2068121803 << 208;
        QTest::newRow("abcd") << QByteArray("abcd") << -973615161 << 236;
    }

    void payloadHash()
    {
        QFETCH(QByteArray, payload);
        QFETCH(int, hash);
        QFETCH(int, partition);
        QCOMPARE(murmur3x86_32(view(payload), HazelcastPartitioner::kSeed), hash);
        // A hex key is the payload itself.
        const RoutingKey key = RoutingKey::rawBytes(view(payload));
        QCOMPARE(HazelcastPartitioner::partitionHash(key), hash);
        QCOMPARE(hazelcast().partition(key), partition);
        const RouteExplanation e = hazelcast().explain(key);
        QCOMPARE(e.hash, qint64(hash));
        QCOMPARE(e.partition, partition);
        QCOMPARE(e.extra, QStringList{QString::fromLatin1(payload.toHex())});
    }

    void hashToIndex()
    {
        // hazelcast/hazelcast hazelcast/src/test/java/com/hazelcast/util/HashUtilTest.java
        // (commit e029b02d): positive, negative and Integer.MIN_VALUE hashes.
        QCOMPARE(HazelcastPartitioner::hashToIndex(20, 100), 20);
        QCOMPARE(HazelcastPartitioner::hashToIndex(420, 100), 20);
        QCOMPARE(HazelcastPartitioner::hashToIndex(-420, 100), 20);
        QCOMPARE(HazelcastPartitioner::hashToIndex(std::numeric_limits<qint32>::min(), 100), 0);
        // MIN_VALUE is a special case, not abs(MIN_VALUE) % N (which Java would make negative).
        QCOMPARE(HazelcastPartitioner::hashToIndex(std::numeric_limits<qint32>::min() + 1, 100), 47);
    }

    void serializedForms_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<qlonglong>("integer");
        QTest::addColumn<QByteArray>("payload");
        // What Hazelcast 4.0+'s built-in serializers write, big-endian (the default byte order):
        // StringSerializer -> ByteArrayObjectDataOutput.writeString (UTF-8 length as an int, then
        // the UTF-8 bytes; hazelcast/hazelcast ...serialization/impl/ByteArrayObjectDataOutput.java,
        // commit 99f55d21), IntegerSerializer -> writeInt, LongSerializer -> writeLong.
        QTest::newRow("String key-1") << int(RoutingKey::Kind::Text) << QByteArray("key-1") << 0LL
                                      << QByteArray::fromHex("000000056b65792d31");
        QTest::newRow("String empty") << int(RoutingKey::Kind::Text) << QByteArray() << 0LL << QByteArray::fromHex("00000000");
        // Non-ASCII: the length counts UTF-8 bytes ("Zürich" is 6 characters, 7 bytes).
        QTest::newRow("String Zürich") << int(RoutingKey::Kind::Text) << QByteArray("Z\xc3\xbcrich") << 0LL
                                       << QByteArray::fromHex("000000075ac3bc72696368");
        QTest::newRow("String emoji") << int(RoutingKey::Kind::Text) << QByteArray("\xf0\x9f\x98\x80") << 0LL
                                      << QByteArray::fromHex("00000004f09f9880");
        QTest::newRow("Integer 1") << int(RoutingKey::Kind::Int32) << QByteArray() << 1LL << QByteArray::fromHex("00000001");
        QTest::newRow("Integer -1") << int(RoutingKey::Kind::Int32) << QByteArray() << -1LL << QByteArray::fromHex("ffffffff");
        QTest::newRow("Long 42") << int(RoutingKey::Kind::Int64) << QByteArray() << 42LL << QByteArray::fromHex("000000000000002a");
        QTest::newRow("Long MIN") << int(RoutingKey::Kind::Int64) << QByteArray() << std::numeric_limits<qlonglong>::min()
                                  << QByteArray::fromHex("8000000000000000");
    }

    void serializedForms()
    {
        QFETCH(int, kind);
        QFETCH(QByteArray, text);
        QFETCH(qlonglong, integer);
        QFETCH(QByteArray, payload);
        RoutingKey key;
        switch (RoutingKey::Kind(kind)) {
        case RoutingKey::Kind::Text:
            key = RoutingKey::text(view(text));
            break;
        case RoutingKey::Kind::Int32:
            key = RoutingKey::int32(qint32(integer));
            break;
        default:
            key = RoutingKey::int64(integer);
            break;
        }
        const std::string serialized = HazelcastPartitioner::serializedPayload(key);
        QCOMPARE(QByteArray(serialized.data(), qsizetype(serialized.size())), payload);
        // The streamed hash of a String equals the hash of its payload.
        const qint32 expected = murmur3x86_32(view(payload), HazelcastPartitioner::kSeed);
        QCOMPARE(HazelcastPartitioner::partitionHash(key), expected);
        QCOMPARE(hazelcast().partition(key), HazelcastPartitioner::hashToIndex(expected, 271));
    }

    void typesRouteDifferently()
    {
        // The same number as a String, an Integer and a Long is three different payloads: a
        // map keyed by "42" and one keyed by 42 put them on different partitions.
        const HazelcastPartitioner p = hazelcast();
        const int asText = p.partition(RoutingKey::text("42"));
        const int asInt = p.partition(RoutingKey::int32(42));
        const int asLong = p.partition(RoutingKey::int64(42));
        QVERIFY(asText != asInt || asInt != asLong);
        // u64 keys are the Long with the same bits.
        QCOMPARE(p.partition(RoutingKey::uint64(std::numeric_limits<quint64>::max())), p.partition(RoutingKey::int64(-1)));
    }

    void incrementalEqualsOneShot()
    {
        // murmur3x86_32 itself: apache/lucene lucene/core/src/test/org/apache/lucene/util/
        // TestStringHelper.java testMurmurHash3 (values from pyfasthash), seeds 0, 16 and 3476.
        const QByteArray weapons("You want weapons? We're in a library! Books! The best weapons in the world!");
        QCOMPARE(quint32(murmur3x86_32("foo", 0)), 0xf6a5c420U);
        QCOMPARE(quint32(murmur3x86_32("foo", 16)), 0xcd018ef6U);
        QCOMPARE(quint32(murmur3x86_32(view(weapons), 0)), 0x111e7435U);
        QCOMPARE(quint32(murmur3x86_32(view(weapons), 3476)), 0x2c628cd0U);
        for (qsizetype length = 0; length <= weapons.size(); ++length) {
            Murmur3x86_32 h(3476);
            for (qsizetype i = 0; i < length; ++i)
                h.add(static_cast<unsigned char>(weapons[i]));
            QCOMPARE(h.result(), murmur3x86_32(view(weapons.left(length)), 3476));
        }
    }

    void spreadAndResize()
    {
        // 271 partitions: 27,100 keys fill every partition, and withPartitions keeps the rule.
        const HazelcastPartitioner p = hazelcast();
        std::vector<int> counts(271);
        for (int i = 0; i < 27100; ++i) {
            const std::string key = "key-" + std::to_string(i);
            ++counts[std::size_t(p.partition(RoutingKey::text(key)))];
        }
        QVERIFY(*std::min_element(counts.begin(), counts.end()) > 40);
        QVERIFY(*std::max_element(counts.begin(), counts.end()) < 170);
        const auto smaller = p.withPartitions(7);
        QCOMPARE(smaller->partitionCount(), 7);
        QCOMPARE(smaller->partition(RoutingKey::rawBytes("key-1")), 1228513025 % 7);
    }
};

QTEST_GUILESS_MAIN(TestHazelcastPartitioner)
#include "tst_hazelcastpartitioner.moc"
