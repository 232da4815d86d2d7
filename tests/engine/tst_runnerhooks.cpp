#include "advisor/hotkeyadvice.h"
#include "runnerevents.h"
#include "runtime/simulationrunner.h"
#include "workload/scenariosource.h"

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QTest>

#include <thread>

using namespace partlab;

/**
 * The engine hooks the GUI's teaching views use: the message a step submitted (key, hash and
 * partition as the runtime routed it), a pace change while running (the trace player's speed
 * slider), and the hot-key advice shared by partlab-cli hotkeys and the GUI.
 */
class TestRunnerHooks : public QObject
{
    Q_OBJECT

private:
    static std::unique_ptr<StateRuntime> runtime(const QString &partitioner, int partitions)
    {
        RuntimeConfig c;
        c.partitioner = partitioner;
        c.partitionerOptions.partitions = partitions;
        c.workers = 2;
        QString error;
        auto r = StateRuntime::create(c, &error);
        if (!r)
            qFatal("%s", qPrintable(error));
        return r;
    }

    static ScenarioSpec stocks(quint64 messages, double rate = 0.0)
    {
        ScenarioSpec spec = *ScenarioSpec::builtin(QStringLiteral("stocks"));
        spec.messages = messages;
        spec.rate = rate;
        return spec;
    }

    static std::vector<std::string> firstKeys(const ScenarioSpec &spec, int count)
    {
        ScenarioSource source(spec);
        std::vector<std::string> keys;
        SourceMessage m;
        while (int(keys.size()) < count && source.next(m) == MessageSource::Status::Message)
            keys.emplace_back(m.key);
        return keys;
    }

private slots:
    void aStepRemembersTheMessageAsRouted_data()
    {
        QTest::addColumn<QString>("partitioner");
        QTest::newRow("xap") << QStringLiteral("xap");
        QTest::newRow("redis") << QStringLiteral("redis");
        QTest::newRow("flink") << QStringLiteral("flink");
    }

    void aStepRemembersTheMessageAsRouted()
    {
        QFETCH(QString, partitioner);
        const ScenarioSpec spec = stocks(1000);
        const std::vector<std::string> keys = firstKeys(spec, 5);
        auto rt = runtime(partitioner, 4);
        ScenarioSource source(spec);
        SimulationRunner runner(*rt, source);
        QVERIFY(!runner.lastSteppedMessage());
        runner.pause();
        std::thread producer([&] { runner.run(); });

        runner.step(1);
        QTRY_VERIFY(runner.lastSteppedMessage().has_value());
        SteppedMessage s = *runner.lastSteppedMessage();
        QCOMPARE(s.sequence, quint64(1));
        QCOMPARE(s.key, keys[0]);
        QCOMPARE(s.partitioner, partitioner);
        QCOMPARE(s.partitions, 4);
        PartitionerOptions po;
        po.partitions = 4;
        QString error;
        const auto reference = createPartitioner(partitioner, po, &error);
        const RouteExplanation e = reference->explain(RoutingKey::text(keys[0]));
        QCOMPARE(s.route.partition, e.partition);
        QCOMPARE(s.route.hash, e.hash);
        QCOMPARE(s.route.step, e.step);

        runner.step(3);
        QTRY_COMPARE(runner.lastSteppedMessage()->sequence, quint64(4));
        s = *runner.lastSteppedMessage();
        QCOMPARE(s.key, keys[3]);
        // The state agrees: the key lives on the partition the animation shows.
        std::vector<KeyResult> state;
        QVERIFY(rt->stateSnapshot(state));
        const auto it = std::find_if(state.begin(), state.end(), [&](const KeyResult &r) { return r.key == s.key; });
        QVERIFY(it != state.end());
        QCOMPARE(it->partition, s.route.partition);

        // After a live resize the next step is routed with the new N.
        runner.requestResize(7);
        QTRY_COMPARE(rt->partitionCount(), 7);
        runner.step(1);
        QTRY_COMPARE(runner.lastSteppedMessage()->sequence, quint64(5));
        s = *runner.lastSteppedMessage();
        QCOMPARE(s.partitions, 7);
        QCOMPARE(s.route.partition, reference->withPartitions(7)->partition(RoutingKey::text(keys[4])));

        runner.stop();
        producer.join();
        QCOMPARE(runner.messagesSubmitted(), quint64(5));
    }

    void messagesThatFlowAreNotRemembered()
    {
        auto rt = runtime(QStringLiteral("xap"), 4);
        ScenarioSource source(stocks(2000));
        SimulationRunner runner(*rt, source);
        QVERIFY(runner.run());
        QVERIFY(!runner.lastSteppedMessage());
    }

    void aPauseThatComesMidMessageIsNoStep_data()
    {
        QTest::addColumn<double>("rate");
        QTest::newRow("unpaced") << 0.0;
        QTest::newRow("paced") << 20'000.0; // the message then waits for its time (waitUntilDue)
    }

