#include "workload/keydistribution.h"
#include "workload/scenario.h"
#include "workload/scenariosource.h"

#include <QTemporaryDir>
#include <QFile>
#include <QTest>

#include <cmath>
#include <set>

using namespace partlab;

class TestScenario : public QObject
{
    Q_OBJECT

private slots:
    void builtins()
    {
        for (const QString &name : ScenarioSpec::builtinNames()) {
            QString error;
            const auto s = resolveScenario(QStringLiteral("builtin:") + name, &error);
            QVERIFY2(s, qPrintable(error));
            QVERIFY(s->validate().isEmpty());
        }
        QString error;
        QVERIFY(!resolveScenario(QStringLiteral("builtin:nope"), &error));
        QVERIFY(error.contains(QLatin1String("builtin:stocks")));
    }

    void parsesFile()
    {
        QString error;
        const auto s = loadScenarioFile(QStringLiteral(PARTLAB_SOURCE_DIR "/resources/scenarios/hot-symbol.json"), &error);
        QVERIFY2(s, qPrintable(error));
        QCOMPARE(s->generator, ScenarioSpec::Generator::Stocks);
        QCOMPARE(s->distribution.kind, KeyDistributionSpec::Kind::HotKey);
        QCOMPARE(s->distribution.hotKeyShare, 0.3);
        QCOMPARE(s->keys, quint32(100));
        QCOMPARE(s->messages, quint64(100000));
        QCOMPARE(s->partitions, 8);
        QCOMPARE(s->computation, Computation::Vwap);
    }

    void rejectsBadFiles_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("syntax") << QByteArray("{\n  \"keys\": 10,\n  \"seed\" 3\n}") << QStringLiteral("test.json:3:");
        QTest::newRow("not-object") << QByteArray("[1,2]") << QStringLiteral("must be a JSON object");
        QTest::newRow("unknown-field") << QByteArray("{\"kyes\": 10}") << QStringLiteral("unknown field 'kyes'");
        QTest::newRow("wrong-type") << QByteArray("{\"keys\": \"ten\"}") << QStringLiteral("field 'keys': must be a number");
        QTest::newRow("negative") << QByteArray("{\"partitions\": -2}") << QStringLiteral("field 'partitions': must be a whole number between 1 and 65536");
        QTest::newRow("fraction") << QByteArray("{\"keys\": 2.5}") << QStringLiteral("field 'keys'");
        QTest::newRow("generator") << QByteArray("{\"generator\": \"bonds\"}") << QStringLiteral("unknown generator 'bonds'");
        QTest::newRow("computation") << QByteArray("{\"computation\": \"median\"}") << QStringLiteral("unknown computation 'median'");
        QTest::newRow("distribution") << QByteArray("{\"distribution\": \"pareto\"}") << QStringLiteral("unknown distribution 'pareto'");
        QTest::newRow("zipf") << QByteArray("{\"distribution\": \"zipf\", \"zipf_exponent\": 0}") << QStringLiteral("zipf_exponent");
        QTest::newRow("share") << QByteArray("{\"hot_key_share\": 1.5}") << QStringLiteral("hot_key_share");
    }

    void rejectsBadFiles()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!parseScenarioJson(json, QStringLiteral("test.json"), &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY2(error.startsWith(QLatin1String("test.json")), qPrintable(error));
    }

    void missingFile()
    {
        QString error;
        QVERIFY(!loadScenarioFile(QStringLiteral("/nonexistent/s.json"), &error));
        QVERIFY(error.contains(QLatin1String("/nonexistent/s.json: cannot open")));
    }

    /**
     * Regression (bad-input sweep): `simulate --scenario /dev/zero` read forever. A device or a pipe has
     * no size, so the reader must stop one byte past the limit by itself.
     */
    /** Regression (bad-input sweep): `--scenario ''` made QFile warn on stderr before the error line. */
    void emptySpecIsRefused()
    {
        QString error;
        QVERIFY(!resolveScenario(QString(), &error));
        QVERIFY2(error.startsWith(QLatin1String("no scenario given")), qPrintable(error));
    }

    void endlessFileIsRefused()
    {
        if (!QFile::exists(QStringLiteral("/dev/zero")))
            QSKIP("no /dev/zero");
        QString error;
        QVERIFY(!loadScenarioFile(QStringLiteral("/dev/zero"), &error));
        QVERIFY2(error.startsWith(QLatin1String("/dev/zero: too large for a scenario file")), qPrintable(error));
    }

    /** Same seed, same messages; another seed, other messages. */
    void deterministic()
    {
        auto run = [](quint64 seed) {
            ScenarioSpec s = *ScenarioSpec::builtin(QStringLiteral("stocks"));
            s.seed = seed;
            s.messages = 1000;
            ScenarioSource src(s);
            QByteArray all;
            SourceMessage m;
            while (src.next(m) == MessageSource::Status::Message)
                all += QByteArray(m.key.data(), qsizetype(m.key.size())) + QByteArray::number(m.value, 'g', 17) + QByteArray::number(m.volume);
            return all;
        };
        QCOMPARE(run(5), run(5));
        QVERIFY(run(5) != run(6));
    }

    void keyNamesAreUnique()
    {
        for (auto g : {ScenarioSpec::Generator::Stocks, ScenarioSpec::Generator::Words, ScenarioSpec::Generator::Orders}) {
            std::set<std::string> names;
            for (quint32 i = 0; i < 20000; ++i)
                QVERIFY(names.insert(ScenarioSource::keyName(g, i)).second);
        }
        QCOMPARE(ScenarioSource::keyName(ScenarioSpec::Generator::Stocks, 0), std::string("AAPL"));
        QCOMPARE(ScenarioSource::keyName(ScenarioSpec::Generator::Orders, 41), std::string("C000042"));
    }

    /** Observed frequencies follow the distribution (within a few standard deviations). */
    void distributions_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("uniform") << int(KeyDistributionSpec::Kind::Uniform);
        QTest::newRow("zipf") << int(KeyDistributionSpec::Kind::Zipf);
        QTest::newRow("hotkey") << int(KeyDistributionSpec::Kind::HotKey);
    }

    void distributions()
    {
        QFETCH(int, kind);
        KeyDistributionSpec spec;
        spec.kind = KeyDistributionSpec::Kind(kind);
        spec.zipfExponent = 1.0;
        spec.hotKeyShare = 0.25;
        const quint32 keys = 50;
        KeyPicker picker(spec, keys);
        double total = 0;
        for (quint32 i = 0; i < keys; ++i)
            total += picker.probability(i);
        QVERIFY(qAbs(total - 1.0) < 1e-9);
        Random random(99);
        const int draws = 200000;
        std::vector<int> counts(keys, 0);
        for (int i = 0; i < draws; ++i)
            ++counts[picker.pick(random)];
        for (quint32 i = 0; i < keys; ++i) {
            const double p = picker.probability(i);
            const double sigma = std::sqrt(draws * p * (1 - p));
            QVERIFY2(qAbs(counts[i] - draws * p) < 5 * sigma + 1,
                     qPrintable(QStringLiteral("key %1: %2 vs %3").arg(i).arg(counts[i]).arg(draws * p)));
        }
        if (spec.kind == KeyDistributionSpec::Kind::Zipf)
            QVERIFY(qAbs(picker.probability(0) / picker.probability(1) - 2.0) < 1e-9); // 1/1 vs 1/2
    }
};

QTEST_APPLESS_MAIN(TestScenario)
#include "tst_scenario.moc"
