#include "trace/jsonfields.h"
#include "tracetesthelpers.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace partlab;
using namespace partlab::testing;

/** The JSON-lines reader: dotted paths, escapes, and every kind of bad line with its number. */
class TestJsonlSource : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void pathsAndTypes()
    {
        const QByteArray jsonl =
            "{\"ts\":1767225600000,\"payload\":{\"symbol\":\"AAPL\",\"price\":187.5,\"tags\":[1,{\"symbol\":\"no\"}]},\"qty\":3}\n"
            "\n"
            "  {\"payload\":{\"symbol\":42,\"price\":\"1e2\"},\"qty\":1,\"ts\":\"2026-01-01T00:00:01Z\"}  \r\n"
            "{\"payload\":{\"symbol\":\"caf\\u00e9 \\\"x\\\" \\ud83d\\ude00\",\"price\":-0.5},\"qty\":2,\"ts\":null}\n"
            "{\"payload\":{\"symbol\":\"first\",\"symbol\":\"last\",\"price\":1},\"qty\":1}";
        TraceOptions o = optionsFor(TraceFormat::Jsonl, QStringLiteral("payload.symbol"), QStringLiteral("payload.price"),
                                    QStringLiteral("qty"));
        const ReadResult r = readAll(writeFile(m_dir, QStringLiteral("p.jsonl"), jsonl), o);
        QVERIFY2(r.opened && !r.failed, qPrintable(r.openError + r.error));
        QCOMPARE(r.messages.size(), std::size_t(4));
        QCOMPARE(r.messages[0].key, std::string("AAPL")); // not the "symbol" inside the array
        QCOMPARE(r.messages[0].value, 187.5);
        QCOMPARE(r.messages[0].volume, 3.0);
        QCOMPARE(r.messages[0].timeUs, -1); // --time not asked for and no "time" default
        QCOMPARE(r.messages[1].key, std::string("42"));
        QCOMPARE(r.messages[1].value, 100.0);
        QCOMPARE(r.messages[1].line, 3);
        QCOMPARE(r.messages[2].key, std::string("caf\xC3\xA9 \"x\" \xF0\x9F\x98\x80"));
        QCOMPARE(r.messages[3].key, std::string("last")); // a repeated member: the last one wins
        o.fields.time = QStringLiteral("ts");
        const ReadResult t = readAll(writeFile(m_dir, QStringLiteral("p.jsonl"), jsonl), o);
        QVERIFY2(t.failed, "the last line has no ts although --time ts was asked for");
        QCOMPARE(t.messages[0].timeUs, 1767225600000000LL);
        QCOMPARE(t.messages[1].timeUs, 1767225601000000LL);
        QCOMPARE(t.messages[2].timeUs, -1); // null: unknown
        QVERIFY2(t.error.endsWith(QStringLiteral(":5: no field 'ts' (the timestamp)")), qPrintable(t.error));
    }

    void scannerIsStrictJson_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("valid");     // per RFC 8259, one object
        QTest::addColumn<bool>("qtAgrees");  // QJsonDocument, the independent reference, is lenient on two
        QTest::newRow("empty object") << QByteArray("{}") << true << true;
        QTest::newRow("nested") << QByteArray("{\"a\":{\"b\":[1,2,{\"c\":null}],\"d\":true},\"e\":false}") << true << true;
        QTest::newRow("numbers") << QByteArray("{\"a\":-0,\"b\":1.5e-3,\"c\":2E+10,\"d\":0.0}") << true << true;
        QTest::newRow("escapes") << QByteArray("{\"a\\n\":\"\\/\\b\\f\\r\\t\\u0041\"}") << true << true;
        QTest::newRow("leading zero") << QByteArray("{\"a\":01}") << false << true;
        QTest::newRow("trailing comma") << QByteArray("{\"a\":1,}") << false << true;
        QTest::newRow("single quotes") << QByteArray("{'a':1}") << false << true;
        QTest::newRow("unquoted name") << QByteArray("{a:1}") << false << true;
        QTest::newRow("bare dot") << QByteArray("{\"a\":.5}") << false << false;
        QTest::newRow("missing value") << QByteArray("{\"a\":}") << false << true;
        QTest::newRow("bad literal") << QByteArray("{\"a\":tru}") << false << true;
        QTest::newRow("bad escape") << QByteArray("{\"a\":\"\\x\"}") << false << false;
        QTest::newRow("short unicode") << QByteArray("{\"a\":\"\\u12\"}") << false << true;
        QTest::newRow("array top") << QByteArray("[1,2]") << false << true;
        QTest::newRow("two objects") << QByteArray("{}{}") << false << true;
        QTest::newRow("unclosed") << QByteArray("{\"a\":[1,2}") << false << true;
    }

    void scannerIsStrictJson()
    {
        QFETCH(QByteArray, line);
        QFETCH(bool, valid);
        QFETCH(bool, qtAgrees);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        const bool qtValid = error.error == QJsonParseError::NoError && doc.isObject();
        QCOMPARE(qtValid == valid, qtAgrees);
        JsonFieldScanner scanner;
        scanner.setPaths({QStringLiteral("a")});
        QString reason;
        QCOMPARE(scanner.scan(std::string_view(line.constData(), std::size_t(line.size())), &reason), valid);
    }

    void badLines_data()
    {
        QTest::addColumn<QByteArray>("jsonl");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("reason");
        const QByteArray good = "{\"k\":\"A\",\"v\":1}\n";
        QTest::newRow("bad JSON") << good + "\n{\"k\":\"B\",\"v\":1\n" << 3 << QStringLiteral("bad JSON at column 15: unexpected end of line inside an object");
        QTest::newRow("not an object") << good + "42\n" << 2 << QStringLiteral("expected a JSON object");
        QTest::newRow("bad UTF-8") << good + "{\"k\":\"\xc3\x28\",\"v\":1}\n" << 2 << QStringLiteral("not valid UTF-8");
        QTest::newRow("control char") << good + "{\"k\":\"a\tb\",\"v\":1}\n" << 2 << QStringLiteral("control character inside a string");
        QTest::newRow("lone surrogate") << good + "{\"k\":\"\\ud800\",\"v\":1}\n" << 2 << QStringLiteral("lone UTF-16 surrogate");
        QTest::newRow("missing key") << good + "{\"v\":1}\n" << 2 << QStringLiteral("no field 'k' (the key)");
        QTest::newRow("key is object") << good + "{\"k\":{},\"v\":1}\n" << 2 << QStringLiteral("key field 'k' is an object, not a string or a number");
        QTest::newRow("empty key") << good + "{\"k\":\"\",\"v\":1}\n" << 2 << QStringLiteral("key field 'k': empty key");
        QTest::newRow("missing value") << good + "{\"k\":\"B\"}\n" << 2 << QStringLiteral("no field 'v'");
        QTest::newRow("value not number") << good + "{\"k\":\"B\",\"v\":\"abc\"}\n" << 2 << QStringLiteral("field 'v': 'abc' is not a finite number");
        QTest::newRow("value bool") << good + "{\"k\":\"B\",\"v\":true}\n" << 2 << QStringLiteral("field 'v' is a boolean, not a number");
        QTest::newRow("value overflow") << good + "{\"k\":\"B\",\"v\":1e999}\n" << 2 << QStringLiteral("is not a finite number");
        QTest::newRow("bad timestamp") << QByteArray("{\"k\":\"A\",\"v\":1,\"t\":1000}\n") + "{\"k\":\"B\",\"v\":1,\"t\":\"2026-13-01T00:00:00Z\"}\n" << 2 << QStringLiteral("field 't': '2026-13-01T00:00:00Z' is not a timestamp");
        QByteArray bomb = "{\"k\":\"B\",\"v\":1,\"x\":" + QByteArray(100000, '[') + QByteArray(100000, ']') + "}\n";
        QTest::newRow("nesting bomb") << good + bomb << 2 << QStringLiteral("nested deeper than 64 levels");
    }

    void badLines()
    {
        QFETCH(QByteArray, jsonl);
        QFETCH(int, line);
        QFETCH(QString, reason);
        const QString path = writeFile(m_dir, QStringLiteral("bad.jsonl"), jsonl);
        TraceOptions o = optionsFor(TraceFormat::Jsonl, QStringLiteral("k"), QStringLiteral("v"), {}, QStringLiteral("t"));
        o.fields.time.clear();
        if (QByteArray(QTest::currentDataTag()) == "bad timestamp")
            o.fields.time = QStringLiteral("t");
        const ReadResult r = readAll(path, o);
        QVERIFY(r.failed);
        QVERIFY2(r.error.startsWith(QStringLiteral("%1:%2: ").arg(path).arg(line)) && r.error.contains(reason), qPrintable(r.error));
        QCOMPARE(r.messages.size(), std::size_t(1));
        o.onError = ErrorPolicy::Skip;
        const ReadResult s = readAll(path, o);
        QVERIFY(!s.failed);
        QCOMPARE(s.skipped, quint64(1));
        QCOMPARE(s.skippedLines, std::vector<qint64>{line});
    }

    void depthLimitIsExact()
    {
        JsonFieldScanner scanner;
        scanner.setPaths({QStringLiteral("k")});
        const int limit = JsonFieldScanner::kMaxDepth;
        const QByteArray ok = "{\"a\":" + QByteArray(limit - 1, '[') + QByteArray(limit - 1, ']') + "}";
        const QByteArray deep = "{\"a\":" + QByteArray(limit, '[') + QByteArray(limit, ']') + "}";
        QVERIFY(scanner.scan(std::string_view(ok.constData(), std::size_t(ok.size())), nullptr));
        QVERIFY(!scanner.scan(std::string_view(deep.constData(), std::size_t(deep.size())), nullptr));
    }

    void noKeyFieldIsAnOpenError()
    {
        QString error;
        auto source = TraceSource::open(writeFile(m_dir, QStringLiteral("n.jsonl"), "{}\n"), optionsFor(TraceFormat::Jsonl), &error);
        QVERIFY(!source);
        QVERIFY2(error.contains(QStringLiteral("no key field given")), qPrintable(error));
    }
};

QTEST_APPLESS_MAIN(TestJsonlSource)
#include "tst_jsonlsource.moc"
