#include "spacefixtures.h"

#include "workload/spaceworkload.h"

#include <QTest>

#include <algorithm>
#include <numeric>

using namespace partlab;
using namespace partlab::testing;

Q_DECLARE_METATYPE(partlab::SpaceWorkloadConfig)

namespace {

SpaceWorkloadConfig configFor(const char *mix, int clients, int partitions, qint64 operations = 1500)
{
    SpaceWorkloadConfig c;
    c.mix = *SpaceWorkloadConfig::mixFromText(QString::fromLatin1(mix), nullptr);
    c.clients = clients;
    c.partitions = partitions;
    c.operations = operations;
    c.blockingTimeoutMs = 1;
    c.customers = 200;
    return c;
}

SpaceWorkloadResult runOrFail(const SpaceWorkloadConfig &config)
{
    QString error;
    const auto result = SpaceWorkload::run(config, &error);
    if (!result)
        qFatal("workload did not start: %s", qPrintable(error));
    return *result;
}

quint64 sum(const std::vector<quint64> &values)
{
    return std::accumulate(values.begin(), values.end(), quint64(0));
}

} // namespace

/**
 * The space workload generator: conservation of entries, routed/broadcast accounting for several
 * mixes, client counts and partition counts (run under TSan by the tsan preset), determinism for
 * one client, and what a routing property does to routing and to where entries land.
 */
class TestSpaceWorkload : public QObject
{
    Q_OBJECT

private slots:
    void conservationAndAccounting_data()
    {
        QTest::addColumn<SpaceWorkloadConfig>("config");
        const char *defaults = "write=30,writeMultiple=5,update=5,read=25,take=10,readMultiple=10,count=5,clear=5,blockingTake=5";
        QTest::newRow("default mix/1 client/1 partition") << configFor(defaults, 1, 1);
        QTest::newRow("default mix/4 clients/8 partitions") << configFor(defaults, 4, 8);
        QTest::newRow("writes and takes/3 clients/5 partitions") << configFor("write=50,take=50", 3, 5);
        // writeMultiple hands groups to the proxy's pool: few batches keep the test fast on a busy machine.
        QTest::newRow("batches and clears/2 clients/16 partitions") << configFor("writeMultiple=10,clear=20,count=20,update=50", 2, 16, 600);
        QTest::newRow("blocking takes/4 clients/3 partitions") << configFor("write=50,blockingTake=50", 4, 3);
        SpaceWorkloadConfig byOrderId = configFor(defaults, 3, 7);
        byOrderId.routing.insert(s("Order"), s("orderId"));
        QTest::newRow("Order by orderId/3 clients/7 partitions") << byOrderId;
        SpaceWorkloadConfig byStatus = configFor("write=40,writeMultiple=10,update=20,take=15,clear=5,blockingTake=10", 2, 6);
        byStatus.routing.insert(s("Order"), s("status"));
        byStatus.routing.insert(s("Customer"), s("region"));
        byStatus.distribution.kind = KeyDistributionSpec::Kind::Zipf;
        QTest::newRow("Order by status, Customer by region, zipf/2 clients/6 partitions") << byStatus;
    }

    void conservationAndAccounting()
    {
        QFETCH(SpaceWorkloadConfig, config);
        const SpaceWorkloadResult r = runOrFail(config);
        QVERIFY2(r.failedOps == 0, qPrintable(r.firstFailure));
        QVERIFY(r.finished);
        QCOMPARE(r.totalOps(), quint64(config.operations));
        // Every operation is either routed or broadcast.
        QCOMPARE(r.routedOps + r.broadcastOps, r.totalOps());
        // A broadcast is executed by every partition, a routed operation by its partitions only.
        const std::vector<quint64> perPartition = r.partitionOps();
        QCOMPARE(int(perPartition.size()), config.partitions);
        QCOMPARE(sum(perPartition), sum(r.partitionRouted) + r.broadcastOps * quint64(config.partitions));
        for (int p = 0; p < config.partitions; ++p)
            QVERIFY(perPartition[std::size_t(p)] >= r.broadcastOps);
        // Routed operations touch at least one partition; only writeMultiple touches more.
        QVERIFY(sum(r.partitionRouted) >= r.routedOps);
        if (r.ops[std::size_t(SpaceOp::WriteMultiple)] == 0)
            QCOMPARE(sum(r.partitionRouted), r.routedOps);
        // Conservation, in total and per partition.
        QVERIFY2(r.conservationError().isEmpty(), qPrintable(r.conservationError()));
        QCOMPARE(r.finalEntriesTotal(), qint64(r.entriesWritten) - qint64(r.entriesRemoved));
        QVERIFY(r.entriesWritten > 0);
        // Latency is recorded for every operation executed.
        for (int op = 0; op < kSpaceOpCount; ++op)
            QCOMPARE(r.latency[std::size_t(op)].count, r.ops[std::size_t(op)]);
    }

