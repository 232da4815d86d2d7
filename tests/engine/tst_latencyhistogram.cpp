#include "metrics/latencyhistogram.h"

#include <QTest>

using namespace partlab;

class TestLatencyHistogram : public QObject
{
    Q_OBJECT

private slots:
    /** Every value lands in a bucket whose upper bound is within 6.25% above it. */
    void bucketPrecision()
    {
        for (quint64 v : {0ull, 1ull, 15ull, 16ull, 17ull, 100ull, 999ull, 1000ull, 123456ull, 987654321ull,
                          (1ull << 40) + 12345, ~0ull}) {
            const int b = LatencyHistogram::bucketOf(v);
            QVERIFY(b >= 0 && b < LatencyHistogram::kBuckets);
            const quint64 upper = LatencyHistogram::bucketUpperBound(b);
            QVERIFY2(upper >= v, qPrintable(QString::number(v)));
            QVERIFY2(double(upper - v) <= double(v) / 16.0 + 1, qPrintable(QString::number(v)));
            if (b > 0)
                QVERIFY(LatencyHistogram::bucketUpperBound(b - 1) < v);
        }
    }

    void percentiles()
    {
        LatencyHistogram h;
        for (quint64 us = 1; us <= 1000; ++us) // 1..1000 microseconds, once each
            h.record(us * 1000);
        std::array<quint64, LatencyHistogram::kBuckets> sum{};
        h.addTo(sum);
        const LatencyPercentiles p = LatencyHistogram::percentiles(sum);
        QCOMPARE(p.count, quint64(1000));
        auto near = [](double got, double want) { return got >= want && got <= want * 1.0625 + 0.001; };
        QVERIFY2(near(p.p50, 500), qPrintable(QString::number(p.p50)));
        QVERIFY2(near(p.p90, 900), qPrintable(QString::number(p.p90)));
        QVERIFY2(near(p.p99, 990), qPrintable(QString::number(p.p99)));
        QVERIFY2(near(p.p999, 999), qPrintable(QString::number(p.p999)));
        QVERIFY(near(p.max, 1000));
    }

    void emptyAndReset()
    {
        LatencyHistogram h;
        std::array<quint64, LatencyHistogram::kBuckets> sum{};
        h.addTo(sum);
        QCOMPARE(LatencyHistogram::percentiles(sum).count, quint64(0));
        h.record(5);
        h.reset();
        sum.fill(0);
        h.addTo(sum);
        QCOMPARE(LatencyHistogram::percentiles(sum).count, quint64(0));
    }
};

QTEST_APPLESS_MAIN(TestLatencyHistogram)
#include "tst_latencyhistogram.moc"
