// Bad input through every door of partlab-cli. Every option of every command gets
// invalid values (0, negative, huge, non-numeric, empty, unknown names) and every file option gets
// a missing file, a directory, an unreadable file, binary garbage, a truncated .gz, an enormous
// line, invalid UTF-8, a JSON nesting bomb. Each must end with exit code 1 or 2 (the one the
// README documents), exactly one line on stderr naming the problem (the option, or FILE:LINE),
// nothing on stdout, no crash and no hang.
#include "clirunner.h"

#include "lessons/lesson.h"
#include "routing/partitioner.h"
#include "trace/tracewriter.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <random>
#include <unistd.h>

using namespace partlab;
using partlab::test::CliResult;
using partlab::test::runCli;

namespace {

const QString kHuge = QStringLiteral("99999999999999999999");

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

/** One bad invocation: arguments, standard input, the exit code and what stderr must name. */
struct BadCase
{
    QStringList arguments;
    QByteArray input;
    int exitCode;
    QString needle;
    QByteArray output; ///< what stdout may hold (route prints the keys before a bad stdin line)
};

} // namespace

Q_DECLARE_METATYPE(BadCase)

/** partlab-cli under bad options and bad files: one error line, the documented exit code, nothing on stdout. */
class TestCliBadInput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        write("good.csv", "symbol,price,volume\nAAPL,1,1\nMSFT,2,3\n");
        write("many.csv", "symbol,price\nA,1\nB,2\nC,3\n");
        write("script.jsonl", "{\"op\":\"stats\"}\n");
        std::mt19937 random(10);
        QByteArray garbage;
        for (int i = 0; i < 4096; ++i)
            garbage += char(random() % 256);
        garbage[0] = '\xff'; // never a valid UTF-8 start, whatever the seed gives
        for (const char *name : {"garbage.csv", "garbage.jsonl", "garbage.kv", "garbage.txt", "garbage.json"})
            write(name, garbage);
        write("long.kv", "a\t" + QByteArray(2 << 20, 'x') + "\n");
        write("longrecord.csv", "symbol,price\nA,1\nB," + QByteArray(300, '7') + "\n");
        write("badutf8.kv", "ok\t1\n\xff\xfe\t1\n");
        write("badutf8.csv", "symbol,price\nA,1\n\"\xc3\x28\",2\n");
        write("bomb.jsonl", QByteArray(100000, '[') + "\n");
        write("bomb.json", QByteArray(100000, '[') + "\n");
        QByteArray deep = "{\"k\":\"a\",\"d\":";
        for (int i = 0; i < 70; ++i)
            deep += "{\"d\":";
        deep += "1" + QByteArray(71, '}') + "\n";
        write("deep.jsonl", deep);
        write("empty.csv", "");
        write("badnumber.csv", "symbol,price\nA,1\nB,\"1\n5\"\n");
        QVERIFY(QDir(m_dir.path()).mkpath(s("dir.csv")));
        QVERIFY(QDir(m_dir.path()).mkpath(s("dir.json")));
        write("unreadable.csv", "symbol,price\nA,1\n");
        QFile::setPermissions(path("unreadable.csv"), QFileDevice::Permissions());

        // A real gzip stream (2000 rows), cut in the middle.
        QString error;
        auto writer = TraceWriter::create(path("full.csv.gz"), TraceFormat::Csv, &error);
        QVERIFY2(writer, qPrintable(error));
        for (int i = 0; i < 2000; ++i) {
            const std::string key = "K" + std::to_string(i);
            SourceMessage m;
            m.key = key;
            m.value = i;
            QVERIFY(writer->write(m));
        }
        QVERIFY(writer->finish());
        QFile full(path("full.csv.gz"));
        QVERIFY(full.open(QIODevice::ReadOnly));
        write("truncated.csv.gz", full.readAll().left(full.size() / 2));
    }

    void badOptionValues_data()
    {
        QTest::addColumn<BadCase>("bad");
        const QStringList numbers = {s("0"), s("-1"), kHuge, s("abc"), QString()};
        const QStringList names = {s("abc"), QString()};

        const QStringList simulate = {s("simulate"), s("--messages"), s("200")};
        addValues(simulate, "partitions", numbers + QStringList{s("65537"), s("1.5")});
        addValues(simulate, "workers", numbers + QStringList{s("1025")});
        addValues(simulate, "max-keys", numbers + QStringList{s("1000000001")});
        addValues(simulate, "messages", {s("-1"), s("1125899906842625"), kHuge, s("abc"), QString()});
        addValues(simulate, "seed", {s("-1"), kHuge, s("abc"), QString()});
        addValues(simulate, "rate", {s("-1"), s("1e10"), s("abc"), QString(), s("nan"), s("inf")});
        addValues(simulate, "resize-at", {s("abc"), QString(), s("100"), s("100:0"), s("100:-1"), s("100:65537"), s("-5:2"), s("100:2,abc")});
        addValues(simulate, "computation", names);
        addValues(simulate, "partitioner", names);
        addValues(simulate, "mode", names);
        addValues(simulate, "state-out", {QString()});
        addValues(simulate, "record", {QString()});
        addValues(simulate, "scenario", {QString(), s("builtin:nope")});
        addValues(simulate + QStringList{s("--record"), path("out.csv")}, "record-format", {s("abc"), QString()});
        addValues(simulate + QStringList{s("--record"), path("out.csv")}, "record-format", {s("words")}, s("the words format keeps no values"));
        addValues(simulate, "record-format", {s("csv")}); // without --record
        addValues(simulate, "format", {s("csv")});        // without --input
        const QStringList simulateTrace = {s("simulate"), s("--input"), path("good.csv"), s("--key"), s("symbol")};
        addValues(simulateTrace, "format", names);
        addValues(simulateTrace, "on-error", names);
        addValues(simulateTrace, "max-line-bytes", numbers + QStringList{s("15"), s("1073741825")});
        addValues(simulateTrace, "key", {QString(), s("nosuch")}, s("key"));
        addValues(simulateTrace, "value", {QString(), s("nosuch")}, s("value"));
        addValues(simulateTrace, "seed", {s("1")});
        addValues(simulateTrace, "scenario", {s("builtin:stocks")}, s("exclude each other"));

        const QStringList replay = {s("replay"), path("good.csv"), s("--key"), s("symbol")};
        addValues(replay, "partitions", numbers);
        addValues(replay, "workers", numbers);
        addValues(replay, "max-keys", numbers);
        addValues(replay, "speed", {s("0"), s("-1"), s("1e7"), kHuge, s("abc"), QString(), s("nan")});
        addValues(replay, "max-line-bytes", numbers + QStringList{s("15")});
        addValues(replay, "on-error", names);
        addValues(replay, "format", names);
        addValues(replay, "computation", names);
        addValues(replay, "partitioner", names);
        addValues(replay, "mode", names);
        addValues(replay, "state-out", {QString()});
        addValues(replay, "volume", {s("nosuch")}, s("volume"));
        addValues(replay, "time", {s("nosuch")}, s("timestamp"));

        const QStringList route = {s("route"), s("--partitioner"), s("xap"), s("AAPL")};
        addValues(route, "partitions", numbers + QStringList{s("65537")});
        addValues(route, "key-format", names);
        addValues(route, "partitioner", names);
        addValues(route, "vnodes", {s("8")}, s("--vnodes applies to --partitioner ring only"));
        addValues({s("route"), s("--partitioner"), s("ring"), s("AAPL")}, "vnodes", numbers + QStringList{s("65537")});
        addValues({s("route"), s("--partitioner"), s("ring"), s("AAPL")}, "seed", {s("-1"), s("18446744073709551616"), s("abc"), QString()});
        addValues({s("route"), s("--partitioner"), s("flink"), s("AAPL")}, "max-parallelism", numbers + QStringList{s("32769")});
        addRow({s("route"), s("--partitioner"), s("ring"), s("--partitions"), s("65536"), s("--vnodes"), s("65536"), s("k")}, {}, 2, s("ring"));
        addRow({s("route"), s("--partitioner"), s("redis"), s("--partitions"), s("16385"), s("k")}, {}, 2, s("16384"));
        addRow({s("route"), s("--partitions"), s("4"), s("k")}, {}, 2, s("--partitioner NAME is required"));
        addRow({s("route"), s("--partitioner"), s("xap"), s("--key-format"), s("i32"), s("1"), s("abc")}, {}, 2, s("'abc'"));
        addRow({s("route"), s("--partitioner"), s("xap"), s("--key-format"), s("i32"), s("2147483648")}, {}, 2, s("2147483648"));
        addRow({s("route"), s("--partitioner"), s("kafka"), s("--key-format"), s("hex"), s("abc")}, {}, 2, s("odd number of hex digits"));
        addRow({s("route"), s("--partitioner"), s("kafka"), s("--key-format"), s("hex"), s("zz")}, {}, 2, s("not a hex digit"));
        addRow({s("route"), s("--partitioner"), s("jump"), s("--key-format"), s("u64"), s("--"), s("-1")}, {}, 2, s("'-1'"));

        const QStringList layout = {s("layout"), s("--partitioner"), s("cassandra")};
        addValues(layout, "partitions", numbers + QStringList{s("65537")});
        addValues(layout, "partitioner", names);
        addRow({s("layout")}, {}, 2, s("--partitioner NAME is required"));

        const QStringList movement = {s("movement"), s("--from"), s("4"), s("--to"), s("5"), s("--keys"), s("100")};
        addValues(movement, "from", numbers + QStringList{s("65537")});
        addValues(movement, "to", numbers + QStringList{s("65537")});
        addValues(movement, "keys", numbers + QStringList{s("1000000001")});
        addValues(movement, "partitioner", names);
        addValues(movement, "max-keys", {s("10")}, s("--max-keys applies to --input only"));
        const QStringList movementCsv = {s("movement"), s("--from"), s("4"), s("--to"), s("5"), s("--input"), path("good.csv"), s("--key"), s("symbol")};
        addValues(movementCsv, "max-keys", numbers);
        addValues(movementCsv, "max-line-bytes", numbers + QStringList{s("15")});
        addRow({s("movement"), s("--from"), s("4")}, {}, 2, s("--from N and --to M are required"));

        const QStringList space = {s("space"), s("--partitions"), s("2"), s("--script"), path("script.jsonl")};
        addValues(space, "partitions", numbers + QStringList{s("4097")});
        addValues(space, "partitioner", names);
        addValues(space, "script", {QString()});
        addRow({s("space"), s("--script"), path("script.jsonl")}, {}, 2, s("--partitions N is required"));

        const QStringList sweep = {s("sweep"), s("--scenario"), s("builtin:orders"), s("--messages"), s("2000"), s("--partitioners"), s("xap")};
        addValues(sweep, "partitions", {s("0..4"), s("4..2"), s("abc"), QString(), s("1..65537"), s("-1"), s("2..3..4")});
        addValues(sweep, "workers", numbers);
        addValues(sweep, "target-skew", {s("0"), s("0.5"), s("-1"), s("abc"), QString(), s("nan"), s("inf"), s("1e7")});
        addValues(sweep, "max-keys", numbers);
        addValues(sweep, "partitioners", {s("abc"), s("xap,abc")}, s("abc"));
        addValues(sweep, "messages", {s("-1"), kHuge, s("abc"), QString()});
        addValues(sweep, "seed", {s("-1"), s("abc"), QString()});

        const QStringList hotkeys = {s("hotkeys"), s("builtin:orders"), s("--messages"), s("2000")};
        addValues(hotkeys, "top", numbers + QStringList{s("10001")});
        addValues(hotkeys, "partitions", numbers + QStringList{s("65537")});
        addValues(hotkeys, "capacity", numbers + QStringList{s("1000001")});
        addValues(hotkeys, "max-keys", numbers);
        addValues(hotkeys, "partitioner", names);
        addRow({s("hotkeys"), s("builtin:nope")}, {}, 2, s("unknown built-in scenario 'nope'"));
        addValues(hotkeys, "scenario", {QString()}, s("--scenario needs a value"));
        addValues({s("sweep"), s("--partitioners"), s("xap")}, "scenario", {QString()}, s("--scenario needs a value"));
        addValues({s("sweep"), s("--partitioners"), s("xap")}, "input", {QString()}, s("--input needs a value"));

        const QStringList bench = {s("bench"), s("--messages"), s("1000"), s("--repetitions"), s("1"), s("--only"), s("snapshot")};
        addValues(bench, "messages", numbers + QStringList{s("999")});
        addValues(bench, "keys", numbers + QStringList{s("10000001")});
        addValues(bench, "partitions", numbers);
        addValues(bench, "workers", numbers);
        addValues(bench, "repetitions", numbers + QStringList{s("102")});
        addValues(bench, "routing-keys", numbers + QStringList{s("999")});
        addValues(bench, "trace-messages", numbers + QStringList{s("999")});
        addValues(bench, "rss-lines", numbers + QStringList{s("999")});
        addValues(bench, "only", {s("abc"), QString(), s(",")});

        const std::vector<Lesson> lessons = allLessons();
        QVERIFY(!lessons.empty());
        const QStringList lesson = {s("lesson"), lessons.front().id, s("--no-run")};
        addValues(lesson, "step", numbers + QStringList{QString::number(lessons.front().steps.size() + 1)});
        addRow({s("lesson"), s("no-such-lesson")}, {}, 2, s("unknown lesson 'no-such-lesson'"));

        // Unknown options and commands, and a value with a newline in it (still one line).
        for (const char *command : {"simulate", "replay", "route", "layout", "movement", "space", "sweep", "hotkeys", "bench", "lesson"})
            addRow({QString::fromLatin1(command), s("--bogus")}, {}, 2, s("Unknown option 'bogus'"));
        addRow({s("frobnicate")}, {}, 2, s("unknown command 'frobnicate'"));
        addRow({s("simulate"), s("--partitions"), s("1\n2\t3")}, {}, 2, s("--partitions"));
        addRow({s("simulate"), s("--computation"), s("su\nm")}, {}, 2, s("--computation"));
    }

    void badOptionValues()
    {
        QFETCH(BadCase, bad);
        check(bad);
    }

    void badFiles_data()
    {
        QTest::addColumn<BadCase>("bad");
        const QString gz = path("truncated.csv.gz");
        // replay: nothing runs for a file that cannot be opened as asked (2); damage found while
        // reading is 1, with FILE:LINE.
        addRow({s("replay"), path("missing.csv")}, {}, 2, path("missing.csv") + s(": no such file"));
        addRow({s("replay"), path("dir.csv")}, {}, 2, path("dir.csv") + s(": is a directory"));
        addRow({s("replay"), path("garbage.csv")}, {}, 2, path("garbage.csv") + s(": no key field"));
        addRow({s("replay"), path("garbage.csv"), s("--key"), s("symbol")}, {}, 2, path("garbage.csv") + s(":1: no column named 'symbol'"));
        addRow({s("replay"), path("garbage.jsonl"), s("--key"), s("k")}, {}, 1, path("garbage.jsonl") + s(":1: not valid UTF-8"));
        addRow({s("replay"), path("garbage.kv")}, {}, 1, path("garbage.kv") + s(":1:"));
        addRow({s("replay"), path("garbage.txt")}, {}, 1, path("garbage.txt") + s(":1: not valid UTF-8"));
        addRow({s("replay"), gz, s("--key"), s("key")}, {}, 1, gz + s(": truncated gzip data"));
        addRow({s("replay"), path("long.kv")}, {}, 1, path("long.kv") + s(":1: line longer than 1048576 bytes"));
        addRow({s("replay"), path("badutf8.kv")}, {}, 1, path("badutf8.kv") + s(":2: the key is not valid UTF-8"));
        addRow({s("replay"), path("badutf8.csv"), s("--key"), s("symbol")}, {}, 1, path("badutf8.csv") + s(":3: column 'symbol': the key is not valid UTF-8"));
        addRow({s("replay"), path("bomb.jsonl"), s("--key"), s("k")}, {}, 1, path("bomb.jsonl") + s(":1: bad JSON"));
        addRow({s("replay"), path("deep.jsonl"), s("--key"), s("k")}, {}, 1, path("deep.jsonl") + s(":1: bad JSON at column 329: nested deeper than 64 levels"));
        addRow({s("replay"), path("empty.csv")}, {}, 2, path("empty.csv") + s(": the file is empty"));
        addRow({s("replay"), path("badnumber.csv"), s("--key"), s("symbol"), s("--value"), s("price")}, {}, 1,
               path("badnumber.csv") + s(":3: column 'price': '1?5' is not a number"));
        // One worker: keys are admitted in input order (with more, owners run at their own pace).
        addRow({s("replay"), path("many.csv"), s("--key"), s("symbol"), s("--max-keys"), s("2"), s("--workers"), s("1")}, {}, 1,
               path("many.csv") + s(":4: more than 2 distinct keys"));
        addRow({s("replay"), path("good.csv"), s("--key"), s("symbol"), s("--state-out"), path("dir.csv")}, {}, 1, path("dir.csv"));
        if (geteuid() != 0) // root reads it anyway: the directory rows above cover "cannot be read"
            addRow({s("replay"), path("unreadable.csv"), s("--key"), s("symbol")}, {}, 2, path("unreadable.csv"));

        addRow({s("simulate"), s("--input"), path("missing.csv"), s("--key"), s("symbol")}, {}, 2, path("missing.csv") + s(": no such file"));
        addRow({s("simulate"), s("--input"), path("garbage.kv")}, {}, 1, path("garbage.kv") + s(":1:"));
        addRow({s("simulate"), s("--input"), gz, s("--key"), s("key")}, {}, 1, gz + s(": truncated gzip data"));
        // Owners enforce the limit as they apply: the error names the line of the refused message
        // (one worker, so that which of A and B comes first is fixed).
        addRow({s("simulate"), s("--input"), path("many.csv"), s("--key"), s("symbol"), s("--max-keys"), s("1"), s("--workers"), s("1")}, {}, 1,
               path("many.csv") + s(":3: more than 1 distinct keys by this point"));
        addRow({s("simulate"), s("--scenario"), path("missing.json")}, {}, 2, path("missing.json") + s(": cannot open"));
        addRow({s("simulate"), s("--scenario"), path("dir.json")}, {}, 2, path("dir.json") + s(": cannot open"));
        addRow({s("simulate"), s("--scenario"), path("garbage.json")}, {}, 2, path("garbage.json") + s(":1:"));
        addRow({s("simulate"), s("--scenario"), path("bomb.json")}, {}, 2, path("bomb.json") + s(":1:"));
        if (QFile::exists(s("/dev/zero")))
            addRow({s("simulate"), s("--scenario"), s("/dev/zero")}, {}, 2, s("/dev/zero: too large for a scenario file"));
        addRow({s("simulate"), s("--messages"), s("10"), s("--record"), path("dir.csv")}, {}, 1, path("dir.csv"));

        addRow({s("sweep"), s("--input"), path("missing.csv"), s("--key"), s("symbol")}, {}, 2, path("missing.csv") + s(": no such file"));
        addRow({s("sweep"), s("--input"), path("garbage.kv")}, {}, 1, path("garbage.kv") + s(":1:"));
        addRow({s("sweep"), s("--input"), path("long.kv")}, {}, 1, path("long.kv") + s(":1: line longer than"));
        addRow({s("sweep"), s("--input"), path("many.csv"), s("--key"), s("symbol"), s("--max-keys"), s("2")}, {}, 1,
               path("many.csv") + s(":4: more than 2 distinct keys (raise --max-keys)"));

        addRow({s("hotkeys"), path("missing.kv")}, {}, 2, path("missing.kv") + s(": no such file"));
        addRow({s("hotkeys"), path("dir.csv")}, {}, 2, path("dir.csv") + s(": is a directory"));
        addRow({s("hotkeys"), path("garbage.kv")}, {}, 1, path("garbage.kv") + s(":1:"));
        addRow({s("hotkeys"), path("long.kv")}, {}, 1, path("long.kv") + s(":1: line longer than"));
        addRow({s("hotkeys"), gz, s("--key"), s("key")}, {}, 1, gz + s(": truncated gzip data"));
        addRow({s("hotkeys"), path("many.csv"), s("--key"), s("symbol"), s("--max-keys"), s("2")}, {}, 1,
               path("many.csv") + s(":4: more than 2 distinct keys (raise --max-keys)"));

        const QStringList movement = {s("movement"), s("--from"), s("4"), s("--to"), s("5"), s("--key"), s("symbol"), s("--input")};
        addRow(movement + QStringList{path("missing.csv")}, {}, 2, path("missing.csv") + s(": no such file"));
        addRow(movement + QStringList{path("dir.csv")}, {}, 2, path("dir.csv") + s(": no such file"));
        addRow(movement + QStringList{path("garbage.csv")}, {}, 2, path("garbage.csv") + s(":1: no column named 'symbol'"));
        addRow(movement + QStringList{path("long.kv")}, {}, 2, path("long.kv") + s(":1: bad header row: record longer than"));
        addRow(movement + QStringList{path("badutf8.csv")}, {}, 1, path("badutf8.csv") + s(":3:"));
        addRow(movement + QStringList{path("longrecord.csv"), s("--max-line-bytes"), s("100")}, {}, 1, path("longrecord.csv") + s(":3: record longer than 100 bytes"));
        addRow(movement + QStringList{path("many.csv"), s("--max-keys"), s("2")}, {}, 1, path("many.csv") + s(":4: more than 2 distinct keys (raise --max-keys)"));

        addRow({s("space"), s("--partitions"), s("2"), s("--script"), path("missing.jsonl")}, {}, 1, path("missing.jsonl"));
        addRow({s("space"), s("--partitions"), s("2"), s("--script"), path("dir.csv")}, {}, 1, s("is a directory"));

        // route reads keys from stdin: the rows before a bad line are printed (README), then one error line.
        const QStringList route = {s("route"), s("--partitioner"), s("kafka")};
        PartitionerOptions kafka;
        const auto partitioner = createPartitioner(s("kafka"), kafka, nullptr);
        const QByteArray a = "a\t" + QByteArray::number(partitioner->partition(RoutingKey::text("a"))) + "\n";
        addRow(route, "a\n" + QByteArray((16 << 20) + 10, 'x'), 2, s("stdin line 2: a key longer than 16777216 bytes"), a);
        addRow(route, "a\n\xff\xfe\n", 2, s("stdin line 2: the key is not valid UTF-8"), a);
        addRow(route + QStringList{s("--key-format"), s("i64")}, "1\n\n", 2, s("stdin line 2:"),
               "1\t" + QByteArray::number(partitioner->partition(RoutingKey::int64(1))) + "\n");
    }

    void badFiles()
    {
        QFETCH(BadCase, bad);
        check(bad);
    }

    /** The largest values each option accepts still run, quickly and in bounded memory. */
    void largestValidValuesRun_data()
    {
        QTest::addColumn<QStringList>("arguments");
        // Regression: hotkeys reserved capacity x partitions counters up front (terabytes here).
        QTest::newRow("hotkeys 65536 partitions, capacity 1000000")
            << QStringList{s("hotkeys"), s("builtin:orders"), s("--messages"), s("2000"), s("--partitions"), s("65536"),
                           s("--capacity"), s("1000000"), s("--json")};
        QTest::newRow("simulate 65536 partitions, 1024 workers")
            << QStringList{s("simulate"), s("--messages"), s("1000"), s("--partitions"), s("65536"), s("--workers"), s("1024"), s("--json")};
        QTest::newRow("route ring at its point limit")
            << QStringList{s("route"), s("--partitioner"), s("ring"), s("--partitions"), s("64"), s("--vnodes"), s("65536"), s("k")};
        QTest::newRow("replay with a 1 GiB line limit") << QStringList{s("replay"), path("good.csv"), s("--key"), s("symbol"),
                                                                       s("--max-line-bytes"), s("1073741824"), s("--json")};
    }

    void largestValidValuesRun()
    {
        QFETCH(QStringList, arguments);
        const CliResult r = runCli(arguments, {}, 60000);
        QVERIFY2(!r.crashed, "crashed or hung");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(!r.out.isEmpty());
    }

    /** Keys with tabs and newlines are data, not structure: every output keeps one record per line. */
    void keysWithTabsAndNewlines()
    {
        write("tabs.csv", "symbol,price\n\"a\tb\",1\n\"c\nd\",2\n\"e\\\\f\",3\n");
        const QString state = path("tabs.tsv");
        CliResult r = runCli({s("simulate"), s("--input"), path("tabs.csv"), s("--key"), s("symbol"), s("--value"), s("price"),
                              s("--partitions"), s("4"), s("--state-out"), state});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile f(state);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        QCOMPARE(lines.size(), 4); // three keys and the final newline
        QVERIFY(lines[0].startsWith("a\\tb\t"));
        QVERIFY(lines[1].startsWith("c\\nd\t"));
        QVERIFY(lines[2].startsWith("e\\\\\\\\f\t"));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(lines[i].count('\t'), 2);

        // route: a key argument holding a tab or a newline is printed escaped, on one line.
        r = runCli({s("route"), s("--partitioner"), s("kafka"), s("a\tb"), s("c\nd"), s("e\\f")});
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> routed = r.out.split('\n');
        QCOMPARE(routed.size(), 4);
        QVERIFY2(routed[0].startsWith("a\\tb\t") && routed[0].count('\t') == 1, routed[0].constData());
        QVERIFY2(routed[1].startsWith("c\\nd\t") && routed[1].count('\t') == 1, routed[1].constData());
        QVERIFY2(routed[2].startsWith("e\\\\f\t") && routed[2].count('\t') == 1, routed[2].constData());
        // The partition is the one of the real key bytes, not of the escaped text.
        const CliResult plain = runCli({s("route"), s("--partitioner"), s("kafka"), s("--key-format"), s("hex"), s("610962")});
        QCOMPARE(plain.out.split('\t').value(1), routed[0].split('\t').value(1) + "\n");
    }

    /** A space script's bad lines each get an ok:false answer; the script goes on, exit 0. */
    void spaceScriptGarbage()
    {
        QByteArray script;
        script += "{\"op\":\"defineType\",\"type\":\"T\",\"properties\":{\"id\":\"string\"},\"id\":\"id\"}\n";
        script += QByteArray(50000, '[') + "\n";                     // nesting bomb
        script += "\xff\xfe\x00\x01 binary\n";                          // garbage
        script += "{\"op\":\"write\",\"type\":\"T\",\"entry\":{\"id\":\"" + QByteArray((1 << 20) + 10, 'x') + "\"}}\n"; // > 1 MiB
        script += "{\"op\":\"load\",\"type\":\"T\",\"file\":\"dir.csv\"}\n"; // a directory
        if (QFile::exists(s("/dev/zero")))
            script += "{\"op\":\"load\",\"type\":\"T\",\"file\":\"/dev/zero\"}\n";
        script += "{\"op\":\"write\",\"type\":\"T\",\"entry\":{\"id\":\"a\\tb\\nc\"}}\n"; // a key with a tab and a newline
        script += "{\"op\":\"count\",\"type\":\"T\"}\n";
        write("bad-script.jsonl", script);
        const CliResult r = runCli({s("space"), s("--partitions"), s("3"), s("--script"), path("bad-script.jsonl")}, {}, 20000);
        QVERIFY2(!r.crashed, "crashed or hung");
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        const QList<QByteArray> answers = r.out.trimmed().split('\n');
        const int lines = int(script.count('\n'));
        QCOMPARE(answers.size(), lines);
        for (int i = 0; i < lines; ++i) {
            const QJsonObject a = QJsonDocument::fromJson(answers[i]).object();
            QCOMPARE(a.value(s("line")).toInt(), i + 1);
            const bool expectOk = i == 0 || i >= lines - 2;
            QVERIFY2(a.value(s("ok")).toBool() == expectOk, answers[i].left(300).constData());
            if (!expectOk)
                QVERIFY(!a.value(s("error")).toString().isEmpty());
        }
        QCOMPARE(QJsonDocument::fromJson(answers.last()).object().value(s("result")).toObject().value(s("count")).toInt(), 1);
    }

