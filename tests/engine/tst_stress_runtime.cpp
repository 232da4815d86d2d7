// Stress test of live resizes (CTest labels: engine, stress; meant for the tsan preset). Messages
// flow through a SimulationRunner on a producer thread while resizes arrive two ways at once:
// scheduled at random message counts (the producer resizes itself) and requested at random
// moments from another thread, which also reads snapshots and state copies meanwhile. Checked
// for several partitioners and W in {1, 2, 4}:
//  - conservation: every message is applied exactly once (sum of per-key counts == messages);
//  - per-key order: values rise per key, so the final "last" value of a key is its maximum;
//  - the final state equals a run of the same messages without any resize;
//  - every key ends on the partition the final partitioner gives it.
// Bounded by default (fixed seeds); PARTLAB_SOAK_SECONDS=S repeats rounds with new seeds for
// about S seconds in total.
#include "model/messagesource.h"
#include "runtime/simulationrunner.h"
#include "runtime/stateruntime.h"

#include "skewedmessages.h"

#include <QTest>

#include <atomic>
#include <chrono>
#include <map>
#include <random>
#include <string>
#include <thread>

using namespace partlab;

namespace {

using test::Msg;
using test::makeMessages;
using test::VectorSource;

double soakSeconds()
{
    return qEnvironmentVariableIntValue("PARTLAB_SOAK_SECONDS");
}

/** What one run left behind, read after its producer thread joined. */
struct Outcome
{
    bool ok = false;
    QString error;
    std::vector<KeyResult> state;
    int partitions = 0;
    std::vector<ResizeReport> resizes;
    quint64 applied = 0;
    int snapshotResizes = 0;
    quint64 keys = 0;
    std::vector<int> expectedPartitions; ///< partitionOfKey() for each state entry, after the run
};

const int kSizes[] = {1, 2, 3, 5, 8, 16, 31, 64, 100};

Outcome runOnce(const std::vector<Msg> &messages, const QString &partitioner, int workers, RuntimeMode mode,
                bool resizing, quint64 seed)
{
    Outcome o;
    RuntimeConfig config;
    config.partitioner = partitioner;
    config.partitionerOptions.partitions = 4;
    config.workers = workers;
    config.mode = mode;
    config.computation = Computation::Last;
    config.batchSize = 64;    // small batches and queues: more hand-offs, more backpressure
    config.queueBatches = 4;
    auto runtime = StateRuntime::create(config, &o.error);
    if (!runtime)
        return o;
    VectorSource source(messages);
    SimulationRunner runner(*runtime, source);
    std::mt19937_64 random(seed);
    if (resizing) {
        quint64 at = 0;
        for (int i = 0; i < 6; ++i) {
            at += 1 + random() % (messages.size() / 6);
            runner.scheduleResize(at, kSizes[random() % std::size(kSizes)]);
        }
    }
    std::atomic<bool> done{false};
    std::thread producer([&] {
        o.ok = runner.run();
        done.store(true, std::memory_order_release);
    });
    // Meanwhile: resize requests from this thread, and readers of live numbers and state.
    quint64 copies = 0;
    while (!done.load(std::memory_order_acquire)) {
        if (resizing && random() % 3 == 0)
            runner.requestResize(kSizes[random() % std::size(kSizes)]);
        const RuntimeSnapshot snap = runtime->snapshot();
        if (snap.applied > snap.submitted)
            o.error = QStringLiteral("snapshot: %1 applied > %2 submitted").arg(snap.applied).arg(snap.submitted);
        std::vector<KeyResult> copy;
        if (random() % 4 == 0 && runtime->stateSnapshot(copy, 5000)) {
            ++copies;
            quint64 counted = 0;
            for (const KeyResult &k : copy)
                counted += k.count;
            if (counted > messages.size())
                o.error = QStringLiteral("state copy counts %1 messages of %2").arg(counted).arg(messages.size());
        }
        std::this_thread::sleep_for(std::chrono::microseconds(200 + random() % 800));
    }
    producer.join();
    if (!o.ok && o.error.isEmpty())
        o.error = runner.error();
    o.state = runtime->collectState();
    o.partitions = runtime->partitionCount();
    o.resizes = runner.resizeReports();
    const RuntimeSnapshot snap = runtime->snapshot();
    o.applied = snap.applied;
    o.snapshotResizes = snap.resizes;
    o.keys = runtime->keyCount();
    for (const KeyResult &k : o.state)
        o.expectedPartitions.push_back(runtime->partitionOfKey(k.key));
    if (!runner.resizeError().isEmpty())
        o.error = QStringLiteral("resize refused: %1").arg(runner.resizeError());
    return o;
}

} // namespace

