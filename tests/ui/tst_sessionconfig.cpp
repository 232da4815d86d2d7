// SessionConfig has one source of truth and every field of it reaches the run: for each field
// (nested ones included) a row changes that field alone, SimulationSession::setConfig() must take
// it (not drop it as "equal"), and the run started from it must show it: in the runtime's
// configuration, in the messages the source produced, in the pace or in the FIFO log.
#include "session/simulationsession.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <map>

using namespace partlab;

namespace {

// Counts the fields of an aggregate: the most initialisers T{...} accepts. A field added to one
// of the structs below changes its count and fails fieldCounts(), so it cannot go untested.
struct AnyField
{
    template <class T>
    operator T() const;
};

template <class T, class... Fields>
constexpr std::size_t fieldCount()
{
    if constexpr (requires { T{Fields{}..., AnyField{}}; })
        return fieldCount<T, Fields..., AnyField>();
    else
        return sizeof...(Fields);
}

/** What a finished run shows: per key, its partition, message count and value. */
using Fingerprint = std::map<std::string, std::tuple<int, quint64, double>>;

enum class Shows { Runtime, Messages, Pacing, Fifo, Label, Fails };

using Change = std::function<void(SessionConfig &)>;

struct Row
{
    Change change;  ///< sets the one field, on the config of the second run only
    Shows shows;
    Change prepare; ///< settings the field needs to matter, on both runs (may be empty)
};

} // namespace

Q_DECLARE_METATYPE(Row)

