#include "runtime/storeprobe.h"

#include <QTest>

using namespace partlab;
using partlab::runtimedetail::StoreProbe;

/**
 * The store probe of a parallel ingestion (plain or streaming stores for the items workers hand
 * each other) decides on the parse times it is given. The runtime's own use of it, and that the
 * state is the fold's whichever it picks, is in tst_parallelingest::storesProbedEveryPeriod.
 */
class TestStoreProbe : public QObject
{
    Q_OBJECT

private slots:
    /**
     * The probe's decisions on given parse times (ns for 1000 messages, so ns = ps per message):
     * it picks the faster half, starts an early probe at the next claim when the chosen stores
     * become slower than the other ones were, and not when they stay as fast.
     */
    void storeProbeDecidesAndProbesEarly()
    {
        constexpr quint64 start = StateRuntime::kStoreProbeStart, k = StateRuntime::kStoreProbeChunks;
        StoreProbe probe;
        quint64 chunk = 0;
        // Claims a chunk and records its parse at @p plainNs or @p streamedNs by its stores.
        auto parse = [&](qint64 plainNs, qint64 streamedNs) {
            const StoreProbe::Use use = probe.claim(chunk++);
            probe.record(use, use.streams ? streamedNs : plainNs, 1000);
            return use;
        };
        for (quint64 c = 0; c < start; ++c)
            QVERIFY(parse(10'000, 10'000).streams); // before the first probe: streamed
        for (quint64 c = 0; c < k; ++c) {
            const StoreProbe::Use use = parse(12'000, 20'000);
            QVERIFY(use.probe);
            QCOMPARE(use.streams, (c & 1) != 0);
        }
        QCOMPARE(probe.probes(), quint64(1));
        // Plain stores won. While they stay faster than streaming ones were, no early probe.
        for (quint64 c = 0; c < 4 * k; ++c) {
            const StoreProbe::Use use = parse(21'000, 10'000); // plain a little slower: 21 < 20 * 1.1
            QVERIFY(!use.probe);
            QVERIFY(!use.streams);
        }
        QCOMPARE(probe.probes(), quint64(1));
        // Now plain stores take 40 ns per message, twice what streaming ones took: after k
        // parses the next claim starts a probe, and this one picks streaming stores.
        for (quint64 c = 0; c < k; ++c)
            QVERIFY(!parse(40'000, 20'000).probe);
        const quint64 early = chunk;
        for (quint64 c = 0; c < k; ++c) {
            const StoreProbe::Use use = parse(40'000, 20'000);
            QVERIFY2(use.probe, qPrintable(QString::number(chunk - 1)));
            QCOMPARE(use.streams, (c & 1) != 0); // counted from the probe's first chunk
        }
        QCOMPARE(probe.probes(), quint64(2));
        QVERIFY(early % StateRuntime::kStoreProbePeriod != start); // not the periodic one
        for (quint64 c = 0; c < 2 * k; ++c) {
            const StoreProbe::Use use = parse(40'000, 20'000);
            QVERIFY(!use.probe);
            QVERIFY(use.streams);
        }
        // The periodic probe still starts at its place.
        while (chunk % StateRuntime::kStoreProbePeriod != start)
            parse(40'000, 20'000);
        QVERIFY(parse(40'000, 20'000).probe);
        QCOMPARE(probe.probes(), quint64(3));
    }
};

QTEST_APPLESS_MAIN(TestStoreProbe)
#include "tst_storeprobe.moc"
