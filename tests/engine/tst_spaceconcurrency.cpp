#include "spacefixtures.h"

#include <QTest>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

using namespace partlab;
using namespace partlab::testing;
using namespace std::chrono_literals;

/** The proxy under several client threads: blocking operations, parallel writeMultiple, mixed load. */
class TestSpaceConcurrency : public QObject
{
    Q_OBJECT

private slots:
    void blockingTakeWaitsForAWrite()
    {
        auto space = ordersSpace(4);
        const auto query = space->templateQuery(templ(s("Order"), s("customerId"), Value::string(s("c1"))), nullptr);
        ReadResult result;
        std::chrono::steady_clock::duration waited{};
        std::thread client([&] {
            const auto start = std::chrono::steady_clock::now();
            result = space->take(*query, 5s);
            waited = std::chrono::steady_clock::now() - start;
        });
        std::this_thread::sleep_for(50ms);
        QVERIFY(space->write(order(s("o1"), s("c1"), 7)).ok);
        client.join();
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(!result.timedOut);
        QCOMPARE(result.partitions, QList<int>{2});
        QCOMPARE(ids(result.entries), QStringList{s("o1")});
        QVERIFY(waited >= 40ms);
        QVERIFY(waited < 4s);
        QCOMPARE(space->count(SpaceQuery::all(*space->type(s("Order")))).count, 0);
    }

    void blockingReadTimesOut()
    {
        auto space = ordersSpace(4);
        const auto query = space->templateQuery(templ(s("Order"), s("customerId"), Value::string(s("c1"))), nullptr);
        ReadResult result;
        std::chrono::steady_clock::duration waited{};
        std::thread client([&] {
            const auto start = std::chrono::steady_clock::now();
            result = space->read(*query, 120ms);
            waited = std::chrono::steady_clock::now() - start;
        });
        // A write to another partition must not wake it with a wrong answer.
        QVERIFY(space->write(order(s("o1"), s("c2"), 7)).ok);
        client.join();
        QVERIFY(result.ok);
        QVERIFY(result.timedOut);
        QVERIFY(result.entries.isEmpty());
        QVERIFY(waited >= 120ms);
        QVERIFY(waited < 3s);
    }

    void blockingWithoutRoutingValueIsRefused()
    {
        auto space = ordersSpace(4);
        QString error;
        const auto query = SpaceQuery::fromSql(*space->type(s("Order")), s("amount > 1"), &error);
        const auto start = std::chrono::steady_clock::now();
        const ReadResult r = space->take(*query, 1s);
        QVERIFY(!r.ok);
        QVERIFY(r.partitions.isEmpty());
        QVERIFY2(r.error.contains(s("does not broadcast blocking operations")), qPrintable(r.error));
        QVERIFY(std::chrono::steady_clock::now() - start < 500ms); // refused at once, no waiting
    }

    void writeMultipleSendsGroupsInParallel()
    {
        auto space = ordersSpace(4);
        const auto &type = *space->type(s("Order"));
        // A listener on partition 2 (c1) and one on partition 3 (c2) each wait for the other to
        // have started: that only succeeds if the two groups are written at the same time.
        std::mutex mutex;
        std::condition_variable arrived;
        int started = 0;
        std::atomic<int> metTheOther{0};
        auto rendezvous = [&](const SpaceEvent &) {
            std::unique_lock lock(mutex);
            ++started;
            arrived.notify_all();
            if (arrived.wait_for(lock, 5s, [&] { return started >= 2; }))
                metTheOther.fetch_add(1);
        };
        QString error;
        space->subscribe(*SpaceQuery::fromSql(type, s("orderId = 'x1'"), &error), rendezvous);
        space->subscribe(*SpaceQuery::fromSql(type, s("orderId = 'x2'"), &error), rendezvous);
        const WriteMultipleResult r = space->writeMultiple({order(s("x1"), s("c1"), 1), order(s("o2"), s("c3"), 1),
                                                            order(s("x2"), s("c2"), 1), order(s("o4"), s("c1"), 1),
                                                            order(s("o5"), s("c4"), 1), order(s("o6"), s("c3"), 1)});
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(metTheOther.load(), 2);
        QCOMPARE(r.partitions, (QList<int>{0, 1, 2, 3}));
        QCOMPARE(r.groups.size(), 4);
        const int expectedSizes[] = {2, 1, 2, 1}; // c3 x2, c4 x1, c1 x2, c2 x1
        for (int g = 0; g < 4; ++g) {
            QCOMPARE(r.groups[g].partition, g);
            QCOMPARE(r.groups[g].size, expectedSizes[g]);
        }
        QCOMPARE(r.written, 6);
        QCOMPARE(r.entries[2].partition, 3);
    }

    void writeMultipleReportsPartialFailuresPerEntry()
    {
        auto space = ordersSpace(4);
        QVERIFY(space->write(order(s("o1"), s("c1"), 1)).ok);
        const WriteMultipleResult r = space->writeMultiple({order(s("o2"), s("c2"), 1), order(s("o1"), s("c1"), 2),
                                                            order(s("o3"), s("c3"), 3), order(s("o3"), s("c3"), 4)});
        QVERIFY(r.ok); // the batch was sent; two entries were refused by their partitions
        QCOMPARE(r.written, 2);
        QCOMPARE(r.failed, 2);
        QVERIFY(r.entries[0].ok);
        QVERIFY(!r.entries[1].ok);
        QVERIFY(r.entries[1].error.contains(s("already exists in partition 2")));
        QVERIFY(r.entries[2].ok);
        QVERIFY(!r.entries[3].ok); // same id twice in one batch: the second is refused
        QCOMPARE(space->readById(s("Order"), Value::string(s("o1"))).entries.first().value(s("amount")).toDouble(), 1.0);
        QCOMPARE(space->readById(s("Order"), Value::string(s("o3"))).entries.first().value(s("amount")).toDouble(), 3.0);
    }

