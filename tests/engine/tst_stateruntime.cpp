#include "runnerevents.h"
#include "runtime/simulationrunner.h"
#include "runtime/stateruntime.h"
#include "routing/xappartitioner.h"
#include "workload/scenariosource.h"

#include <QTest>

#include <map>
#include <thread>

using namespace partlab;

namespace {

struct Msg
{
    std::string key;
    double value;
    double volume;
};

std::vector<Msg> generate(quint64 count, quint32 keys, KeyDistributionSpec::Kind kind, quint64 seed = 7)
{
    ScenarioSpec spec = *ScenarioSpec::builtin(QStringLiteral("stocks"));
    spec.messages = count;
    spec.keys = keys;
    spec.distribution.kind = kind;
    spec.distribution.hotKeyShare = 0.6;
    spec.seed = seed;
    ScenarioSource source(spec);
    std::vector<Msg> out;
    SourceMessage m;
    while (source.next(m) == MessageSource::Status::Message)
        out.push_back({std::string(m.key), m.value, m.volume});
    return out;
}

/**
 * An independent single-threaded fold of the same messages, written out per computation
 * without the engine's code, in message order.
 */
std::map<std::string, double> referenceFold(const std::vector<Msg> &messages, Computation c)
{
    struct Acc { double sum = 0, pv = 0, vol = 0, last = 0, min = 0, max = 0; quint64 n = 0; };
    std::map<std::string, Acc> acc;
    for (const Msg &m : messages) {
        Acc &a = acc[m.key];
        a.min = a.n == 0 ? m.value : std::fmin(a.min, m.value);
        a.max = a.n == 0 ? m.value : std::fmax(a.max, m.value);
        a.sum += m.value;
        a.pv += m.value * m.volume;
        a.vol += m.volume;
        a.last = m.value;
        ++a.n;
    }
    std::map<std::string, double> out;
    for (const auto &[k, a] : acc) {
        switch (c) {
        case Computation::Last: out[k] = a.last; break;
        case Computation::Count: out[k] = double(a.n); break;
        case Computation::Sum: out[k] = a.sum; break;
        case Computation::Mean: out[k] = a.sum / double(a.n); break;
        case Computation::Min: out[k] = a.min; break;
        case Computation::Max: out[k] = a.max; break;
        case Computation::Vwap: out[k] = a.pv / a.vol; break;
        }
    }
    return out;
}

std::unique_ptr<StateRuntime> makeRuntime(RuntimeConfig config)
{
    QString error;
    auto runtime = StateRuntime::create(config, &error);
    if (!runtime)
        qFatal("cannot create runtime: %s", qPrintable(error));
    return runtime;
}

void submitAll(StateRuntime &runtime, const std::vector<Msg> &messages)
{
    for (const Msg &m : messages)
        QCOMPARE(runtime.submit(m.key, m.value, m.volume), StateRuntime::SubmitResult::Ok);
    runtime.drain();
}

} // namespace

class TestStateRuntime : public QObject
{
    Q_OBJECT

private slots:
    void matchesReferenceFold_data()
    {
        QTest::addColumn<int>("computation");
        QTest::addColumn<int>("workers");
        QTest::addColumn<int>("partitions");
        QTest::addColumn<int>("mode");
        for (const QString &name : computationNames()) {
            for (int w : {1, 2, 4}) {
                for (int n : {1, 3, 8, 64}) {
                    QTest::addRow("%s/W%d/N%d", qPrintable(name), w, n)
                        << int(*computationFromName(name)) << w << n << int(RuntimeMode::Partitioned);
                }
            }
            QTest::addRow("%s/naive/W2/N8", qPrintable(name)) << int(*computationFromName(name)) << 2 << 8 << int(RuntimeMode::Naive);
        }
    }

