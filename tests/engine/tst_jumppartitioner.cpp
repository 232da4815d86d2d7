#include "routing/jumppartitioner.h"
#include "routing/keyencoding.h"

#include <QTest>

using namespace partlab;

/** Jump consistent hash against the values of the paper's reference algorithm. */
class TestJumpPartitioner : public QObject
{
    Q_OBJECT

private slots:
    void jump_data()
    {
        QTest::addColumn<quint64>("key");
        QTest::addColumn<int>("buckets");
        QTest::addColumn<int>("expected");
        // lithammer/go-jump-consistent-hash jump_test.go (jumpTestVectors), computed with the
        // C++ code of Lamping & Veach (arXiv:1406.2294).
        QTest::newRow("jump/1/1") << quint64(1) << 1 << 0;
        QTest::newRow("jump/42/57") << quint64(42) << 57 << 43;
        QTest::newRow("jump/0xDEAD10CC/1") << quint64(0xDEAD10CC) << 1 << 0;
        QTest::newRow("jump/0xDEAD10CC/666") << quint64(0xDEAD10CC) << 666 << 361;
        QTest::newRow("jump/256/1024") << quint64(256) << 1024 << 520;
    }

    void jump()
    {
        QFETCH(quint64, key);
        QFETCH(int, buckets);
        QFETCH(int, expected);
        QCOMPARE(JumpPartitioner::jumpConsistentHash(key, buckets), expected);
        PartitionerOptions o;
        o.partitions = buckets;
        JumpPartitioner p(o);
        QCOMPARE(p.partition(RoutingKey::uint64(key)), expected);
        QCOMPARE(p.explain(RoutingKey::uint64(key)).hash, qint64(key));
    }

    void fnv1a64_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<quint64>("expected");
        // FNV-1a 64 test vectors (Fowler/Noll/Vo reference test suite; Go's hash/fnv tests).
        QTest::newRow("fnv/empty") << QByteArray("") << quint64(0xcbf29ce484222325ULL);
        QTest::newRow("fnv/a") << QByteArray("a") << quint64(0xaf63dc4c8601ec8cULL);
        QTest::newRow("fnv/foobar") << QByteArray("foobar") << quint64(0x85944171f73967e8ULL);
    }

    void fnv1a64()
    {
        QFETCH(QByteArray, text);
        QFETCH(quint64, expected);
        QCOMPARE(partlab::fnv1a64(std::string_view(text.constData(), std::size_t(text.size()))), expected);
    }

    void textKeys()
    {
        // go-jump-consistent-hash jumpStringTestVectors: {"中国", 10, FNV-1a 64} -> 5.
        PartitionerOptions o;
        o.partitions = 10;
        JumpPartitioner p(o);
        QCOMPARE(p.partition(RoutingKey::text("\xE4\xB8\xAD\xE5\x9B\xBD")), 5);
    }

    void signedKeysAreSignExtended()
    {
        PartitionerOptions o;
        o.partitions = 1000;
        JumpPartitioner p(o);
        QCOMPARE(p.partition(RoutingKey::int32(-1)), p.partition(RoutingKey::uint64(~quint64(0))));
        QCOMPARE(p.partition(RoutingKey::int64(42)), p.partition(RoutingKey::uint64(42)));
    }

    /** Growing from N to N+1 buckets moves keys only into the new bucket, about 1/(N+1) of them. */
    void growingMovesOnlyToNewBucket()
    {
        for (int n : {1, 7, 10, 99}) {
            int moved = 0;
            const int keys = 20000;
            for (int k = 0; k < keys; ++k) {
                const quint64 key = quint64(k) * 0x9E3779B97F4A7C15ULL;
                const int before = JumpPartitioner::jumpConsistentHash(key, n);
                const int after = JumpPartitioner::jumpConsistentHash(key, n + 1);
                if (before != after) {
                    QCOMPARE(after, n);
                    ++moved;
                }
            }
            const double expected = double(keys) / (n + 1);
            QVERIFY2(std::abs(moved - expected) < 0.1 * expected + 50, qPrintable(QString::number(moved)));
        }
    }
};

QTEST_APPLESS_MAIN(TestJumpPartitioner)
#include "tst_jumppartitioner.moc"
