#include "routing/keyencoding.h"
#include "routing/ringpartitioner.h"

#include <QTest>

using namespace partlab;

/**
 * The consistent-hash ring is Partlab's own documented construction (ringpartitioner.h). The
 * expected values were computed from that description with an independent Python script
 * (sorted signed tokens, first token >= position, wrap to the smallest).
 */
class TestRingPartitioner : public QObject
{
    Q_OBJECT

private slots:
    void tokens()
    {
        QCOMPARE(RingPartitioner::token(0, 0, 0), Q_INT64_C(-7160610219483255062));
        QCOMPARE(RingPartitioner::token(1, 2, 0), Q_INT64_C(-8285849667983065023));
        QCOMPARE(RingPartitioner::position(fnv1a64("abc"), 0), Q_INT64_C(-7967020006858032860));
        QCOMPARE(RingPartitioner::position(fnv1a64(""), 0), Q_INT64_C(-3296222241646568847));
    }

    void route_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<int>("partitions");
        QTest::addColumn<int>("vnodes");
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<int>("expected");
        QTest::newRow("ring/abc/2") << QByteArray("abc") << 2 << 128 << quint64(0) << 1;
        QTest::newRow("ring/abc/8") << QByteArray("abc") << 8 << 128 << quint64(0) << 1;
        QTest::newRow("ring/empty/3") << QByteArray("") << 3 << 128 << quint64(0) << 2;
        QTest::newRow("ring/empty/5") << QByteArray("") << 5 << 128 << quint64(0) << 4;
        QTest::newRow("ring/empty/8") << QByteArray("") << 8 << 128 << quint64(0) << 6;
        QTest::newRow("ring/abc/5/v4/seed9") << QByteArray("abc") << 5 << 4 << quint64(9) << 3;
        QTest::newRow("ring/hello/5/v4/seed9") << QByteArray("hello") << 5 << 4 << quint64(9) << 2;
        QTest::newRow("ring/AAPL/1") << QByteArray("AAPL") << 1 << 128 << quint64(0) << 0;
    }

    void route()
    {
        QFETCH(QByteArray, key);
        QFETCH(int, partitions);
        QFETCH(int, vnodes);
        QFETCH(quint64, seed);
        QFETCH(int, expected);
        PartitionerOptions o;
        o.partitions = partitions;
        o.virtualNodes = vnodes;
        o.seed = seed;
        RingPartitioner p(o);
        const RoutingKey k = RoutingKey::text(std::string_view(key.constData(), std::size_t(key.size())));
        QCOMPARE(p.partition(k), expected);
        QCOMPARE(p.explain(k).hash, RingPartitioner::position(keyHash64(k), seed));
    }

    void integerKeys()
    {
        PartitionerOptions o;
        o.partitions = 5;
        RingPartitioner p(o);
        QCOMPARE(p.partition(RoutingKey::uint64(0)), 4);
        QCOMPARE(p.partition(RoutingKey::uint64(1)), 2);
        QCOMPARE(p.partition(RoutingKey::int32(42)), 2);
    }

    /** The layout's token ranges cover the whole ring once, and agree with partition(). */
    void layoutCoversRing()
    {
        PartitionerOptions o;
        o.partitions = 3;
        o.virtualNodes = 4;
        RingPartitioner p(o);
        const PartitionLayout layout = p.layout();
        QCOMPARE(layout.unit, QStringLiteral("tokens"));
        struct Range
        {
            qint64 first, last;
            int partition;
        };
        std::vector<Range> ranges;
        for (int part = 0; part < 3; ++part) {
            for (const QString &r : layout.owned[std::size_t(part)]) {
                const QStringList bounds = r.split(QStringLiteral(".."));
                QCOMPARE(bounds.size(), 2);
                ranges.push_back({bounds[0].toLongLong(), bounds[1].toLongLong(), part});
            }
        }
        std::sort(ranges.begin(), ranges.end(), [](const Range &a, const Range &b) { return a.first < b.first; });
        QCOMPARE(ranges.front().first, std::numeric_limits<qint64>::min());
        QCOMPARE(ranges.back().last, std::numeric_limits<qint64>::max());
        for (std::size_t i = 1; i < ranges.size(); ++i)
            QCOMPARE(ranges[i].first, ranges[i - 1].last + 1);
        for (int i = 0; i < 2000; ++i) {
            const RoutingKey k = RoutingKey::int64(i);
            const qint64 pos = p.explain(k).hash;
            const auto it = std::find_if(ranges.begin(), ranges.end(), [pos](const Range &r) { return pos >= r.first && pos <= r.last; });
            QVERIFY(it != ranges.end());
            QCOMPARE(it->partition, p.partition(k));
        }
    }

    void growingMovesOnlyToNewPartition()
    {
        PartitionerOptions o;
        o.partitions = 4;
        RingPartitioner four(o);
        const auto five = four.withPartitions(5);
        int moved = 0;
        for (int i = 0; i < 10000; ++i) {
            const RoutingKey k = RoutingKey::int64(i);
            if (four.partition(k) != five->partition(k)) {
                QCOMPARE(five->partition(k), 4);
                ++moved;
            }
        }
        QVERIFY2(moved > 1500 && moved < 2500, qPrintable(QString::number(moved))); // about 1/5
    }
};

QTEST_APPLESS_MAIN(TestRingPartitioner)
#include "tst_ringpartitioner.moc"