    /** Conservation and equality with an independent fold, for every computation, W and N. */
    void matchesReferenceFold()
    {
        QFETCH(int, computation);
        QFETCH(int, workers);
        QFETCH(int, partitions);
        QFETCH(int, mode);
        static const std::vector<Msg> messages = generate(20000, 300, KeyDistributionSpec::Kind::Zipf);
        RuntimeConfig config;
        config.computation = Computation(computation);
        config.workers = workers;
        config.partitionerOptions.partitions = partitions;
        config.mode = RuntimeMode(mode);
        config.batchSize = 64;
        auto runtime = makeRuntime(config);
        submitAll(*runtime, messages);

        const RuntimeSnapshot snap = runtime->snapshot();
        QCOMPARE(snap.applied, quint64(messages.size()));
        quint64 sum = 0;
        for (const PartitionStats &p : snap.partitions) {
            sum += p.applied;
            QCOMPARE(p.queueDepth, quint64(0));
        }
        QCOMPARE(sum, quint64(messages.size()));

        const auto expected = referenceFold(messages, config.computation);
        const std::vector<KeyResult> state = runtime->collectState();
        QCOMPARE(state.size(), expected.size());
        PartitionerOptions o;
        o.partitions = partitions;
        XapPartitioner xap(o);
        quint64 counted = 0;
        for (const KeyResult &r : state) {
            const auto it = expected.find(r.key);
            QVERIFY2(it != expected.end(), r.key.c_str());
            QCOMPARE(r.value, it->second); // same operations in the same order: bit-identical
            QCOMPARE(r.partition, xap.partition(RoutingKey::text(r.key)));
            counted += r.count;
        }
        QCOMPARE(counted, quint64(messages.size()));
    }

    /**
     * The in-flight flag around every computation never sees a second entry into a partition,
     * and with two workers partitions are observed running at the same time.
     */
    void oneComputationPerPartitionAtATime()
    {
        const std::vector<Msg> messages = generate(20000, 50, KeyDistributionSpec::Kind::HotKey);
        RuntimeConfig config;
        config.workers = 2;
        config.partitionerOptions.partitions = 8;
        config.checkExclusiveAccess = true;
        config.exclusivitySpinNs = 2000;
        config.batchSize = 16;
        // On a loaded machine two workers may by chance never run at the same moment in one run;
        // repeat (bounded) until overlap is seen. Every run must be free of violations.
        int maxConcurrent = 0;
        for (int attempt = 0; attempt < 20 && maxConcurrent < 2; ++attempt) {
            auto runtime = makeRuntime(config);
            submitAll(*runtime, messages);
            const ExclusivityReport report = runtime->exclusivity();
            QCOMPARE(report.violations, quint64(0));
            QVERIFY(report.maxConcurrentPartitions <= 2); // never more than the worker count
            maxConcurrent = qMax(maxConcurrent, report.maxConcurrentPartitions);
        }
        QVERIFY2(maxConcurrent >= 2, "partitions never ran concurrently");
    }

    /** Busy time goes to the partitions that had work, and never exceeds the run's wall time per worker. */
    void busyTimeIsAttributedByShare()
    {
        const std::vector<Msg> messages = generate(50000, 300, KeyDistributionSpec::Kind::Zipf);
        RuntimeConfig config;
        config.workers = 2;
        config.partitionerOptions.partitions = 6;
        auto runtime = makeRuntime(config);
        const qint64 start = steadyNowNs();
        submitAll(*runtime, messages);
        const qint64 wall = steadyNowNs() - start;
        const RuntimeSnapshot s = runtime->snapshot();
        quint64 busy[2] = {0, 0};
        for (const PartitionStats &p : s.partitions) {
            QCOMPARE(p.busyNs > 0, p.applied > 0);
            busy[p.worker] += p.busyNs;
        }
        QVERIFY(busy[0] > 0 && busy[1] > 0);
        QVERIFY(busy[0] <= quint64(wall) && busy[1] <= quint64(wall));
        // Within one worker, busy time is split in proportion to messages.
        const PartitionStats &a = s.partitions[0], &c = s.partitions[2]; // both owned by worker 0
        if (a.applied > 0 && c.applied > 0)
            QVERIFY(qAbs(double(a.busyNs) / double(c.busyNs) - double(a.applied) / double(c.applied)) < 0.01);
    }

    /** A one-batch inbox forces the producer to wait: nothing may be dropped. */
    void backpressureLosesNothing()
    {
        const std::vector<Msg> messages = generate(30000, 1000, KeyDistributionSpec::Kind::Uniform);
        RuntimeConfig config;
        config.workers = 2;
        config.partitionerOptions.partitions = 4;
        config.queueBatches = 1;
        config.batchSize = 1;
        config.computation = Computation::Count;
        auto runtime = makeRuntime(config);
        submitAll(*runtime, messages);
        QCOMPARE(runtime->snapshot().applied, quint64(messages.size()));
        quint64 total = 0;
        for (const KeyResult &r : runtime->collectState())
            total += quint64(r.value);
        QCOMPARE(total, quint64(messages.size()));
    }

