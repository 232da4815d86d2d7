// Stress test of parallel ingestion (CTest labels: engine, stress; meant for the tsan preset):
// chunks handed from the worker that parsed them to the owners of their partitions while another
// thread pauses, steps, resumes, asks for resizes, reads snapshots and state copies, and at the
// end, in some rounds, stops the run. Every round checks:
//  - conservation: the messages applied are exactly the messages the runner let through;
//  - exactness: the final state equals a fold of those messages (values rise per key, so a wrong
//    order would show in "last");
//  - every key sits on the partition the final partitioner gives it.
// Bounded by default (fixed seeds); PARTLAB_SOAK_SECONDS=S repeats rounds for about S seconds.
#include "runnerevents.h"
#include "runtime/simulationrunner.h"
#include "runtime/stateruntime.h"

#include "skewedmessages.h"

#include <QTest>

#include <chrono>
#include <map>
#include <random>
#include <thread>

using namespace partlab;

namespace {

using test::Msg;
using test::makeMessages;
using test::VectorSource;

struct Round
{
    quint64 seed;
    int workers;
    qint64 chunk;
    bool stopEarly;
};

void runRound(const std::vector<Msg> &messages, const Round &round)
{
    RuntimeConfig config;
    config.workers = round.workers;
    config.partitionerOptions.partitions = 4;
    config.computation = Computation::Last;
    QString error;
    auto runtime = StateRuntime::create(config, &error);
    QVERIFY2(runtime, qPrintable(error));
    VectorSource source(messages, round.chunk);
    SimulationRunner runner(*runtime, source);
    test::RunnerEvents events;
    events.attach(runner);
    bool ok = false;
    std::atomic<bool> finished{false};
    std::thread producer([&] {
        ok = runner.run();
        finished.store(true, std::memory_order_release);
    });
    // A failed check returns early: stop the run and join, so the report is the failure (a
    // joinable std::thread going out of scope would abort the whole executable instead).
    struct Joiner
    {
        SimulationRunner &runner;
        std::thread &thread;
        ~Joiner()
        {
            if (thread.joinable()) {
                runner.stop();
                thread.join();
            }
        }
    } joiner{runner, producer};

    std::mt19937_64 random(round.seed);
    const int sizes[] = {1, 2, 3, 5, 8, 13, 64};
    for (int action = 0; action < 12 && !finished.load(std::memory_order_acquire); ++action) {
        switch (random() % 5) {
        case 0: { // pause, look, step, resume (unless the run ended first)
            // Counted from now: a resize applied while an earlier pause held reported that pause
            // drained once more, so the total may already be ahead of the pauses asked for.
            const int before = events.pauses.load();
            runner.pause();
            if (!QTest::qWaitFor([&] { return events.pauses.load() > before || finished.load(); }, 20000))
                QFAIL("no PauseDrained");
            if (events.pauses.load() == before) {
                runner.resume();
                break;
            }
            const quint64 at = runner.messagesSubmitted();
            QCOMPARE(runtime->snapshot().applied, at);
            const int steps = events.steps.load();
            runner.step(2);
            if (at + 2 <= messages.size())
                QVERIFY(events.waitSteps(steps + 2, 20000));
            runner.resume();
            break;
        }
        case 1:
            runner.requestResize(sizes[random() % std::size(sizes)]);
            break;
        case 2: {
            std::vector<KeyResult> copy;
            (void)runtime->stateSnapshot(copy, 5000);
            break;
        }
        case 3:
            (void)runtime->snapshot();
            break;
        default:
            std::this_thread::sleep_for(std::chrono::microseconds(200 + random() % 2000));
            break;
        }
    }
    if (round.stopEarly)
        runner.stop();
    producer.join();
    QVERIFY2(ok, qPrintable(runner.error()));

    const quint64 through = runner.messagesSubmitted();
    if (!round.stopEarly)
        QCOMPARE(through, quint64(messages.size()));
    QCOMPARE(runtime->snapshot().applied, through);
    std::map<std::string, std::pair<double, quint64>> fold;
    for (quint64 i = 0; i < through; ++i) {
        auto &f = fold[messages[std::size_t(i)].key];
        f.first = messages[std::size_t(i)].value;
        ++f.second;
    }
    const std::vector<KeyResult> state = runtime->collectState();
    QCOMPARE(state.size(), fold.size());
    for (const KeyResult &k : state) {
        const auto &f = fold.at(k.key);
        QCOMPARE(k.value, f.first);
        QCOMPARE(k.count, f.second);
        QCOMPARE(k.partition, runtime->partitionOfKey(k.key));
    }
}

} // namespace

class TestStressIngest : public QObject
{
    Q_OBJECT

private slots:
    void chunksUnderPausesResizesAndStops()
    {
        const std::vector<Msg> messages = makeMessages(120000, 2026);
        const double soak = qEnvironmentVariableIntValue("PARTLAB_SOAK_SECONDS");
        const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(soak);
        quint64 seed = 1;
        do {
            for (int workers : {1, 2, 4}) {
                for (qint64 chunk : {37, 1000}) {
                    runRound(messages, {seed, workers, chunk, false});
                    if (QTest::currentTestFailed())
                        return;
                    runRound(messages, {seed + 100, workers, chunk, true});
                    if (QTest::currentTestFailed())
                        return;
                    ++seed;
                }
            }
        } while (std::chrono::steady_clock::now() < until);
    }
};

QTEST_GUILESS_MAIN(TestStressIngest)
#include "tst_stress_ingest.moc"
