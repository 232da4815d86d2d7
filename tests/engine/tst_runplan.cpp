#include "lessons/lesson.h"
#include "lessons/lessonrun.h"
#include "runtime/runplan.h"
#include "workload/scenariosource.h"

#include <QTest>

#include <thread>

using namespace partlab;

/**
 * RunPlan and runPlan(): one run of one configuration, as partlab-cli simulate and replay, the
 * lessons, the A/B comparison, the GUI session and the benchmarks run it. The outcome must be
 * the run SimulationRunner makes by hand (same state, same counts), with the plan's limit,
 * resizes, observers and pause applied; a refused configuration is an error, not a crash.
 */
class TestRunPlan : public QObject
{
    Q_OBJECT

private:
    static ScenarioSpec stocks(quint64 messages)
    {
        ScenarioSpec spec = *ScenarioSpec::builtin(QStringLiteral("stocks"));
        spec.messages = messages;
        spec.rate = 0.0;
        return spec;
    }

    static RunPlan plan(quint64 messages, int partitions = 4)
    {
        RunPlan p;
        p.config.workers = 2;
        p.config.partitionerOptions.partitions = partitions;
        p.config.computation = Computation::Vwap;
        p.ownedSource = std::make_unique<ScenarioSource>(stocks(messages));
        return p;
    }

private slots:
    void matchesARunByHand()
    {
        RunPlan p = plan(50'000);
        const RuntimeConfig config = p.config;
        const RunOutcome outcome = runPlan(std::move(p));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.summary.messages, quint64(50'000));
        QCOMPARE(outcome.messagesSubmitted, quint64(50'000));
        QVERIFY(outcome.parallelMessages > 0); // unpaced generator: ingested by the workers
        QVERIFY(outcome.elapsedSeconds > 0.0);
        QVERIFY(!outcome.stopped);

        QString error;
        auto runtime = StateRuntime::create(config, &error);
        QVERIFY(runtime);
        ScenarioSource source(stocks(50'000));
        SimulationRunner runner(*runtime, source);
        QVERIFY(runner.run());
        const RunSummary byHand = SimulationRunner::summarize(*runtime, runner.elapsedSeconds());
        QCOMPARE(outcome.summary.checksum, byHand.checksum);
        QCOMPARE(outcome.summary.partitionMessages, byHand.partitionMessages);
        QCOMPARE(outcome.summary.partitionKeys, byHand.partitionKeys);
    }

    void appliesTheLimitAndTheResizes()
    {
        RunPlan p = plan(40'000);
        p.messageLimit = 30'000;
        p.resizes = {{10'000, 6}, {20'000, 3}};
        const RunOutcome outcome = runPlan(std::move(p));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.summary.messages, quint64(30'000));
        QCOMPARE(outcome.summary.partitionMessages.size(), std::size_t(3));
        QCOMPARE(outcome.resizes.size(), std::size_t(2));
        QCOMPARE(outcome.resizes[0].atMessage, quint64(10'000));
        QCOMPARE(outcome.resizes[0].to, 6);
        QCOMPARE(outcome.resizes[1].from, 6);
        QCOMPARE(outcome.resizes[1].to, 3);
    }

    void observesEveryMessageAndFailsWhenTheObserverDoes()
    {
        RunPlan p = plan(5'000);
        quint64 seen = 0;
        p.messageObserver = [&seen](const SourceMessage &) { return ++seen < 1'000; };
        const RunOutcome outcome = runPlan(std::move(p));
        QVERIFY(!outcome.ok);
        QCOMPARE(seen, quint64(1'000));
        QCOMPARE(outcome.error, QStringLiteral("recording failed"));
        QCOMPARE(outcome.summary.messages, quint64(0)); // no summary of a failed run
    }

    void refusesABadConfiguration()
    {
        RunPlan p = plan(100);
        p.config.partitioner = QStringLiteral("modulo");
        const RunOutcome outcome = runPlan(std::move(p));
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.error.contains(QStringLiteral("unknown partitioner 'modulo'")), qPrintable(outcome.error));

        RunPlan q = plan(100);
        q.config.partitionerOptions.partitions = 0;
        QString error;
        QVERIFY(!PreparedRun::create(std::move(q), &error));
        QVERIFY(!error.isEmpty());
    }

    void aBorrowedSourceStaysTheCallers()
    {
        ScenarioSource source(stocks(2'000));
        RunPlan p;
        p.config.workers = 1;
        p.source = &source;
        p.summarize = false;
        const RunOutcome outcome = runPlan(std::move(p));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.messagesSubmitted, quint64(2'000));
        QCOMPARE(outcome.summary.messages, quint64(0)); // not asked for
        QCOMPARE(source.expectedMessages(), qint64(2'000)); // the caller's, alive after the run
    }

    void startsPausedAndRunsOnAnotherThread()
    {
        RunPlan p = plan(20'000);
        std::atomic<int> drained{0};
        p.startPaused = true;
        p.eventObserver = [&drained](RunnerEvent e, quint64) {
            if (e == RunnerEvent::PauseDrained)
                ++drained;
        };
        QString error;
        std::unique_ptr<PreparedRun> prepared = PreparedRun::create(std::move(p), &error);
        QVERIFY2(prepared, qPrintable(error));
        QVERIFY(prepared->runner().isPaused());
        RunOutcome outcome;
        std::thread producer([&] { outcome = prepared->run(); });
        QTRY_VERIFY(drained.load() > 0); // paused before the first message
        QCOMPARE(prepared->runner().messagesSubmitted(), quint64(0));
        QCOMPARE(prepared->runtime().snapshot().applied, quint64(0));
        prepared->runner().resume();
        producer.join();
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.summary.messages, quint64(20'000));
    }

    void lessonPresetsAreTyped()
    {
        LessonPreset preset;
        preset.partitioner = QStringLiteral("kafka");
        preset.partitions = 5;
        preset.workers = 3;
        preset.mode = RuntimeMode::Naive;
        RuntimeConfig config;
        config.computation = Computation::Sum;
        config.maxKeys = 1234;
        preset.applyTo(config);
        QCOMPARE(config.partitioner, QStringLiteral("kafka"));
        QCOMPARE(config.partitions(), 5);
        QCOMPARE(config.workers, 3);
        QCOMPARE(config.mode, RuntimeMode::Naive);
        QCOMPARE(config.computation, Computation::Sum); // the scenario's, unless the preset names one
        QCOMPARE(config.maxKeys, quint32(1234));        // not the preset's business
        preset.computation = Computation::Count;
        preset.applyTo(config);
        QCOMPARE(config.computation, Computation::Count);

        preset.messages = 10'000;
        std::vector<ResizeReport> resizes;
        QString error;
        const auto summary = runLessonPreset(preset, &error, {}, &resizes, 5'000, 7);
        QVERIFY2(summary, qPrintable(error));
        QCOMPARE(summary->messages, quint64(10'000));
        QCOMPARE(resizes.size(), std::size_t(1));
        QCOMPARE(resizes[0].to, 7);
    }
};

QTEST_GUILESS_MAIN(TestRunPlan)
#include "tst_runplan.moc"