    void keyedQueriesWithTheRoutingValueStayOnOnePartition()
    {
        SpaceWorkloadConfig c = configFor("count=1", 2, 8, 2000);
        c.routedShare = 1.0;
        const SpaceWorkloadResult r = runOrFail(c);
        QCOMPARE(r.broadcastOps, quint64(0));
        QCOMPARE(r.routedOps, quint64(2000));
        QCOMPARE(sum(r.partitionOps()), quint64(2000));
    }

    void keylessQueriesAreBroadcast()
    {
        SpaceWorkloadConfig c = configFor("read=1", 2, 8, 2000);
        c.routedShare = 0.0;
        const SpaceWorkloadResult r = runOrFail(c);
        QCOMPARE(r.broadcastOps, quint64(2000));
        QCOMPARE(r.partitionOps(), std::vector<quint64>(8, 2000));
        QCOMPARE(r.broadcastShare(), 1.0);
    }

    void orderRoutedByOrderIdBroadcastsQueriesByCustomer()
    {
        // XAP's co-location example: orders of a customer are found on one partition only when
        // Order is routed by customerId.
        SpaceWorkloadConfig c = configFor("readMultiple=1", 1, 8, 1000);
        c.routedShare = 1.0;
        c.orderShare = 1.0;
        QCOMPARE(runOrFail(c).routedOps, quint64(1000));
        c.routing.insert(s("Order"), s("orderId"));
        const SpaceWorkloadResult byOrderId = runOrFail(c);
        QCOMPARE(byOrderId.broadcastOps, quint64(1000));
        QCOMPARE(byOrderId.routedOps, quint64(0));
    }

    void blockingTakesAlwaysCarryTheRoutingValue()
    {
        for (const char *routing : {"customerId", "orderId", "amount", "status"}) {
            SpaceWorkloadConfig c = configFor("write=1,blockingTake=1", 2, 4, 600);
            c.routing.insert(s("Order"), QString::fromLatin1(routing));
            c.routedShare = 0.0; // key-less queries would be broadcast: blocking takes must not be
            const SpaceWorkloadResult r = runOrFail(c);
            QVERIFY2(r.failedOps == 0, qPrintable(r.firstFailure));
            QCOMPARE(r.broadcastOps, quint64(0));
            QVERIFY(r.ops[std::size_t(SpaceOp::BlockingTake)] > 0);
            QVERIFY(r.blockingTimeouts <= r.ops[std::size_t(SpaceOp::BlockingTake)]);
            QVERIFY2(r.conservationError().isEmpty(), qPrintable(r.conservationError()));
        }
    }

    void oneClientIsDeterministic()
    {
        SpaceWorkloadConfig c = configFor("write=30,writeMultiple=2,update=5,read=20,take=15,readMultiple=5,count=5,clear=5,"
                                          "blockingTake=10", 1, 7, 2000);
        c.seed = 42;
        c.distribution.kind = KeyDistributionSpec::Kind::Zipf;
        const SpaceWorkloadResult first = runOrFail(c);
        const SpaceWorkloadResult second = runOrFail(c);
        QCOMPARE(first.finalEntries, second.finalEntries);
        QCOMPARE(first.partitionOps(), second.partitionOps());
        QCOMPARE(first.entriesWritten, second.entriesWritten);
        QCOMPARE(first.entriesRemoved, second.entriesRemoved);
        QCOMPARE(first.ops, second.ops);
        c.seed = 43;
        QVERIFY(runOrFail(c).finalEntries != first.finalEntries);
    }

    void aHotCustomerPilesOrdersOntoOnePartitionUnlessRoutedByOrderId()
    {
        SpaceWorkloadConfig c = configFor("write=1", 1, 8, 4000);
        c.orderShare = 1.0;
        c.distribution.kind = KeyDistributionSpec::Kind::HotKey;
        c.distribution.hotKeyShare = 0.5;
        const SpaceWorkloadResult byCustomer = runOrFail(c);
        const qint64 busiest = *std::max_element(byCustomer.finalEntries.begin(), byCustomer.finalEntries.end());
        QVERIFY2(busiest > 4000 / 2, qPrintable(QString::number(busiest)));
        c.routing.insert(s("Order"), s("orderId"));
        const SpaceWorkloadResult byOrderId = runOrFail(c);
        const qint64 busiestById = *std::max_element(byOrderId.finalEntries.begin(), byOrderId.finalEntries.end());
        QVERIFY2(busiestById < 4000 / 8 * 3 / 2, qPrintable(QString::number(busiestById)));
    }

