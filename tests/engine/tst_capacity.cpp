#include "capacity/capacitymodel.h"

#include <QTest>

#include <cmath>

using namespace partlab;

namespace {

/** One key on one partition, one consumer with one thread: a single-server queue. */
CapacityConfig singleServer(double utilization, ServiceTimeSpec::Kind kind, quint64 messages)
{
    CapacityConfig c;
    c.keys = {{"k", 1.0}};
    c.partitionerOptions.partitions = 1;
    c.service.kind = kind;
    c.service.meanUs = 100.0; // mu = 10,000 per second
    c.rate = utilization * 1e6 / c.service.meanUs;
    c.messages = messages;
    c.seed = 42;
    return c;
}

std::vector<CapacityKey> keys(int count)
{
    std::vector<CapacityKey> k;
    for (int i = 0; i < count; ++i)
        k.push_back({"key" + std::to_string(i), 1.0});
    return k;
}

} // namespace

/** The capacity model against queueing theory, and its assignors, limits and determinism. */
class TestCapacity : public QObject
{
    Q_OBJECT

private slots:
    void queueingTheory_data()
    {
        QTest::addColumn<double>("rho");
        QTest::addColumn<bool>("exponential");
        for (const double rho : {0.5, 0.7, 0.9}) {
            QTest::addRow("M/M/1 rho %.1f", rho) << rho << true;
            QTest::addRow("M/D/1 rho %.1f", rho) << rho << false;
        }
    }

    /**
     * Poisson arrivals into one server: the mean wait in the queue is rho / (mu - lambda) for
     * exponential service (M/M/1) and rho / (2 mu (1 - rho)) for a fixed one (M/D/1). Within 3 %
     * over 4 M messages.
     */
    void queueingTheory()
    {
        QFETCH(double, rho);
        QFETCH(bool, exponential);
        const CapacityConfig c = singleServer(rho, exponential ? ServiceTimeSpec::Kind::Exponential : ServiceTimeSpec::Kind::Fixed, 4'000'000);
        const CapacityResult r = simulateCapacity(c);
        QVERIFY2(r.ok, qPrintable(r.error));
        const double mu = 1.0 / c.service.meanUs; // per microsecond
        const double lambda = rho * mu;
        const double theory = exponential ? rho / (mu - lambda) : rho / (2.0 * mu * (1.0 - rho));
        QVERIFY2(std::abs(r.meanWaitUs - theory) / theory < 0.03,
                 qPrintable(QStringLiteral("mean wait %1 us, theory %2 us").arg(r.meanWaitUs).arg(theory)));
        QVERIFY2(std::abs(r.partitions[0].utilization - rho) < 0.01, qPrintable(QString::number(r.partitions[0].utilization)));
        QVERIFY(r.stable);
        QCOMPARE(r.arrived, quint64(4'000'000));
    }

