#include "trace/traceindex.h"
#include "tracetesthelpers.h"

#include <QFileInfo>
#include <QTest>


using namespace partlab;
using namespace partlab::testing;

/**
 * TraceIndex: one pass records where every k-th message starts; openAt(m) must give exactly the
 * messages a sequential read gives from m on, in every format, compressed or not, and the pass
 * reports progress and can be cancelled.
 */
class TestTraceIndex : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    /** CSV with quoted fields holding commas and line breaks, blank lines and CRLF endings. */
    static QByteArray csv(int rows)
    {
        QByteArray out = "time,symbol,note,price\r\n";
        for (int i = 0; i < rows; ++i) {
            out += QByteArray::number(1767225600000LL + i) + ",S" + QByteArray::number(i % 37) + ",";
            out += i % 5 == 0 ? QByteArray("\"multi\nline, quoted \"\"note\"\"\"") : QByteArray("plain");
            out += "," + QByteArray::number(100 + i) + (i % 3 ? "\n" : "\r\n");
            if (i % 11 == 0)
                out += "\n";
        }
        return out;
    }

    static QByteArray jsonl(int rows)
    {
        QByteArray out;
        for (int i = 0; i < rows; ++i)
            out += "{\"k\":{\"id\":\"K" + QByteArray::number(i % 53) + "\"},\"v\":" + QByteArray::number(i) + "}\n";
        return out;
    }

    static QByteArray kv(int rows)
    {
        QByteArray out;
        for (int i = 0; i < rows; ++i)
            out += "key" + QByteArray::number(i % 41) + "\t" + QByteArray::number(i) + "\n";
        return out;
    }

    /** Lines of a varying number of words, most ending in punctuation, some empty, some non-ASCII. */
    static QByteArray words(int lines)
    {
        QByteArray out;
        for (int i = 0; i < lines; ++i) {
            for (int w = 0; w < i % 7; ++w)
                out += (w % 3 == 2 ? "Straße" : "word") + QByteArray::number((i * 7 + w) % 101) + (w % 2 ? ", " : " ");
            out += i % 4 ? "end.\n" : "\n";
        }
        return out;
    }

    static void compareFrom(const TraceIndex &index, const ReadResult &all, quint64 from)
    {
        QString error;
        std::unique_ptr<TraceSource> source = index.openAt(from, &error);
        QVERIFY2(source, qPrintable(error));
        SourceMessage m;
        for (std::size_t i = std::size_t(from); i < all.messages.size(); ++i) {
            QCOMPARE(source->next(m), MessageSource::Status::Message);
            QCOMPARE(std::string(m.key), all.messages[i].key);
            QCOMPARE(m.value, all.messages[i].value);
            QCOMPARE(m.timeUs, all.messages[i].timeUs);
            QCOMPARE(source->messageLine(), all.messages[i].line);
        }
        QCOMPARE(source->next(m), MessageSource::Status::End);
    }

