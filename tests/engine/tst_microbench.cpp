#include "routing/partitioner.h"
#include "runtime/keystatetable.h"
#include "runtime/stateruntime.h"

#include <QTest>

using namespace partlab;

/**
 * QBENCHMARK micro-benchmarks of the hot paths. Under CTest each runs a short adaptive loop
 * (they also check their results); run the binary alone, e.g. `tst_microbench -minimumtotal 500`,
 * for stable numbers. Throughput targets live in `partlab-cli bench`, not here.
 */
class TestMicroBench : public QObject
{
    Q_OBJECT

    std::vector<std::string> m_keys;

private slots:
    void initTestCase()
    {
        for (int i = 0; i < 10000; ++i)
            m_keys.push_back("S" + std::to_string(10000 + i));
    }

    void route_data()
    {
        QTest::addColumn<QString>("partitioner");
        for (const QString &name : partitionerNames())
            QTest::newRow(qPrintable(name)) << name;
    }

    /** One partitioner routing 10 000 short keys. */
    void route()
    {
        QFETCH(QString, partitioner);
        PartitionerOptions o;
        o.partitions = 16;
        QString error;
        const auto p = createPartitioner(partitioner, o, &error);
        QVERIFY(p);
        quint64 sum = 0;
        QBENCHMARK {
            for (const std::string &k : m_keys)
                sum += quint64(p->partition(RoutingKey::text(k)));
        }
        QVERIFY(sum > 0);
    }

    /** Owner-side lookup of 10 000 present keys. */
    void tableLookup()
    {
        KeyStateTable table;
        for (const std::string &k : m_keys)
            table.insert(k, hashKey(k));
        quint64 found = 0;
        QBENCHMARK {
            for (const std::string &k : m_keys)
                found += table.find(k, hashKey(k)) != nullptr;
        }
        QVERIFY(found % m_keys.size() == 0 && found > 0);
    }

    /** The metrics snapshot the GUI takes 20+ times a second, at 1024 partitions. */
    void snapshot1024()
    {
        RuntimeConfig c;
        c.workers = 2;
        c.partitionerOptions.partitions = 1024;
        QString error;
        auto runtime = StateRuntime::create(c, &error);
        for (const std::string &k : m_keys)
            QCOMPARE(runtime->submit(k, 1, 1), StateRuntime::SubmitResult::Ok);
        runtime->drain();
        RuntimeSnapshot s;
        QBENCHMARK {
            s = runtime->snapshot();
        }
        QCOMPARE(s.partitions.size(), std::size_t(1024));
        QCOMPARE(s.applied, quint64(m_keys.size()));
    }

    /** Producer + 2 workers applying 100 000 messages end to end. */
    void runtimeEndToEnd()
    {
        RuntimeConfig c;
        c.workers = 2;
        c.computation = Computation::Vwap;
        QString error;
        quint64 applied = 0;
        QBENCHMARK {
            auto runtime = StateRuntime::create(c, &error);
            for (int i = 0; i < 100000; ++i)
                (void)runtime->submit(m_keys[std::size_t(i) % m_keys.size()], 10.0, 2.0);
            runtime->drain();
            applied = runtime->snapshot().applied;
        }
        QCOMPARE(applied, quint64(100000));
    }
};

QTEST_APPLESS_MAIN(TestMicroBench)
#include "tst_microbench.moc"
