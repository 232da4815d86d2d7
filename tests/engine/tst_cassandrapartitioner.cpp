#include "routing/cassandrapartitioner.h"
#include "routing/murmurhash.h"

#include <QTest>

using namespace partlab;

namespace {
std::string_view view(const QByteArray &b)
{
    return std::string_view(b.constData(), std::size_t(b.size()));
}
} // namespace

/** Cassandra's Murmur3Partitioner tokens against values Cassandra and its drivers publish. */
class TestCassandraPartitioner : public QObject
{
    Q_OBJECT

private slots:
    void intTokens_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<qint64>("token");
        // apache/cassandra-dtest replication_test.py, murmur3_hashes: tokens of `int` partition
        // keys 1..20 (4-byte big-endian); 1 -> -4069959284402364209 is also what cqlsh's
        // `SELECT token(num) ... WHERE num=1` prints in Cassandra's own cqlsh tests.
        QTest::newRow("cassandra/int/1") << 1 << Q_INT64_C(-4069959284402364209);
        QTest::newRow("cassandra/int/2") << 2 << Q_INT64_C(-3248873570005575792);
        QTest::newRow("cassandra/int/3") << 3 << Q_INT64_C(9010454139840013625);
        QTest::newRow("cassandra/int/4") << 4 << Q_INT64_C(-2729420104000364805);
        QTest::newRow("cassandra/int/5") << 5 << Q_INT64_C(-7509452495886106294);
        QTest::newRow("cassandra/int/7") << 7 << Q_INT64_C(1634052884888577606);
        QTest::newRow("cassandra/int/10") << 10 << Q_INT64_C(-6715243485458697746);
        QTest::newRow("cassandra/int/12") << 12 << Q_INT64_C(8582886034424406875);
        QTest::newRow("cassandra/int/20") << 20 << Q_INT64_C(1388667306199997068);
    }

    void intTokens()
    {
        QFETCH(int, key);
        QFETCH(qint64, token);
        QCOMPARE(CassandraPartitioner::token(RoutingKey::int32(key)), token);
    }

    void byteTokens_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<qint64>("token");
        // datastax/python-driver tests/unit/test_metadata.py (_verify_hash of Murmur3Token):
        // the driver must agree with the server for token-aware routing. The 50-byte key ends
        // in 0xfa 0x99 and "\xfe" * 8 is all tail: both depend on Cassandra's sign extension.
        QTest::newRow("cassandra/123") << QByteArray("123") << Q_INT64_C(-7468325962851647638);
        QTest::newRow("cassandra/00ff10fa99x10") << QByteArray("\x00\xff\x10\xfa\x99", 5).repeated(10) << Q_INT64_C(5837342703291459765);
        QTest::newRow("cassandra/fex8") << QByteArray("\xfe\xfe\xfe\xfe\xfe\xfe\xfe\xfe") << Q_INT64_C(-8927430733708461935);
        QTest::newRow("cassandra/10x8") << QByteArray("\x10\x10\x10\x10\x10\x10\x10\x10") << Q_INT64_C(1446172840243228796);
        QTest::newRow("cassandra/MAX_LONG-text") << QByteArray("9223372036854775807") << Q_INT64_C(7162290910810015547);
        QTest::newRow("cassandra/empty") << QByteArray("") << qint64(0);
    }

    void byteTokens()
    {
        QFETCH(QByteArray, key);
        QFETCH(qint64, token);
        QCOMPARE(CassandraPartitioner::token(RoutingKey::rawBytes(view(key))), token);
    }

    void signExtensionMatters()
    {
        // The reference MurmurHash3 reads tail bytes unsigned; Cassandra's differs exactly when
        // a tail byte is >= 0x80, and never for ASCII.
        QVERIFY(CassandraPartitioner::token(RoutingKey::rawBytes("\xfe")) != CassandraPartitioner::token(RoutingKey::rawBytes("\x7e")));
        QCOMPARE(cassandraMurmur3("").h1, quint64(0));
    }

    void nodeTokens()
    {
        // DataStax "Generating tokens" for Murmur3Partitioner:
        // ((2**64 / number_of_tokens) * i) - 2**63; for 3 nodes:
        // -9223372036854775808, -3074457345618258603, 3074457345618258602.
        PartitionerOptions o;
        o.partitions = 3;
        CassandraPartitioner p(o);
        QCOMPARE(p.nodeToken(0), std::numeric_limits<qint64>::min());
        QCOMPARE(p.nodeToken(1), Q_INT64_C(-3074457345618258603));
        QCOMPARE(p.nodeToken(2), Q_INT64_C(3074457345618258602));
        const PartitionLayout layout = p.layout();
        QCOMPARE(layout.unit, QStringLiteral("tokens"));
        QCOMPARE(layout.owned[0], QStringList{QStringLiteral("3074457345618258603..9223372036854775807")});
        QCOMPARE(layout.owned[1], QStringList{QStringLiteral("-9223372036854775807..-3074457345618258603")});
        QCOMPARE(layout.owned[2], QStringList{QStringLiteral("-3074457345618258602..3074457345618258602")});
    }

    void owner_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("nodes");
        QTest::addColumn<int>("expected");
        // A node owns (previous token, its token]; tokens for 4 nodes: MIN, -2^62, 0, 2^62.
        // int 1 -> -4069959284402364209: in (-2^62 = -4611686018427387904, 0] -> node 2.
        QTest::newRow("cassandra/1/4") << 1 << 4 << 2;
        // int 3 -> 9010454139840013625 > 2^62: wraps to node 0.
        QTest::newRow("cassandra/3/4") << 3 << 4 << 0;
        // int 5 -> -7509452495886106294: in (MIN, -2^62] -> node 1.
        QTest::newRow("cassandra/5/4") << 5 << 4 << 1;
        // int 7 -> 1634052884888577606: in (0, 2^62] -> node 3.
        QTest::newRow("cassandra/7/4") << 7 << 4 << 3;
        QTest::newRow("cassandra/3/3") << 3 << 3 << 0;  // > 3074457345618258602: wraps
        QTest::newRow("cassandra/2/3") << 2 << 3 << 1;  // -3248873570005575792 in (MIN, -3074457345618258603]
        QTest::newRow("cassandra/1/1") << 1 << 1 << 0;
    }

    void owner()
    {
        QFETCH(int, key);
        QFETCH(int, nodes);
        QFETCH(int, expected);
        PartitionerOptions o;
        o.partitions = nodes;
        CassandraPartitioner p(o);
        QCOMPARE(p.partition(RoutingKey::int32(key)), expected);
        QCOMPARE(p.explain(RoutingKey::int32(key)).hash, CassandraPartitioner::token(RoutingKey::int32(key)));
    }

    void boundaries()
    {
        PartitionerOptions o;
        o.partitions = 4;
        CassandraPartitioner p(o);
        QCOMPARE(p.ownerOf(0), 2);                                  // a node owns its own token
        QCOMPARE(p.ownerOf(1), 3);
        QCOMPARE(p.ownerOf(std::numeric_limits<qint64>::max()), 0); // wrap-around range
        QCOMPARE(p.ownerOf(std::numeric_limits<qint64>::min() + 1), 1);
    }
};

QTEST_APPLESS_MAIN(TestCassandraPartitioner)
#include "tst_cassandrapartitioner.moc"
