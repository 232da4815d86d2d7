#include "advisor/hotkeytracker.h"
#include "advisor/partitionsweep.h"
#include "advisor/spacesaving.h"
#include "routing/xappartitioner.h"
#include "workload/keydistribution.h"
#include "workload/scenariosource.h"

#include <QFile>
#include <QTest>

#include <algorithm>
#include <map>

using namespace partlab;

namespace {

std::vector<KeyWeight> scenarioKeys(const QString &name, quint64 messages, KeyDistributionSpec::Kind kind, quint32 keys)
{
    ScenarioSpec spec = *ScenarioSpec::builtin(name);
    spec.messages = messages;
    spec.keys = keys;
    spec.distribution.kind = kind;
    spec.distribution.hotKeyShare = 0.4;
    ScenarioSource source(spec);
    QString error;
    return *countKeys(source, 1'000'000, &error);
}

} // namespace

/** The partition-count advisor and the heavy-hitter summaries, against direct counts. */
class TestAdvisor : public QObject
{
    Q_OBJECT

private slots:
    void countKeysCountsEveryMessage()
    {
        const auto keys = scenarioKeys(QStringLiteral("words"), 10000, KeyDistributionSpec::Kind::Zipf, 300);
        quint64 total = 0;
        for (const KeyWeight &k : keys)
            total += k.weight;
        QCOMPARE(total, quint64(10000));
        QVERIFY(std::is_sorted(keys.begin(), keys.end(), [](const KeyWeight &a, const KeyWeight &b) { return a.key < b.key; }));
    }

    /** Every number of every row equals a direct computation with the partitioner. */
    void sweepMatchesDirectCount()
    {
        const auto keys = scenarioKeys(QStringLiteral("stocks"), 20000, KeyDistributionSpec::Kind::Zipf, 150);
        SweepOptions o;
        o.partitioners = {QStringLiteral("xap")};
        o.minPartitions = 3;
        o.maxPartitions = 12;
        o.workers = 2;
        PartitionSweep sweep(keys, o);
        QVERIFY(sweep.validate().isEmpty());
        int lastDone = -1, lastTotal = -1;
        const auto rows = sweep.run([&](int done, int total) { lastDone = done; lastTotal = total; });
        QCOMPARE(int(rows.size()), 10);
        QCOMPARE(lastDone, 10);
        QCOMPARE(lastTotal, 10);
        for (const SweepRow &row : rows) {
            PartitionerOptions po;
            po.partitions = row.partitions;
            XapPartitioner now(po);
            po.partitions = row.partitions - 1;
            XapPartitioner before(po);
            std::vector<quint64> load(std::size_t(row.partitions), 0);
            quint64 total = 0, moved = 0;
            for (const KeyWeight &k : keys) {
                load[std::size_t(now.partition(RoutingKey::text(k.key)))] += k.weight;
                total += k.weight;
                moved += now.partition(RoutingKey::text(k.key)) != before.partition(RoutingKey::text(k.key));
            }
            const quint64 max = *std::max_element(load.begin(), load.end());
            QCOMPARE(row.skew, double(max) / (double(total) / row.partitions));
            QCOMPARE(row.maxShare, double(max) / double(total));
            QCOMPARE(row.keysMoved, moved);
            quint64 w0 = 0, w1 = 0;
            for (int p = 0; p < row.partitions; ++p)
                (p % 2 ? w1 : w0) += load[std::size_t(p)];
            QCOMPARE(row.speedup, double(total) / double(qMax(w0, w1)));
        }
    }

    void recommendsWhenEven()
    {
        const auto keys = scenarioKeys(QStringLiteral("orders"), 50000, KeyDistributionSpec::Kind::Uniform, 2000);
        SweepOptions o;
        o.minPartitions = 2;
        o.maxPartitions = 16;
        o.targetSkew = 1.3;
        PartitionSweep sweep(keys, o);
        const auto rows = sweep.run();
        const auto advice = sweep.recommend(rows);
        QCOMPARE(int(advice.size()), 1);
        QVERIFY(advice[0].partitions >= 2);
        const auto row = std::find_if(rows.begin(), rows.end(), [&](const SweepRow &r) { return r.partitions == advice[0].partitions; });
        QVERIFY(row->skew <= 1.3);
        for (const SweepRow &r : rows) { // nothing smaller meets the target
            if (r.partitions < advice[0].partitions)
                QVERIFY(r.skew > 1.3);
        }
        QVERIFY(advice[0].reason.contains(QString::number(advice[0].partitions)));
    }

    /** A key with 40% of the load: the advisor says more partitions won't help. */
    void hotKeyDefeatsMorePartitions()
    {
        const auto keys = scenarioKeys(QStringLiteral("stocks"), 50000, KeyDistributionSpec::Kind::HotKey, 500);
        SweepOptions o;
        o.minPartitions = 4;
        o.maxPartitions = 32;
        PartitionSweep sweep(keys, o);
        const auto advice = sweep.recommend(sweep.run());
        QCOMPARE(advice[0].partitions, 0);
        QVERIFY2(advice[0].reason.contains(QLatin1String("more partitions won't help")), qPrintable(advice[0].reason));
        QVERIFY(advice[0].reason.contains(QLatin1String("'AAPL'")));
    }

    void sweepValidates()
    {
        SweepOptions o;
        o.partitioners = {QStringLiteral("nope")};
        QVERIFY(PartitionSweep({{"a", 1}}, o).validate().contains(QLatin1String("unknown partitioner 'nope'")));
        o.partitioners = {QStringLiteral("xap")};
        o.minPartitions = 10;
        o.maxPartitions = 5;
        QVERIFY(!PartitionSweep({{"a", 1}}, o).validate().isEmpty());
        o.maxPartitions = 20;
        QVERIFY(PartitionSweep({}, o).validate().contains(QLatin1String("no keys")));
    }

