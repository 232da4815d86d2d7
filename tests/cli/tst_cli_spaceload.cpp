#include "clirunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace partlab::test;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QStringList args(const char *text)
{
    return s(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

qint64 sum(const QJsonArray &values)
{
    qint64 total = 0;
    for (const QJsonValue &v : values)
        total += v.toInteger();
    return total;
}

} // namespace

/** partlab-cli space-load end to end: the JSON report, conservation, --routing, determinism, bad options. */
class TestCliSpaceLoad : public QObject
{
    Q_OBJECT

private:
    static QJsonObject runJson(const QStringList &arguments)
    {
        const CliResult r = runCli(QStringList{s("space-load"), s("--json")} + arguments);
        if (r.crashed || r.exitCode != 0)
            qWarning("exit %d: %s", r.exitCode, r.err.constData());
        const QJsonDocument doc = QJsonDocument::fromJson(r.out);
        return r.exitCode == 0 && doc.isObject() ? doc.object() : QJsonObject();
    }

private slots:
    void jsonHasTheDocumentedFieldsAndConserves_data()
    {
        QTest::addColumn<QString>("options");
        QTest::addColumn<int>("partitions");
        QTest::newRow("defaults/4") << s("--partitions 4 --ops 1500") << 4;
        QTest::newRow("issue mix/3 clients/8") << s("--partitions 8 --clients 3 --ops 2000 --mix write=40,read=30,take=10,readMultiple=10,count=5,clear=5 --routed-share 0.9") << 8;
        QTest::newRow("Order by orderId/zipf/5") << s("--partitions 5 --ops 1500 --routing Order=orderId --distribution zipf --zipf 1.2") << 5;
    }

    void jsonHasTheDocumentedFieldsAndConserves()
    {
        QFETCH(QString, options);
        QFETCH(int, partitions);
        const QJsonObject o = runJson(options.split(QLatin1Char(' ')));
        const QStringList names = o.keys();
        const QSet<QString> keys(names.begin(), names.end());
        QCOMPARE(keys, (QSet<QString>{s("ops"), s("routed_ops"), s("broadcast_ops"), s("partition_ops"), s("partition_entries"),
                                      s("entries_written"), s("entries_removed"), s("throughput_ops_per_s"), s("latency_us"),
                                      s("blocking_timeouts"), s("blocking_wait_client_s"),
                                      s("throughput_outside_blocking_ops_per_s")}));
        const QJsonObject ops = o.value(s("ops")).toObject();
        qint64 total = 0;
        for (const QString &op : ops.keys())
            total += ops.value(op).toInteger();
        const qint64 expected = options.section(s("--ops "), 1).section(QLatin1Char(' '), 0, 0).toLongLong();
        QCOMPARE(total, expected);
        QCOMPARE(o.value(s("routed_ops")).toInteger() + o.value(s("broadcast_ops")).toInteger(), total);
        QCOMPARE(o.value(s("partition_ops")).toArray().size(), partitions);
        QCOMPARE(o.value(s("partition_entries")).toArray().size(), partitions);
        QCOMPARE(sum(o.value(s("partition_entries")).toArray()),
                 o.value(s("entries_written")).toInteger() - o.value(s("entries_removed")).toInteger());
        QVERIFY(o.value(s("throughput_ops_per_s")).toDouble() > 0);
        const QJsonObject latency = o.value(s("latency_us")).toObject();
        QVERIFY(latency.contains(s("write")));
        QVERIFY(latency.value(s("write")).toObject().value(s("p99")).toDouble()
                >= latency.value(s("write")).toObject().value(s("p50")).toDouble());
        // A broadcast counts once on every partition.
        for (const QJsonValue &v : o.value(s("partition_ops")).toArray())
            QVERIFY(v.toInteger() >= o.value(s("broadcast_ops")).toInteger());
    }

    void blockingWaitsAreReportedApart()
    {
        // Blocking takes on customers with no orders yet time out: their waits are idle time.
        const QJsonObject o = runJson(args("--partitions 4 --clients 2 --ops 400 --mix write=1,blockingTake=1 --block-timeout-ms 5"));
        const qint64 timeouts = o.value(s("blocking_timeouts")).toInteger();
        const double waited = o.value(s("blocking_wait_client_s")).toDouble();
        QVERIFY(timeouts > 0);
        QVERIFY2(waited >= 0.005 * double(timeouts) * 0.95, qPrintable(QString::number(waited))); // each waited its timeout
        // Outside those waits the space is faster than the run's overall rate.
        QVERIFY(o.value(s("throughput_outside_blocking_ops_per_s")).toDouble() > o.value(s("throughput_ops_per_s")).toDouble());
        const CliResult r = runCli(args("space-load --partitions 4 --clients 2 --ops 400 --mix write=1,blockingTake=1 --block-timeout-ms 5"));
        QVERIFY2(r.out.contains("timed out; they waited "), r.out.constData());
    }

    void routingOptionChangesWhatIsRouted()
    {
        const QStringList common = args("--partitions 8 --ops 1000 --mix readMultiple=1 --routed-share 1 --order-share 1");
        const QJsonObject byCustomer = runJson(common);
        QCOMPARE(byCustomer.value(s("routed_ops")).toInteger(), 1000);
        QCOMPARE(byCustomer.value(s("broadcast_ops")).toInteger(), 0);
        const QJsonObject byOrderId = runJson(common + args("--routing Order=orderId"));
        QCOMPARE(byOrderId.value(s("routed_ops")).toInteger(), 0);
        QCOMPARE(byOrderId.value(s("broadcast_ops")).toInteger(), 1000);
        QCOMPARE(byOrderId.value(s("partition_ops")).toArray(), QJsonArray({1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000}));
    }

    void oneClientGivesTheSameEntriesEveryRun()
    {
        const QStringList options = args("--partitions 6 --clients 1 --ops 1500 --seed 9 --block-timeout-ms 1");
        const QJsonArray first = runJson(options).value(s("partition_entries")).toArray();
        QVERIFY(!first.isEmpty());
        QCOMPARE(runJson(options).value(s("partition_entries")).toArray(), first);
    }

    void humanReportSaysConservationHolds()
    {
        const CliResult r = runCli(args("space-load --partitions 3 --ops 500"));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("conservation holds"), r.out.constData());
        QVERIFY(r.out.contains("routing: Customer by customerId, Order by customerId"));
    }

    void badOptionsAreUsageErrors_data()
    {
        QTest::addColumn<QString>("options");
        QTest::addColumn<QString>("message");
        QTest::newRow("no partitions") << s("--ops 10") << s("--partitions N is required");
        QTest::newRow("unknown op") << s("--partitions 2 --mix write=1,fly=2") << s("unknown operation 'fly'");
        QTest::newRow("unknown property") << s("--partitions 2 --routing Order=colour") << s("no property 'colour'");
        QTest::newRow("unknown type") << s("--partitions 2 --routing Invoice=id") << s("unknown type 'Invoice'");
        QTest::newRow("share above 1") << s("--partitions 2 --routed-share 1.5") << s("--routed-share");
        QTest::newRow("bad distribution") << s("--partitions 2 --distribution pareto") << s("pareto");
        QTest::newRow("bad partitioner") << s("--partitions 2 --partitioner nope") << s("nope");
    }

    void badOptionsAreUsageErrors()
    {
        QFETCH(QString, options);
        QFETCH(QString, message);
        const CliResult r = runCli(QStringList{s("space-load")} + options.split(QLatin1Char(' ')));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    }
};

QTEST_APPLESS_MAIN(TestCliSpaceLoad)
#include "tst_cli_spaceload.moc"