private:
    QString path(const char *name) const { return m_dir.filePath(QString::fromUtf8(name)); }

    void write(const char *name, const QByteArray &content)
    {
        QFile f(path(name));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(content), qint64(content.size()));
    }

    /** One row per bad value of --@p option on top of @p base; stderr must name @p needle (default: the option). */
    void addValues(const QStringList &base, const char *option, const QStringList &values, const QString &needle = QString())
    {
        const QString name = QStringLiteral("--%1").arg(QLatin1String(option));
        for (const QString &value : values)
            addRow(base + QStringList{name, value}, {}, 2, needle.isEmpty() ? name : needle);
    }

    void addRow(const QStringList &arguments, const QByteArray &input, int exitCode, const QString &needle,
                const QByteArray &output = {})
    {
        QString name = arguments.join(QLatin1Char(' ')).replace(m_dir.path() + QLatin1Char('/'), QString());
        if (name.size() > 120)
            name = name.left(117) + QStringLiteral("...");
        if (!input.isEmpty())
            name += QStringLiteral(" <stdin %1 bytes>").arg(input.size());
        name.replace(QLatin1Char('\n'), QLatin1Char('|')).replace(QLatin1Char('\t'), QLatin1Char('|'));
        QTest::newRow(qPrintable(name)) << BadCase{arguments, input, exitCode, needle, output};
    }

    void check(const BadCase &bad)
    {
        const CliResult r = runCli(bad.arguments, bad.input, 30000);
        const QByteArray context = "stderr: " + r.err.left(500) + " stdout: " + r.out.left(200);
        QVERIFY2(!r.crashed, "crashed or hung: " + context);
        QVERIFY2(r.exitCode == bad.exitCode, qPrintable(QStringLiteral("exit %1, expected %2; ").arg(r.exitCode).arg(bad.exitCode) + QString::fromUtf8(context)));
        QVERIFY2(r.err.endsWith('\n') && r.err.count('\n') == 1, ("not exactly one line on stderr; " + context).constData());
        QVERIFY2(r.err.startsWith("partlab-cli"), context.constData());
        QVERIFY2(QString::fromUtf8(r.err).contains(bad.needle),
                 qPrintable(QStringLiteral("stderr does not name '%1'; ").arg(bad.needle) + QString::fromUtf8(context)));
        QCOMPARE(r.out, bad.output);
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCliBadInput)
#include "tst_cli_badinput.moc"
