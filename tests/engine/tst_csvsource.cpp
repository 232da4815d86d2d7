#include "trace/csvsource.h"
#include "tracetesthelpers.h"

#include <QTest>

using namespace partlab;
using namespace partlab::testing;

/** The CSV trace reader: RFC 4180 framing, field mapping, every kind of bad record. */
class TestCsvSource : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void quotingAndLineEndings()
    {
        // Quoted comma, "" escape, a line break inside quotes (the next record starts on line 5),
        // CRLF, a blank line, a BOM, and a last record without a final newline.
        const QByteArray csv = "\xEF\xBB\xBFsymbol,price\r\n"
                               "\"A,B\",1.5\r\n"
                               "\"say \"\"hi\"\"\",2\n"
                               "\"multi\nline\",3\n"
                               "\n"
                               "plain,4";
        const ReadResult r = readAll(writeFile(m_dir, QStringLiteral("q.csv"), csv),
                                     optionsFor(TraceFormat::Csv, QStringLiteral("symbol"), QStringLiteral("price")));
        QVERIFY2(r.opened, qPrintable(r.openError));
        QVERIFY2(!r.failed, qPrintable(r.error));
        QCOMPARE(r.messages.size(), std::size_t(4));
        QCOMPARE(r.messages[0].key, std::string("A,B"));
        QCOMPARE(r.messages[0].line, 2);
        QCOMPARE(r.messages[1].key, std::string("say \"hi\""));
        QCOMPARE(r.messages[2].key, std::string("multi\nline"));
        QCOMPARE(r.messages[2].line, 4);
        QCOMPARE(r.messages[3].key, std::string("plain"));
        QCOMPARE(r.messages[3].line, 7);
        QCOMPARE(r.messages[3].value, 4.0);
    }

    void defaultFieldNamesAndTimestamps()
    {
        const QByteArray csv = "time,key,value,volume\n"
                               "2026-01-01T00:00:00.250000Z,AAPL,10.5,3\n"
                               "1767225600000,MSFT,1,2\n"
                               ",NVDA,7,1\n";
        TraceOptions o = optionsFor(TraceFormat::Csv);
        o.fields.defaultNames = true;
        const ReadResult r = readAll(writeFile(m_dir, QStringLiteral("d.csv"), csv), o);
        QVERIFY2(r.opened && !r.failed, qPrintable(r.openError + r.error));
        QCOMPARE(r.messages.size(), std::size_t(3));
        QCOMPARE(r.messages[0].timeUs, 1767225600LL * 1000000 + 250000);
        QCOMPARE(r.messages[0].volume, 3.0);
        QCOMPARE(r.messages[1].timeUs, 1767225600LL * 1000000);
        QCOMPARE(r.messages[2].timeUs, -1); // an empty time is "unknown", not an error
    }

    void missingColumnsAreOpenErrors()
    {
        const QString path = writeFile(m_dir, QStringLiteral("h.csv"), "a,b\n1,2\n");
        ReadResult r = readAll(path, optionsFor(TraceFormat::Csv, QStringLiteral("symbol")));
        QVERIFY(!r.opened);
        QCOMPARE(r.openError, path + QStringLiteral(":1: no column named 'symbol' for the key (columns: a, b)"));
        r = readAll(path, optionsFor(TraceFormat::Csv));
        QVERIFY(!r.opened);
        QVERIFY(r.openError.contains(QStringLiteral("no key field given")));
        r = readAll(writeFile(m_dir, QStringLiteral("empty.csv"), ""), optionsFor(TraceFormat::Csv, QStringLiteral("a")));
        QVERIFY(!r.opened);
        QVERIFY(r.openError.endsWith(QStringLiteral("the file is empty: a header row is needed")));
    }

    /**
     * Regression (bad-input sweep): the "no column named" error listed the header as it was, so a quoted
     * newline in a column name (or a binary file read as CSV) made a multi-line error message.
     */
    void headerInErrorsIsOneLine()
    {
        QByteArray head = "\"a\nb\",\"c\td\"";
        for (int i = 0; i < 30; ++i)
            head += ",col" + QByteArray::number(i);
        const QString path = writeFile(m_dir, QStringLiteral("nl.csv"), head + "\n");
        const ReadResult r = readAll(path, optionsFor(TraceFormat::Csv, QStringLiteral("symbol")));
        QVERIFY(!r.opened);
        QVERIFY2(!r.openError.contains(QLatin1Char('\n')) && !r.openError.contains(QLatin1Char('\t')), qPrintable(r.openError));
        QVERIFY2(r.openError.contains(QStringLiteral("(columns: a?b, c?d, col0, ")), qPrintable(r.openError));
        QVERIFY2(r.openError.endsWith(QStringLiteral("col17, ... (32 columns))")), qPrintable(r.openError));
    }

    void badRecords_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("reason");
        const QByteArray head = "sym,price,time\nA,1,1000\n";
        QTest::newRow("unterminated quote") << head + "B,2,1000\n\"C,3,1000\n" << 4 << QStringLiteral("unterminated quoted field");
        QTest::newRow("too few fields") << head + "B,2\n" << 3 << QStringLiteral("expected 3 fields (as in the header), found 2");
        QTest::newRow("too many fields") << head + "\nB,2,3,4\n" << 4 << QStringLiteral("expected 3 fields (as in the header), found 4");
        QTest::newRow("bad number") << head + "B,1.2.3,1000\n" << 3 << QStringLiteral("column 'price': '1.2.3' is not a number");
        QTest::newRow("nan") << head + "B,nan,1000\n" << 3 << QStringLiteral("column 'price': 'nan' is not a number");
        QTest::newRow("bad timestamp") << head + "B,2,yesterday\n" << 3 << QStringLiteral("column 'time': 'yesterday' is not a timestamp");
        QTest::newRow("impossible date") << head + "B,2,2026-02-30T00:00:00Z\n" << 3 << QStringLiteral("is not a timestamp");
        QTest::newRow("bad UTF-8 key") << head + "B\xff\xfe,2,1000\n" << 3 << QStringLiteral("column 'sym': the key is not valid UTF-8");
        QTest::newRow("empty key") << head + ",2,1000\n" << 3 << QStringLiteral("column 'sym': empty key");
        QTest::newRow("quote inside field") << head + "B\"x,2,1000\n" << 3 << QStringLiteral("a quote inside unquoted field 1");
        QTest::newRow("text after quote") << head + "\"B\"x,2,1000\n" << 3 << QStringLiteral("unexpected character after a closing quote");
        QTest::newRow("after multi-line record") << head + "\"B\nC\",2,1000\nD,x,1\n" << 5 << QStringLiteral("'x' is not a number");
    }

    void badRecords()
    {
        QFETCH(QByteArray, csv);
        QFETCH(int, line);
        QFETCH(QString, reason);
        const QString path = writeFile(m_dir, QStringLiteral("bad.csv"), csv);
        const TraceOptions o = optionsFor(TraceFormat::Csv, QStringLiteral("sym"), QStringLiteral("price"), {}, QStringLiteral("time"));
        const ReadResult r = readAll(path, o);
        QVERIFY(r.opened);
        QVERIFY(r.failed);
        const QString prefix = QStringLiteral("%1:%2: ").arg(path).arg(line);
        QVERIFY2(r.error.startsWith(prefix) && r.error.contains(reason), qPrintable(r.error));
        QVERIFY(r.messages.size() >= 1 && r.messages.front().key == "A");
    }

    void skipCountsAndResumes()
    {
        // Line numbers: 3 bad number, 4 broken quote (resume on line 5), 6 field count, 8 key.
        const QByteArray csv = "sym,price\n"
                               "A,1\n"
                               "B,oops\n"
                               "C\"broken,3\n"
                               "D,4\n"
                               "E\n"
                               "F,6\n"
                               ",7\n"
                               "G,8\n";
        TraceOptions o = optionsFor(TraceFormat::Csv, QStringLiteral("sym"), QStringLiteral("price"));
        o.onError = ErrorPolicy::Skip;
        const QString path = writeFile(m_dir, QStringLiteral("skip.csv"), csv);
        const ReadResult r = readAll(path, o);
        QVERIFY2(!r.failed, qPrintable(r.error));
        QStringList keys;
        for (const ReadMessage &m : r.messages)
            keys << QString::fromStdString(m.key);
        QCOMPARE(keys, (QStringList{QStringLiteral("A"), QStringLiteral("D"), QStringLiteral("F"), QStringLiteral("G")}));
        QCOMPARE(r.messages[1].line, 5);
        QCOMPARE(r.skipped, quint64(4));
        QCOMPARE(r.skippedLines, (std::vector<qint64>{3, 4, 6, 8}));
        QVERIFY(r.skippedErrors[0].startsWith(path + QStringLiteral(":3: ")));
    }

    void overlongRecord()
    {
        // A record longer than the limit is a bad line, not unbounded memory; skip resumes after it.
        TraceOptions o = optionsFor(TraceFormat::Csv, QStringLiteral("k"));
        o.maxLineBytes = 64;
        const QByteArray csv = "k,v\nA,1\n" + QByteArray(100000, 'x') + ",2\nB,3\n";
        const QString path = writeFile(m_dir, QStringLiteral("long.csv"), csv);
        ReadResult r = readAll(path, o);
        QVERIFY(r.failed);
        QVERIFY2(r.error.startsWith(path + QStringLiteral(":3: record longer than 64 bytes")), qPrintable(r.error));
        o.onError = ErrorPolicy::Skip;
        r = readAll(path, o);
        QVERIFY(!r.failed);
        QCOMPARE(r.messages.size(), std::size_t(2));
        QCOMPARE(r.messages[1].key, std::string("B"));
        QCOMPARE(r.messages[1].line, 4);
    }

    void recordsAcrossBufferRefills()
    {
        // Several MB with quoted multi-line fields: every record must survive the chunk joins.
        QByteArray csv = "k,v\n";
        double expectedSum = 0;
        const int rows = 200000;
        qint64 expectedLastLine = 0;
        qint64 physicalLine = 2;
        for (int i = 0; i < rows; ++i) {
            expectedLastLine = physicalLine;
            physicalLine += i % 7 == 0 ? 2 : 1;
            if (i % 7 == 0)
                csv += "\"key\n" + QByteArray::number(i % 1000) + "\",";
            else
                csv += "k" + QByteArray::number(i % 1000) + ",";
            csv += QByteArray::number(i) + "\n";
            expectedSum += i;
        }
        const QString path = writeFile(m_dir, QStringLiteral("big.csv"), csv);
        std::unique_ptr<TraceSource> source = TraceSource::open(path, optionsFor(TraceFormat::Csv, QStringLiteral("k"), QStringLiteral("v")), nullptr);
        QVERIFY(source);
        QCOMPARE(source->bytesTotal(), qint64(csv.size()));
        SourceMessage m;
        double sum = 0;
        int count = 0;
        qint64 lastLine = 0;
        while (source->next(m) == MessageSource::Status::Message) {
            sum += m.value;
            if (count % 7 == 0 && m.key.substr(0, 4) != "key\n")
                QFAIL("quoted key lost its line break");
            lastLine = source->messageLine();
            ++count;
        }
        QCOMPARE(count, rows);
        QCOMPARE(sum, expectedSum);
        QCOMPARE(lastLine, expectedLastLine);
        QCOMPARE(source->bytesRead(), source->bytesTotal());
    }

    void legacyOpenKeepsWorking()
    {
        FieldMapping mapping;
        mapping.key = QStringLiteral("sym");
        mapping.value = QStringLiteral("price");
        QString error;
        auto csv = CsvSource::open(writeFile(m_dir, QStringLiteral("l.csv"), "sym,price\nA,2\n"), mapping, &error);
        QVERIFY2(csv, qPrintable(error));
        QCOMPARE(csv->header(), (QStringList{QStringLiteral("sym"), QStringLiteral("price")}));
        SourceMessage m;
        QCOMPARE(csv->next(m), MessageSource::Status::Message);
        QCOMPARE(m.value, 2.0);
        QCOMPARE(csv->recordLine(), 2);
    }
};

QTEST_APPLESS_MAIN(TestCsvSource)
#include "tst_csvsource.moc"