    void deterministicForASeed()
    {
        CapacityConfig c = singleServer(0.8, ServiceTimeSpec::Kind::Exponential, 200'000);
        const CapacityResult a = simulateCapacity(c);
        const CapacityResult b = simulateCapacity(c);
        QCOMPARE(a.meanWaitUs, b.meanWaitUs);
        QCOMPARE(a.latencyUs.p99, b.latencyUs.p99);
        c.seed = 43;
        QVERIFY(simulateCapacity(c).meanWaitUs != a.meanWaitUs);
    }

    void assignors()
    {
        // Kafka RangeAssignor: 7 partitions over 3 consumers -> 3, 2, 2 contiguous.
        QCOMPARE(assignPartitions(Assignor::Range, 7, 3), (std::vector<int>{0, 0, 0, 1, 1, 2, 2}));
        QCOMPARE(assignPartitions(Assignor::RoundRobin, 7, 3), (std::vector<int>{0, 1, 2, 0, 1, 2, 0}));
        QCOMPARE(assignPartitions(Assignor::Modulo, 7, 3), assignPartitions(Assignor::RoundRobin, 7, 3));
        QCOMPARE(assignPartitions(Assignor::Range, 2, 3), (std::vector<int>{0, 1})); // consumer 2 idle
        QCOMPARE(assignorFromName(QStringLiteral("sticky")), Assignor::Sticky);
        // Flink's KeyGroupRangeAssignment: 10 key groups over 4 subtasks, kg * 4 / 10 -> 3, 2, 3, 2
        // (Kafka's range gives 3, 3, 2, 2).
        QCOMPARE(assignPartitions(Assignor::Flink, 10, 4), (std::vector<int>{0, 0, 0, 1, 1, 2, 2, 2, 3, 3}));
        QCOMPARE(assignPartitions(Assignor::Range, 10, 4), (std::vector<int>{0, 0, 0, 1, 1, 1, 2, 2, 3, 3}));
        // 128 key groups over 3 subtasks: 0-42, 43-85, 86-127 (tst_cli_layout's flink/3).
        const std::vector<int> flink = assignPartitions(Assignor::Flink, 128, 3);
        QCOMPARE(flink[42], 0);
        QCOMPARE(flink[43], 1);
        QCOMPARE(flink[85], 1);
        QCOMPARE(flink[86], 2);
        QVERIFY(!assignorFromName(QStringLiteral("cooperative")));
    }

    void serviceTimeSpecs()
    {
        QString error;
        QCOMPARE(ServiceTimeSpec::parse(QStringLiteral("fixed:250"), &error)->meanUs, 250.0);
        QCOMPARE(ServiceTimeSpec::parse(QStringLiteral("exp:80"), &error)->kind, ServiceTimeSpec::Kind::Exponential);
        const auto logNormal = ServiceTimeSpec::parse(QStringLiteral("lognormal:100,900"), &error);
        QVERIFY2(logNormal, qPrintable(error));
        for (const char *bad : {"250", "fixed:-1", "exp:1,2", "lognormal:100,50", "lognormal:1,1000", "gamma:3", "fixed:abc"}) {
            QVERIFY2(!ServiceTimeSpec::parse(QLatin1String(bad), &error), bad);
            QVERIFY2(error.startsWith(QStringLiteral("service time '%1': ").arg(QLatin1String(bad))), qPrintable(error));
        }
        // The log-normal has the mean and p99 asked for: one server, no queueing (rate tiny).
        CapacityConfig c = singleServer(0.001, ServiceTimeSpec::Kind::Fixed, 400'000);
        c.service = *logNormal;
        const CapacityResult r = simulateCapacity(c);
        QVERIFY2(std::abs(r.meanLatencyUs - 100.0) < 2.0, qPrintable(QString::number(r.meanLatencyUs)));
        QVERIFY2(std::abs(r.latencyUs.p99 - 900.0) / 900.0 < 0.07, qPrintable(QString::number(r.latencyUs.p99)));
    }

    /** Saturation: analytic from the offered loads, and the search lands next to it. */
    void saturation()
    {
        CapacityConfig c;
        c.keys = keys(64);
        c.partitionerOptions.partitions = 8;
        c.consumers = 2;
        c.threads = 2;
        c.service.kind = ServiceTimeSpec::Kind::Exponential;
        c.service.meanUs = 200.0;
        c.rate = 5000;
        c.messages = 400'000;
        const CapacityResult r = simulateCapacity(c);
        QVERIFY2(r.ok, qPrintable(r.error));
        // 4 threads of 5,000 msg/s each at best: the busiest partition or consumer decides.
        QVERIFY(r.analyticSaturationRate > 0 && r.analyticSaturationRate <= 20000.0 + 1e-6);
        double maxPartition = 0, maxConsumer = 0;
        for (const auto &p : r.partitions)
            maxPartition = std::max(maxPartition, p.offeredLoad);
        for (const auto &cr : r.consumers)
            maxConsumer = std::max(maxConsumer, cr.offeredLoad / c.threads);
        QCOMPARE(r.analyticSaturationRate, c.rate / std::max(maxPartition, maxConsumer));
        int runs = 0;
        QString error;
        const double found = findSaturationRate(c, 0.01, &error, &runs);
        QVERIFY2(found > 0, qPrintable(error));
        QVERIFY2(std::abs(found - r.analyticSaturationRate) / r.analyticSaturationRate < 0.05,
                 qPrintable(QStringLiteral("search %1, analytic %2").arg(found).arg(r.analyticSaturationRate)));
        QVERIFY(runs > 3);
        // Past saturation the lag grows: unstable, with a final lag.
        c.rate = r.analyticSaturationRate * 1.2;
        const CapacityResult over = simulateCapacity(c);
        QVERIFY(!over.stable);
        QVERIFY(over.finalBacklog > 1000);
    }

    /** A heavy key saturates its partition whatever the number of consumers. */
    void heavyKeyPinsItsPartition()
    {
        CapacityConfig c;
        c.keys = keys(100);
        c.keys[0].weight = 30.0; // 30 / 129 of the arrivals
        c.partitionerOptions.partitions = 16;
        c.service.meanUs = 100.0;
        c.rate = 20000;
        c.messages = 100'000;
        double previous = -1;
        for (const int consumers : {2, 4, 16}) {
            c.consumers = consumers;
            c.threads = 4;
            const CapacityResult r = simulateCapacity(c);
            // key0's partition: 30/129 x rate x 100 us must stay < 1, so rate < 43,000 msg/s at most.
            QVERIFY(r.analyticSaturationRate <= 129.0 / 30.0 * 1e4 + 1e-6);
            if (consumers >= 4) {
                QCOMPARE(r.analyticSaturationRate, previous); // more consumers do not help
                QVERIFY(r.partitionBound);
                QCOMPARE(r.hotKey, std::string("key0"));
                QVERIFY(std::abs(r.hotKeyShare - 30.0 / 129.0) < 1e-12);
            }
            previous = r.analyticSaturationRate;
        }
        // A per-key override: the heavy key costs ten times as much.
        c.keyService = {{"key0", ServiceTimeSpec{ServiceTimeSpec::Kind::Fixed, 1000.0, 0.0}}};
        QVERIFY(simulateCapacity(c).analyticSaturationRate < previous / 5.0);
    }

    /** Bursts: the same average load served worse; the saturation rate counts the average. */
    void bursts()
    {
        QString error;
        QVERIFY(!CapacityConfig::Burst::parse(QStringLiteral("3:1000/100"), &error));
        QVERIFY(error.contains(QLatin1String("shorter than its period")));
        const auto burst = CapacityConfig::Burst::parse(QStringLiteral("3:100/1000"), &error);
        QVERIFY2(burst, qPrintable(error));
        QCOMPARE(burst->averageFactor(), 1.2);

        CapacityConfig c = singleServer(0.6, ServiceTimeSpec::Kind::Exponential, 400'000);
        const CapacityResult plain = simulateCapacity(c);
        CapacityConfig b = c;
        b.burst = *burst;
        b.rate = c.rate / 1.2; // the same average rate
        const CapacityResult bursty = simulateCapacity(b);
        QVERIFY(std::abs(bursty.partitions[0].utilization - plain.partitions[0].utilization) < 0.01);
        QVERIFY2(std::abs(bursty.analyticSaturationRate * 1.2 - plain.analyticSaturationRate) < 1e-6,
                 qPrintable(QStringLiteral("%1 %2").arg(bursty.analyticSaturationRate).arg(plain.analyticSaturationRate)));
        // In a burst the server is offered 1.8 times what it serves: the queue builds, the p99 grows.
        QVERIFY2(bursty.latencyUs.p99 > 3 * plain.latencyUs.p99,
                 qPrintable(QStringLiteral("%1 vs %2").arg(bursty.latencyUs.p99).arg(plain.latencyUs.p99)));
        QCOMPARE(bursty.arrived, quint64(400'000));
        // 100 ms bursts every second: the arrivals take about 400,000 / 6,000 s of virtual time.
        QVERIFY(std::abs(bursty.virtualSeconds - 400'000 / 6000.0) / (400'000 / 6000.0) < 0.02);
    }

    void boundedMemoryStopsEarly()
    {
        CapacityConfig c = singleServer(2.0, ServiceTimeSpec::Kind::Fixed, 5'000'000);
        c.maxBacklog = 10'000;
        const CapacityResult r = simulateCapacity(c);
        QVERIFY(r.ok);
        QVERIFY(r.stoppedEarly);
        QVERIFY(!r.stable);
        QVERIFY(r.arrived < 30'000);
    }

    /** A trace replayed at its own speed and faster: its time stamps, scaled by the rate. */
    void traceArrivals()
    {
        CapacityConfig c;
        c.keys = {{"k", 1.0}};
        c.partitionerOptions.partitions = 1;
        c.service = ServiceTimeSpec{ServiceTimeSpec::Kind::Fixed, 50.0, 0.0};
        for (quint32 i = 0; i < 20000; ++i)
            c.trace.push_back({double(i) * 100.0, 0}); // one message every 100 us: 10,000 msg/s
        QCOMPARE(traceRate(c.trace), 10000.0);
        c.rate = traceRate(c.trace);
        CapacityResult r = simulateCapacity(c);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.arrived, quint64(20000));
        QCOMPARE(r.meanWaitUs, 0.0); // each message is served before the next arrives
        QVERIFY(std::abs(r.partitions[0].utilization - 0.5) < 0.01);
        c.rate = 25000; // 2.5 x the trace's speed: 50 us of work every 40 us
        r = simulateCapacity(c);
        QVERIFY(!r.stable);
        QVERIFY(std::abs(r.virtualSeconds - 19999 * 40e-6) < 1e-9);
        c.trace[5].key = 3;
        QVERIFY(simulateCapacity(c).error.contains(QLatin1String("names key 3")));
    }

    /** The time-lapse: lag per partition at evenly spaced moments of virtual time. */
    void lagFrames()
    {
        CapacityConfig c;
        c.keys = keys(32);
        c.partitionerOptions.partitions = 4;
        c.service.meanUs = 100.0;
        c.rate = 12000; // 1.2 x one thread's 10,000 msg/s
        c.messages = 50'000;
        c.frames = 20;
        const CapacityResult r = simulateCapacity(c);
        QCOMPARE(int(r.lagFrames.size()), 20);
        QCOMPARE(int(r.frameSeconds.size()), 20);
        for (std::size_t f = 1; f < r.frameSeconds.size(); ++f)
            QVERIFY(r.frameSeconds[f] > r.frameSeconds[f - 1]);
        const auto total = [&](std::size_t f) {
            quint64 sum = 0;
            for (const quint32 lag : r.lagFrames[f])
                sum += lag;
            return sum;
        };
        QCOMPARE(int(r.lagFrames.front().size()), 4);
        QVERIFY(total(19) > 4 * total(4)); // the lag grows with time when the consumer is overloaded
        QCOMPARE(total(19), r.finalBacklog);
    }

    void rejectsBadConfigurations()
    {
        CapacityConfig c = singleServer(0.5, ServiceTimeSpec::Kind::Fixed, 10);
        c.consumers = 0;
        QVERIFY(simulateCapacity(c).error.contains(QLatin1String("consumers")));
        c = singleServer(0.5, ServiceTimeSpec::Kind::Fixed, 10);
        c.keys.clear();
        QVERIFY(simulateCapacity(c).error.contains(QLatin1String("no keys")));
        c = singleServer(0.5, ServiceTimeSpec::Kind::Fixed, 10);
        c.partitioner = QStringLiteral("nope");
        QVERIFY(simulateCapacity(c).error.contains(QLatin1String("unknown partitioner")));
    }
};

QTEST_GUILESS_MAIN(TestCapacity)
#include "tst_capacity.moc"
