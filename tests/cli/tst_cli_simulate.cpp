#include "clirunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace partlab::test;

namespace {

QJsonObject runJson(const QStringList &arguments)
{
    const CliResult r = runCli(arguments);
    if (r.exitCode != 0)
        qWarning("%s", r.err.constData());
    return QJsonDocument::fromJson(r.out).object();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(data);
}

} // namespace

/** partlab-cli simulate end to end: output, determinism across W/N/mode, and every error path. */
class TestCliSimulate : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        writeFile(path(QStringLiteral("ticks.csv")),
                  "symbol,price,volume\n"
                  "AAPL,10,100\n"
                  "MSFT,20,5\n"
                  "\"AAPL\",12.5,300\n"
                  "\"ODD, Inc.\",1,1\n"
                  "MSFT,22,15\n");
    }

    void jsonSummary()
    {
        const QJsonObject o = runJson({QStringLiteral("simulate"), QStringLiteral("--messages"), QStringLiteral("5000"),
                                       QStringLiteral("--partitions"), QStringLiteral("6"), QStringLiteral("--workers"), QStringLiteral("2"),
                                       QStringLiteral("--json")});
        for (const char *field : {"messages", "partitions", "workers", "mode", "computation", "elapsed_s", "throughput_msgs_per_s",
                                  "latency_us", "partition_messages", "partition_keys", "skew", "checksum"})
            QVERIFY2(o.contains(QLatin1String(field)), field);
        QCOMPARE(o[QStringLiteral("messages")].toInt(), 5000);
        QCOMPARE(o[QStringLiteral("partitions")].toInt(), 6);
        QCOMPARE(o[QStringLiteral("workers")].toInt(), 2);
        QCOMPARE(o[QStringLiteral("mode")].toString(), QStringLiteral("partitioned"));
        QCOMPARE(o[QStringLiteral("computation")].toString(), QStringLiteral("vwap"));
        const QJsonArray pm = o[QStringLiteral("partition_messages")].toArray();
        QCOMPARE(pm.size(), 6);
        int sum = 0, max = 0;
        for (const QJsonValue &v : pm) {
            sum += v.toInt();
            max = qMax(max, v.toInt());
        }
        QCOMPARE(sum, 5000); // conservation
        QCOMPARE(o[QStringLiteral("partition_keys")].toArray().size(), 6);
        QVERIFY(qAbs(o[QStringLiteral("skew")].toDouble() - max / (5000.0 / 6)) < 1e-9);
        const QJsonObject lat = o[QStringLiteral("latency_us")].toObject();
        for (const char *p : {"p50", "p90", "p99", "p999"})
            QVERIFY(lat.contains(QLatin1String(p)));
        QVERIFY(lat[QStringLiteral("p50")].toDouble() <= lat[QStringLiteral("p999")].toDouble());
        QCOMPARE(o[QStringLiteral("checksum")].toString().size(), 64);
    }

    void sameChecksumForAnyWorkersPartitionsAndMode_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::newRow("stocks") << QStringLiteral("builtin:stocks");
        QTest::newRow("words") << QStringLiteral("builtin:words");
        QTest::newRow("orders") << QStringLiteral("builtin:orders");
    }

    /** The same input gives the same checksum and state file for any W, any N and naive mode. */
    void sameChecksumForAnyWorkersPartitionsAndMode()
    {
        QFETCH(QString, scenario);
        QString reference, referenceState;
        int run = 0;
        for (const QStringList &extra : {QStringList{QStringLiteral("--workers"), QStringLiteral("1"), QStringLiteral("--partitions"), QStringLiteral("1")},
                                         QStringList{QStringLiteral("--workers"), QStringLiteral("2"), QStringLiteral("--partitions"), QStringLiteral("8")},
                                         QStringList{QStringLiteral("--workers"), QStringLiteral("4"), QStringLiteral("--partitions"), QStringLiteral("13")},
                                         QStringList{QStringLiteral("--mode"), QStringLiteral("naive"), QStringLiteral("--partitions"), QStringLiteral("13")}}) {
            const QString stateFile = path(QStringLiteral("state-%1.tsv").arg(run++));
            QStringList args{QStringLiteral("simulate"), QStringLiteral("--scenario"), scenario, QStringLiteral("--messages"),
                             QStringLiteral("20000"), QStringLiteral("--json"), QStringLiteral("--state-out"), stateFile};
            const QJsonObject o = runJson(args + extra);
            const QString checksum = o[QStringLiteral("checksum")].toString();
            QVERIFY(!checksum.isEmpty());
            // The partition column differs with N; key and value columns must not.
            QByteArray keysAndValues;
            for (const QByteArray &line : readFile(stateFile).split('\n')) {
                const QList<QByteArray> cols = line.split('\t');
                if (cols.size() == 3)
                    keysAndValues += cols[0] + '\t' + cols[2] + '\n';
            }
            if (reference.isEmpty()) {
                reference = checksum;
                referenceState = QString::fromUtf8(keysAndValues);
            }
            QCOMPARE(checksum, reference);
            QCOMPARE(QString::fromUtf8(keysAndValues), referenceState);
        }
    }

    /** CSV input: every row, in file order; state file sorted with %.17g values and partitions. */
    void csvInputAndStateFile()
    {
        const QString stateFile = path(QStringLiteral("csv-state.tsv"));
        const CliResult r = runCli({QStringLiteral("simulate"), QStringLiteral("--input"), path(QStringLiteral("ticks.csv")),
                                    QStringLiteral("--key"), QStringLiteral("symbol"), QStringLiteral("--value"), QStringLiteral("price"),
                                    QStringLiteral("--volume"), QStringLiteral("volume"), QStringLiteral("--computation"), QStringLiteral("vwap"),
                                    QStringLiteral("--partitions"), QStringLiteral("4"), QStringLiteral("--state-out"), stateFile});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("messages      5 (3 distinct keys)"));
        // AAPL vwap = (10*100 + 12.5*300) / 400 = 11.875; MSFT = (20*5 + 22*15) / 20 = 21.5
        // Partitions: XAP safeAbs(hashCode) % 4 with hashCodes from OpenJDK 17: "AAPL" 2001436 -> 0,
        // "MSFT" 2375924 -> 0, "ODD, Inc." -1290736269 -> 1290736269 % 4 = 1.
        QCOMPARE(readFile(stateFile), QByteArray("AAPL\t0\t11.875\nMSFT\t0\t21.5\nODD, Inc.\t1\t1\n"));
    }

    void csvComputations_data()
    {
        QTest::addColumn<QString>("computation");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("last") << QStringLiteral("last") << QByteArray("AAPL\t12.5\nMSFT\t22\nODD, Inc.\t1\n");
        QTest::newRow("count") << QStringLiteral("count") << QByteArray("AAPL\t2\nMSFT\t2\nODD, Inc.\t1\n");
        QTest::newRow("sum") << QStringLiteral("sum") << QByteArray("AAPL\t22.5\nMSFT\t42\nODD, Inc.\t1\n");
        QTest::newRow("mean") << QStringLiteral("mean") << QByteArray("AAPL\t11.25\nMSFT\t21\nODD, Inc.\t1\n");
        QTest::newRow("min") << QStringLiteral("min") << QByteArray("AAPL\t10\nMSFT\t20\nODD, Inc.\t1\n");
        QTest::newRow("max") << QStringLiteral("max") << QByteArray("AAPL\t12.5\nMSFT\t22\nODD, Inc.\t1\n");
    }

    void csvComputations()
    {
        QFETCH(QString, computation);
        QFETCH(QByteArray, expected);
        const QString stateFile = path(QStringLiteral("c-%1.tsv").arg(computation));
        const CliResult r = runCli({QStringLiteral("simulate"), QStringLiteral("--input"), path(QStringLiteral("ticks.csv")),
                                    QStringLiteral("--key"), QStringLiteral("symbol"), QStringLiteral("--value"), QStringLiteral("price"),
                                    QStringLiteral("--computation"), computation, QStringLiteral("--state-out"), stateFile});
        QCOMPARE(r.exitCode, 0);
        QByteArray keysAndValues;
        for (const QByteArray &line : readFile(stateFile).split('\n')) {
            const QList<QByteArray> cols = line.split('\t');
            if (cols.size() == 3)
                keysAndValues += cols[0] + '\t' + cols[2] + '\n';
        }
        QCOMPARE(keysAndValues, expected);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString sim = QStringLiteral("simulate");
        QTest::newRow("unknown-option") << QStringList{sim, QStringLiteral("--frobnicate")} << QStringLiteral("Unknown option 'frobnicate'");
        QTest::newRow("partitions-0") << QStringList{sim, QStringLiteral("--partitions"), QStringLiteral("0")} << QStringLiteral("--partitions must be a whole number between 1 and 65536 (got '0')");
        QTest::newRow("partitions-text") << QStringList{sim, QStringLiteral("--partitions"), QStringLiteral("many")} << QStringLiteral("(got 'many')");
        QTest::newRow("partitions-huge") << QStringList{sim, QStringLiteral("--partitions"), QStringLiteral("99999999999")} << QStringLiteral("--partitions must be");
        QTest::newRow("workers-negative") << QStringList{sim, QStringLiteral("--workers"), QStringLiteral("-1")} << QStringLiteral("--workers must be a whole number between 1 and 1024 (got '-1')");
        QTest::newRow("workers-empty") << QStringList{sim, QStringLiteral("--workers"), QString()} << QStringLiteral("--workers must be");
        QTest::newRow("computation") << QStringList{sim, QStringLiteral("--computation"), QStringLiteral("median")} << QStringLiteral("unknown computation 'median'");
        QTest::newRow("mode") << QStringList{sim, QStringLiteral("--mode"), QStringLiteral("fast")} << QStringLiteral("unknown mode 'fast'");
        QTest::newRow("partitioner") << QStringList{sim, QStringLiteral("--partitioner"), QStringLiteral("md4")} << QStringLiteral("unknown partitioner 'md4'");
        QTest::newRow("missing-input") << QStringList{sim, QStringLiteral("--input"), QStringLiteral("/nonexistent.csv"), QStringLiteral("--key"), QStringLiteral("k")} << QStringLiteral("/nonexistent.csv: no such file");
        QTest::newRow("missing-scenario") << QStringList{sim, QStringLiteral("--scenario"), QStringLiteral("/nonexistent.json")} << QStringLiteral("/nonexistent.json: cannot open");
        QTest::newRow("builtin") << QStringList{sim, QStringLiteral("--scenario"), QStringLiteral("builtin:bonds")} << QStringLiteral("unknown built-in scenario 'bonds'");
        QTest::newRow("input-without-key") << QStringList{sim, QStringLiteral("--input"), QStringLiteral("x.csv")} << QStringLiteral("--input needs --key FIELD");
        QTest::newRow("both-sources") << QStringList{sim, QStringLiteral("--input"), QStringLiteral("x.csv"), QStringLiteral("--scenario"), QStringLiteral("builtin:words")} << QStringLiteral("exclude each other");
        QTest::newRow("key-without-input") << QStringList{sim, QStringLiteral("--key"), QStringLiteral("symbol")} << QStringLiteral("--key applies to --input only");
        QTest::newRow("messages-negative") << QStringList{sim, QStringLiteral("--messages"), QStringLiteral("-5")} << QStringLiteral("--messages must be");
        QTest::newRow("rate") << QStringList{sim, QStringLiteral("--rate"), QStringLiteral("fast")} << QStringLiteral("--rate must be a number");
        QTest::newRow("resize-at") << QStringList{sim, QStringLiteral("--resize-at"), QStringLiteral("100")} << QStringLiteral("--resize-at: '100' is not MESSAGE:N");
        QTest::newRow("max-keys") << QStringList{sim, QStringLiteral("--max-keys"), QStringLiteral("0")} << QStringLiteral("--max-keys must be");
        QTest::newRow("positional") << QStringList{sim, QStringLiteral("extra")} << QStringLiteral("unexpected argument 'extra'");
    }

    /** Bad options: exit 2, one line naming the problem, nothing on stdout. */
    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const CliResult r = runCli(arguments);
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
    }

    void unknownCommand()
    {
        const CliResult r = runCli({QStringLiteral("simulat")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("unknown command 'simulat'"));
    }

    void csvErrors_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("field-count") << QByteArray("symbol,price\nA,1\nB,2,3\n") << QStringList() << 1
                                     << QStringLiteral("bad.csv:3: expected 2 fields (as in the header), found 3");
        QTest::newRow("not-a-number") << QByteArray("symbol,price\nA,1\nB,abc\n") << QStringList() << 1
                                      << QStringLiteral("bad.csv:3: column 'price': 'abc' is not a number");
        QTest::newRow("unterminated") << QByteArray("symbol,price\nA,1\n\"B,2\nC,3\n") << QStringList() << 1
                                      << QStringLiteral("bad.csv:3: unterminated quoted field");
        QTest::newRow("multiline-then-bad") << QByteArray("symbol,price\n\"A\nB\",1\nC,x\n") << QStringList() << 1
                                            << QStringLiteral("bad.csv:4: column 'price'");
        QTest::newRow("no-column") << QByteArray("symbol,price\nA,1\n") << QStringList{QStringLiteral("--value"), QStringLiteral("cost")} << 2
                                   << QStringLiteral("bad.csv:1: no column named 'cost' for the value (columns: symbol, price)");
        QTest::newRow("empty") << QByteArray() << QStringList() << 2 << QStringLiteral("the file is empty");
        // One worker: keys are admitted in input order (with more, owners run at their own pace).
        QTest::newRow("key-limit") << QByteArray("symbol,price\nA,1\nB,1\nC,1\n")
                                   << QStringList{QStringLiteral("--max-keys"), QStringLiteral("2"), QStringLiteral("--workers"), QStringLiteral("1")} << 1
                                   << QStringLiteral("bad.csv:4: more than 2 distinct keys");
    }

    /** A malformed row: exit 1, FILE:LINE: reason on stderr, no summary on stdout. */
    void csvErrors()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QStringList, extra);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const QString file = path(QStringLiteral("bad.csv"));
        writeFile(file, csv);
        QStringList args{QStringLiteral("simulate"), QStringLiteral("--input"), file, QStringLiteral("--key"), QStringLiteral("symbol"),
                         QStringLiteral("--json")};
        if (!extra.contains(QStringLiteral("--value")))
            args << QStringLiteral("--value") << QStringLiteral("price");
        const CliResult r = runCli(args + extra);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
        QVERIFY2(QString::fromUtf8(r.err).contains(file), r.err.constData());
    }

    void resizeAtKeepsChecksum()
    {
        const QStringList base{QStringLiteral("simulate"), QStringLiteral("--messages"), QStringLiteral("30000"), QStringLiteral("--json")};
        const QJsonObject plain = runJson(base);
        const QJsonObject resized = runJson(base + QStringList{QStringLiteral("--resize-at"), QStringLiteral("10000:16,20000:3")});
        QCOMPARE(resized[QStringLiteral("checksum")].toString(), plain[QStringLiteral("checksum")].toString());
        QCOMPARE(resized[QStringLiteral("messages")].toInt(), 30000);
        QCOMPARE(resized[QStringLiteral("partitions")].toInt(), 3);
        const QJsonArray resizes = resized[QStringLiteral("resizes")].toArray();
        QCOMPARE(resizes.size(), 2);
        const QJsonObject first = resizes[0].toObject();
        QCOMPARE(first[QStringLiteral("at")].toInt(), 10000);
        QCOMPARE(first[QStringLiteral("from")].toInt(), 8);
        QCOMPARE(first[QStringLiteral("to")].toInt(), 16);
        QVERIFY(first[QStringLiteral("keys_moved")].toInt() > 0);
        QVERIFY(first.contains(QStringLiteral("pause_ms")));
        QVERIFY(!plain.contains(QStringLiteral("resizes")));
    }

    /** --cost-us: every message costs a worker at least that long, and the state is the same. */
    void costPerMessage()
    {
        const QStringList base{QStringLiteral("simulate"), QStringLiteral("--messages"), QStringLiteral("2000"), QStringLiteral("--workers"),
                               QStringLiteral("1"), QStringLiteral("--json")};
        const CliResult costly = runCli(base + QStringList{QStringLiteral("--cost-us"), QStringLiteral("50")});
        QVERIFY2(costly.exitCode == 0, costly.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(costly.out).object();
        // One worker spinning 50 us per message cannot exceed 20,000 msg/s.
        QVERIFY2(o[QStringLiteral("throughput_msgs_per_s")].toDouble() <= 20000.0, costly.out.constData());
        const CliResult plain = runCli(base);
        QCOMPARE(QJsonDocument::fromJson(plain.out).object()[QStringLiteral("checksum")], o[QStringLiteral("checksum")]);
        const CliResult bad = runCli(base + QStringList{QStringLiteral("--cost-us"), QStringLiteral("-1")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains("--cost-us"));
    }

    void helpAndTable()
    {
        const CliResult help = runCli({QStringLiteral("simulate"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--partitions"));
        const CliResult table = runCli({QStringLiteral("simulate"), QStringLiteral("--messages"), QStringLiteral("100"),
                                        QStringLiteral("--partitions"), QStringLiteral("3")});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.contains("checksum"));
        QVERIFY(table.out.contains("partition   messages"));
    }
};

QTEST_GUILESS_MAIN(TestCliSimulate)
#include "tst_cli_simulate.moc"
