#include "clirunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace partlab::test;

/** `partlab-cli capacity` end to end: the JSON a run reports, the search, the grid, a trace, bad input. */
class TestCliCapacity : public QObject
{
    Q_OBJECT

private slots:
    void json()
    {
        const CliResult r = runCli({QStringLiteral("capacity"), QStringLiteral("--scenario"), QStringLiteral("builtin:orders"), QStringLiteral("--partitions"),
                                    QStringLiteral("12"), QStringLiteral("--consumers"), QStringLiteral("3"), QStringLiteral("--threads"), QStringLiteral("2"),
                                    QStringLiteral("--rate"), QStringLiteral("8000"), QStringLiteral("--service-time"), QStringLiteral("lognormal:200,1500"),
                                    QStringLiteral("--messages"), QStringLiteral("200000"), QStringLiteral("--find-saturation"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        for (const char *field : {"mean_wait_us", "stable", "saturation_rate", "analytic_saturation_rate", "latency_us", "partitions", "consumers"})
            QVERIFY2(o.contains(QLatin1String(field)), field);
        const QJsonObject latency = o[QStringLiteral("latency_us")].toObject();
        QVERIFY(latency[QStringLiteral("p50")].toDouble() <= latency[QStringLiteral("p90")].toDouble());
        QVERIFY(latency[QStringLiteral("p90")].toDouble() <= latency[QStringLiteral("p99")].toDouble());
        QVERIFY(latency[QStringLiteral("p99")].toDouble() <= latency[QStringLiteral("p999")].toDouble());
        QCOMPARE(o[QStringLiteral("partitions")].toArray().size(), 12);
        QCOMPARE(o[QStringLiteral("consumers")].toArray().size(), 3);
        for (const QJsonValue &v : o[QStringLiteral("partitions")].toArray()) {
            const QJsonObject p = v.toObject();
            for (const char *field : {"utilization", "max_lag", "final_lag"})
                QVERIFY2(p.contains(QLatin1String(field)), field);
            QVERIFY(p[QStringLiteral("utilization")].toDouble() < 1.0);
        }
        // Range assignor: 12 partitions over 3 consumers, 4 each.
        for (const QJsonValue &v : o[QStringLiteral("consumers")].toArray())
            QCOMPARE(v.toObject()[QStringLiteral("partitions")].toInt(), 4);
        const double analytic = o[QStringLiteral("analytic_saturation_rate")].toDouble();
        const double found = o[QStringLiteral("saturation_rate")].toDouble();
        QVERIFY2(std::abs(found - analytic) / analytic < 0.05, qPrintable(QStringLiteral("%1 vs %2").arg(found).arg(analytic)));
        QVERIFY(o[QStringLiteral("stable")].toBool() == (8000 < analytic));
    }

    void grid()
    {
        const CliResult r = runCli({QStringLiteral("capacity"), QStringLiteral("--grid-partitions"), QStringLiteral("4,8"), QStringLiteral("--grid-consumers"),
                                    QStringLiteral("1,2,4"), QStringLiteral("--rate"), QStringLiteral("1000"), QStringLiteral("--service-time"),
                                    QStringLiteral("fixed:100"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray cells = QJsonDocument::fromJson(r.out).object()[QStringLiteral("grid")].toArray();
        QCOMPARE(cells.size(), 6);
        // One consumer with one thread serves 10,000 msg/s of 100 us messages, whatever N.
        for (const QJsonValue &v : cells) {
            const QJsonObject c = v.toObject();
            if (c[QStringLiteral("consumers")].toInt() == 1)
                QCOMPARE(c[QStringLiteral("saturation_rate")].toDouble(), 10000.0);
            else
                QVERIFY(c[QStringLiteral("saturation_rate")].toDouble() >= 10000.0);
        }
        const CliResult text = runCli({QStringLiteral("capacity"), QStringLiteral("--grid-partitions"), QStringLiteral("4"), QStringLiteral("--grid-consumers"),
                                       QStringLiteral("1,2"), QStringLiteral("--rate"), QStringLiteral("15000"), QStringLiteral("--service-time"),
                                       QStringLiteral("fixed:100"), QStringLiteral("--grid-metric"), QStringLiteral("p99"), QStringLiteral("--messages"),
                                       QStringLiteral("50000")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("!"), text.out.constData()); // one consumer cannot keep up with 15,000 msg/s
    }

    void recommendsTheSmallestCluster()
    {
        // 12,000 msg/s of 100 us messages: one consumer thread does 10,000, so it takes 2 consumers;
        // with fixed service and 2+ consumers the p99 stays low.
        const CliResult r = runCli({QStringLiteral("capacity"), QStringLiteral("--grid-partitions"), QStringLiteral("4,8,16"), QStringLiteral("--grid-consumers"),
                                    QStringLiteral("1,2,4"), QStringLiteral("--rate"), QStringLiteral("12000"), QStringLiteral("--service-time"),
                                    QStringLiteral("fixed:100"), QStringLiteral("--messages"), QStringLiteral("100000"), QStringLiteral("--p99-target"),
                                    QStringLiteral("5000"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        const QJsonObject pick = o[QStringLiteral("recommendation")].toObject();
        QVERIFY2(!pick.isEmpty(), r.out.constData());
        QVERIFY(pick[QStringLiteral("consumers")].toInt() >= 2);
        QVERIFY(pick[QStringLiteral("p99_us")].toDouble() <= 5000.0);
        // Nothing with fewer consumers, or as many consumers and fewer partitions, meets it.
        for (const QJsonValue &v : o[QStringLiteral("grid")].toArray()) {
            const QJsonObject c = v.toObject();
            const bool smaller = c[QStringLiteral("consumers")].toInt() < pick[QStringLiteral("consumers")].toInt()
                                 || (c[QStringLiteral("consumers")].toInt() == pick[QStringLiteral("consumers")].toInt()
                                     && c[QStringLiteral("partitions")].toInt() < pick[QStringLiteral("partitions")].toInt());
            if (smaller)
                QVERIFY(!c[QStringLiteral("stable")].toBool() || c[QStringLiteral("p99_us")].toDouble() > 5000.0);
        }
    }

    void measuredServiceAndBursts()
    {
        CliResult r = runCli({QStringLiteral("capacity"), QStringLiteral("--rate"), QStringLiteral("1000"), QStringLiteral("--service-time"),
                              QStringLiteral("measured:vwap"), QStringLiteral("--messages"), QStringLiteral("10000"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonObject o = QJsonDocument::fromJson(r.out).object();
        const QString service = o[QStringLiteral("service_time")].toString();
        QVERIFY2(service.startsWith(QLatin1String("fixed:")), qPrintable(service));
        const double us = service.mid(6).toDouble();
        QVERIFY2(us > 0.0 && us < 100.0, qPrintable(service)); // a hash lookup and a few floating-point operations
        r = runCli({QStringLiteral("capacity"), QStringLiteral("--rate"), QStringLiteral("5000"), QStringLiteral("--burst"), QStringLiteral("3:100/1000"),
                    QStringLiteral("--service-time"), QStringLiteral("fixed:100"), QStringLiteral("--messages"), QStringLiteral("20000"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o[QStringLiteral("burst")].toObject()[QStringLiteral("average_rate")].toDouble(), 6000.0);
    }

    void traceAtItsSpeed()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("key,time\n");
        for (int i = 0; i < 2001; ++i) // one message per millisecond: 1,000 msg/s
            f.write(QStringLiteral("k%1,%2\n").arg(i % 5).arg(1700000000000LL + i).toUtf8());
        f.close();
        const CliResult r = runCli({QStringLiteral("capacity"), QStringLiteral("--input"), path, QStringLiteral("--speed"), QStringLiteral("3"),
                                    QStringLiteral("--service-time"), QStringLiteral("fixed:100"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o[QStringLiteral("rate")].toDouble(), 3000.0);
        QCOMPARE(o[QStringLiteral("messages")].toInt(), 2001);
        QVERIFY(std::abs(o[QStringLiteral("virtual_seconds")].toDouble() - 2.0 / 3.0) < 1e-6);
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("message");
        const QStringList base{QStringLiteral("--service-time"), QStringLiteral("fixed:100")};
        QTest::newRow("no rate") << base << QByteArray("give --rate R or --speed X");
        QTest::newRow("bad service") << QStringList{QStringLiteral("--rate"), QStringLiteral("10"), QStringLiteral("--service-time"), QStringLiteral("gauss:3")}
                                     << QByteArray("unknown kind 'gauss'");
        QTest::newRow("speed without input") << base + QStringList{QStringLiteral("--speed"), QStringLiteral("2")} << QByteArray("use it with --input FILE");
        QTest::newRow("assignor") << base + QStringList{QStringLiteral("--rate"), QStringLiteral("10"), QStringLiteral("--assignor"), QStringLiteral("cooperative")}
                                  << QByteArray("unknown assignor 'cooperative'");
        QTest::newRow("key service") << base + QStringList{QStringLiteral("--rate"), QStringLiteral("10"), QStringLiteral("--key-service"), QStringLiteral("AAPL")}
                                     << QByteArray("'AAPL' is not KEY=SPEC");
        QTest::newRow("consumers 0") << base + QStringList{QStringLiteral("--rate"), QStringLiteral("10"), QStringLiteral("--consumers"), QStringLiteral("0")}
                                     << QByteArray("--consumers must be a whole number");
        QTest::newRow("measured what") << QStringList{QStringLiteral("--rate"), QStringLiteral("10"), QStringLiteral("--service-time"), QStringLiteral("measured:median")}
                                       << QByteArray("unknown computation 'median'");
        QTest::newRow("burst") << base + QStringList{QStringLiteral("--rate"), QStringLiteral("10"), QStringLiteral("--burst"), QStringLiteral("3:10")}
                               << QByteArray("not FACTOR:ON_MS/PERIOD_MS");
        QTest::newRow("grid metric alone") << base + QStringList{QStringLiteral("--rate"), QStringLiteral("10"), QStringLiteral("--grid-metric"), QStringLiteral("p99")}
                                           << QByteArray("applies to the grid mode");
    }

    void badInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, message);
        arguments.prepend(QStringLiteral("capacity"));
        const CliResult r = runCli(arguments);
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliCapacity)
#include "tst_cli_capacity.moc"
