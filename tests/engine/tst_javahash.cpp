#include "routing/javahash.h"
#include "routing/xappartitioner.h"

#include <QFile>
#include <QTest>

using namespace partlab;

/** Java String.hashCode and XAP's routing rule, against values computed by a JVM. */
class TestJavaHash : public QObject
{
    Q_OBJECT

private slots:
    void stringHash_data()
    {
        QTest::addColumn<QByteArray>("utf8");
        QTest::addColumn<int>("expected");
        // Values from java.lang.String#hashCode (OpenJDK 17), checked with jshell.
        QTest::newRow("empty") << QByteArray("") << 0;
        QTest::newRow("a") << QByteArray("a") << 97;
        QTest::newRow("abc") << QByteArray("abc") << 96354;
        QTest::newRow("hello") << QByteArray("hello") << 99162322;
        QTest::newRow("AAPL") << QByteArray("AAPL") << 2001436;
        // Java's famous collision pair: "Aa".hashCode() == "BB".hashCode() == 2112.
        QTest::newRow("Aa") << QByteArray("Aa") << 2112;
        QTest::newRow("BB") << QByteArray("BB") << 2112;
        // "polygenelubricants".hashCode() == Integer.MIN_VALUE (a well-known Java puzzler).
        QTest::newRow("polygenelubricants") << QByteArray("polygenelubricants") << int(0x80000000);
        // Non-ASCII: "é" (U+00E9) is one UTF-16 unit = 233; "€" (U+20AC) = 8364.
        QTest::newRow("e-acute") << QByteArray("\xC3\xA9") << 233;
        QTest::newRow("euro") << QByteArray("\xE2\x82\xAC") << 8364;
        // U+1F600 is the surrogate pair D83D DE00: 31 * 55357 + 56832 = 1772899.
        QTest::newRow("emoji") << QByteArray("\xF0\x9F\x98\x80") << 1772899;
        // A lone continuation byte decodes to U+FFFD (65533), as new String(bytes, UTF_8) does.
        QTest::newRow("invalid") << QByteArray("\x80") << 65533;
        // An encoded surrogate (ED A0 80) is one U+FFFD in Java, not three.
        QTest::newRow("encoded-surrogate") << QByteArray("\xED\xA0\x80") << 65533;
        // The four-bytes-at-once ASCII path, entered and left around multi-byte characters
        // (expected values: Java's hash over the UTF-16 units).
        QTest::newRow("ticker") << QByteArray("S01234") << -1872909313;
        QTest::newRow("block-euro-block") << QByteArray::fromHex("61626364e282ac65666768") << -563731220;
        QTest::newRow("block-emoji-block") << QByteArray::fromHex("53594d424f4c2df09f98802d3030343278797a") << -332890810;
        QTest::newRow("e-acute-then-block") << QByteArray::fromHex("c3a961626364656667") << 1141590875;
    }

    void stringHash()
    {
        QFETCH(QByteArray, utf8);
        QFETCH(int, expected);
        QCOMPARE(javaStringHashCode(std::string_view(utf8.constData(), std::size_t(utf8.size()))), expected);
    }

    /** 400 random byte strings full of UTF-8 edge cases, hashed by a JVM (tests/data/generators). */
    void matchesJvmOnRandomBytes()
    {
        QFile file(QStringLiteral(PARTLAB_SOURCE_DIR "/tests/data/java_string_hash.tsv"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        int rows = 0;
        while (!file.atEnd()) {
            QByteArray line = file.readLine();
            if (line.endsWith('\n'))
                line.chop(1);
            const QList<QByteArray> cols = line.split('\t');
            QCOMPARE(cols.size(), 2);
            const QByteArray bytes = QByteArray::fromHex(cols[0]);
            bool ok = false;
            const int expected = cols[1].toInt(&ok);
            QVERIFY(ok);
            QCOMPARE(javaStringHashCode(std::string_view(bytes.constData(), std::size_t(bytes.size()))), expected);
            ++rows;
        }
        QCOMPARE(rows, 400);
    }

    void safeAbs()
    {
        QCOMPARE(safeAbs32(std::numeric_limits<qint32>::min()), std::numeric_limits<qint32>::max());
        QCOMPARE(safeAbs32(-5), 5);
        QCOMPARE(safeAbs64(std::numeric_limits<qint64>::min()), std::numeric_limits<qint64>::max());
    }

    void xapRoute_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<int>("partitions");
        QTest::addColumn<int>("expected");
        QTest::newRow("abc/4") << QByteArray("abc") << 4 << 96354 % 4;
        // MIN_VALUE hash: safeAbs -> MAX_VALUE = 2147483647; 2147483647 % 10 = 7.
        QTest::newRow("polygenelubricants/10") << QByteArray("polygenelubricants") << 10 << 7;
        // Negative hash: "hellohello".hashCode() = -1538739392 (OpenJDK 17) -> 1538739392 % 7 = 1
        QTest::newRow("hellohello/7") << QByteArray("hellohello") << 7 << 1;
    }

    void xapRoute()
    {
        QFETCH(QByteArray, key);
        QFETCH(int, partitions);
        QFETCH(int, expected);
        PartitionerOptions o;
        o.partitions = partitions;
        XapPartitioner p(o);
        QCOMPARE(p.partition(RoutingKey::text(std::string_view(key.constData(), std::size_t(key.size())))), expected);
    }

    void xapIntegers()
    {
        PartitionerOptions o;
        o.partitions = 10;
        XapPartitioner p(o);
        QCOMPARE(p.partition(RoutingKey::int32(-13)), 3);
        QCOMPARE(p.partition(RoutingKey::int32(std::numeric_limits<qint32>::min())), 7);
        // Precise long routing: safeAbs(long) % N, not folded to an int hash first.
        QCOMPARE(p.partition(RoutingKey::int64(12345678901234LL)), 4);
        QCOMPARE(p.partition(RoutingKey::int64(std::numeric_limits<qint64>::min())), 7); // MAX % 10
    }
};

QTEST_APPLESS_MAIN(TestJavaHash)
#include "tst_javahash.moc"
