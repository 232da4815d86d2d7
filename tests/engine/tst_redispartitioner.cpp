#include "routing/crc16.h"
#include "routing/redispartitioner.h"

#include <QTest>

using namespace partlab;

namespace {
std::string_view view(const QByteArray &b)
{
    return std::string_view(b.constData(), std::size_t(b.size()));
}
} // namespace

/**
 * Redis Cluster routing against a real Redis 7.0.15: CLUSTER KEYSLOT answers and the slot ranges
 * `redis-cli --cluster create` assigned to 3..20 masters on loopback (run on 2026-11-25).
 */
class TestRedisPartitioner : public QObject
{
    Q_OBJECT

private slots:
    void crc16CheckValue()
    {
        // CRC-16/XMODEM check value (Redis cluster spec, "Keys distribution model"): 0x31C3.
        QCOMPARE(crc16Xmodem("123456789"), quint16(0x31C3));
        QCOMPARE(crc16Xmodem(""), quint16(0));
    }

    void keySlot_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<int>("slot");
        // `redis-cli -p PORT CLUSTER KEYSLOT key` against redis-server 7.0.15 in cluster mode.
        QTest::newRow("redis/foo") << QByteArray("foo") << 12182;
        QTest::newRow("redis/bar") << QByteArray("bar") << 5061;
        QTest::newRow("redis/hello") << QByteArray("hello") << 866;
        QTest::newRow("redis/123456789") << QByteArray("123456789") << 12739; // 0x31C3 & 0x3FFF
        QTest::newRow("redis/a") << QByteArray("a") << 15495;
        QTest::newRow("redis/empty") << QByteArray("") << 0;
        QTest::newRow("redis/somekey") << QByteArray("somekey") << 11058;
        QTest::newRow("redis/user:1000") << QByteArray("user:1000") << 1649;
        QTest::newRow("redis/AAPL") << QByteArray("AAPL") << 13634;
        QTest::newRow("redis/key0") << QByteArray("key0") << 13252;
        QTest::newRow("redis/key1") << QByteArray("key1") << 9189;
        QTest::newRow("redis/e-acute") << QByteArray("\xC3\xA9") << 10180;
        QTest::newRow("redis/emoji") << QByteArray("\xF0\x9F\x98\x80") << 2959;
        // Hash tags: the first {, the first } after it, and a non-empty span between them.
        QTest::newRow("redis/{user1000}.following") << QByteArray("{user1000}.following") << 3443;
        QTest::newRow("redis/{user1000}.followers") << QByteArray("{user1000}.followers") << 3443;
        QTest::newRow("redis/{user1000}") << QByteArray("{user1000}") << 3443;
        QTest::newRow("redis/foo{}{bar}") << QByteArray("foo{}{bar}") << 8363;   // empty tag: whole key
        QTest::newRow("redis/foo{{bar}}zap") << QByteArray("foo{{bar}}zap") << 4015; // tag is "{bar"
        QTest::newRow("redis/foo{bar}{zap}") << QByteArray("foo{bar}{zap}") << 5061; // tag "bar" = slot of bar
        QTest::newRow("redis/{}") << QByteArray("{}") << 15257;
        QTest::newRow("redis/{a}b") << QByteArray("{a}b") << 15495; // = slot of "a"
        QTest::newRow("redis/}{a}") << QByteArray("}{a}") << 15495;
        QTest::newRow("redis/{") << QByteArray("{") << 4092;
        QTest::newRow("redis/a{b") << QByteArray("a{b") << 13340;
    }

    void keySlot()
    {
        QFETCH(QByteArray, key);
        QFETCH(int, slot);
        QCOMPARE(redisKeySlot(view(key)), slot);
        QCOMPARE(RedisPartitioner::slot(RoutingKey::text(view(key))), slot);
    }

    /** Integer keys travel as their decimal text, as redis-cli sends them. */
    void integerKeys_data()
    {
        QTest::addColumn<qint64>("value");
        QTest::addColumn<int>("slot");
        // CLUSTER KEYSLOT 42 / -7 / 0 / 2147483647 on redis-server 7.0.15.
        QTest::newRow("redis/i64/42") << qint64(42) << 8000;
        QTest::newRow("redis/i64/-7") << qint64(-7) << 13838;
        QTest::newRow("redis/i64/0") << qint64(0) << 13907;
        QTest::newRow("redis/i64/2147483647") << qint64(2147483647) << 3443;
    }

    void integerKeys()
    {
        QFETCH(qint64, value);
        QFETCH(int, slot);
        QCOMPARE(RedisPartitioner::slot(RoutingKey::int64(value)), slot);
        if (value >= std::numeric_limits<qint32>::min() && value <= std::numeric_limits<qint32>::max())
            QCOMPARE(RedisPartitioner::slot(RoutingKey::int32(qint32(value))), slot);
    }

    void unsignedKey()
    {
        // CLUSTER KEYSLOT 18446744073709551615 -> 5255.
        QCOMPARE(RedisPartitioner::slot(RoutingKey::uint64(std::numeric_limits<quint64>::max())), 5255);
    }

    void slotRanges_data()
    {
        QTest::addColumn<int>("nodes");
        QTest::addColumn<QString>("ranges");
        // `redis-cli --cluster create 127.0.0.1:P1 ... --cluster-replicas 0` (redis 7.0.15), then
        // CLUSTER NODES: the slot range of each master, in the order the nodes were given.
        QTest::newRow("redis/3") << 3 << QStringLiteral("0-5460 5461-10922 10923-16383");
        QTest::newRow("redis/4") << 4 << QStringLiteral("0-4095 4096-8191 8192-12287 12288-16383");
        QTest::newRow("redis/5") << 5 << QStringLiteral("0-3276 3277-6553 6554-9829 9830-13106 13107-16383");
        QTest::newRow("redis/6") << 6 << QStringLiteral("0-2730 2731-5460 5461-8191 8192-10922 10923-13652 13653-16383");
        QTest::newRow("redis/7") << 7 << QStringLiteral("0-2340 2341-4680 4681-7021 7022-9361 9362-11702 11703-14042 14043-16383");
        QTest::newRow("redis/8") << 8 << QStringLiteral("0-2047 2048-4095 4096-6143 6144-8191 8192-10239 10240-12287 12288-14335 14336-16383");
        QTest::newRow("redis/9") << 9 << QStringLiteral("0-1819 1820-3640 3641-5460 5461-7281 7282-9101 9102-10922 10923-12742 12743-14563 14564-16383");
        QTest::newRow("redis/10") << 10 << QStringLiteral("0-1637 1638-3276 3277-4914 4915-6553 6554-8191 8192-9829 9830-11468 11469-13106 13107-14745 14746-16383");
        QTest::newRow("redis/11") << 11 << QStringLiteral("0-1488 1489-2978 2979-4467 4468-5957 5958-7446 7447-8936 8937-10425 10426-11915 11916-13404 13405-14894 14895-16383");
        QTest::newRow("redis/12") << 12 << QStringLiteral("0-1364 1365-2730 2731-4095 4096-5460 5461-6826 6827-8191 8192-9556 9557-10922 10923-12287 12288-13652 13653-15018 15019-16383");
        QTest::newRow("redis/13") << 13 << QStringLiteral("0-1259 1260-2520 2521-3780 3781-5040 5041-6301 6302-7561 7562-8821 8822-10081 10082-11342 11343-12602 12603-13862 13863-15123 15124-16383");
        QTest::newRow("redis/16") << 16 << QStringLiteral("0-1023 1024-2047 2048-3071 3072-4095 4096-5119 5120-6143 6144-7167 7168-8191 8192-9215 9216-10239 10240-11263 11264-12287 12288-13311 13312-14335 14336-15359 15360-16383");
        QTest::newRow("redis/20") << 20 << QStringLiteral("0-818 819-1637 1638-2457 2458-3276 3277-4095 4096-4914 4915-5733 5734-6553 6554-7372 7373-8191 8192-9010 9011-9829 9830-10649 10650-11468 11469-12287 12288-13106 13107-13925 13926-14745 14746-15564 15565-16383");
        // redis-cli refuses fewer than 3 masters; Partlab applies the same rule.
        QTest::newRow("redis/1") << 1 << QStringLiteral("0-16383");
        QTest::newRow("redis/2") << 2 << QStringLiteral("0-8191 8192-16383");
    }

    void slotRanges()
    {
        QFETCH(int, nodes);
        QFETCH(QString, ranges);
        PartitionerOptions o;
        o.partitions = nodes;
        RedisPartitioner p(o);
        const PartitionLayout layout = p.layout();
        QCOMPARE(layout.unit, QStringLiteral("slots"));
        QStringList got;
        for (const QStringList &owned : layout.owned) {
            QCOMPARE(owned.size(), 1);
            got << owned.first();
        }
        QCOMPARE(got.join(QLatin1Char(' ')), ranges);
        // Every slot's owner agrees with the layout.
        const QStringList expected = ranges.split(QLatin1Char(' '));
        for (int node = 0; node < nodes; ++node) {
            const QStringList bounds = expected[node].split(QLatin1Char('-'));
            QCOMPARE(p.ownerOfUnit(bounds[0].toInt()), node);
            QCOMPARE(p.ownerOfUnit(bounds[1].toInt()), node);
        }
    }

    void partition_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<int>("nodes");
        QTest::addColumn<int>("expected");
        // Slots above on the redis-cli layouts: foo = 12182 is on the third of 3 masters
        // (10923-16383), hello = 866 on the first, bar = 5061 on the first of 3 / second of 4.
        QTest::newRow("redis/foo/3") << QByteArray("foo") << 3 << 2;
        QTest::newRow("redis/hello/3") << QByteArray("hello") << 3 << 0;
        QTest::newRow("redis/bar/3") << QByteArray("bar") << 3 << 0;
        QTest::newRow("redis/bar/4") << QByteArray("bar") << 4 << 1;
        QTest::newRow("redis/somekey/7") << QByteArray("somekey") << 7 << 4; // 11058 in 9362-11702
        QTest::newRow("redis/{user1000}.following/5") << QByteArray("{user1000}.following") << 5 << 1; // 3443 in 3277-6553
    }

    void partition()
    {
        QFETCH(QByteArray, key);
        QFETCH(int, nodes);
        QFETCH(int, expected);
        PartitionerOptions o;
        o.partitions = nodes;
        RedisPartitioner p(o);
        const RoutingKey k = RoutingKey::text(view(key));
        QCOMPARE(p.partition(k), expected);
        const RouteExplanation e = p.explain(k);
        QCOMPARE(e.partition, expected);
        QCOMPARE(e.stepName, QStringLiteral("slot"));
        QCOMPARE(e.step, qint64(redisKeySlot(view(key))));
        QCOMPARE(e.hash, qint64(crc16Xmodem(redisHashTag(view(key)))));
    }

    void growingMovesWholeSlots()
    {
        PartitionerOptions o;
        o.partitions = 3;
        RedisPartitioner three(o);
        const auto four = three.withPartitions(4);
        QCOMPARE(four->partitionCount(), 4);
        QCOMPARE(four->unitCount(), qint64(16384));
        int moved = 0;
        for (int s = 0; s < 16384; ++s)
            moved += three.ownerOfUnit(s) != four->ownerOfUnit(s) ? 1 : 0;
        // 3 -> 4 fresh layouts: 4096-5460 (1365) leave node 0, 8192-10922 (2731) leave node 1,
        // 12288-16383 (4096) go from node 2 to node 3.
        QCOMPARE(moved, 1365 + 2731 + 4096);
    }
};

QTEST_APPLESS_MAIN(TestRedisPartitioner)
#include "tst_redispartitioner.moc"
