#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

struct Run
{
    int exitCode = -1;
    QList<QByteArray> lines;
    QByteArray err;
};

Run runCli(const QStringList &arguments, const QByteArray &input = QByteArray())
{
    QProcess process;
    process.start(QStringLiteral(PARTLAB_CLI), arguments);
    process.waitForStarted();
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(60000);
    Run run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    const QByteArray out = process.readAllStandardOutput();
    run.lines = out.split('\n');
    if (!run.lines.isEmpty() && run.lines.last().isEmpty())
        run.lines.removeLast();
    run.err = process.readAllStandardError();
    return run;
}

QJsonObject json(const QByteArray &line)
{
    return QJsonDocument::fromJson(line).object();
}

QList<int> partitions(const QJsonObject &answer)
{
    QList<int> list;
    for (const QJsonValue &v : answer.value(QStringLiteral("partitions")).toArray())
        list << v.toInt();
    return list;
}

} // namespace

/** partlab-cli space end to end: the example script's JSON lines, abuse guards and exit codes. */
class TestCliSpace : public QObject
{
    Q_OBJECT

private slots:
    void runsTheExampleScript()
    {
        const QString script = QStringLiteral(PARTLAB_SOURCE_DIR "/resources/space/orders.jsonl");
        const Run run = runCli({s("space"), s("--partitions"), s("4"), s("--script"), script});
        QCOMPARE(run.exitCode, 0);
        QFile file(script);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const int scriptLines = int(file.readAll().trimmed().split('\n').size());
        QCOMPARE(run.lines.size(), scriptLines);
        QHash<QString, QJsonObject> byOp; // the first answer of each kind
        for (int i = 0; i < run.lines.size(); ++i) {
            const QByteArray &line = run.lines[i];
            // Keys in the documented order, one JSON object per line.
            QVERIFY2(line.startsWith("{\"line\":" + QByteArray::number(i + 1) + ",\"op\":"), line.constData());
            QVERIFY2(line.contains(",\"ok\":") && line.contains(",\"partitions\":[") && line.contains(",\"result\":")
                         && line.contains(",\"error\":"),
                     line.constData());
            const QJsonObject answer = json(line);
            QVERIFY2(!answer.isEmpty(), line.constData());
            const QList<int> touched = partitions(answer);
            QVERIFY(std::is_sorted(touched.begin(), touched.end()));
            QCOMPARE(answer.value(s("ok")).toBool(), answer.value(s("error")).isNull());
        }
        auto at = [&](int line) { return json(run.lines[line - 1]); };
        // defineType names the routing property and the rule: all four rules appear.
        QCOMPARE(at(1).value(s("result")).toObject().value(s("rule")).toString(), s("id"));
        QCOMPARE(at(2).value(s("result")).toObject().value(s("rule")).toString(), s("explicit"));
        QCOMPARE(at(4).value(s("result")).toObject().value(s("rule")).toString(), s("first-indexed"));
        QCOMPARE(at(4).value(s("result")).toObject().value(s("routing")).toString(), s("price"));
        QCOMPARE(at(5).value(s("result")).toObject().value(s("rule")).toString(), s("first-property"));
        QCOMPARE(at(5).value(s("result")).toObject().value(s("routing")).toString(), s("author"));
        // load: every partition scans all 8 rows and keeps its own (2 each for c1..c8 with N=4).
        const QJsonArray perPartition = at(6).value(s("result")).toObject().value(s("perPartition")).toArray();
        QCOMPARE(perPartition.size(), 4);
        int kept = 0;
        for (const QJsonValue &p : perPartition) {
            QCOMPARE(p.toObject().value(s("scanned")).toInt(), 8);
            kept += p.toObject().value(s("kept")).toInt();
        }
        QCOMPARE(kept, 8);
        // Routed write ("c1" -> 3118 % 4 = 2) with a notification of the routed subscription.
        QCOMPARE(partitions(at(8)), QList<int>{2});
        QCOMPARE(at(8).value(s("notifications")).toArray().size(), 1);
        // Null routing value: error naming type and property, nothing touched.
        QVERIFY(!at(9).value(s("ok")).toBool());
        QVERIFY(partitions(at(9)).isEmpty());
        QVERIFY(at(9).value(s("error")).toString().contains(s("type 'Order': its routing property 'customerId' is null")));
        // writeMultiple: one group per partition, in parallel.
        QCOMPARE(at(10).value(s("result")).toObject().value(s("groups")).toArray().size(), 4);
        QCOMPARE(partitions(at(10)), (QList<int>{0, 1, 2, 3}));
        // Routed query vs broadcast query vs routed by id.
        QCOMPARE(partitions(at(12)), QList<int>{2});
        QCOMPARE(partitions(at(13)), (QList<int>{0, 1, 2, 3}));
        QCOMPARE(partitions(at(14)), QList<int>{2}); // co-located Customer c1
        QCOMPARE(partitions(at(15)), (QList<int>{0, 1, 2, 3}));
        QCOMPARE(partitions(at(16)), QList<int>{2});
        // Blocking take without the routing value is refused; with it, it times out on one partition.
        QVERIFY(at(19).value(s("error")).toString().contains(s("does not broadcast blocking operations")));
        QVERIFY(at(20).value(s("result")).toObject().value(s("timedOut")).toBool());
        // Auto-generated ids: round-robin and carry their partition.
        QCOMPARE(at(21).value(s("result")).toObject().value(s("id")).toString(), s("A0^1"));
        QCOMPARE(at(22).value(s("result")).toObject().value(s("id")).toString(), s("A1^2"));
        QCOMPARE(partitions(at(24)), QList<int>{1});
        // Broadcast FIFO read says the merge is not globally FIFO.
        QVERIFY(at(28).value(s("result")).toObject().value(s("fifo")).toString().contains(s("not globally FIFO")));
        // SQL error with its position; invalid JSON line; the script went on.
        QCOMPARE(at(31).value(s("error")).toString().left(11), s("position 9:"));
        QVERIFY(at(32).value(s("op")).isNull());
        QVERIFY(at(32).value(s("error")).toString().startsWith(s("invalid JSON")));
        // clean and snapshot: the default partition only.
        QCOMPARE(partitions(at(33)), QList<int>{0});
        QCOMPARE(partitions(at(35)), QList<int>{0});
        QVERIFY(at(36).value(s("ok")).toBool());
    }

