// SpscQueue, the bounded ring between one producer and one worker: capacity, backpressure, FIFO
// around the ring, then one producer and one consumer at full speed, which ThreadSanitizer
// watches in the tsan preset.
#include "runtime/spscqueue.h"

#include <QTest>

#include <atomic>
#include <memory>
#include <string>
#include <thread>

using namespace partlab;

class TestSpscQueue : public QObject
{
    Q_OBJECT

private slots:
    void capacityIsAPowerOfTwo()
    {
        QCOMPARE(SpscQueue<int>(0).capacity(), 2u);
        QCOMPARE(SpscQueue<int>(3).capacity(), 4u);
        QCOMPARE(SpscQueue<int>(64).capacity(), 64u);
        QCOMPARE(SpscQueue<int>(65).capacity(), 128u);
    }

    void fullAndEmptyWithoutLosingAnything()
    {
        SpscQueue<int> queue(4);
        int out = -1;
        QVERIFY(queue.emptyApprox());
        QVERIFY(!queue.tryPop(out));
        for (int i = 0; i < 4; ++i)
            QVERIFY(queue.tryPush(i));
        QVERIFY(!queue.tryPush(99)); // full: backpressure, nothing dropped or overwritten
        QCOMPARE(queue.sizeApprox(), 4u);
        // Around the ring many times: FIFO all the way.
        int next = 0;
        for (int i = 4; i < 1000; ++i) {
            QVERIFY(queue.tryPop(out));
            QCOMPARE(out, next++);
            QVERIFY(queue.tryPush(i));
        }
        while (queue.tryPop(out))
            QCOMPARE(out, next++);
        QCOMPARE(next, 1000);
        QVERIFY(queue.emptyApprox());
    }

    void movesOwnership()
    {
        SpscQueue<std::unique_ptr<int>> queue(2);
        QVERIFY(queue.tryPush(std::make_unique<int>(7)));
        std::unique_ptr<int> out;
        QVERIFY(queue.tryPop(out));
        QVERIFY(out);
        QCOMPARE(*out, 7);
    }

    void oneProducerOneConsumer()
    {
        // Pointers to payloads written before the push: the consumer must see them whole.
        constexpr int kItems = 50'000;
        SpscQueue<std::string *> queue(64);
        std::atomic<bool> ok{true};
        std::thread consumer([&] {
            std::string *item = nullptr;
            for (int expected = 0; expected < kItems;) {
                if (!queue.tryPop(item)) {
                    std::this_thread::yield();
                    continue;
                }
                if (*item != std::to_string(expected))
                    ok = false;
                delete item;
                ++expected;
            }
        });
        for (int i = 0; i < kItems; ++i) {
            auto *item = new std::string(std::to_string(i));
            while (!queue.tryPush(item))
                std::this_thread::yield();
        }
        consumer.join();
        QVERIFY(ok);
        QVERIFY(queue.emptyApprox());
    }
};

QTEST_GUILESS_MAIN(TestSpscQueue)
#include "tst_spscqueue.moc"