/** Live resizes of the state runtime while messages flow, against a run without resizes. */
class TestStressRuntime : public QObject
{
    Q_OBJECT

private slots:
    void resizeWhileFlowing_data()
    {
        QTest::addColumn<QString>("partitioner");
        QTest::addColumn<int>("workers");
        QTest::addColumn<int>("mode");
        for (const char *name : {"xap", "kafka", "jump", "ring", "flink", "redis"}) {
            for (int w : {1, 2, 4})
                QTest::addRow("%s W=%d", name, w) << QString::fromLatin1(name) << w << int(RuntimeMode::Partitioned);
        }
        QTest::newRow("naive W=2") << QStringLiteral("xap") << 2 << int(RuntimeMode::Naive);
    }

    void resizeWhileFlowing()
    {
        QFETCH(QString, partitioner);
        QFETCH(int, workers);
        QFETCH(int, mode);
        constexpr int kRows = 19;
        const double soak = soakSeconds();
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(qint64(soak * 1000.0 / kRows));
        quint64 round = 0;
        do {
            checkRound(partitioner, workers, RuntimeMode(mode), 42 + round * 104729);
            if (QTest::currentTestFailed())
                return;
            ++round;
        } while (soak > 0 && std::chrono::steady_clock::now() < deadline);
    }

private:
    void checkRound(const QString &partitioner, int workers, RuntimeMode mode, quint64 seed)
    {
        const std::vector<Msg> messages = makeMessages(12000, seed);
        std::map<std::string, double> maxPerKey;
        std::map<std::string, quint64> countPerKey;
        for (const Msg &m : messages) {
            maxPerKey[m.key] = std::max(maxPerKey[m.key], m.value);
            ++countPerKey[m.key];
        }
        const QString context = QStringLiteral("%1 W=%2 seed %3").arg(partitioner).arg(workers).arg(seed);

        const Outcome plain = runOnce(messages, partitioner, workers, mode, false, seed);
        QVERIFY2(plain.ok && plain.error.isEmpty(), qPrintable(context + QStringLiteral(": ") + plain.error));
        const Outcome resized = runOnce(messages, partitioner, workers, mode, true, seed);
        QVERIFY2(resized.ok && resized.error.isEmpty(), qPrintable(context + QStringLiteral(": ") + resized.error));

        QVERIFY2(resized.resizes.size() >= 6, qPrintable(context)); // the six scheduled ones, plus requested ones
        QCOMPARE(resized.snapshotResizes, int(resized.resizes.size()));
        QCOMPARE(resized.resizes.back().to, resized.partitions);
        for (std::size_t i = 1; i < resized.resizes.size(); ++i)
            QCOMPARE(resized.resizes[i].from, resized.resizes[i - 1].to);

        QCOMPARE(resized.applied, quint64(messages.size()));
        QCOMPARE(resized.keys, quint64(maxPerKey.size()));
        QCOMPARE(resized.state.size(), maxPerKey.size());
        QCOMPARE(plain.state.size(), resized.state.size());
        quint64 counted = 0;
        for (std::size_t i = 0; i < resized.state.size(); ++i) {
            const KeyResult &k = resized.state[i];
            counted += k.count;
            QVERIFY2(k.value == maxPerKey.at(k.key), qPrintable(context + QStringLiteral(": key %1 ends at %2, its last value is %3")
                                                                              .arg(QString::fromStdString(k.key)).arg(k.value).arg(maxPerKey.at(k.key))));
            QCOMPARE(k.count, countPerKey.at(k.key));
            QCOMPARE(k.partition, resized.expectedPartitions[i]);
            QCOMPARE(k.key, plain.state[i].key);
            QCOMPARE(k.value, plain.state[i].value);
            QCOMPARE(k.count, plain.state[i].count);
        }
        QCOMPARE(counted, quint64(messages.size()));
    }
};

QTEST_APPLESS_MAIN(TestStressRuntime)
#include "tst_stress_runtime.moc"
