#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

/** partlab-cli replay and simulate --record, end to end. */
class TestCliReplay : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
        QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
    };

    QTemporaryDir m_dir;

    static Run cli(const QStringList &arguments)
    {
        QProcess p;
        p.start(QStringLiteral(PARTLAB_CLI), arguments);
        if (!p.waitForFinished(60000))
            qFatal("partlab-cli did not finish");
        Run r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    QString path(const QString &name) const { return m_dir.filePath(name); }

    QString write(const QString &name, const QByteArray &bytes) const
    {
        QFile f(path(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            qFatal("cannot write");
        return f.fileName();
    }

    static QByteArray readFile(const QString &name)
    {
        QFile f(name);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    static QString sample(const char *name)
    {
        return QStringLiteral(PARTLAB_SOURCE_DIR "/resources/traces/") + QLatin1String(name);
    }

private slots:
    void recordThenReplay_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("computation");
        QTest::addColumn<QString>("file");
        for (const char *ext : {"csv", "jsonl", "kv", "csv.gz", "jsonl.gz", "kv.gz"}) {
            const QString e = QLatin1String(ext);
            QTest::newRow(qPrintable(QStringLiteral("stocks/") + e)) << QStringLiteral("builtin:stocks") << QStringLiteral("vwap") << QStringLiteral("stocks.") + e;
        }
        QTest::newRow("orders/jsonl") << QStringLiteral("builtin:orders") << QStringLiteral("mean") << QStringLiteral("orders.jsonl");
        QTest::newRow("words/kv") << QStringLiteral("builtin:words") << QStringLiteral("count") << QStringLiteral("words.kv");
    }

    void recordThenReplay()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, computation);
        QFETCH(QString, file);
        const QString trace = path(file);
        const Run recorded = cli({QStringLiteral("simulate"), QStringLiteral("--scenario"), scenario, QStringLiteral("--messages"), QStringLiteral("20000"),
                                  QStringLiteral("--computation"), computation, QStringLiteral("--partitions"), QStringLiteral("8"),
                                  QStringLiteral("--record"), trace, QStringLiteral("--json"), QStringLiteral("--state-out"), path(file + QStringLiteral(".sim.tsv"))});
        QVERIFY2(recorded.exitCode == 0, qPrintable(recorded.err));
        // Different workers than the recording: the state must not depend on W.
        const Run replayed = cli({QStringLiteral("replay"), trace, QStringLiteral("--computation"), computation,
                                  QStringLiteral("--partitions"), QStringLiteral("8"), QStringLiteral("--workers"), QStringLiteral("3"),
                                  QStringLiteral("--json"), QStringLiteral("--state-out"), path(file + QStringLiteral(".replay.tsv"))});
        QVERIFY2(replayed.exitCode == 0, qPrintable(replayed.err));
        QVERIFY(replayed.err.isEmpty());
        const QJsonObject a = recorded.json(), b = replayed.json();
        QCOMPARE(b.value(QStringLiteral("messages")).toInt(), 20000);
        QCOMPARE(b.value(QStringLiteral("checksum")).toString(), a.value(QStringLiteral("checksum")).toString());
        QCOMPARE(b.value(QStringLiteral("partition_messages")), a.value(QStringLiteral("partition_messages")));
        QCOMPARE(b.value(QStringLiteral("skipped_lines")).toInt(), 0);
        // The same fields as simulate prints, plus the trace's own.
        for (const QString &key : a.keys())
            QVERIFY2(b.contains(key), qPrintable(key));
        const QByteArray simState = readFile(path(file + QStringLiteral(".sim.tsv")));
        QVERIFY(!simState.isEmpty());
        QCOMPARE(readFile(path(file + QStringLiteral(".replay.tsv"))), simState);
    }

    void wordCountMatchesAnIndependentCount()
    {
        const QString text = sample("partitioning.txt");
        const Run r = cli({QStringLiteral("replay"), text, QStringLiteral("--computation"), QStringLiteral("count"),
                           QStringLiteral("--state-out"), path(QStringLiteral("wc.tsv")), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QMap<QString, int> expected;
        static const QRegularExpression word(QStringLiteral("[\\p{L}\\p{N}]+"));
        auto it = word.globalMatch(QString::fromUtf8(readFile(text)));
        int total = 0;
        while (it.hasNext()) {
            ++expected[it.next().captured().toLower()];
            ++total;
        }
        QMap<QString, int> counted;
        const QList<QByteArray> lines = readFile(path(QStringLiteral("wc.tsv"))).split('\n');
        for (const QByteArray &line : lines) {
            if (line.isEmpty())
                continue;
            const QList<QByteArray> cols = line.split('\t');
            QCOMPARE(cols.size(), 3);
            counted[QString::fromUtf8(cols[0])] = cols[2].toInt();
        }
        QCOMPARE(counted, expected);
        QCOMPARE(r.json().value(QStringLiteral("messages")).toInt(), total);
    }

    void badLinesStopWithFileAndLine_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("expected"); // after "partlab-cli replay: FILE:"
        QTest::newRow("csv unterminated quote") << QStringLiteral("q.csv") << QByteArray("key,value\nA,1\n\"B,2\n") << QStringList()
                                                << QStringLiteral("3: unterminated quoted field (the quote opened in this record is never closed)");
        QTest::newRow("csv field count") << QStringLiteral("f.csv") << QByteArray("key,value\nA,1\nB\n") << QStringList()
                                         << QStringLiteral("3: expected 2 fields (as in the header), found 1");
        QTest::newRow("csv bad number") << QStringLiteral("n.csv") << QByteArray("key,value\nA,1\nB,x\n") << QStringList()
                                        << QStringLiteral("3: column 'value': 'x' is not a number");
        QTest::newRow("csv bad timestamp") << QStringLiteral("t.csv") << QByteArray("key,value,time\nA,1,1000\nB,2,noon\n") << QStringList()
                                           << QStringLiteral("3: column 'time': 'noon' is not a timestamp (epoch ms, epoch us or ISO 8601)");
        QTest::newRow("jsonl bad JSON") << QStringLiteral("j.jsonl") << QByteArray("{\"key\":\"A\"}\n{\"key\":\"B\",}\n") << QStringList()
                                        << QStringLiteral("2: bad JSON at column 12: expected a quoted member name");
        QTest::newRow("jsonl bad UTF-8") << QStringLiteral("u.jsonl") << QByteArray("{\"key\":\"A\"}\n{\"key\":\"\xff\"}\n") << QStringList()
                                         << QStringLiteral("2: not valid UTF-8");
        QTest::newRow("kv bad number") << QStringLiteral("k.kv") << QByteArray("A\t1\nB\tten\n") << QStringList()
                                       << QStringLiteral("2: value 'ten' is not a number");
        QTest::newRow("words bad UTF-8") << QStringLiteral("w.txt") << QByteArray("fine\n\xc0\xaf\n") << QStringList()
                                         << QStringLiteral("2: not valid UTF-8");
        QTest::newRow("long line") << QStringLiteral("l.kv") << QByteArray("A\t1\n") + QByteArray(5000, 'x') + "\n" << QStringList{QStringLiteral("--max-line-bytes"), QStringLiteral("1000")}
                                   << QStringLiteral("2: line longer than 1000 bytes (raise --max-line-bytes, or is this a kv file?)");
    }

    void badLinesStopWithFileAndLine()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QStringList, options);
        QFETCH(QString, expected);
        const QString file = write(name, content);
        const Run r = cli(QStringList{QStringLiteral("replay"), file, QStringLiteral("--json")} + options);
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, QStringLiteral("partlab-cli replay: %1:%2\n").arg(file, expected));
        QVERIFY2(r.out.isEmpty(), "nothing is printed as if the run had succeeded");
    }

    void skipCountsAndReports()
    {
        const QString file = write(QStringLiteral("skip.csv"), "key,value\nA,1\nB,x\nC,3\nD\"x,4\nE,5\nF\nG,7\nH,\nI,9\n");
        const Run r = cli({QStringLiteral("replay"), file, QStringLiteral("--on-error"), QStringLiteral("skip"), QStringLiteral("--json"),
                           QStringLiteral("--computation"), QStringLiteral("sum")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject j = r.json();
        QCOMPARE(j.value(QStringLiteral("messages")).toInt(), 5); // A C E G I
        QCOMPARE(j.value(QStringLiteral("skipped_lines")).toInt(), 4);
        QCOMPARE(j.value(QStringLiteral("first_skipped_lines")).toArray(), (QJsonArray{3, 5, 7, 9}));
        QVERIFY2(r.err.startsWith(QStringLiteral("partlab-cli replay: skipped 4 bad lines (first at lines 3, 5, 7, 9):\n")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("  %1:3: column 'value': 'x' is not a number\n").arg(file)));
        QVERIFY(r.err.contains(QStringLiteral("  %1:5: a quote inside unquoted field 1").arg(file)));
        QVERIFY(r.err.contains(QStringLiteral("  %1:9: column 'value': '' is not a number").arg(file)));

        // More bad lines than are listed: all counted, the first five named.
        QByteArray many = "key,value\n";
        for (int i = 0; i < 100; ++i)
            many += i % 2 ? "K,1\n" : "K,bad\n";
        const Run m = cli({QStringLiteral("replay"), write(QStringLiteral("many.csv"), many), QStringLiteral("--on-error"), QStringLiteral("skip")});
        QCOMPARE(m.exitCode, 0);
        QVERIFY2(m.err.startsWith(QStringLiteral("partlab-cli replay: skipped 50 bad lines (first at lines 2, 4, 6, 8, 10, ...):\n")), qPrintable(m.err));
        QCOMPARE(m.err.count(QLatin1Char('\n')), 6);
        QVERIFY(m.out.contains(QStringLiteral("50 bad lines skipped")));
    }

    void speedKeepsTheRecordedGaps_data()
    {
        QTest::addColumn<QString>("speed");
        QTest::addColumn<double>("expected");
        QTest::newRow("speed 1") << QStringLiteral("1") << 0.4;
        QTest::newRow("speed 4") << QStringLiteral("4") << 0.1;
        QTest::newRow("max") << QStringLiteral("max") << 0.0;
    }

    void speedKeepsTheRecordedGaps()
    {
        // 21 messages 20 ms apart (epoch ms): 400 ms of trace time.
        QFETCH(QString, speed);
        QFETCH(double, expected);
        QByteArray jsonl;
        for (int i = 0; i <= 20; ++i)
            jsonl += "{\"t\":" + QByteArray::number(1767225600000LL + 20 * i) + ",\"k\":\"K" + QByteArray::number(i % 3) + "\"}\n";
        const QString file = write(QStringLiteral("paced.jsonl"), jsonl);
        const Run r = cli({QStringLiteral("replay"), file, QStringLiteral("--key"), QStringLiteral("k"), QStringLiteral("--time"), QStringLiteral("t"),
                           QStringLiteral("--speed"), speed, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const double elapsed = r.json().value(QStringLiteral("elapsed_s")).toDouble();
        QVERIFY2(elapsed >= expected * 0.97 && elapsed < expected + 0.2, qPrintable(QString::number(elapsed)));
    }

    void speedWithoutTimestampsSaysSo()
    {
        const Run r = cli({QStringLiteral("replay"), write(QStringLiteral("untimed.kv"), "A\t1\nB\t2\n"), QStringLiteral("--speed"), QStringLiteral("1")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(QStringLiteral("no message had a timestamp")), qPrintable(r.err));
    }

    void badOptions_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString csv = QStringLiteral(PARTLAB_SOURCE_DIR "/resources/traces/stock-ticks.csv");
        const QString kv = QStringLiteral(PARTLAB_SOURCE_DIR "/resources/traces/stock-ticks.kv");
        const QString r = QStringLiteral("replay");
        QTest::newRow("no file") << QStringList{r} << 2 << QStringLiteral("no trace file given");
        QTest::newRow("two files") << QStringList{r, csv, kv} << 2 << QStringLiteral("unexpected argument");
        QTest::newRow("unknown format") << QStringList{r, csv, QStringLiteral("--format"), QStringLiteral("xml")} << 2 << QStringLiteral("--format: unknown format 'xml'");
        QTest::newRow("speed 0") << QStringList{r, csv, QStringLiteral("--speed"), QStringLiteral("0")} << 2 << QStringLiteral("--speed must be a number");
        QTest::newRow("speed word") << QStringList{r, csv, QStringLiteral("--speed"), QStringLiteral("fast")} << 2 << QStringLiteral("or max");
        QTest::newRow("on-error") << QStringList{r, csv, QStringLiteral("--on-error"), QStringLiteral("ignore")} << 2 << QStringLiteral("--on-error must be stop or skip");
        QTest::newRow("max-line-bytes") << QStringList{r, csv, QStringLiteral("--max-line-bytes"), QStringLiteral("0")} << 2 << QStringLiteral("--max-line-bytes must be");
        QTest::newRow("key with kv") << QStringList{r, kv, QStringLiteral("--key"), QStringLiteral("x")} << 2 << QStringLiteral("--key applies to csv and jsonl traces only");
        QTest::newRow("partitions") << QStringList{r, csv, QStringLiteral("--partitions"), QStringLiteral("-1")} << 2 << QStringLiteral("--partitions");
        QTest::newRow("unknown extension") << QStringList{r, QStringLiteral(PARTLAB_SOURCE_DIR "/README.mdx")} << 2 << QStringLiteral("cannot tell the format");
        QTest::newRow("missing file") << QStringList{r, QStringLiteral("/nonexistent/t.csv")} << 2 << QStringLiteral("/nonexistent/t.csv: no such file");
        QTest::newRow("directory") << QStringList{r, QStringLiteral(PARTLAB_SOURCE_DIR), QStringLiteral("--format"), QStringLiteral("csv")} << 2 << QStringLiteral("is a directory");
        QTest::newRow("no such column") << QStringList{r, csv, QStringLiteral("--key"), QStringLiteral("ticker")} << 2 << QStringLiteral("stock-ticks.csv:1: no column named 'ticker' for the key (columns: timestamp, symbol, price, volume)");
        QTest::newRow("record words") << QStringList{QStringLiteral("simulate"), QStringLiteral("--record"), QStringLiteral("x.txt")} << 2 << QStringLiteral("words format keeps no values");
        QTest::newRow("record no format") << QStringList{QStringLiteral("simulate"), QStringLiteral("--record"), QStringLiteral("x.dat")} << 2 << QStringLiteral("give --record-format");
        QTest::newRow("record-format alone") << QStringList{QStringLiteral("simulate"), QStringLiteral("--record-format"), QStringLiteral("csv")} << 2 << QStringLiteral("--record-format applies to --record only");
        QTest::newRow("record unwritable") << QStringList{QStringLiteral("simulate"), QStringLiteral("--messages"), QStringLiteral("10"), QStringLiteral("--record"), QStringLiteral("/nonexistent/dir/r.csv")} << 1 << QStringLiteral("cannot write");
        QTest::newRow("time without input") << QStringList{QStringLiteral("simulate"), QStringLiteral("--time"), QStringLiteral("t")} << 2 << QStringLiteral("--time applies to --input only");
    }

    void badOptions()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run r = cli(arguments);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1); // one line
        QVERIFY(r.out.isEmpty());
    }

    void samplesReplayAsDocumented_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("messages");
        QTest::newRow("stock-ticks.csv") << QStringList{sample("stock-ticks.csv"), QStringLiteral("--key"), QStringLiteral("symbol"), QStringLiteral("--value"), QStringLiteral("price"),
                                                        QStringLiteral("--volume"), QStringLiteral("volume"), QStringLiteral("--time"), QStringLiteral("timestamp"),
                                                        QStringLiteral("--computation"), QStringLiteral("vwap")} << 2000;
        QTest::newRow("stock-ticks.kv") << QStringList{sample("stock-ticks.kv"), QStringLiteral("--computation"), QStringLiteral("last")} << 2000;
        QTest::newRow("orders.jsonl") << QStringList{sample("orders.jsonl"), QStringLiteral("--key"), QStringLiteral("order.customer"), QStringLiteral("--value"), QStringLiteral("order.amount"),
                                                     QStringLiteral("--volume"), QStringLiteral("order.qty"), QStringLiteral("--time"), QStringLiteral("ts"),
                                                     QStringLiteral("--computation"), QStringLiteral("sum")} << 600;
    }

    void samplesReplayAsDocumented()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, messages);
        const Run r = cli(QStringList{QStringLiteral("replay")} + arguments + QStringList{QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json().value(QStringLiteral("messages")).toInt(), messages);
    }

    void csvAndKvSamplesAgree()
    {
        // stock-ticks.kv holds the same ticks as stock-ticks.csv: the last price per symbol agrees.
        const Run a = cli({QStringLiteral("replay"), sample("stock-ticks.csv"), QStringLiteral("--key"), QStringLiteral("symbol"),
                           QStringLiteral("--value"), QStringLiteral("price"), QStringLiteral("--json")});
        const Run b = cli({QStringLiteral("replay"), sample("stock-ticks.kv"), QStringLiteral("--json")});
        QCOMPARE(a.exitCode, 0);
        QCOMPARE(b.exitCode, 0);
        QCOMPARE(a.json().value(QStringLiteral("checksum")), b.json().value(QStringLiteral("checksum")));
    }

    void simulateInputReadsEveryFormat()
    {
        const Run r = cli({QStringLiteral("simulate"), QStringLiteral("--input"), sample("orders.jsonl"), QStringLiteral("--key"), QStringLiteral("order.customer"),
                           QStringLiteral("--value"), QStringLiteral("order.amount"), QStringLiteral("--messages"), QStringLiteral("100"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json().value(QStringLiteral("messages")).toInt(), 100);
        QCOMPARE(r.json().value(QStringLiteral("format")).toString(), QStringLiteral("jsonl"));
    }

    void helpListsTheOptions()
    {
        const Run r = cli({QStringLiteral("replay"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char *option : {"--format", "--key", "--value", "--time", "--computation", "--partitions", "--partitioner", "--workers",
                                   "--speed", "--on-error", "--json", "--state-out", "--max-line-bytes"})
            QVERIFY2(r.out.contains(QLatin1String(option)), option);
    }
};

QTEST_GUILESS_MAIN(TestCliReplay)
#include "tst_cli_replay.moc"
