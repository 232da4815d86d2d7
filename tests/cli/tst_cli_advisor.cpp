#include "clirunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace partlab::test;

/** partlab-cli sweep and hotkeys end to end. */
class TestCliAdvisor : public QObject
{
    Q_OBJECT

private slots:
    void sweepJson()
    {
        const CliResult r = runCli({QStringLiteral("sweep"), QStringLiteral("--scenario"), QStringLiteral("builtin:orders"),
                                    QStringLiteral("--partitioners"), QStringLiteral("xap"), QStringLiteral("--partitions"),
                                    QStringLiteral("2..9"), QStringLiteral("--workers"), QStringLiteral("2"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o[QStringLiteral("keys")].toInt(), 1000);
        const QJsonArray rows = o[QStringLiteral("rows")].toArray();
        QCOMPARE(rows.size(), 8);
        QCOMPARE(rows[0].toObject()[QStringLiteral("partitions")].toInt(), 2);
        QCOMPARE(rows[7].toObject()[QStringLiteral("partitions")].toInt(), 9);
        for (const QJsonValue &v : rows) {
            const QJsonObject row = v.toObject();
            QVERIFY(row[QStringLiteral("skew")].toDouble() >= 1.0);
            QVERIFY(row[QStringLiteral("speedup")].toDouble() <= 2.0 + 1e-9);
            QVERIFY(row[QStringLiteral("keys_moved")].toInt() <= 1000);
        }
        const QJsonArray rec = o[QStringLiteral("recommendations")].toArray();
        QCOMPARE(rec.size(), 1);
        QVERIFY(!rec[0].toObject()[QStringLiteral("reason")].toString().isEmpty());
    }

    void sweepErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString sweep = QStringLiteral("sweep");
        QTest::newRow("range") << QStringList{sweep, QStringLiteral("--partitions"), QStringLiteral("9..2")} << QStringLiteral("--partitions must be a range");
        QTest::newRow("range-text") << QStringList{sweep, QStringLiteral("--partitions"), QStringLiteral("a..b")} << QStringLiteral("(got 'a..b')");
        QTest::newRow("partitioner") << QStringList{sweep, QStringLiteral("--partitioners"), QStringLiteral("xap,nope")} << QStringLiteral("unknown partitioner 'nope'");
        QTest::newRow("skew") << QStringList{sweep, QStringLiteral("--target-skew"), QStringLiteral("0.5")} << QStringLiteral("--target-skew must be");
        QTest::newRow("input-no-key") << QStringList{sweep, QStringLiteral("--input"), QStringLiteral(PARTLAB_SOURCE_DIR "/resources/traces/stock-ticks.csv")}
                                      << QStringLiteral("no key field given (the key extractor needs one, e.g. --key symbol; columns: timestamp, symbol, price, volume)");
        QTest::newRow("input-missing") << QStringList{sweep, QStringLiteral("--input"), QStringLiteral("/nonexistent.csv"), QStringLiteral("--key"), QStringLiteral("k")}
                                       << QStringLiteral("/nonexistent.csv");
        QTest::newRow("trace-option-on-scenario") << QStringList{sweep, QStringLiteral("--key"), QStringLiteral("symbol")}
                                                  << QStringLiteral("--key applies to trace input only");
    }

    void sweepErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const CliResult r = runCli(arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    }

    void hotkeysOnCsv()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("t.csv")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("user,bytes\n");
        for (int i = 0; i < 300; ++i)
            f.write(i % 3 == 0 ? "alice,1\n" : QByteArray("u") + QByteArray::number(i) + ",1\n");
        f.close();
        const CliResult r = runCli({QStringLiteral("hotkeys"), f.fileName(), QStringLiteral("--key"), QStringLiteral("user"),
                                    QStringLiteral("--top"), QStringLiteral("1"), QStringLiteral("--partitions"), QStringLiteral("2"),
                                    QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o[QStringLiteral("messages")].toInt(), 300);
        bool foundAlice = false;
        for (const QJsonValue &p : o[QStringLiteral("partitions")].toArray()) {
            const QJsonArray keys = p.toObject()[QStringLiteral("hot_keys")].toArray();
            QVERIFY(keys.size() <= 1);
            if (!keys.isEmpty() && keys[0].toObject()[QStringLiteral("key")].toString() == QLatin1String("alice")) {
                foundAlice = true;
                QCOMPARE(keys[0].toObject()[QStringLiteral("count")].toInt(), 100);
            }
        }
        QVERIFY(foundAlice);
        QVERIFY(!o[QStringLiteral("advice")].toArray().isEmpty());
    }

    /** Any trace format works: the sample JSON lines with a dotted key path. */
    void sweepReadsJsonLines()
    {
        const CliResult r = runCli({QStringLiteral("sweep"), QStringLiteral("--input"), QStringLiteral(PARTLAB_SOURCE_DIR "/resources/traces/orders.jsonl"),
                                    QStringLiteral("--key"), QStringLiteral("order.customer"), QStringLiteral("--partitioners"), QStringLiteral("jump"),
                                    QStringLiteral("--partitions"), QStringLiteral("2..3"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(QJsonDocument::fromJson(r.out).object()[QStringLiteral("keys")].toInt() > 1);
    }

    void hotkeysErrors()
    {
        CliResult r = runCli({QStringLiteral("hotkeys"), QStringLiteral("/nonexistent.csv"), QStringLiteral("--key"), QStringLiteral("k")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("/nonexistent.csv: no such file"));
        r = runCli({QStringLiteral("hotkeys"), QStringLiteral("builtin:words"), QStringLiteral("--top"), QStringLiteral("0")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--top must be"));
        r = runCli({QStringLiteral("hotkeys"), QStringLiteral("a"), QStringLiteral("b")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("unexpected argument 'b'"));
    }
};

QTEST_GUILESS_MAIN(TestCliAdvisor)
#include "tst_cli_advisor.moc"