class TestSessionConfig : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_trace;

    /** A short run the rows change one field of: every value differs from what a row sets. */
    SessionConfig base() const
    {
        SessionConfig c = SessionConfig::forBuiltinScenario(QStringLiteral("stocks"));
        c.scenario.distribution.kind = KeyDistributionSpec::Kind::Zipf;
        c.scenario.distribution.zipfExponent = 1.0;
        c.scenario.distribution.hotKeyShare = 0.5;
        c.scenario.keys = 50;
        c.scenario.seed = 7;
        c.rate = 0.0;
        c.messageLimit = 400;
        c.runtime.partitionerOptions.partitions = 4;
        c.runtime.computation = Computation::Last;
        c.runtime.workers = 2;
        c.fifoCapacity = 32;
        c.tracePath = m_trace;
        c.traceFields.key = QStringLiteral("symbol");
        c.traceFields.value = QStringLiteral("price");
        return c;
    }

    /** Runs @p config to its end and returns what its state holds. */
    Fingerprint run(SimulationSession &session, const SessionConfig &config)
    {
        if (!session.setConfig(config))
            return {};
        QSignalSpy ended(&session, &SimulationSession::runEnded);
        if (!session.start()) {
            qWarning("start failed: %s", qPrintable(session.lastError()));
            return {};
        }
        if (!ended.wait(20000) || !ended.first().at(0).toBool())
            return {};
        std::vector<KeyResult> state;
        if (!session.runtime()->stateSnapshot(state))
            return {};
        Fingerprint f;
        for (const KeyResult &k : state)
            f[k.key] = {k.partition, k.count, k.value};
        return f;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_trace = m_dir.filePath(QStringLiteral("trades.csv"));
        QFile f(m_trace);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("symbol,price,volume,ts,value\n");
        for (int i = 0; i < 300; ++i)
            f.write(QStringLiteral("K%1,%2,%3,%4,%5\n").arg(i % 13).arg(i % 7 + 1).arg(i % 5 + 1).arg(1000 + i).arg(i % 3 + 10).toUtf8());
    }

    void fieldCounts()
    {
        // When one of these fails, a field was added: add a row for it to mutations_data().
        QCOMPARE(fieldCount<SessionConfig>(), std::size_t(9));
        QCOMPARE(fieldCount<GeneratorSettings>(), std::size_t(4));
        QCOMPARE(fieldCount<KeyDistributionSpec>(), std::size_t(3));
        QCOMPARE(fieldCount<FieldMapping>(), std::size_t(5));
        QCOMPARE(fieldCount<RuntimeConfig>(), std::size_t(12));
        QCOMPARE(fieldCount<PartitionerOptions>(), std::size_t(7));
    }

    void mutations_data()
    {
        QTest::addColumn<Row>("row");
        auto add = [](const char *name, Shows shows, Change change, Change prepare = {}) {
            QTest::newRow(name) << Row{std::move(change), shows, std::move(prepare)};
        };
        using K = KeyDistributionSpec::Kind;
        const Change trace = [](SessionConfig &c) { c.source = SessionConfig::Source::Trace; };
        add("source", Shows::Messages, trace);
        add("scenarioOrigin", Shows::Label, [](SessionConfig &c) { c.scenarioOrigin = QStringLiteral("/tmp/mine.json"); });
        add("scenario.generator", Shows::Messages, [](SessionConfig &c) { c.scenario.generator = ScenarioSpec::Generator::Words; });
        add("scenario.distribution.kind", Shows::Messages, [](SessionConfig &c) { c.scenario.distribution.kind = K::Uniform; });
        add("scenario.distribution.zipfExponent", Shows::Messages, [](SessionConfig &c) { c.scenario.distribution.zipfExponent = 2.5; });
        add("scenario.distribution.hotKeyShare", Shows::Messages, [](SessionConfig &c) { c.scenario.distribution.hotKeyShare = 0.9; },
            [](SessionConfig &c) { c.scenario.distribution.kind = K::HotKey; });
        add("scenario.keys", Shows::Messages, [](SessionConfig &c) { c.scenario.keys = 5; });
        add("scenario.seed", Shows::Messages, [](SessionConfig &c) { c.scenario.seed = 8; });
        add("tracePath", Shows::Messages, [this](SessionConfig &c) {
            c.tracePath = m_dir.filePath(QStringLiteral("other.csv"));
            QFile::remove(c.tracePath);
            QFile::copy(m_trace, c.tracePath);
            QFile f(c.tracePath);
            QVERIFY(f.open(QIODevice::Append));
            f.write("EXTRA,1,1,5000,1\n");
        }, trace);
        add("traceFields.key", Shows::Messages, [](SessionConfig &c) { c.traceFields.key = QStringLiteral("volume"); }, trace);
        add("traceFields.value", Shows::Messages, [](SessionConfig &c) { c.traceFields.value = QStringLiteral("volume"); }, trace);
        add("traceFields.volume", Shows::Messages, [](SessionConfig &c) { c.traceFields.volume = QStringLiteral("value"); },
            [](SessionConfig &c) {
                c.source = SessionConfig::Source::Trace;
                c.runtime.computation = Computation::Vwap;
                c.traceFields.volume = QStringLiteral("volume");
            });
        // A run paces by rate, not by the recorded gaps (the trace player does that), but it reads
        // the time column: a column that holds no time stamps stops it with an error.
        add("traceFields.time", Shows::Fails, [](SessionConfig &c) { c.traceFields.time = QStringLiteral("symbol"); }, trace);
        add("traceFields.defaultNames", Shows::Messages, [](SessionConfig &c) { c.traceFields.defaultNames = true; },
            [](SessionConfig &c) {
                c.source = SessionConfig::Source::Trace;
                c.traceFields.value.clear(); // every message counts 1, until "value" is the default
            });
        add("rate", Shows::Pacing, [](SessionConfig &c) { c.rate = 1e6; });
        add("messageLimit", Shows::Messages, [](SessionConfig &c) { c.messageLimit = 100; });
        add("runtime.mode", Shows::Runtime, [](SessionConfig &c) { c.runtime.mode = RuntimeMode::Naive; });
        add("runtime.computation", Shows::Messages, [](SessionConfig &c) { c.runtime.computation = Computation::Sum; });
        add("runtime.partitioner", Shows::Messages, [](SessionConfig &c) { c.runtime.partitioner = QStringLiteral("kafka"); });
        add("runtime.partitionerOptions.partitions", Shows::Messages,
            [](SessionConfig &c) { c.runtime.partitionerOptions.partitions = 7; });
        add("runtime.partitionerOptions.maxParallelism", Shows::Messages,
            [](SessionConfig &c) { c.runtime.partitionerOptions.maxParallelism = 4096; },
            [](SessionConfig &c) { c.runtime.partitioner = QStringLiteral("flink"); });
        add("runtime.partitionerOptions.virtualNodes", Shows::Messages,
            [](SessionConfig &c) { c.runtime.partitionerOptions.virtualNodes = 3; },
            [](SessionConfig &c) { c.runtime.partitioner = QStringLiteral("ring"); });
        add("runtime.partitionerOptions.seed", Shows::Messages, [](SessionConfig &c) { c.runtime.partitionerOptions.seed = 99; },
            [](SessionConfig &c) { c.runtime.partitioner = QStringLiteral("rendezvous"); });
        const Change elasticsearch = [](SessionConfig &c) { c.runtime.partitioner = QStringLiteral("elasticsearch"); };
        add("runtime.partitionerOptions.routingNumShards", Shows::Messages,
            [](SessionConfig &c) { c.runtime.partitionerOptions.routingNumShards = 4; }, elasticsearch);
        // _id "b" has the partition offset 1 of 2, "a" the offset 0 (partlab-cli route --explain).
        add("runtime.partitionerOptions.routingPartitionSize", Shows::Messages,
            [](SessionConfig &c) { c.runtime.partitionerOptions.routingPartitionSize = 2; },
            [](SessionConfig &c) {
                c.runtime.partitioner = QStringLiteral("elasticsearch");
                c.runtime.partitionerOptions.routingNumShards = 4;
                c.runtime.partitionerOptions.documentId = QStringLiteral("b");
            });
        add("runtime.partitionerOptions.documentId", Shows::Messages,
            [](SessionConfig &c) { c.runtime.partitionerOptions.documentId = QStringLiteral("b"); },
            [](SessionConfig &c) {
                c.runtime.partitioner = QStringLiteral("elasticsearch");
                c.runtime.partitionerOptions.routingNumShards = 4;
                c.runtime.partitionerOptions.routingPartitionSize = 2;
                c.runtime.partitionerOptions.documentId = QStringLiteral("a");
            });
        add("runtime.workers", Shows::Runtime, [](SessionConfig &c) { c.runtime.workers = 1; });
        add("runtime.batchSize", Shows::Runtime, [](SessionConfig &c) { c.runtime.batchSize = 8; });
        add("runtime.queueBatches", Shows::Runtime, [](SessionConfig &c) { c.runtime.queueBatches = 3; });
        add("runtime.maxKeys", Shows::Fails, [](SessionConfig &c) { c.runtime.maxKeys = 10; });
        add("runtime.costNs", Shows::Runtime, [](SessionConfig &c) { c.runtime.costNs = 1000; });
        add("runtime.checkExclusiveAccess", Shows::Runtime, [](SessionConfig &c) { c.runtime.checkExclusiveAccess = true; });
        add("runtime.exclusivitySpinNs", Shows::Runtime, [](SessionConfig &c) { c.runtime.exclusivitySpinNs = 10; });
        add("runtime.parallelIngest", Shows::Runtime, [](SessionConfig &c) { c.runtime.parallelIngest = false; });
        add("fifoCapacity", Shows::Fifo, [](SessionConfig &c) { c.fifoCapacity = 8; });
    }

    void mutations()
    {
        QFETCH(Row, row);
        SessionConfig before = base();
        if (row.prepare)
            row.prepare(before);
        SessionConfig after = before;
        row.change(after);
        QVERIFY2(!(after == before), "the row changes nothing");

        SimulationSession session;
        const Fingerprint was = run(session, before);
        QVERIFY2(!was.empty(), qPrintable(session.lastError()));
        const PacingOptions pacedBefore = session.runPacing();
        const int fifoBefore = session.applyOrderLog() ? session.applyOrderLog()->capacity() : 0;

        QSignalSpy changed(&session, &SimulationSession::configChanged);
        QVERIFY(session.setConfig(after));
        QCOMPARE(changed.count(), 1); // taken, not dropped as "equal"
        QVERIFY(session.config() == after);

        const Fingerprint is = run(session, after);
        QVERIFY2(!is.empty() || row.shows == Shows::Fails, qPrintable(session.lastError()));
        // Every run is built from the session's config: the runtime holds exactly its runtime part.
        QVERIFY(session.runtime()->config() == after.runtime);
        QCOMPARE(session.runtime()->partitionCount(), after.runtime.partitions());
        switch (row.shows) {
        case Shows::Runtime:
            QVERIFY(!(session.runtime()->config() == before.runtime));
            break;
        case Shows::Messages:
            QVERIFY2(is != was, "the run's state did not change");
            break;
        case Shows::Pacing:
            QCOMPARE(pacedBefore.rate, before.rate);
            QCOMPARE(session.runPacing().rate, after.rate);
            break;
        case Shows::Fifo:
            QCOMPARE(fifoBefore, before.fifoCapacity);
            QVERIFY(session.applyOrderLog());
            QCOMPARE(session.applyOrderLog()->capacity(), after.fifoCapacity);
            break;
        case Shows::Fails:
            QCOMPARE(session.state(), RunState::Failed);
            break;
        case Shows::Label:
            QCOMPARE(session.runLabel(), QStringLiteral("mine.json"));
            break;
        }
    }

    void equalConfigIsNoChange()
    {
        SimulationSession session;
        QVERIFY(session.setConfig(base()));
        QSignalSpy changed(&session, &SimulationSession::configChanged);
        QVERIFY(session.setConfig(base()));
        QCOMPARE(changed.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSessionConfig)
#include "tst_sessionconfig.moc"