    /** Owners enforce the key limit: the first key over it is refused, never silently applied. */
    void keyLimit()
    {
        RuntimeConfig config;
        config.maxKeys = 3;
        config.workers = 1; // one owner: keys are admitted in submit order
        auto runtime = makeRuntime(config);
        QCOMPARE(runtime->submit("a", 1, 1), StateRuntime::SubmitResult::Ok);
        QCOMPARE(runtime->submit("b", 1, 1), StateRuntime::SubmitResult::Ok);
        QCOMPARE(runtime->submit("c", 1, 1), StateRuntime::SubmitResult::Ok);
        QCOMPARE(runtime->submit("a", 2, 1), StateRuntime::SubmitResult::Ok); // known keys still fine
        QVERIFY(!runtime->keyLimitExceeded());
        QCOMPARE(runtime->submit("d", 1, 1), StateRuntime::SubmitResult::Ok);  // refused by its owner...
        runtime->drain();
        QCOMPARE(runtime->keyLimitExceeded().value_or(std::string()), std::string("d")); // ...and reported
        QCOMPARE(runtime->submit("a", 3, 1), StateRuntime::SubmitResult::TooManyKeys);     // the producer stops
        runtime->drain();
        const std::vector<KeyResult> state = runtime->collectState();
        QCOMPARE(state.size(), std::size_t(3)); // state before the error kept, 'd' not applied
        QCOMPARE(state[0].key, std::string("a"));
        QCOMPARE(state[0].value, 2.0);
        QCOMPARE(runtime->snapshot().applied, quint64(4));
        QCOMPARE(runtime->keyCount(), quint64(3));
    }

    /** With several owners the refused key depends on timing, but never more than the limit. */
    void keyLimitWithSeveralOwners()
    {
        RuntimeConfig config;
        config.maxKeys = 50;
        config.workers = 2;
        config.partitionerOptions.partitions = 16;
        config.computation = Computation::Count;
        auto runtime = makeRuntime(config);
        quint64 accepted = 0;
        for (int i = 0; i < 1000; ++i) {
            if (runtime->submit("k" + std::to_string(i % 200), 1, 1) == StateRuntime::SubmitResult::TooManyKeys)
                break;
            ++accepted;
        }
        runtime->drain();
        QVERIFY(runtime->keyLimitExceeded().has_value());
        const std::vector<KeyResult> state = runtime->collectState();
        QCOMPARE(state.size(), std::size_t(50));
        QCOMPARE(runtime->keyCount(), quint64(50));
        quint64 applied = 0;
        for (const KeyResult &r : state)
            applied += r.count;
        QCOMPARE(runtime->snapshot().applied, applied); // refused messages are not counted as applied
        QVERIFY(applied < accepted);
    }

    void rejectsBadConfig()
    {
        RuntimeConfig config;
        QString error;
        config.partitionerOptions.partitions = 0;
        QVERIFY(!StateRuntime::create(config, &error));
        QVERIFY(error.contains(QLatin1String("partitions")));
        config.partitionerOptions.partitions = 4;
        config.partitioner = QStringLiteral("nope");
        QVERIFY(!StateRuntime::create(config, &error));
        QVERIFY(error.contains(QLatin1String("nope")));
    }

    /** The workers copy their own state on request, so a view can read it while messages flow. */
    void stateSnapshotWhileRunning()
    {
        const std::vector<Msg> messages = generate(200000, 500, KeyDistributionSpec::Kind::Zipf);
        RuntimeConfig config;
        config.workers = 2;
        config.partitionerOptions.partitions = 16;
        config.computation = Computation::Count;
        auto runtime = makeRuntime(config);
        std::atomic<bool> done{false};
        int snapshots = 0;
        bool shrank = false;
        std::thread reader([&] { // QVERIFY belongs to the test thread: only record here
            std::vector<KeyResult> copy;
            quint64 lastTotal = 0;
            while (!done.load()) {
                if (runtime->stateSnapshot(copy)) {
                    quint64 total = 0;
                    for (const KeyResult &r : copy)
                        total += r.count;
                    shrank = shrank || total < lastTotal; // counts only grow
                    lastTotal = total;
                    ++snapshots;
                }
            }
        });
        submitAll(*runtime, messages);
        done = true;
        reader.join();
        QVERIFY(!shrank);
        QVERIFY(snapshots > 0);
        std::vector<KeyResult> finalCopy;
        QVERIFY(runtime->stateSnapshot(finalCopy));
        const std::vector<KeyResult> state = runtime->collectState();
        QCOMPARE(finalCopy.size(), state.size());
        for (std::size_t i = 0; i < state.size(); ++i) {
            QCOMPARE(finalCopy[i].key, state[i].key);
            QCOMPARE(finalCopy[i].count, state[i].count);
            QCOMPARE(finalCopy[i].partition, state[i].partition);
        }
    }

