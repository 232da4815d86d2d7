#include "clirunner.h"
#include "routing/partitioner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <map>

using namespace partlab::test;

/** partlab-cli bench: every part runs (tiny sizes) and reports what it measured; bad options exit 2. */
class TestCliBench : public QObject
{
    Q_OBJECT

private slots:
    void everyPartReports()
    {
        const CliResult r = runCli({QStringLiteral("bench"), QStringLiteral("--messages"), QStringLiteral("20000"), QStringLiteral("--keys"),
                                    QStringLiteral("500"), QStringLiteral("--repetitions"), QStringLiteral("1"), QStringLiteral("--trace-messages"),
                                    QStringLiteral("5000"), QStringLiteral("--rss-lines"), QStringLiteral("5000"), QStringLiteral("--routing-keys"),
                                    QStringLiteral("20000"), QStringLiteral("--space-entries"), QStringLiteral("2000,5000"),
                                    QStringLiteral("--space-ops"), QStringLiteral("2000"), QStringLiteral("--json")},
                                   {}, 180000);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        const QJsonArray runtime = o[QStringLiteral("runtime")].toArray();
        QCOMPARE(runtime.size(), 4); // last/vwap x uniform/zipf
        for (const QJsonValue &v : runtime) {
            const QJsonObject row = v.toObject();
            for (const char *field : {"raw_msgs_per_s", "naive_msgs_per_s", "partitioned_msgs_per_s"})
                QVERIFY2(row[QLatin1String(field)].toDouble() > 0, field);
            QCOMPARE(row[QStringLiteral("partitioned_over_raw")].toDouble(),
                     row[QStringLiteral("partitioned_msgs_per_s")].toDouble() / row[QStringLiteral("raw_msgs_per_s")].toDouble());
        }
        // The capacity model's speed, and its prediction against the runtime with --cost-us.
        const QJsonObject capacity = o[QStringLiteral("capacity")].toObject();
        QVERIFY(capacity[QStringLiteral("simulated_msgs_per_s")].toDouble() > 0);
        const QJsonArray checks = capacity[QStringLiteral("runtime_checks")].toArray();
        QVERIFY(checks.size() >= 2);
        for (const QJsonValue &v : checks) {
            const QJsonObject c = v.toObject();
            QVERIFY(c[QStringLiteral("predicted_msgs_per_s")].toDouble() > 0);
            QCOMPARE(c[QStringLiteral("measured_over_predicted")].toDouble(),
                     c[QStringLiteral("measured_msgs_per_s")].toDouble() / c[QStringLiteral("predicted_msgs_per_s")].toDouble());
        }
        const QJsonArray routing = o[QStringLiteral("routing")].toArray();
        QCOMPARE(routing.size(), 3 * qsizetype(partlab::partitionerNames().size())); // interned, string and u64 keys per partitioner
        QStringList names;
        for (const QJsonValue &v : routing)
            names << v.toObject()[QStringLiteral("name")].toString();
        for (const char *name : {"xap/interned", "kafka/string", "jump/u64"})
            QVERIFY2(names.contains(QLatin1String(name)), qPrintable(names.join(QLatin1Char(' '))));
        QVERIFY(o[QStringLiteral("snapshot_1024_us")].toDouble() > 0);
        // csv/jsonl x (parse msg/s and MB/s, the one-thread fold, replay msg/s and MB/s, replay over fold)
        const QJsonArray trace = o[QStringLiteral("trace")].toArray();
        QCOMPARE(trace.size(), 12);
        std::map<QString, double> traceMedian;
        for (const QJsonValue &v : trace)
            traceMedian[v.toObject()[QStringLiteral("name")].toString() + QLatin1Char(' ') + v.toObject()[QStringLiteral("unit")].toString()] =
                v.toObject()[QStringLiteral("median")].toDouble();
        for (const char *format : {"csv", "jsonl"}) {
            const QString f = QLatin1String(format);
            QVERIFY(traceMedian[f + QStringLiteral("/fold, one thread msg/s")] > 0);
            QVERIFY(traceMedian[f + QStringLiteral("/replay msg/s")] > 0);
            QVERIFY(traceMedian[f + QStringLiteral("/replay over fold x")] > 0); // the median of per-repetition ratios
        }
        for (const QJsonValue &v : o[QStringLiteral("runtime")].toArray()) {
            const QJsonObject row = v.toObject();
            QVERIFY(row[QStringLiteral("one_producer_msgs_per_s")].toDouble() > 0);
            // 20 000 ticks are 5 chunks, before the runtime's first store probe: all streamed
            // with more than one worker, none with one.
            const double streamed = row[QStringLiteral("partitioned_streamed_share")].toDouble();
            QCOMPARE(streamed, o[QStringLiteral("workers")].toInt() > 1 ? 1.0 : 0.0);
            QCOMPARE(row[QStringLiteral("partitioned_over_look_ahead")].toDouble(),
                     row[QStringLiteral("partitioned_msgs_per_s")].toDouble() / row[QStringLiteral("look_ahead_msgs_per_s")].toDouble());
            // The ceiling: W threads whose tables add up to every message (0 otherwise).
            QVERIFY(row[QStringLiteral("split_msgs_per_s")].toDouble() > 0);
            QCOMPARE(row[QStringLiteral("partitioned_over_split")].toDouble(),
                     row[QStringLiteral("partitioned_msgs_per_s")].toDouble() / row[QStringLiteral("split_msgs_per_s")].toDouble());
            QCOMPARE(row[QStringLiteral("split_over_raw")].toDouble(),
                     row[QStringLiteral("split_msgs_per_s")].toDouble() / row[QStringLiteral("raw_msgs_per_s")].toDouble());
        }
        QVERIFY(o[QStringLiteral("replay_peak_rss_mb")].toDouble() > 1);

        // The space: every operation at both sizes with 1 and 2 clients, the mix beside its baseline.
        const QJsonObject space = o[QStringLiteral("space")].toObject();
        const QJsonArray operations = space[QStringLiteral("operations")].toArray();
        QCOMPARE(operations.size(), 7 * 2 * 2);
        for (const QJsonValue &v : operations) {
            const QJsonObject row = v.toObject();
            QVERIFY2(row[QStringLiteral("ops_per_s")].toDouble() > 0, qPrintable(row[QStringLiteral("operation")].toString()));
            if (row[QStringLiteral("operation")].toString() == QLatin1String("routed read by id"))
                QCOMPARE(row[QStringLiteral("examined_per_op")].toDouble(), 1.0); // the id index: one entry looked at
            if (row[QStringLiteral("operation")].toString() == QLatin1String("broadcast count of the type"))
                QCOMPARE(row[QStringLiteral("examined_per_op")].toDouble(), 0.0); // per-type counts: no scan
        }
        const QJsonArray mix = space[QStringLiteral("mix_vs_baseline")].toArray();
        QCOMPARE(mix.size(), 4);
        for (const QJsonValue &v : mix) {
            const QJsonObject row = v.toObject();
            QVERIFY(row[QStringLiteral("baseline_ops_per_s")].toDouble() > 0);
            // One repetition: its pair is the ratio, and the medians are the pair's two rates.
            const QJsonArray paired = row[QStringLiteral("paired_ratios")].toArray();
            QCOMPARE(paired.size(), 1);
            QCOMPARE(paired[0].toDouble(), row[QStringLiteral("space_ops_per_s")].toDouble() / row[QStringLiteral("baseline_ops_per_s")].toDouble());
            QCOMPARE(row[QStringLiteral("space_over_baseline")].toDouble(), paired[0].toDouble());
        }
        QCOMPARE(space[QStringLiteral("rss_entries")].toInteger(), 5000);
        QVERIFY(space[QStringLiteral("rss_mb")].toDouble() > space[QStringLiteral("rss_added_mb")].toDouble());
    }

    void badOptions_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("only") << QStringList{QStringLiteral("bench"), QStringLiteral("--only"), QStringLiteral("gpu")} << QStringLiteral("unknown part 'gpu'");
        QTest::newRow("messages") << QStringList{QStringLiteral("bench"), QStringLiteral("--messages"), QStringLiteral("0")} << QStringLiteral("--messages must be");
        QTest::newRow("workers") << QStringList{QStringLiteral("bench"), QStringLiteral("--workers"), QStringLiteral("x")} << QStringLiteral("--workers must be");
        QTest::newRow("space-entries") << QStringList{QStringLiteral("bench"), QStringLiteral("--space-entries"), QStringLiteral("10,x")}
                                       << QStringLiteral("--space-entries: '10' is not a size from 100 to 100000000");
    }

    void badOptions()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const CliResult r = runCli(arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliBench)
#include "tst_cli_bench.moc"
