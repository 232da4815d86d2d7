#include "tracetesthelpers.h"

#include <QTest>

using namespace partlab;
using namespace partlab::testing;

/** The key<TAB>value reader (what kcat -f '%k\t%s\n' prints). */
class TestKvSource : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void columns()
    {
        const QByteArray kv = "AAPL\t187.5\n"
                              "only-key\n"
                              "\n"
                              "MSFT\t2\t300\t1767225600000\r\n"
                              "k with spaces, commas and \"quotes\"\t-1e3\t1\t2026-01-01T00:00:00.5Z";
        const ReadResult r = readAll(writeFile(m_dir, QStringLiteral("a.kv"), kv), optionsFor(TraceFormat::Kv));
        QVERIFY2(r.opened && !r.failed, qPrintable(r.openError + r.error));
        QCOMPARE(r.messages.size(), std::size_t(4));
        QCOMPARE(r.messages[0].value, 187.5);
        QCOMPARE(r.messages[0].timeUs, -1);
        QCOMPARE(r.messages[1].key, std::string("only-key"));
        QCOMPARE(r.messages[1].value, 1.0); // a line with only a key counts 1
        QCOMPARE(r.messages[2].line, 4);
        QCOMPARE(r.messages[2].volume, 300.0);
        QCOMPARE(r.messages[2].timeUs, 1767225600000000LL);
        QCOMPARE(r.messages[3].key, std::string("k with spaces, commas and \"quotes\""));
        QCOMPARE(r.messages[3].value, -1000.0);
        QCOMPARE(r.messages[3].timeUs, 1767225600500000LL);
    }

    void badLines_data()
    {
        QTest::addColumn<QByteArray>("kv");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("reason");
        const QByteArray good = "A\t1\n";
        QTest::newRow("bad number") << good + "B\t1,5\n" << 2 << QStringLiteral("value '1,5' is not a number");
        QTest::newRow("empty value") << good + "B\t\n" << 2 << QStringLiteral("value '' is not a number");
        QTest::newRow("bad volume") << good + "\nB\t1\tmany\n" << 3 << QStringLiteral("volume 'many' is not a number");
        QTest::newRow("bad timestamp") << good + "B\t1\t1\t12:00\n" << 2 << QStringLiteral("'12:00' is not a timestamp");
        QTest::newRow("too many columns") << good + "B\t1\t1\t1\t1\n" << 2 << QStringLiteral("more than 4 tab-separated columns");
        QTest::newRow("empty key") << good + "\t1\n" << 2 << QStringLiteral("empty key");
        QTest::newRow("bad UTF-8") << good + "\xff\t1\n" << 2 << QStringLiteral("the key is not valid UTF-8");
    }

    void badLines()
    {
        QFETCH(QByteArray, kv);
        QFETCH(int, line);
        QFETCH(QString, reason);
        const QString path = writeFile(m_dir, QStringLiteral("bad.kv"), kv);
        const ReadResult r = readAll(path, optionsFor(TraceFormat::Kv));
        QVERIFY(r.failed);
        QVERIFY2(r.error.startsWith(QStringLiteral("%1:%2: ").arg(path).arg(line)) && r.error.contains(reason), qPrintable(r.error));
        QCOMPARE(r.messages.size(), std::size_t(1));
    }

    void binaryInputIsBoundedAndReported()
    {
        // 3 MB without a newline: a bad line at 1, read in bounded chunks; skip drops it whole.
        QByteArray noise(3 << 20, '\0');
        quint32 x = 12345;
        for (char &c : noise) {
            x = x * 1664525u + 1013904223u;
            c = char((x >> 24) == '\n' ? 0 : (x >> 24));
        }
        const QString path = writeFile(m_dir, QStringLiteral("noise.kv"), noise + "\nA\t1\n");
        TraceOptions o = optionsFor(TraceFormat::Kv);
        ReadResult r = readAll(path, o);
        QVERIFY(r.failed);
        QVERIFY2(r.error.startsWith(path + QStringLiteral(":1: line longer than 1048576 bytes")), qPrintable(r.error));
        o.onError = ErrorPolicy::Skip;
        r = readAll(path, o);
        QVERIFY(!r.failed);
        QCOMPARE(r.skipped, quint64(1));
        QCOMPARE(r.messages.size(), std::size_t(1));
        QCOMPARE(r.messages[0].line, 2);
    }

    void longLinesWithinARaisedLimit()
    {
        // 3 MB lines: beyond the initial buffer, within --max-line-bytes 4 MiB: the buffer grows.
        const QByteArray key(3 << 20, 'k');
        const QString path = writeFile(m_dir, QStringLiteral("long.kv"), "A\t1\n" + key + "\t2\n" + key + "x\t3\nB\t4\n");
        TraceOptions o = optionsFor(TraceFormat::Kv);
        o.maxLineBytes = 4 << 20;
        const ReadResult r = readAll(path, o);
        QVERIFY2(!r.failed, qPrintable(r.error));
        QCOMPARE(r.messages.size(), std::size_t(4));
        QCOMPARE(r.messages[1].key.size(), std::size_t(3 << 20));
        QCOMPARE(r.messages[2].value, 3.0);
        QCOMPARE(r.messages[3].key, std::string("B"));
    }
};

QTEST_APPLESS_MAIN(TestKvSource)
#include "tst_kvsource.moc"
