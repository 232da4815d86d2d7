#include "trace/traceinput.h"
#include "tracetesthelpers.h"

#include <QTest>


using namespace partlab;
using namespace partlab::testing;

/** Gzip input: transparent, by magic bytes, multi-member, and loud about damage. */
class TestTraceInput : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QByteArray readWhole(TraceInput &input, QString *error)
    {
        QByteArray all;
        char buf[4096];
        for (;;) {
            const qint64 n = input.read(buf, sizeof buf);
            if (n < 0) {
                *error = input.errorString();
                break;
            }
            if (n == 0)
                break;
            all.append(buf, qsizetype(n));
        }
        return all;
    }

    static QByteArray sampleCsv(int rows)
    {
        QByteArray csv = "k,v\n";
        for (int i = 0; i < rows; ++i)
            csv += "key" + QByteArray::number(i % 101) + "," + QByteArray::number(i) + "\n";
        return csv;
    }

private slots:
    void gzipReadsLikeThePlainFile()
    {
        const QByteArray csv = sampleCsv(300000);
        // The name says .csv, not .gz: compression is recognised by its magic bytes.
        const QString path = writeFile(m_dir, QStringLiteral("renamed.csv"), gzip(csv));
        TraceInput input;
        QString error;
        QVERIFY(input.open(path, &error));
        QVERIFY(input.isCompressed());
        QCOMPARE(readWhole(input, &error), csv);
        QVERIFY(error.isEmpty());
        QCOMPARE(input.fileBytesRead(), input.fileSize());

        const ReadResult r = readAll(path, optionsFor(TraceFormat::Csv, QStringLiteral("k"), QStringLiteral("v")));
        QVERIFY2(!r.failed, qPrintable(r.error));
        QCOMPARE(r.messages.size(), std::size_t(300000));
        QCOMPARE(r.messages.back().value, 299999.0);
    }

    void concatenatedMembers()
    {
        const QByteArray a = sampleCsv(1000), b = "key7,5\nkey8,6\n";
        const QString path = writeFile(m_dir, QStringLiteral("two.csv.gz"), gzip(a) + gzip(b));
        TraceInput input;
        QString error;
        QVERIFY(input.open(path, &error));
        QCOMPARE(readWhole(input, &error), a + b);
        QVERIFY(error.isEmpty());
    }

    void damageIsAnError_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        const QByteArray gz = gzip(sampleCsv(20000));
        QTest::newRow("truncated") << gz.left(gz.size() / 2) << QStringLiteral("truncated gzip data");
        QTest::newRow("no trailer") << gz.left(gz.size() - 4) << QStringLiteral("truncated gzip data");
        QByteArray flipped = gz;
        flipped[flipped.size() / 2] = char(flipped[flipped.size() / 2] ^ 0x55);
        QTest::newRow("corrupt") << flipped << QStringLiteral("corrupt gzip data");
        QTest::newRow("magic only") << QByteArray("\x1f\x8b") << QStringLiteral("truncated gzip data");
        QTest::newRow("garbage after") << gz + "garbage!" << QStringLiteral("corrupt gzip data");
    }

    void damageIsAnError()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        const QString path = writeFile(m_dir, QStringLiteral("damaged.csv.gz"), bytes);
        TraceOptions o = optionsFor(TraceFormat::Csv, QStringLiteral("k"), QStringLiteral("v"));
        o.onError = ErrorPolicy::Skip; // damage is never skippable: the rest of the file is lost
        const ReadResult r = readAll(path, o);
        if (!r.opened) {
            QVERIFY2(r.openError.startsWith(path + QStringLiteral(": ")) && r.openError.contains(reason), qPrintable(r.openError));
            return;
        }
        QVERIFY2(r.failed, "a damaged gzip file must not look like a shorter trace");
        QVERIFY2(r.error.startsWith(path + QStringLiteral(": ")) && r.error.contains(reason), qPrintable(r.error));
    }

    void missingFile()
    {
        TraceInput input;
        QString error;
        QVERIFY(!input.open(m_dir.filePath(QStringLiteral("nope.csv")), &error));
        QVERIFY(error.contains(QStringLiteral("cannot open")));
    }
};

QTEST_APPLESS_MAIN(TestTraceInput)
#include "tst_traceinput.moc"