    void snapshotsAndSamplesWhileRunning()
    {
        SpaceWorkloadConfig c = configFor("write=2,read=1,take=1", 2, 4, 0); // until stopped
        c.rate = 20'000;
        SpaceWorkload workload(c);
        QString error;
        QVERIFY2(workload.start(&error), qPrintable(error));
        QList<SpaceOperationSample> samples;
        QTRY_VERIFY_WITH_TIMEOUT(workload.snapshot().totalOps() > 500, 10000);
        QTRY_VERIFY_WITH_TIMEOUT((workload.requestSample(), samples += workload.takeSamples(), samples.size() >= 3), 10000);
        for (const SpaceOperationSample &sample : samples) {
            QVERIFY(sample.typeName == s("Order") || sample.typeName == s("Customer"));
            QVERIFY(sample.broadcast ? sample.partitions == allPartitions(4) : sample.partitions.size() == 1);
        }
        const SpaceWorkloadSnapshot during = workload.snapshot();
        QVERIFY(!during.finished);
        QVERIFY(during.seconds > 0.0);
        workload.stop();
        QTRY_VERIFY_WITH_TIMEOUT(workload.isFinished(), 10000);
        workload.wait();
        const SpaceWorkloadResult r = workload.result();
        QVERIFY(r.finished);
        QVERIFY(r.totalOps() >= during.totalOps());
        QVERIFY2(r.conservationError().isEmpty(), qPrintable(r.conservationError()));
    }

    void conservationErrorNamesTheDifference()
    {
        SpaceWorkloadResult r;
        r.entriesWritten = 10;
        r.entriesRemoved = 4;
        r.finalEntries = {2, 4};
        r.partitionEntries = {2, 4};
        QCOMPARE(r.conservationError(), QString());
        r.entriesRemoved = 3;
        QVERIFY(r.conservationError().contains(s("expected 7")));
        r.entriesRemoved = 4;
        r.partitionEntries = {3, 3};
        QVERIFY(r.conservationError().contains(s("partition 0")));
    }

    void countAndClearReportWhatEachPartitionDid()
    {
        auto space = ordersSpace(4);
        for (int i = 0; i < 40; ++i)
            QVERIFY(space->write(order(QStringLiteral("o%1").arg(i), QStringLiteral("c%1").arg(i % 9), i)).ok);
        const SpaceQuery all = SpaceQuery::all(*space->type(s("Order")));
        const CountResult counted = space->count(all);
        QCOMPARE(counted.partitionCounts.size(), counted.partitions.size());
        QCOMPARE(std::accumulate(counted.partitionCounts.begin(), counted.partitionCounts.end(), qint64(0)), qint64(40));
        const QList<SpacePartitionStats> before = space->stats();
        for (qsizetype i = 0; i < counted.partitions.size(); ++i)
            QCOMPARE(counted.partitionCounts[i], before[counted.partitions[i]].entries);
        const CountResult cleared = space->clear(*space->templateQuery(templ(s("Order"), s("customerId"), Value::string(s("c1"))), nullptr));
        QCOMPARE(cleared.partitionCounts, QList<qint64>{cleared.count});
        QCOMPARE(cleared.count, qint64(5)); // o1, o10, o19, o28, o37
    }

    void parsesMixAndRouting()
    {
        QString error;
        const auto mix = SpaceWorkloadConfig::mixFromText(s("write=40, read=30,blockingTake=5"), &error);
        QVERIFY(mix);
        QCOMPARE((*mix)[std::size_t(SpaceOp::Write)], 40.0);
        QCOMPARE((*mix)[std::size_t(SpaceOp::BlockingTake)], 5.0);
        QCOMPARE((*mix)[std::size_t(SpaceOp::Take)], 0.0);
        QVERIFY(!SpaceWorkloadConfig::mixFromText(s("write=40,wirte=3"), &error));
        QVERIFY(error.contains(s("wirte")));
        QVERIFY(!SpaceWorkloadConfig::mixFromText(s("write=-1"), &error));
        QVERIFY(!SpaceWorkloadConfig::mixFromText(s("write=1,write=2"), &error));
        QVERIFY(!SpaceWorkloadConfig::mixFromText(s("read=0"), &error));
        QMap<QString, QString> routing;
        QVERIFY(SpaceWorkloadConfig::routingFromText(s("Order=orderId,Customer=name"), routing, &error));
        QCOMPARE(routing.value(s("Order")), s("orderId"));
        QVERIFY(!SpaceWorkloadConfig::routingFromText(s("Order=colour"), routing, &error));
        QVERIFY(error.contains(s("colour")));
        QVERIFY(!SpaceWorkloadConfig::routingFromText(s("Invoice=id"), routing, &error));
        SpaceWorkloadConfig c;
        c.routing = routing;
        QCOMPARE(c.orderType().routing, s("orderId"));
        QCOMPARE(c.customerType().routing, s("name"));
        c.routing.clear();
        QCOMPARE(c.customerType().routing, QString()); // XAP's id rule picks customerId
        QCOMPARE(TypeDescriptor::resolveRouting(c.customerType()).property, s("customerId"));
    }
};

QTEST_APPLESS_MAIN(TestSpaceWorkload)
#include "tst_spaceworkload.moc"
