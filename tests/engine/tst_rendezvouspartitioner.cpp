#include "routing/keyencoding.h"
#include "routing/rendezvouspartitioner.h"

#include <QTest>

using namespace partlab;

/**
 * Rendezvous hashing has no single real-world reference, so Partlab documents its weight
 * function (README, rendezvouspartitioner.h). The expected values were computed from that
 * description with an independent Python script (FNV-1a 64, fmix64, highest weight wins).
 */
class TestRendezvousPartitioner : public QObject
{
    Q_OBJECT

private slots:
    void route_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<int>("partitions");
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<int>("expected");
        QTest::newRow("rendezvous/hello/8") << QByteArray("hello") << 8 << quint64(0) << 7;
        QTest::newRow("rendezvous/hello/5") << QByteArray("hello") << 5 << quint64(0) << 0;
        QTest::newRow("rendezvous/empty/2") << QByteArray("") << 2 << quint64(0) << 1;
        QTest::newRow("rendezvous/empty/5") << QByteArray("") << 5 << quint64(0) << 3;
        QTest::newRow("rendezvous/empty/8") << QByteArray("") << 8 << quint64(0) << 3;
        QTest::newRow("rendezvous/abc/5/seed7") << QByteArray("abc") << 5 << quint64(7) << 4;
        QTest::newRow("rendezvous/AAPL/5/seed7") << QByteArray("AAPL") << 5 << quint64(7) << 3;
        QTest::newRow("rendezvous/abc/1") << QByteArray("abc") << 1 << quint64(0) << 0;
    }

    void route()
    {
        QFETCH(QByteArray, key);
        QFETCH(int, partitions);
        QFETCH(quint64, seed);
        QFETCH(int, expected);
        PartitionerOptions o;
        o.partitions = partitions;
        o.seed = seed;
        RendezvousPartitioner p(o);
        const RoutingKey k = RoutingKey::text(std::string_view(key.constData(), std::size_t(key.size())));
        QCOMPARE(p.partition(k), expected);
        QCOMPARE(p.explain(k).hash, qint64(keyHash64(k)));
    }

    void integerKeys_data()
    {
        QTest::addColumn<quint64>("key");
        QTest::addColumn<int>("partitions");
        QTest::addColumn<int>("expected");
        QTest::newRow("rendezvous/u64/0/3") << quint64(0) << 3 << 2;
        QTest::newRow("rendezvous/u64/0/8") << quint64(0) << 8 << 7;
        QTest::newRow("rendezvous/u64/1/8") << quint64(1) << 8 << 5;
        QTest::newRow("rendezvous/u64/42/8") << quint64(42) << 8 << 6;
        QTest::newRow("rendezvous/u64/max/5") << ~quint64(0) << 5 << 3;
    }

    void integerKeys()
    {
        QFETCH(quint64, key);
        QFETCH(int, partitions);
        QFETCH(int, expected);
        PartitionerOptions o;
        o.partitions = partitions;
        RendezvousPartitioner p(o);
        QCOMPARE(p.partition(RoutingKey::uint64(key)), expected);
    }

    /** Adding a node moves exactly the keys it wins; removing one moves only that node's keys. */
    void growingMovesOnlyToNewNode()
    {
        PartitionerOptions o;
        o.partitions = 6;
        RendezvousPartitioner six(o);
        const auto seven = six.withPartitions(7);
        int moved = 0;
        const int keys = 14000;
        for (int i = 0; i < keys; ++i) {
            const RoutingKey k = RoutingKey::int64(i);
            const int before = six.partition(k);
            const int after = seven->partition(k);
            if (before != after) {
                QCOMPARE(after, 6);
                ++moved;
            }
        }
        QVERIFY2(moved > 1700 && moved < 2300, qPrintable(QString::number(moved))); // about 1/7
    }
};

QTEST_APPLESS_MAIN(TestRendezvousPartitioner)
#include "tst_rendezvouspartitioner.moc"