private slots:
    void seeksToEveryKindOfPosition_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("time");
        QTest::newRow("csv") << QStringLiteral("t.csv") << csv(3000) << int(TraceFormat::Csv) << QStringLiteral("symbol")
                             << QStringLiteral("price") << QStringLiteral("time");
        QTest::newRow("csv.gz") << QStringLiteral("t.csv.gz") << gzip(csv(3000)) << int(TraceFormat::Csv)
                                << QStringLiteral("symbol") << QStringLiteral("price") << QStringLiteral("time");
        QTest::newRow("jsonl") << QStringLiteral("t.jsonl") << jsonl(3000) << int(TraceFormat::Jsonl) << QStringLiteral("k.id")
                               << QStringLiteral("v") << QString();
        QTest::newRow("kv") << QStringLiteral("t.kv") << kv(3000) << int(TraceFormat::Kv) << QString() << QString() << QString();
        QTest::newRow("words") << QStringLiteral("t.txt") << words(1500) << int(TraceFormat::Words) << QString() << QString()
                               << QString();
        QTest::newRow("words.gz") << QStringLiteral("w.txt.gz") << gzip(words(1500)) << int(TraceFormat::Words) << QString()
                                  << QString() << QString();
    }

    void seeksToEveryKindOfPosition()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(int, format);
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, time);
        const QString path = writeFile(m_dir, name, bytes);
        const TraceOptions options = optionsFor(TraceFormat(format), key, value, QString(), time);
        const ReadResult all = readAll(path, options);
        QVERIFY2(all.opened && !all.failed, qPrintable(all.openError + all.error));
        QVERIFY(all.messages.size() > 2000);

        QString error;
        const auto index = TraceIndex::build(path, options, 97, {}, &error);
        QVERIFY2(index, qPrintable(error));
        QCOMPARE(index->messageCount(), quint64(all.messages.size()));
        QVERIFY(index->positions().size() > 10);
        QCOMPARE(index->positions().front().message, quint64(0));
        for (std::size_t i = 1; i < index->positions().size(); ++i) {
            const TracePosition &p = index->positions()[i];
            QVERIFY(p.message >= index->positions()[i - 1].message + 97);
            if (TraceFormat(format) != TraceFormat::Words)
                QCOMPARE(p.message % 97, quint64(0)); // one message per record: exactly every k-th
            // The position is where the reader continues: at or before (blank lines) the record's line.
            QVERIFY(p.line >= 1 && p.line <= all.messages[std::size_t(p.message)].line);
        }
        QCOMPARE(index->nearest(0).message, quint64(0));
        QVERIFY(index->nearest(500).message <= 500 && index->nearest(500).message + 2 * 97 > 500);
        if (!time.isEmpty()) {
            QCOMPARE(index->firstTimeUs(), all.messages.front().timeUs);
            QCOMPARE(index->lastTimeUs(), all.messages.back().timeUs);
        } else {
            QCOMPARE(index->firstTimeUs(), qint64(-1));
        }

        const quint64 n = index->messageCount();
        for (quint64 from : {quint64(0), quint64(1), quint64(96), quint64(97), quint64(98), quint64(1000), quint64(1234), n - 1, n})
            compareFrom(*index, all, from);
        for (const TracePosition &p : index->positions())
            compareFrom(*index, all, p.message);
    }

    void progressIsReportedAndCancelStops()
    {
        const QString path = writeFile(m_dir, QStringLiteral("progress.kv"), kv(100'000));
        const TraceOptions options = optionsFor(TraceFormat::Kv);
        std::vector<qint64> seen;
        QString error;
        const auto index = TraceIndex::build(path, options, 1000, [&](qint64 done, qint64 total) {
            seen.push_back(done);
            return total == QFileInfo(path).size();
        }, &error);
        QVERIFY2(index, qPrintable(error));
        QVERIFY(seen.size() > 5);
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        QCOMPARE(seen.back(), QFileInfo(path).size());
        QCOMPARE(index->messageCount(), quint64(100'000));

        int calls = 0;
        error = QStringLiteral("unchanged");
        const auto cancelled = TraceIndex::build(path, options, 1000, [&](qint64, qint64) { return ++calls < 3; }, &error);
        QVERIFY(!cancelled);
        QVERIFY(error.isEmpty()); // empty: cancelled, not failed
        QCOMPARE(calls, 3);
    }

    void badLinesFailOrAreSkipped()
    {
        QByteArray bytes = kv(500);
        bytes.insert(bytes.indexOf("key7\t"), "\xff\xfe\tbad\n");
        const QString path = writeFile(m_dir, QStringLiteral("bad.kv"), bytes);
        TraceOptions options = optionsFor(TraceFormat::Kv);
        QString error;
        QVERIFY(!TraceIndex::build(path, options, 50, {}, &error));
        QVERIFY2(error.contains(QStringLiteral("bad.kv:8:")), qPrintable(error));

        options.onError = ErrorPolicy::Skip;
        const ReadResult all = readAll(path, options);
        const auto index = TraceIndex::build(path, options, 50, {}, &error);
        QVERIFY2(index, qPrintable(error));
        QCOMPARE(index->messageCount(), quint64(500));
        compareFrom(*index, all, 260);
    }

    void aChangedFileIsAnErrorNotAShortTrace()
    {
        const QString path = writeFile(m_dir, QStringLiteral("shrinks.kv"), kv(1000));
        QString error;
        const auto index = TraceIndex::build(path, optionsFor(TraceFormat::Kv), 100, {}, &error);
        QVERIFY(index);
        writeFile(m_dir, QStringLiteral("shrinks.kv"), kv(10));
        QVERIFY(!index->openAt(950, &error));
        QVERIFY2(!error.isEmpty(), "an error names the problem");
    }
};

QTEST_APPLESS_MAIN(TestTraceIndex)
#include "tst_traceindex.moc"
