#include "trace/tracewriter.h"
#include "tracetesthelpers.h"

#include <QFileInfo>
#include <QTest>

#include <cmath>
#include <limits>

using namespace partlab;
using namespace partlab::testing;

/** Recording: whatever is written reads back as the same messages, in every format. */
class TestTraceWriter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static std::vector<ReadMessage> tricky(bool keysWithTabs)
    {
        std::vector<ReadMessage> v = {
            {"AAPL", 187.5, 300, 1767225600000000LL, 0},
            {"comma,key", 0.1, 1, 1767225600000001LL, 0},
            {"quote\"key", 1e-300, 2, -1, 0},
            {"caf\xC3\xA9 \xF0\x9F\x98\x80", 123456789.12345678, 1e21, 0, 0},
            {"back\\slash", -0.0, 7, 946684800123456LL, 0},
            {"0.1", std::nextafter(1.0, 2.0), 3, 1767225600999999LL, 0},
            {"huge", std::numeric_limits<double>::max(), std::numeric_limits<double>::min(), 1767225600000000LL, 0},
        };
        if (keysWithTabs) {
            v.push_back({"new\nline", 1, 1, -1, 0});
            v.push_back({"tab\tkey\r", 2, 2, -1, 0});
        }
        return v;
    }

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("format");
        QTest::newRow("csv") << QStringLiteral("r.csv") << int(TraceFormat::Csv);
        QTest::newRow("jsonl") << QStringLiteral("r.jsonl") << int(TraceFormat::Jsonl);
        QTest::newRow("kv") << QStringLiteral("r.kv") << int(TraceFormat::Kv);
        QTest::newRow("csv.gz") << QStringLiteral("r.csv.gz") << int(TraceFormat::Csv);
        QTest::newRow("jsonl.gz") << QStringLiteral("r.jsonl.gz") << int(TraceFormat::Jsonl);
        QTest::newRow("kv.gz") << QStringLiteral("r.kv.gz") << int(TraceFormat::Kv);
    }

    void roundTrip()
    {
        QFETCH(QString, name);
        QFETCH(int, format);
        const auto f = TraceFormat(format);
        const QString path = m_dir.filePath(name);
        const std::vector<ReadMessage> messages = tricky(f != TraceFormat::Kv);
        QString error;
        auto writer = TraceWriter::create(path, f, &error);
        QVERIFY2(writer, qPrintable(error));
        // Many copies so the buffer flushes (and the gzip stream spans several blocks).
        const int copies = 5000;
        for (int c = 0; c < copies; ++c) {
            for (const ReadMessage &m : messages)
                QVERIFY2(writer->write({m.key, m.value, m.volume, m.timeUs}), qPrintable(writer->errorString()));
        }
        QVERIFY(!QFileInfo::exists(path)); // nothing visible before finish()
        QVERIFY2(writer->finish(), qPrintable(writer->errorString()));
        QCOMPARE(writer->messagesWritten(), quint64(copies * messages.size()));

        TraceOptions o = optionsFor(f);
        o.fields.defaultNames = true;
        const ReadResult r = readAll(path, o);
        QVERIFY2(r.opened && !r.failed, qPrintable(r.openError + r.error));
        QCOMPARE(r.messages.size(), copies * messages.size());
        for (std::size_t i = 0; i < r.messages.size(); ++i) {
            const ReadMessage &want = messages[i % messages.size()];
            const ReadMessage &got = r.messages[i];
            QCOMPARE(got.key, want.key);
            QCOMPARE(got.value, want.value); // bit-exact: same double
            QCOMPARE(std::signbit(got.value), std::signbit(want.value));
            QCOMPARE(got.volume, want.volume);
            QCOMPARE(got.timeUs, want.timeUs);
        }
    }

    void refusesWhatCannotReadBack()
    {
        QString error;
        QVERIFY(!TraceWriter::create(m_dir.filePath(QStringLiteral("w.txt")), TraceFormat::Words, &error));
        QVERIFY(error.contains(QStringLiteral("words")));

        auto kv = TraceWriter::create(m_dir.filePath(QStringLiteral("t.kv")), TraceFormat::Kv, &error);
        QVERIFY(kv);
        QVERIFY(kv->write({"ok", 1, 1, -1}));
        QVERIFY(!kv->write({"tab\tkey", 1, 1, -1}));
        QVERIFY(kv->errorString().contains(QStringLiteral("message 2: the key holds a tab")));
        QVERIFY(!kv->finish());
        kv.reset();
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("t.kv")))); // a failed recording leaves nothing

        auto csv = TraceWriter::create(m_dir.filePath(QStringLiteral("u.csv")), TraceFormat::Csv, &error);
        QVERIFY(!csv->write({"\xff", 1, 1, -1}));
        QVERIFY(csv->errorString().contains(QStringLiteral("not valid UTF-8")));

        QVERIFY(!TraceWriter::create(m_dir.filePath(QStringLiteral("no/such/dir/x.csv")), TraceFormat::Csv, &error));
        QVERIFY(error.contains(QStringLiteral("cannot write")));
    }

    void abandonedRecordingLeavesNoFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("abandoned.csv"));
        QString error;
        {
            auto w = TraceWriter::create(path, TraceFormat::Csv, &error);
            QVERIFY(w->write({"A", 1, 1, -1}));
        }
        QVERIFY(!QFileInfo::exists(path));
    }
};

QTEST_APPLESS_MAIN(TestTraceWriter)
#include "tst_tracewriter.moc"
