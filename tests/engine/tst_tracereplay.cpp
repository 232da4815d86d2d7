#include "runnerevents.h"
#include "runtime/simulationrunner.h"
#include "runtime/statedump.h"
#include "tracetesthelpers.h"

#include <QElapsedTimer>
#include <QTest>

#include <thread>

using namespace partlab;
using namespace partlab::testing;

/**
 * Replaying a trace through SimulationRunner: pause, step and resume from another thread (the
 * GUI's trace player), pacing by timestamps, and a final state that depends on none of them.
 */
class TestTraceReplay : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_trace;

    static std::unique_ptr<StateRuntime> makeRuntime(int workers)
    {
        RuntimeConfig c;
        c.computation = Computation::Sum;
        c.partitionerOptions.partitions = 4;
        c.workers = workers;
        QString error;
        auto runtime = StateRuntime::create(c, &error);
        if (!runtime)
            qFatal("runtime: %s", qPrintable(error));
        return runtime;
    }

    static std::unique_ptr<TraceSource> open(const QString &path)
    {
        TraceOptions o = optionsFor(TraceFormat::Csv);
        o.fields.defaultNames = true;
        QString error;
        auto source = TraceSource::open(path, o, &error);
        if (!source)
            qFatal("open: %s", qPrintable(error));
        return source;
    }

    /** A trace of @p count messages @p gapMs apart; message i has value i. */
    QString writeTrace(const QString &name, int count, int gapMs)
    {
        QByteArray csv = "time,key,value\n";
        for (int i = 0; i < count; ++i)
            csv += QByteArray::number(1767225600000LL + qint64(i) * gapMs) + ",k" + QByteArray::number(i % 50) + ","
                   + QByteArray::number(i) + "\n";
        return writeFile(m_dir, name, csv);
    }

    static double stateSum(const StateRuntime &runtime)
    {
        std::vector<KeyResult> state;
        if (!runtime.stateSnapshot(state))
            return -1;
        double sum = 0;
        for (const KeyResult &r : state)
            sum += r.value;
        return sum;
    }

    QString referenceChecksum()
    {
        auto runtime = makeRuntime(1);
        auto source = open(m_trace);
        SimulationRunner runner(*runtime, *source);
        if (!runner.run())
            qFatal("reference run failed");
        return stateChecksum(runtime->collectState());
    }