    void manyClientsAtOnce()
    {
        // Writers, batch writers, readers and takers on one proxy; run under TSan in CI.
        auto space = ordersSpace(8);
        const auto &type = *space->type(s("Order"));
        constexpr int kWriters = 3, kPerWriter = 300;
        std::atomic<int> taken{0};
        std::atomic<int> failures{0}; // QVERIFY is for the test thread only
        std::atomic<bool> stop{false};
        std::vector<std::thread> threads;
        for (int w = 0; w < kWriters; ++w) {
            threads.emplace_back([&, w] {
                for (int i = 0; i < kPerWriter; ++i) {
                    const QString id = QStringLiteral("w%1-%2").arg(w).arg(i);
                    if (i % 3 == 0) {
                        const WriteMultipleResult r = space->writeMultiple(
                            {order(id, QStringLiteral("c%1").arg(i % 17), i), order(id + s("b"), QStringLiteral("c%1").arg(i % 5), i)});
                        if (!r.ok || r.written != 2)
                            ++failures;
                    } else {
                        if (!space->write(order(id, QStringLiteral("c%1").arg(i % 11), i)).ok)
                            ++failures;
                    }
                }
            });
        }
        threads.emplace_back([&] {
            QString error;
            const auto query = SpaceQuery::fromSql(type, s("amount >= 0 ORDER BY amount"), &error);
            while (!stop.load()) {
                taken += int(space->takeMultiple(*query, 7).entries.size());
                taken += int(space->take(*space->templateQuery(templ(s("Order"), s("customerId"), Value::string(s("c3"))), nullptr),
                                         1ms).entries.size());
            }
        });
        threads.emplace_back([&] {
            while (!stop.load()) {
                space->readMultiple(SpaceQuery::all(type), 50);
                space->count(SpaceQuery::all(type));
                space->stats();
            }
        });
        for (int w = 0; w < kWriters; ++w)
            threads[std::size_t(w)].join();
        stop = true;
        for (std::size_t t = kWriters; t < threads.size(); ++t)
            threads[t].join();
        QCOMPARE(failures.load(), 0);
        const int written = kWriters * (kPerWriter + kPerWriter / 3);
        QCOMPARE(space->count(SpaceQuery::all(type)).count, qint64(written - taken.load()));
        qint64 entries = 0;
        for (const SpacePartitionStats &p : space->stats())
            entries += p.entries;
        QCOMPARE(entries, qint64(written - taken.load()));
    }

    void typesDefinedWhileClientsWrite()
    {
        // Types are found without a lock: one thread defines 200 types (some of them twice, the
        // same way, and one differently) while others look them up, write and read. Every type
        // defined is found at once and by every thread; run under TSan in CI.
        auto space = ordersSpace(4);
        const qsizetype before = space->typeNames().size();
        constexpr int kTypes = 200;
        std::atomic<int> defined{0};
        std::atomic<int> failures{0};
        const auto definition = [](int t) {
            TypeDefinition d;
            d.name = QStringLiteral("T%1").arg(t);
            d.properties = {{s("id"), ValueType::String}, {s("v"), ValueType::Int}};
            d.id = s("id");
            d.routing = s("id");
            return d;
        };
        std::thread definer([&] {
            for (int t = 0; t < kTypes; ++t) {
                if (!space->defineType(definition(t)).ok || !space->defineType(definition(t)).ok)
                    ++failures;
                defined.store(t + 1, std::memory_order_release);
            }
            TypeDefinition other = definition(7);
            other.properties.append({s("w"), ValueType::Int});
            if (space->defineType(other).ok) // a different definition under a name in use is refused
                ++failures;
        });
        std::vector<std::thread> clients;
        for (int c = 0; c < 2; ++c) {
            clients.emplace_back([&, c] {
                for (int i = 0; i < 600; ++i) {
                    const int known = defined.load(std::memory_order_acquire);
                    if (known == 0)
                        continue;
                    const QString name = QStringLiteral("T%1").arg(i % known);
                    Entry e(name);
                    const QString id = QStringLiteral("c%1-%2").arg(c).arg(i);
                    e.setValue(s("id"), Value::string(id));
                    e.setValue(s("v"), Value::int32(i));
                    if (!space->type(name) || !space->write(e).ok || space->readById(name, Value::string(id)).entries.size() != 1)
                        ++failures;
                }
                if (space->type(s("T-none")) || space->write(Entry(s("T-none"))).error.isEmpty())
                    ++failures;
            });
        }
        definer.join();
        for (std::thread &t : clients)
            t.join();
        QCOMPARE(failures.load(), 0);
        QCOMPARE(space->typeNames().size(), before + kTypes);
        QCOMPARE(space->type(s("T7"))->definition(), definition(7));
    }
};

QTEST_APPLESS_MAIN(TestSpaceConcurrency)
#include "tst_spaceconcurrency.moc"
