#include "trace/fieldparse.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

#include <random>

using namespace partlab;

/** Numbers and timestamps, checked against QDateTime as the independent reference. */
class TestFieldParse : public QObject
{
    Q_OBJECT

private slots:
    void timestamps_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<qint64>("expected"); // -2: must be rejected
        const qint64 t2026 = 1767225600LL * 1000000;
        QTest::newRow("epoch ms") << QByteArray("1767225600000") << t2026;
        QTest::newRow("epoch us") << QByteArray("1767225600000123") << t2026 + 123;
        QTest::newRow("iso Z") << QByteArray("2026-01-01T00:00:00Z") << t2026;
        QTest::newRow("iso space") << QByteArray("2026-01-01 00:00:00") << t2026;
        QTest::newRow("iso ms") << QByteArray("2026-01-01T00:00:00.25Z") << t2026 + 250000;
        QTest::newRow("iso us") << QByteArray("2026-01-01T00:00:00.000001Z") << t2026 + 1;
        QTest::newRow("iso ns dropped") << QByteArray("2026-01-01T00:00:00.123456789Z") << t2026 + 123456;
        QTest::newRow("offset") << QByteArray("2026-01-01T01:30:00+01:30") << t2026;
        QTest::newRow("offset compact") << QByteArray("2025-12-31T23:00:00-0100") << t2026;
        QTest::newRow("leap day") << QByteArray("2024-02-29T00:00:00Z") << qint64(1709164800) * 1000000;
        QTest::newRow("1900") << QByteArray("1900-03-01T00:00:00Z") << qint64(-2203891200) * 1000000;
        QTest::newRow("date only") << QByteArray("2026-01-01") << t2026;
        QTest::newRow("not leap") << QByteArray("2023-02-29T00:00:00Z") << qint64(-2);
        QTest::newRow("2100 not leap") << QByteArray("2100-02-29T00:00:00Z") << qint64(-2);
        QTest::newRow("month 13") << QByteArray("2026-13-01T00:00:00Z") << qint64(-2);
        QTest::newRow("hour 24") << QByteArray("2026-01-01T24:00:00Z") << qint64(-2);
        QTest::newRow("junk zone") << QByteArray("2026-01-01T00:00:00Q") << qint64(-2);
        QTest::newRow("empty fraction") << QByteArray("2026-01-01T00:00:00.Z") << qint64(-2);
        QTest::newRow("words") << QByteArray("yesterday") << qint64(-2);
        QTest::newRow("overflow") << QByteArray("999999999999999999999") << qint64(-2);
    }

    void timestamps()
    {
        QFETCH(QByteArray, text);
        QFETCH(qint64, expected);
        qint64 out = 0;
        const bool ok = parseTimestampUs(std::string_view(text.constData(), std::size_t(text.size())), out);
        QCOMPARE(ok, expected != -2);
        if (ok)
            QCOMPARE(out, expected);
    }

    void fastPathAgreesWithQDateTime()
    {
        std::mt19937_64 random(7);
        for (int i = 0; i < 20000; ++i) {
            const qint64 ms = qint64(random() % (qint64(8000) * 365 * 86400 * 1000)) - qint64(100) * 365 * 86400 * 1000 * 17;
            const QDateTime dt = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
            if (dt.date().year() < 1000 || dt.date().year() > 9999)
                continue;
            const QByteArray text = dt.toString(Qt::ISODateWithMs).toLatin1();
            qint64 out = 0;
            QVERIFY2(parseTimestampUs(std::string_view(text.constData(), std::size_t(text.size())), out), text.constData());
            QCOMPARE(out, ms * 1000);
            // And the recording format reads back to the same microsecond.
            const qint64 us = ms * 1000 + qint64(random() % 1000);
            const QByteArray iso = formatTimestampIso(us);
            QVERIFY(parseTimestampUs(std::string_view(iso.constData(), std::size_t(iso.size())), out));
            QCOMPARE(out, us);
        }
    }

    void numbers()
    {
        double v = 0;
        QVERIFY(parseNumber(" +1e3 ", v));
        QCOMPARE(v, 1000.0);
        for (const char *bad : {"", "abc", "1,5", "inf", "nan", "1e999", "--1", "0x10"})
            QVERIFY2(!parseNumber(bad, v), bad);
        QByteArray text;
        appendNumber(text, 0.1);
        QCOMPARE(text, QByteArray("0.1"));
    }
};

QTEST_APPLESS_MAIN(TestFieldParse)
#include "tst_fieldparse.moc"