    /** Live hot keys per partition equal an exact count, hottest first. */
    void hotKeysAreExact_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("partitioned") << int(RuntimeMode::Partitioned);
        QTest::newRow("naive") << int(RuntimeMode::Naive);
    }

    void hotKeysAreExact()
    {
        QFETCH(int, mode);
        const std::vector<Msg> messages = generate(30000, 400, KeyDistributionSpec::Kind::Zipf);
        RuntimeConfig config;
        config.workers = 2;
        config.mode = RuntimeMode(mode);
        config.partitionerOptions.partitions = 6;
        auto runtime = makeRuntime(config);
        submitAll(*runtime, messages);
        std::vector<std::vector<KeyResult>> hot;
        QVERIFY(runtime->hotKeys(3, hot));
        QCOMPARE(hot.size(), std::size_t(6));
        const auto counts = referenceFold(messages, Computation::Count);
        PartitionerOptions o;
        o.partitions = 6;
        XapPartitioner xap(o);
        for (std::size_t p = 0; p < hot.size(); ++p) {
            std::vector<double> exact; // the counts of this partition's keys, descending
            for (const auto &[key, count] : counts) {
                if (xap.partition(RoutingKey::text(key)) == int(p))
                    exact.push_back(count);
            }
            std::sort(exact.rbegin(), exact.rend());
            QCOMPARE(hot[p].size(), qMin<std::size_t>(3, exact.size()));
            for (std::size_t i = 0; i < hot[p].size(); ++i) {
                QCOMPARE(double(hot[p][i].count), exact[i]);
                QCOMPARE(double(hot[p][i].count), counts.at(hot[p][i].key));
                QCOMPARE(hot[p][i].partition, int(p));
            }
        }
    }

    void resizeKeepsStateAndOrder_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("partitioned") << int(RuntimeMode::Partitioned);
        QTest::newRow("naive") << int(RuntimeMode::Naive);
    }

    /**
     * Resizing while messages flow: final state equals a run without resizing, every message is
     * applied once, and per-key order holds (values rise per key, so last == max per key).
     */
    void resizeKeepsStateAndOrder()
    {
        QFETCH(int, mode);
        std::vector<Msg> messages = generate(60000, 400, KeyDistributionSpec::Kind::Zipf);
        for (std::size_t i = 0; i < messages.size(); ++i)
            messages[i].value = double(i); // rising per key
        RuntimeConfig config;
        config.workers = 2;
        config.mode = RuntimeMode(mode);
        config.partitionerOptions.partitions = 4;
        config.computation = Computation::Last;
        auto runtime = makeRuntime(config);
        std::vector<ResizeReport> reports;
        const int sizes[] = {16, 3, 64, 1, 7};
        for (std::size_t i = 0; i < messages.size(); ++i) {
            QCOMPARE(runtime->submit(messages[i].key, messages[i].value, 1), StateRuntime::SubmitResult::Ok);
            if (i % 10000 == 9999) {
                const auto r = runtime->resize(sizes[(i / 10000) % 5]);
                QVERIFY(r);
                reports.push_back(*r);
            }
        }
        runtime->drain();
        QCOMPARE(runtime->partitionCount(), 16); // the 6th resize wraps around to sizes[0]
        QCOMPARE(reports.size(), std::size_t(6));
        QCOMPARE(reports[0].from, 4);
        QCOMPARE(reports[0].to, 16);
        QCOMPARE(reports[0].atMessage, quint64(10000));
        QVERIFY(reports[0].keysMoved > 0);
        QCOMPARE(reports[3].to, 1);
        QCOMPARE(reports[4].from, 1);

        const RuntimeSnapshot snap = runtime->snapshot();
        QCOMPARE(snap.applied, quint64(messages.size()));
        QCOMPARE(snap.resizes, 6);
        const auto lastExpected = referenceFold(messages, Computation::Last);
        const auto maxExpected = referenceFold(messages, Computation::Max);
        const std::vector<KeyResult> state = runtime->collectState();
        QCOMPARE(state.size(), lastExpected.size());
        PartitionerOptions o;
        o.partitions = 16;
        XapPartitioner xap(o);
        quint64 counted = 0;
        for (const KeyResult &r : state) {
            QCOMPARE(r.value, lastExpected.at(r.key));
            QCOMPARE(r.value, maxExpected.at(r.key));
            QCOMPARE(r.partition, xap.partition(RoutingKey::text(r.key)));
            counted += r.count;
        }
        QCOMPARE(counted, quint64(messages.size()));
    }

    void resizeRejectsBadCount()
    {
        RuntimeConfig config;
        config.workers = 1;
        auto runtime = makeRuntime(config);
        QString error;
        QVERIFY(!runtime->resize(0, &error));
        QVERIFY(error.contains(QLatin1String("between 1 and 65536")));
        QCOMPARE(runtime->partitionCount(), 8);
    }

    /** The runner: pause drains, step applies one message at a time, resize works while paused. */
    void runnerPauseStepResize()
    {
        ScenarioSpec spec = *ScenarioSpec::builtin(QStringLiteral("orders"));
        spec.messages = 50;
        ScenarioSource source(spec);
        RuntimeConfig config;
        config.workers = 2;
        config.computation = Computation::Count;
        auto runtime = makeRuntime(config);
        SimulationRunner runner(*runtime, source);
        partlab::test::RunnerEvents events;
        events.attach(runner);
        runner.pause();
        bool ran = false;
        std::thread producer([&] { ran = runner.run(); });
        QVERIFY(events.waitPauses(1)); // paused before the first message
        QCOMPARE(runtime->snapshot().applied, quint64(0));
        runner.step(3);
        QVERIFY(events.waitSteps(3));
        QCOMPARE(runtime->snapshot().applied, quint64(3)); // no more than the steps
        QCOMPARE(runner.messagesSubmitted(), quint64(3));
        runner.requestResize(5);
        QTRY_COMPARE(runtime->partitionCount(), 5);
        QCOMPARE(runner.resizeReports().size(), std::size_t(1));
        QCOMPARE(runner.resizeReports()[0].atMessage, quint64(3));
        runner.resume();
        producer.join();
        QVERIFY(ran);
        QCOMPARE(runtime->snapshot().applied, quint64(50));
        QCOMPARE(runner.messagesSubmitted(), quint64(50));
    }

    void runnerStopsEarlyAndKeepsState()
    {
        ScenarioSpec spec = *ScenarioSpec::builtin(QStringLiteral("words"));
        spec.messages = 1'000'000'000; // would take minutes
        ScenarioSource source(spec);
        RuntimeConfig config;
        config.workers = 2;
        config.computation = Computation::Count;
        auto runtime = makeRuntime(config);
        SimulationRunner runner(*runtime, source);
        bool ran = false;
        std::thread producer([&] { ran = runner.run(); });
        QTRY_VERIFY(runtime->snapshot().applied > 1000);
        runner.stop();
        producer.join();
        QVERIFY(ran);
        const quint64 submitted = runner.messagesSubmitted();
        QCOMPARE(runtime->snapshot().applied, submitted);
        quint64 total = 0;
        for (const KeyResult &r : runtime->collectState())
            total += r.count;
        QCOMPARE(total, submitted);
    }

    void runnerPacesByRate()
    {
        ScenarioSpec spec = *ScenarioSpec::builtin(QStringLiteral("orders"));
        spec.messages = 40;
        ScenarioSource source(spec);
        RuntimeConfig config;
        config.workers = 1;
        auto runtime = makeRuntime(config);
        PacingOptions pacing;
        pacing.rate = 200; // 40 messages at 200/s: 0.195 s at least
        SimulationRunner runner(*runtime, source, pacing);
        QVERIFY(runner.run());
        QVERIFY2(runner.elapsedSeconds() >= 0.19, qPrintable(QString::number(runner.elapsedSeconds())));
        QVERIFY2(runner.elapsedSeconds() < 2.0, qPrintable(QString::number(runner.elapsedSeconds())));
    }
};

QTEST_MAIN(TestStateRuntime)
#include "tst_stateruntime.moc"