    /**
     * A pause that comes after the producer passed its pause check, while it reads a message,
     * does not make that message a step: the run drains and reports the pause, no step is
     * announced, and the first step() then applies exactly one message (the GUI counts steps by
     * these events, and a spurious one broke tst_mainwindow once).
     */
    void aPauseThatComesMidMessageIsNoStep()
    {
        QFETCH(double, rate);
        // Pauses its runner from inside next(), on the producer thread, at the 100th message.
        class PausingSource final : public MessageSource
        {
        public:
            explicit PausingSource(const ScenarioSpec &spec)
                : m_inner(spec)
            {
            }
            SimulationRunner *runner = nullptr;
            Status next(SourceMessage &out) override
            {
                const Status status = m_inner.next(out);
                if (++m_read == 100)
                    runner->pause();
                return status;
            }

        private:
            ScenarioSource m_inner;
            int m_read = 0;
        };
        auto rt = runtime(QStringLiteral("xap"), 4);
        PausingSource source(stocks(1000));
        PacingOptions pacing;
        pacing.rate = rate;
        SimulationRunner runner(*rt, source, pacing);
        source.runner = &runner;
        test::RunnerEvents events;
        events.attach(runner);
        std::thread producer([&] { runner.run(); });
        // Stops and joins the producer however the test ends (a failed check returns early).
        const auto joinProducer = qScopeGuard([&] {
            runner.stop();
            producer.join();
        });
        QVERIFY(events.waitPauses(1));
        const quint64 drained = runner.messagesSubmitted();
        QVERIFY2(drained == 99 || drained == 100, qPrintable(QString::number(drained)));
        QCOMPARE(events.steps.load(), 0);
        QVERIFY(!runner.lastSteppedMessage());
        QCOMPARE(rt->snapshot().applied, drained);

        runner.step(1);
        QVERIFY(events.waitSteps(1));
        QCOMPARE(runner.lastSteppedMessage()->sequence, drained + 1);
        QCOMPARE(rt->snapshot().applied, drained + 1);
        QCOMPARE(events.steps.load(), 1);
        QCOMPARE(runner.messagesSubmitted(), drained + 1);
    }

    void aNewSpeedAppliesToTheGapsToCome()
    {
        // Timestamps 1 ms apart played at 0.01x: 100 ms per message, 200 s for the lot.
        auto rt = runtime(QStringLiteral("xap"), 4);
        ScenarioSource source(stocks(2000));
        PacingOptions slow;
        slow.speed = 0.01;
        SimulationRunner runner(*rt, source, slow);
        QElapsedTimer clock;
        clock.start();
        std::atomic<bool> done{false};
        std::thread producer([&] {
            runner.run();
            done.store(true);
        });
        QTest::qWait(400);
        QVERIFY(runner.messagesSubmitted() < 20);
        runner.setPacing({}); // as fast as possible
        QTRY_VERIFY_WITH_TIMEOUT(done.load(), 5000);
        producer.join();
        QCOMPARE(runner.messagesSubmitted(), quint64(2000));
        QVERIFY(clock.elapsed() < 10'000);
    }

    void aNewRateAppliesToo()
    {
        auto rt = runtime(QStringLiteral("xap"), 4);
        ScenarioSource source(stocks(3000));
        PacingOptions slow;
        slow.rate = 20; // 150 s for the lot
        SimulationRunner runner(*rt, source, slow);
        std::atomic<bool> done{false};
        std::thread producer([&] {
            runner.run();
            done.store(true);
        });
        QTest::qWait(300);
        const quint64 before = runner.messagesSubmitted();
        QVERIFY(before < 20);
        PacingOptions fast;
        fast.rate = 20'000; // 3000 more in about 0.15 s
        runner.setPacing(fast);
        QTRY_VERIFY_WITH_TIMEOUT(done.load(), 5000);
        producer.join();
        QCOMPARE(runner.messagesSubmitted(), quint64(3000));
    }

    void hotKeyAdviceDependsOnTheShares()
    {
        // Heavier than an average partition (1/8 = 12.5%): more partitions won't help.
        QStringList advice = hotKeyAdvice({"AAPL", 3, 0.9, 0.3}, 8);
        QCOMPARE(advice.size(), 3);
        QVERIFY(advice[0].contains(QLatin1String("Key 'AAPL' alone carries 30.0% of all messages")));
        QVERIFY(advice[0].contains(QLatin1String("more partitions won't help")));
        QVERIFY(advice[1].contains(QLatin1String("'AAPL#0' .. 'AAPL#k'")));
        // Dominates its partition only.
        advice = hotKeyAdvice({"C7", 2, 0.62, 0.08}, 8);
        QCOMPARE(advice.size(), 1);
        QVERIFY(advice[0].contains(QLatin1String("gives 62.0% of partition 2's load")));
        // Nothing dominates.
        advice = hotKeyAdvice({"w", 0, 0.2, 0.02}, 8);
        QCOMPARE(advice.size(), 1);
        QVERIFY(advice[0].contains(QLatin1String("No single key dominates")));
        QVERIFY(hotKeyAdvice({"w", 0, 1, 1}, 0).isEmpty());
    }
};

QTEST_MAIN(TestRunnerHooks)
#include "tst_runnerhooks.moc"
