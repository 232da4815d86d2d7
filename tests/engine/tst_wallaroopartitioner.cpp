#include "routing/md5.h"
#include "routing/wallaroopartitioner.h"

#include <QCryptographicHash>
#include <QTest>

using namespace partlab;

namespace {
std::string_view view(const QByteArray &b)
{
    return std::string_view(b.constData(), std::size_t(b.size()));
}

QByteArray hex(const std::array<quint8, 16> &d)
{
    return QByteArray(reinterpret_cast<const char *>(d.data()), 16).toHex();
}
} // namespace

/** Wallaroo's HashPartitions (MD5 as a big-endian 128-bit number, N equal intervals). */
class TestWallarooPartitioner : public QObject
{
    Q_OBJECT

private slots:
    void md5_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("digest");
        // RFC 1321, appendix A.5 (MD5 test suite).
        QTest::newRow("md5/empty") << QByteArray("") << QByteArray("d41d8cd98f00b204e9800998ecf8427e");
        QTest::newRow("md5/a") << QByteArray("a") << QByteArray("0cc175b9c0f1b6a831c399e269772661");
        QTest::newRow("md5/abc") << QByteArray("abc") << QByteArray("900150983cd24fb0d6963f7d28e17f72");
        QTest::newRow("md5/message digest") << QByteArray("message digest") << QByteArray("f96b697d7cb7938d525a2f31aaf161d0");
        QTest::newRow("md5/a-z") << QByteArray("abcdefghijklmnopqrstuvwxyz") << QByteArray("c3fcd3d76192e4007dfb496cca67e13b");
        QTest::newRow("md5/A-Za-z0-9") << QByteArray("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
                                       << QByteArray("d174ab98d277d9f5a5611c2c9f419d9f");
        QTest::newRow("md5/digits x8") << QByteArray("1234567890").repeated(8) << QByteArray("57edf4a22be3c955ac49da2e2107b67a");
    }

    void md5()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, digest);
        QCOMPARE(hex(partlab::md5(view(text))), digest);
    }

    /** Every length across the padding boundaries (55, 56, 63, 64, 119, 120 bytes) agrees with Qt's MD5. */
    void md5MatchesQtAtEveryLength()
    {
        QByteArray data;
        for (int length = 0; length < 200; ++length) {
            QCOMPARE(hex(partlab::md5(view(data))), QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex());
            data.append(char(length * 37 + 11));
        }
    }

    void partition_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<int>("partitions");
        QTest::addColumn<int>("expected");
        // int.from_bytes(md5(key), "big") // ((2**128 - 1) // N), capped at N - 1 (Python).
        // abc = 0x9001...: 0x9001.../0x5555... = 1 for N = 3; 0x9001.../0x4000... = 2 for N = 4.
        QTest::newRow("wallaroo/abc/3") << QByteArray("abc") << 3 << 1;
        QTest::newRow("wallaroo/abc/4") << QByteArray("abc") << 4 << 2;
        QTest::newRow("wallaroo/abc/10") << QByteArray("abc") << 10 << 5;
        QTest::newRow("wallaroo/empty/3") << QByteArray("") << 3 << 2;      // 0xd41d...
        QTest::newRow("wallaroo/empty/10") << QByteArray("") << 10 << 8;
        QTest::newRow("wallaroo/a/10") << QByteArray("a") << 10 << 0;       // 0x0cc1...
        QTest::newRow("wallaroo/message digest/7") << QByteArray("message digest") << 7 << 6;
        QTest::newRow("wallaroo/AAPL/4") << QByteArray("AAPL") << 4 << 2;   // 0x8b10...
        QTest::newRow("wallaroo/AAPL/1") << QByteArray("AAPL") << 1 << 0;
    }

    void partition()
    {
        QFETCH(QByteArray, key);
        QFETCH(int, partitions);
        QFETCH(int, expected);
        PartitionerOptions o;
        o.partitions = partitions;
        WallarooPartitioner p(o);
        const RoutingKey k = RoutingKey::text(view(key));
        QCOMPARE(p.partition(k), expected);
        const RouteExplanation e = p.explain(k);
        QCOMPARE(e.partition, expected);
        QCOMPARE(e.hashText.toLatin1(), QCryptographicHash::hash(key, QCryptographicHash::Md5).toHex());
    }

    void integerKeysAreDecimalText()
    {
        PartitionerOptions o;
        o.partitions = 7;
        WallarooPartitioner p(o);
        // md5("42") = a1d0c6e8...: 4 of 7; md5("-7") = 74687a12...: 3 of 7.
        QCOMPARE(p.partition(RoutingKey::int32(42)), 4);
        QCOMPARE(p.partition(RoutingKey::int64(-7)), 3);
        QCOMPARE(p.partition(RoutingKey::uint64(42)), p.partition(RoutingKey::text("42")));
    }

    void intervals()
    {
        PartitionerOptions o;
        o.partitions = 3;
        WallarooPartitioner p(o);
        const PartitionLayout layout = p.layout();
        QCOMPARE(layout.unit, QStringLiteral("md5"));
        QCOMPARE(layout.owned[0].first(), QStringLiteral("00000000000000000000000000000000-55555555555555555555555555555554"));
        QCOMPARE(layout.owned[1].first(), QStringLiteral("55555555555555555555555555555555-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa9"));
        QCOMPARE(layout.owned[2].first(), QStringLiteral("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-ffffffffffffffffffffffffffffffff"));
    }
};

QTEST_APPLESS_MAIN(TestWallarooPartitioner)
#include "tst_wallaroopartitioner.moc"
