#include "metrics/applyorderlog.h"
#include "runtime/stateruntime.h"

#include <QTest>

#include <map>
#include <thread>

using namespace partlab;

/** The FIFO hook: ring semantics, lock-free reads during writes, and what the runtime records. */
class TestApplyOrderLog : public QObject
{
    Q_OBJECT

private slots:
    void keepsTheLastCapacityMessagesInOrder()
    {
        ApplyOrderLog log(2, 4);
        for (quint64 i = 0; i < 10; ++i)
            log.record(1, 100 + i, std::to_string(i), qint64(i));
        QCOMPARE(log.recorded(1), quint64(10));
        QCOMPARE(log.recorded(0), quint64(0));
        QVERIFY(log.recent(0).empty());
        const auto recent = log.recent(1);
        QCOMPARE(recent.size(), std::size_t(4));
        for (std::size_t i = 0; i < recent.size(); ++i) {
            QCOMPARE(recent[i].sequence, 106 + i);
            QCOMPARE(recent[i].applyIndex, 6 + i);
            QCOMPARE(recent[i].partition, 1);
            QCOMPARE(recent[i].key, std::to_string(6 + i));
        }
    }

    void ignoresPartitionsOutOfRange()
    {
        ApplyOrderLog log(1, 4);
        log.record(-1, 1, "a", 1);
        log.record(1, 1, "a", 1);
        QCOMPARE(log.recorded(0), quint64(0));
        QVERIFY(log.recent(5).empty());
    }

    void countsInversions_data()
    {
        QTest::addColumn<QList<quint64>>("sequences");
        QTest::addColumn<quint64>("inversions");
        QTest::newRow("empty") << QList<quint64>{} << quint64(0);
        QTest::newRow("fifo") << QList<quint64>{1, 2, 5, 9} << quint64(0);
        QTest::newRow("one-late") << QList<quint64>{1, 3, 2, 4} << quint64(1);
        // 5 came first: everything produced before it and applied after it is an inversion.
        QTest::newRow("early-overtaker") << QList<quint64>{5, 1, 2, 3, 6} << quint64(3);
    }

    void countsInversions()
    {
        QFETCH(QList<quint64>, sequences);
        QFETCH(quint64, inversions);
        std::vector<AppliedMessage> order;
        for (quint64 s : sequences)
            order.push_back({s, 0, 0, 0, {}, false});
        QCOMPARE(ApplyOrderLog::countInversions(order), inversions);
    }

    void mergedOrderKeepsEachPartitionsOrder()
    {
        ApplyOrderLog log(2, 8);
        // Partition 1 applies 10 at t=1 and 12 at t=2; partition 0's worker is late: 11 at t=3,
        // 13 at t=4. Messages 14 and 15 share one batch (t=5) and keep their submit order.
        log.record(1, 10, "k0", 1);
        log.record(1, 12, "k2", 2);
        log.record(0, 11, "k1", 3);
        log.record(0, 13, "k3", 4);
        log.record(1, 15, "k5", 5);
        log.record(0, 14, "k4", 5);
        const auto merged = log.recentMerged();
        QCOMPARE(merged.size(), std::size_t(6));
        const quint64 expected[] = {10, 12, 11, 13, 14, 15};
        for (int i = 0; i < 6; ++i)
            QCOMPARE(merged[std::size_t(i)].sequence, expected[i]);
        QCOMPARE(ApplyOrderLog::countInversions(merged), quint64(1));
    }

    void keepsKeysAndCutsLongOnes()
    {
        ApplyOrderLog log(1, 4);
        const std::string exact(ApplyOrderLog::kKeyBytes, 'x');
        const std::string longer = exact + "yz";
        log.record(0, 0, "", 1);
        log.record(0, 1, exact, 1);
        log.record(0, 2, longer, 1);
        const auto recent = log.recent(0);
        QCOMPARE(recent[0].key, std::string());
        QCOMPARE(recent[1].key, exact);
        QVERIFY(!recent[1].keyTruncated);
        QCOMPARE(recent[2].key, exact);
        QVERIFY(recent[2].keyTruncated);
    }

    void readsWhileOneThreadWrites()
    {
        // A reader must never see a torn or stale entry: the key spells 3 * sequence, and the
        // applied order rises one by one.
        ApplyOrderLog log(1, 64);
        std::atomic<bool> done{false};
        std::thread writer([&] {
            for (quint32 i = 0; i < 300'000; ++i)
                log.record(0, quint64(i), std::to_string(quint64(i) * 3), qint64(i));
            done.store(true);
        });
        int reads = 0;
        while (!done.load() || reads < 10) {
            const auto recent = log.recent(0);
            for (std::size_t i = 0; i < recent.size(); ++i) {
                QCOMPARE(recent[i].key, std::to_string(recent[i].sequence * 3));
                if (i > 0)
                    QCOMPARE(recent[i].applyIndex, recent[i - 1].applyIndex + 1);
            }
            ++reads;
        }
        writer.join();
        QCOMPARE(log.recorded(0), quint64(300'000));
    }

    void runtimeRecordsEveryMessageInProducedOrderPerPartition_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("partitioned") << int(RuntimeMode::Partitioned);
        QTest::newRow("naive") << int(RuntimeMode::Naive);
    }

    void runtimeRecordsEveryMessageInProducedOrderPerPartition()
    {
        QFETCH(int, mode);
        RuntimeConfig config;
        config.mode = RuntimeMode(mode);
        config.partitionerOptions.partitions = 4;
        config.workers = 2;
        config.batchSize = 16;
        QString error;
        auto runtime = StateRuntime::create(config, &error);
        QVERIFY2(runtime, qPrintable(error));
        auto log = std::make_shared<ApplyOrderLog>(4, 4096);
        runtime->attachApplyOrderLog(log);
        std::map<quint64, std::string> producedKey;
        for (int i = 0; i < 2000; ++i) {
            const std::string key = "k" + std::to_string((i * 7) % 13);
            producedKey[quint64(i)] = key;
            QVERIFY(runtime->submit(key, 1.0, 1.0) == StateRuntime::SubmitResult::Ok);
        }
        runtime->drain();
        quint64 total = 0;
        for (int p = 0; p < 4; ++p) {
            const auto recent = log->recent(p);
            total += recent.size();
            QCOMPARE(ApplyOrderLog::countInversions(recent), quint64(0));
            for (const AppliedMessage &m : recent) {
                QCOMPARE(m.key, producedKey[m.sequence]);
                QCOMPARE(runtime->partitionOfKey(producedKey[m.sequence]), p);
            }
        }
        QCOMPARE(total, quint64(2000));
    }

    void runtimeWithoutLogRecordsNothing()
    {
        RuntimeConfig config;
        config.partitionerOptions.partitions = 2;
        config.workers = 1;
        QString error;
        auto runtime = StateRuntime::create(config, &error);
        QVERIFY(runtime);
        QVERIFY(runtime->submit("a", 1.0, 1.0) == StateRuntime::SubmitResult::Ok);
        runtime->drain();
        QCOMPARE(runtime->snapshot().applied, quint64(1));
    }
};

QTEST_APPLESS_MAIN(TestApplyOrderLog)
#include "tst_applyorderlog.moc"