    /** A partitioner stops at its system's own limit; its rows up to there and the others stay. */
    void sweepStopsAtALimit()
    {
        const auto keys = scenarioKeys(QStringLiteral("orders"), 5000, KeyDistributionSpec::Kind::Uniform, 500);
        SweepOptions o;
        o.partitioners = {QStringLiteral("elasticsearch"), QStringLiteral("hazelcast")};
        o.minPartitions = 1020;
        o.maxPartitions = 1030;
        int lastProgress = 0, total = 0;
        const auto rows = PartitionSweep(keys, o).run([&](int done, int of) {
            lastProgress = done;
            total = of;
        });
        int elasticsearch = 0, hazelcast = 0, largestShards = 0;
        for (const SweepRow &r : rows) {
            if (r.partitioner == QLatin1String("elasticsearch")) {
                ++elasticsearch;
                largestShards = std::max(largestShards, r.partitions);
            } else {
                ++hazelcast;
            }
        }
        QCOMPARE(elasticsearch, 5); // 1020 .. 1024: an index has at most 1024 shards
        QCOMPARE(largestShards, 1024);
        QCOMPARE(hazelcast, 11);
        QCOMPARE(lastProgress, total); // the progress still reaches the end
    }

    void sweepCancels()
    {
        const auto keys = scenarioKeys(QStringLiteral("words"), 20000, KeyDistributionSpec::Kind::Zipf, 3000);
        SweepOptions o;
        o.maxPartitions = 2000;
        std::atomic<bool> cancel{true};
        QVERIFY(PartitionSweep(keys, o).run({}, &cancel).empty());
    }

    /** Space-Saving against an exact count on a Zipf stream. */
    void spaceSavingGuarantees()
    {
        KeyDistributionSpec spec;
        spec.kind = KeyDistributionSpec::Kind::Zipf;
        spec.zipfExponent = 1.2;
        KeyPicker picker(spec, 5000);
        Random random(3);
        SpaceSaving summary(100);
        std::map<quint32, quint64> exact;
        const quint64 n = 200000;
        for (quint64 i = 0; i < n; ++i) {
            const quint32 k = picker.pick(random);
            summary.add(k);
            ++exact[k];
        }
        QCOMPARE(summary.total(), n);
        QCOMPARE(summary.size(), std::size_t(100));
        const auto all = summary.top(100);
        std::map<quint32, HeavyHitter> found;
        for (const HeavyHitter &h : all)
            found[h.item] = h;
        for (const auto &[key, count] : exact) {
            if (count > n / 100) // frequent items are never missed
                QVERIFY2(found.count(key), qPrintable(QString::number(key)));
            if (found.count(key)) {
                QVERIFY(found[key].count >= count);                      // upper bound
                QVERIFY(found[key].count - found[key].error <= count);   // lower bound
            }
        }
        // The top 10 are the 10 most frequent items, in order.
        std::vector<std::pair<quint64, quint32>> byCount;
        for (const auto &[key, count] : exact)
            byCount.emplace_back(count, key);
        std::sort(byCount.rbegin(), byCount.rend());
        const auto top = summary.top(10);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(top[std::size_t(i)].item, byCount[std::size_t(i)].second);
    }

    /**
     * Regression (bad-input sweep): `hotkeys --partitions 65536 --capacity 1000000` reserved every
     * summary's counters up front, terabytes, and never got to the first message. Memory must
     * follow the keys seen, not the capacity.
     */
    void hotKeyTrackerMemoryFollowsTheKeys()
    {
        const auto residentBytes = [] {
            QFile statm(QStringLiteral("/proc/self/statm"));
            if (!statm.open(QIODevice::ReadOnly))
                return qint64(-1);
            return statm.readAll().split(' ').value(1).toLongLong() * 4096;
        };
        const qint64 before = residentBytes();
        if (before < 0)
            QSKIP("no /proc/self/statm");
        PartitionerOptions o;
        o.partitions = 65536;
        HotKeyTracker tracker(std::make_unique<XapPartitioner>(o), 1'000'000);
        for (int i = 0; i < 1000; ++i)
            QVERIFY(tracker.add("k" + std::to_string(i)));
        const qint64 grown = residentBytes() - before;
        QVERIFY2(grown < qint64(256) << 20, qPrintable(QStringLiteral("%1 MiB for 1000 keys").arg(grown >> 20)));
        QCOMPARE(tracker.report(1).messages, quint64(1000));
    }

    void hotKeyTrackerReportsShares()
    {
        PartitionerOptions o;
        o.partitions = 4;
        HotKeyTracker tracker(std::make_unique<XapPartitioner>(o), 32);
        for (int i = 0; i < 600; ++i)
            QVERIFY(tracker.add("hot"));
        for (int i = 0; i < 400; ++i)
            QVERIFY(tracker.add("k" + std::to_string(i)));
        const HotKeyReport r = tracker.report(3);
        QCOMPARE(r.messages, quint64(1000));
        const int p = XapPartitioner(o).partition(RoutingKey::text("hot"));
        const HotKey &first = r.partitions[std::size_t(p)].front();
        QCOMPARE(first.key, std::string("hot"));
        QCOMPARE(first.count, quint64(600));
        QCOMPARE(first.totalShare, 0.6);
        QCOMPARE(first.partitionShare, 600.0 / double(r.partitionMessages[std::size_t(p)]));
        QVERIFY(r.advice.join(QLatin1Char(' ')).contains(QLatin1String("more partitions won't help")));
    }
};

QTEST_GUILESS_MAIN(TestAdvisor)
#include "tst_advisor.moc"