    void guardsAgainstAbuse()
    {
        QByteArray input;
        input += "{\"op\":\"defineType\",\"type\":\"K\",\"properties\":{\"k\":\"string\"}}\n";
        input += QByteArray(100000, '[') + QByteArray(100000, ']') + '\n';       // nesting bomb
        input += "{\"op\":\"write\",\"type\":\"K\",\"entry\":{\"k\":\"" + QByteArray(3 << 20, 'x') + "\"}}\n"; // 3 MiB line
        input += "\n";                                                           // blank: no answer
        input += "[1,2]\n";                                                      // JSON but not an object
        input += "{\"op\":\"write\",\"type\":\"K\",\"entry\":{\"k\":{\"nested\":1}}}\n"; // wrong value type
        input += "{\"op\":\"frobnicate\"}\n";
        input += "{\"op\":\"read\",\"type\":\"K\",\"template\":{\"k\":\"a\"},\"timeout_ms\":-5}\n";
        input += "{\"op\":\"write\",\"type\":\"K\",\"entry\":{\"k\":\"a\"}}";    // last line without newline
        const Run run = runCli({s("space"), s("--partitions"), s("3"), s("--script"), s("-")}, input);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.lines.size(), 8);
        QVERIFY(json(run.lines[1]).value(s("error")).toString().contains(s("nested deeper than")));
        QCOMPARE(json(run.lines[1]).value(s("line")).toInt(), 2);
        QVERIFY(json(run.lines[2]).value(s("error")).toString().contains(s("longer than 1048576 bytes")));
        QCOMPARE(json(run.lines[3]).value(s("line")).toInt(), 5); // the blank line 4 got no answer
        QVERIFY(json(run.lines[3]).value(s("error")).toString().contains(s("JSON object")));
        QVERIFY(json(run.lines[4]).value(s("error")).toString().contains(s("property 'k' is string")));
        QVERIFY(json(run.lines[5]).value(s("error")).toString().contains(s("unknown op 'frobnicate'")));
        QVERIFY(json(run.lines[6]).value(s("error")).toString().contains(s("timeout_ms")));
        QVERIFY(json(run.lines[7]).value(s("ok")).toBool());
        QCOMPARE(json(run.lines[7]).value(s("line")).toInt(), 9);
    }

    void loadFailureLeavesTheSpaceAsItWas()
    {
        QTemporaryDir dir;
        QFile csv(dir.filePath(s("bad.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("customerId,name\nc1,Ada\n,Nobody\nc3,Edsger\n");
        csv.close();
        QFile script(dir.filePath(s("script.jsonl")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("{\"op\":\"defineType\",\"type\":\"Customer\",\"properties\":{\"customerId\":\"string\",\"name\":\"string\"},\"id\":\"customerId\"}\n"
                     "{\"op\":\"load\",\"type\":\"Customer\",\"file\":\"bad.csv\"}\n"
                     "{\"op\":\"count\",\"type\":\"Customer\"}\n"
                     "{\"op\":\"load\",\"type\":\"Customer\",\"file\":\"missing.csv\"}\n");
        script.close();
        const Run run = runCli({s("space"), s("--partitions"), s("2"), s("--script"), script.fileName()});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.lines.size(), 4);
        QVERIFY2(json(run.lines[1]).value(s("error")).toString().contains(s("bad.csv:3: the id property 'customerId' is empty")),
                 run.lines[1].constData());
        QCOMPARE(json(run.lines[2]).value(s("result")).toObject().value(s("count")).toInt(), 0);
        QVERIFY(json(run.lines[3]).value(s("error")).toString().contains(s("cannot open")));
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        const QString script = QStringLiteral(PARTLAB_SOURCE_DIR "/resources/space/orders.jsonl");
        QTest::newRow("ok") << QStringList{s("space"), s("--partitions"), s("2"), s("--script"), script} << 0;
        QTest::newRow("no partitions") << QStringList{s("space"), s("--script"), script} << 2;
        QTest::newRow("zero partitions") << QStringList{s("space"), s("--partitions"), s("0"), s("--script"), script} << 2;
        QTest::newRow("not a number") << QStringList{s("space"), s("--partitions"), s("many"), s("--script"), script} << 2;
        QTest::newRow("bad partitioner") << QStringList{s("space"), s("--partitions"), s("2"), s("--partitioner"), s("nope"),
                                                        s("--script"), script} << 2;
        QTest::newRow("no script") << QStringList{s("space"), s("--partitions"), s("2")} << 2;
        QTest::newRow("unknown option") << QStringList{s("space"), s("--partitions"), s("2"), s("--frob"), s("--script"), script} << 2;
        QTest::newRow("missing file") << QStringList{s("space"), s("--partitions"), s("2"), s("--script"), s("/nonexistent/x.jsonl")} << 1;
        QTest::newRow("directory") << QStringList{s("space"), s("--partitions"), s("2"), s("--script"), QStringLiteral(PARTLAB_SOURCE_DIR)} << 1;
        QTest::newRow("help") << QStringList{s("space"), s("--help")} << 0;
    }

    void exitCodes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        const Run run = runCli(arguments);
        QCOMPARE(run.exitCode, exitCode);
        if (exitCode != 0)
            QVERIFY(!run.err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliSpace)
#include "tst_cli_space.moc"