private slots:
    void initTestCase()
    {
        m_trace = writeTrace(QStringLiteral("trace.csv"), 1000, 0);
    }

    void pauseStepResume()
    {
        auto runtime = makeRuntime(2);
        auto source = open(m_trace);
        SimulationRunner runner(*runtime, *source);
        partlab::test::RunnerEvents events;
        events.attach(runner);
        runner.pause(); // paused before the first message
        bool ok = false;
        std::thread producer([&] { ok = runner.run(); });

        QVERIFY(events.waitPauses(1));
        QCOMPARE(runner.messagesSubmitted(), quint64(0));
        QCOMPARE(runtime->snapshot().applied, quint64(0));

        runner.step();
        QVERIFY(events.waitSteps(1));
        QCOMPARE(runtime->snapshot().applied, quint64(1));
        QCOMPARE(runner.messagesSubmitted(), quint64(1)); // one step, one message
        QCOMPARE(stateSum(*runtime), 0.0);

        runner.step(5);
        QVERIFY(events.waitSteps(6));
        QCOMPARE(runtime->snapshot().applied, quint64(6));
        QCOMPARE(runner.messagesSubmitted(), quint64(6));
        QCOMPARE(stateSum(*runtime), 0.0 + 1 + 2 + 3 + 4 + 5); // exactly the first six, applied
        QVERIFY(runner.isPaused());
        QVERIFY(source->bytesRead() > 0); // progress is readable from this thread

        runner.resume();
        producer.join();
        QVERIFY(ok);
        QCOMPARE(runner.messagesSubmitted(), quint64(1000));
        QCOMPARE(source->bytesRead(), source->bytesTotal());
        QCOMPARE(stateChecksum(runtime->collectState()), referenceChecksum());
    }

    void stopWhilePaused()
    {
        auto runtime = makeRuntime(2);
        auto source = open(m_trace);
        SimulationRunner runner(*runtime, *source);
        runner.pause();
        std::thread producer([&] { runner.run(); });
        runner.step(3);
        QTRY_COMPARE(runtime->snapshot().applied, quint64(3));
        runner.stop();
        producer.join();
        QCOMPARE(runner.messagesSubmitted(), quint64(3));
        QCOMPARE(runtime->snapshot().applied, quint64(3));
    }

    void stateIndependentOfWorkersSpeedAndPauses()
    {
        const QString reference = referenceChecksum();
        for (int workers : {2, 3, 4}) {
            auto runtime = makeRuntime(workers);
            auto source = open(m_trace);
            SimulationRunner runner(*runtime, *source);
            QVERIFY(runner.run());
            QCOMPARE(stateChecksum(runtime->collectState()), reference);
        }
        // Paced and interrupted: 1000 messages 1 ms apart at speed 20 = 50 ms, with pauses.
        const QString paced = writeTrace(QStringLiteral("paced.csv"), 1000, 1);
        auto runtime = makeRuntime(2);
        auto source = open(paced);
        SimulationRunner runner(*runtime, *source, PacingOptions{20.0, 0.0});
        bool ok = false;
        std::thread producer([&] { ok = runner.run(); });
        for (int i = 0; i < 5; ++i) {
            QTest::qWait(8);
            runner.pause();
            runner.step(7);
            QTest::qWait(3);
            runner.resume();
        }
        producer.join();
        QVERIFY(ok);
        QCOMPARE(stateChecksum(runtime->collectState()), reference);
    }

    void pacingFollowsTimestamps_data()
    {
        QTest::addColumn<double>("speed");
        QTest::newRow("speed 1") << 1.0;
        QTest::newRow("speed 4") << 4.0;
    }

    void pacingFollowsTimestamps()
    {
        // 11 messages 30 ms apart: 300 ms of trace time.
        QFETCH(double, speed);
        const QString path = writeTrace(QStringLiteral("gaps.csv"), 11, 30);
        auto runtime = makeRuntime(2);
        auto source = open(path);
        SimulationRunner runner(*runtime, *source, PacingOptions{speed, 0.0});
        QVERIFY(runner.run());
        const double expected = 0.3 / speed;
        QVERIFY2(runner.elapsedSeconds() >= expected * 0.97, qPrintable(QString::number(runner.elapsedSeconds())));
        QVERIFY2(runner.elapsedSeconds() < expected + 0.15, qPrintable(QString::number(runner.elapsedSeconds())));
    }

    void stepsSkipTheWaitAndResumeKeepsTheGaps()
    {
        // 5 messages 150 ms apart at speed 1. Stepping sends at once; after the resume the next
        // message comes one gap later, not at the time the steps skipped over.
        const QString path = writeTrace(QStringLiteral("steps.csv"), 5, 150);
        auto runtime = makeRuntime(2);
        auto source = open(path);
        SimulationRunner runner(*runtime, *source, PacingOptions{1.0, 0.0});
        partlab::test::RunnerEvents events;
        events.attach(runner);
        runner.pause();
        bool ok = false;
        std::thread producer([&] { ok = runner.run(); });
        QElapsedTimer timer;
        timer.start();
        runner.step(3);
        QTRY_COMPARE(runtime->snapshot().applied, quint64(3));
        QVERIFY2(timer.elapsed() < 250, qPrintable(QString::number(timer.elapsed()))); // paced, it would take 300 ms
        QVERIFY(events.waitSteps(3));
        QCOMPARE(runner.messagesSubmitted(), quint64(3)); // still paused: three steps, three messages
        timer.restart();
        runner.resume();
        QTRY_COMPARE(runtime->snapshot().applied, quint64(4));
        const qint64 fourth = timer.elapsed();
        QVERIFY2(fourth >= 120 && fourth < 400, qPrintable(QString::number(fourth)));
        producer.join();
        QVERIFY(ok);
        QCOMPARE(runtime->snapshot().applied, quint64(5));
    }
};

QTEST_GUILESS_MAIN(TestTraceReplay)
#include "tst_tracereplay.moc"
