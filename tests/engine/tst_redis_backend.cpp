// The Redis Cluster backend against a real 3-node cluster: state names, the Lua computation
// against the in-process fold for every computation, idempotent resume, a live reshard of 1000
// slots and a node killed mid-run.
#include "redisclusterfixture.h"

#include "redis/clusterinspection.h"
#include "redis/clusterloadsampler.h"
#include "redis/clusterstatestore.h"
#include "redis/redisclusterbackend.h"
#include "redis/redisconnection.h"
#include "redis/redisinfo.h"
#include "redis/statekeyname.h"
#include "routing/crc16.h"
#include "runtime/statedump.h"

#include <QTest>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <map>
#include <thread>

using namespace partlab;
using namespace partlab::test;

namespace {

/** Deterministic messages over @p keys keys, some with hash tags and braces. */
class MessageMaker
{
public:
    explicit MessageMaker(int keys) : m_keys(keys) {}

    void make(quint64 seq, std::string &key, double &value, double &volume)
    {
        m_state ^= m_state << 13;
        m_state ^= m_state >> 7;
        m_state ^= m_state << 17;
        const int k = int(m_state % quint64(m_keys));
        switch (k % 10) {
        case 0: key = "{user" + std::to_string(k % 97) + "}.k" + std::to_string(k); break;
        case 1: key = "a}b" + std::to_string(k); break;
        case 2: key = k == 2 ? std::string() : "x{y" + std::to_string(k); break;
        default: key = "key:" + std::to_string(k);
        }
        value = double((m_state >> 20) % 100000) / 100.0 + 0.01 * double(seq % 7);
        volume = double(1 + (m_state >> 40) % 1000);
    }

private:
    int m_keys;
    quint64 m_state = 0x9E3779B97F4A7C15ULL;
};

/** The in-process fold: applyComputation in input order, per key. */
struct Reference
{
    Computation computation;
    std::map<std::string, KeyState> states;

    void apply(const std::string &key, double value, double volume)
    {
        applyComputation(computation, states[key], value, volume);
    }
    QString checksum() const
    {
        std::vector<KeyResult> results;
        for (const auto &[key, s] : states)
            results.push_back(KeyResult{key, 0, stateValue(computation, s), s.count});
        return stateChecksum(results);
    }
};

QString readChecksum(RedisClusterBackend &backend, std::size_t *keys = nullptr)
{
    std::vector<KeyResult> state;
    QString error;
    if (!backend.readState(state, &error)) {
        qWarning("%s", qPrintable(error));
        return {};
    }
    if (keys)
        *keys = state.size();
    return stateChecksum(state);
}

} // namespace

class TestRedisBackend : public QObject
{
    Q_OBJECT

    RedisClusterFixture m_cluster;

    std::unique_ptr<RedisClusterBackend> connect(Computation c, bool clearFirst = true)
    {
        ClusterBackendOptions o;
        o.seed = m_cluster.seed();
        o.computation = c;
        o.clearFirst = clearFirst;
        QString error;
        auto b = RedisClusterBackend::connect(o, &error);
        if (!b)
            qWarning("%s", qPrintable(error));
        return b;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_cluster.start(3), qPrintable(m_cluster.error()));
    }

    void layoutIsPartlabs()
    {
        ClusterInspection inspection;
        QString error;
        QVERIFY2(inspectCluster(m_cluster.seed(), inspection, &error), qPrintable(error));
        QCOMPARE(int(inspection.nodes.size()), 3);
        QVERIFY(inspection.layoutMatches());
    }

    void stateKeyNames()
    {
        QString error;
        auto c = RedisConnection::connect(m_cluster.seed(), &error);
        QVERIFY2(c, qPrintable(error));
        for (const std::string key : {"AAPL", "", "{user1000}.following", "a}b", "}{", "{}x", "x{y", "{", "}", "{a}", "partlab:{x}"}) {
            const std::string name = StateKeyName::encode(key);
            QCOMPARE(StateKeyName::decode(name).value_or("<none>"), key);
            // Same slot as the key itself, by Partlab's rule and by the server's.
            QCOMPARE(redisKeySlot(name), redisKeySlot(key));
            QCOMPARE(c->command({"CLUSTER", "KEYSLOT", name}).integer, (long long)redisKeySlot(key));
        }
        QCOMPARE(StateKeyName::encode("AAPL"), std::string("partlab:{AAPL}"));
        QCOMPARE(StateKeyName::encode("{user1000}.following"), std::string("partlab:t:{user1000}.following"));
        QVERIFY(!StateKeyName::decode("other:{x}"));
    }

    void parsing()
    {
        QString error;
        QCOMPARE(RedisAddress::parse(QStringLiteral("127.0.0.1:7000"), &error)->port, 7000);
        QCOMPARE(RedisAddress::parse(QStringLiteral("[::1]:7001"), &error)->host, std::string("::1"));
        QVERIFY(!RedisAddress::parse(QStringLiteral("localhost"), &error));
        QVERIFY(error.contains(QStringLiteral("'localhost' is not HOST:PORT")));
        QVERIFY(!RedisAddress::parse(QStringLiteral("h:70000"), &error));
        const auto calls = RedisInfo::commandCalls("# Commandstats\r\ncmdstat_evalsha:calls=12,usec=30,usec_per_call=2.5,"
                                                   "rejected_calls=0,failed_calls=0\r\ncmdstat_cluster|slots:calls=3,usec=1\r\n");
        QCOMPARE(calls.at("evalsha"), quint64(12));
        QCOMPARE(calls.at("cluster|slots"), quint64(3));
        QCOMPARE(RedisInfo::parse("# Cluster\r\ncluster_state:ok\r\n").at("cluster_state"), std::string("ok"));
    }

    void matchesInProcess_data()
    {
        QTest::addColumn<QString>("computation");
        for (const QString &c : computationNames())
            QTest::newRow(qPrintable(c)) << c;
    }

    void matchesInProcess()
    {
        QFETCH(QString, computation);
        const Computation c = *computationFromName(computation);
        auto backend = connect(c);
        QVERIFY(backend);
        Reference reference{c, {}};
        MessageMaker maker(3000);
        std::string key;
        double value, volume;
        const quint64 n = 20000;
        for (quint64 seq = 1; seq <= n; ++seq) {
            maker.make(seq, key, value, volume);
            reference.apply(key, value, volume);
            QVERIFY(backend->submit(seq, key, value, volume));
        }
        QVERIFY2(backend->finish(), qPrintable(backend->error()));
        const ClusterRunReport &r = backend->report();
        QCOMPARE(r.applied, n);
        QCOMPARE(r.duplicates, quint64(0));
        quint64 predicted = 0, observed = 0;
        for (const ClusterNodeReport &node : r.nodes) {
            QCOMPARE(node.observed, node.predicted); // a fresh cluster is Partlab's layout
            QCOMPARE(qint64(node.observed), node.serverCalls);
            predicted += node.predicted;
            observed += node.observed;
        }
        QCOMPARE(observed, n);
        QCOMPARE(predicted, n);
        std::size_t keys = 0;
        QCOMPARE(readChecksum(*backend, &keys), reference.checksum());
        QCOMPARE(keys, reference.states.size());
    }

    void resumeAppliesEachMessageOnce()
    {
        Reference reference{Computation::Sum, {}};
        std::vector<std::tuple<std::string, double, double>> messages;
        MessageMaker maker(500);
        for (quint64 seq = 1; seq <= 10000; ++seq) {
            std::string key;
            double value, volume;
            maker.make(seq, key, value, volume);
            reference.apply(key, value, volume);
            messages.emplace_back(key, value, volume);
        }
        auto first = connect(Computation::Sum);
        QVERIFY(first);
        for (quint64 seq = 1; seq <= 6000; ++seq)
            QVERIFY(first->submit(seq, std::get<0>(messages[seq - 1]), std::get<1>(messages[seq - 1]), std::get<2>(messages[seq - 1])));
        QVERIFY(first->finish());
        // Resume from an earlier point than needed: 4000..6000 are sent again and skipped.
        auto second = connect(Computation::Sum, false);
        QVERIFY(second);
        for (quint64 seq = 4000; seq <= 10000; ++seq)
            QVERIFY(second->submit(seq, std::get<0>(messages[seq - 1]), std::get<1>(messages[seq - 1]), std::get<2>(messages[seq - 1])));
        QVERIFY(second->finish());
        QCOMPARE(second->report().duplicates, quint64(2001));
        QCOMPARE(second->report().applied, quint64(4000));
        QCOMPARE(readChecksum(*second), reference.checksum());
    }

    void reshardDuringRunLosesNothing()
    {
        QString error;
        auto c0 = RedisConnection::connect(m_cluster.cluster().nodes()[0].address, &error);
        auto c1 = RedisConnection::connect(m_cluster.cluster().nodes()[1].address, &error);
        QVERIFY2(c0 && c1, qPrintable(error));
        const std::string from = c0->command({"CLUSTER", "MYID"}).text;
        const std::string to = c1->command({"CLUSTER", "MYID"}).text;
        auto backend = connect(Computation::Vwap);
        QVERIFY(backend);
        Reference reference{Computation::Vwap, {}};
        MessageMaker maker(20000);

        std::atomic<bool> done{false};
        std::atomic<int> reshardExit{-1};
        const std::string command = "redis-cli --cluster reshard " + m_cluster.seed().toStdString() + " --cluster-from " + from
                                    + " --cluster-to " + to + " --cluster-slots 1000 --cluster-yes >/dev/null 2>&1";
        std::thread reshard([&] {
            reshardExit.store(std::system(command.c_str()));
            done.store(true);
        });
        std::string key;
        double value, volume;
        quint64 seq = 0;
        const qint64 deadline = steadyNowNs() + 60'000'000'000LL;
        bool ok = true;
        while ((!done.load() || seq < 50000) && steadyNowNs() < deadline && ok) {
            ++seq;
            maker.make(seq, key, value, volume);
            reference.apply(key, value, volume);
            ok = backend->submit(seq, key, value, volume);
            // A steady stream, not a flood: redis-cli's MIGRATE round trips would queue behind
            // full pipelines and the reshard would take much longer on two cores.
            if (seq % 100 == 0)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        reshard.join();
        QVERIFY2(ok, qPrintable(backend->error()));
        QCOMPARE(reshardExit.load(), 0);
        QVERIFY2(backend->finish(), qPrintable(backend->error()));
        const ClusterRunReport &r = backend->report();
        qInfo("%llu messages during the reshard: %llu MOVED, %llu ASK, %llu slot map refreshes",
              seq, r.movedRedirects, r.askRedirects, r.topologyRefreshes);
        QCOMPARE(r.applied, seq);
        QCOMPARE(r.duplicates, quint64(0)); // an out-of-order message would have been skipped
        QVERIFY(r.movedRedirects + r.askRedirects > 0);
        QCOMPARE(readChecksum(*backend), reference.checksum());
        QCOMPARE(backend->topology().masters()[std::size_t(backend->topology().ownerOfSlot(0))].address,
                 m_cluster.cluster().nodes()[1].address);
    }

    void samplerSeesTheLoad()
    {
        ClusterLoadSampler sampler(m_cluster.seed(), 50);
        sampler.start();
        auto backend = connect(Computation::Sum);
        QVERIFY(backend);
        for (quint64 seq = 1; seq <= 30000; ++seq)
            QVERIFY(backend->submit(seq, "k" + std::to_string(seq % 300), 1.0, 1.0));
        QVERIFY(backend->finish());
        QTRY_VERIFY_WITH_TIMEOUT(sampler.snapshot().sequence >= 3, 5000);
        const quint64 after = sampler.snapshot().sequence;
        QTRY_VERIFY_WITH_TIMEOUT(sampler.snapshot().sequence > after, 5000); // a sample taken after the run
        sampler.stop();
        const ClusterLoadSnapshot s = sampler.snapshot();
        QCOMPARE(int(s.nodes.size()), 3);
        qint64 keys = 0;
        for (const NodeLoad &n : s.nodes) {
            QVERIFY2(n.reachable, qPrintable(n.error));
            QVERIFY(n.evalshaCalls > 0);
            keys += n.keys;
        }
        QVERIFY(keys >= 300);
        const ClusterProbe probe = probeCluster(m_cluster.seed());
        QVERIFY2(probe.ok, qPrintable(probe.message));
        QCOMPARE(probe.masters, 3);
        QVERIFY(!probeCluster(RedisAddress{"127.0.0.1", 1}).ok);
    }

    // Last: it takes a node away for good.
    void nodeKilledMidRun()
    {
        auto backend = connect(Computation::Count);
        QVERIFY(backend);
        MessageMaker maker(5000);
        std::map<std::string, quint64> lastSeq; // per key, the last message sent
        std::vector<std::pair<quint64, std::string>> sent;
        std::string key;
        double value, volume;
        quint64 seq = 0;
        const RedisAddress victim = m_cluster.cluster().nodes()[2].address;
        const qint64 deadline = steadyNowNs() + 30'000'000'000LL;
        while (steadyNowNs() < deadline) {
            ++seq;
            maker.make(seq, key, value, volume);
            if (seq == 20000)
                QVERIFY(m_cluster.cluster().killNode(2));
            if (!backend->submit(seq, key, value, volume))
                break;
            sent.emplace_back(seq, key);
        }
        QVERIFY(!backend->finish());
        const QString error = backend->error();
        qInfo("%s", qPrintable(error));
        QVERIFY2(error.contains(victim.toString()), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("messages were applied")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("--resume-from %1").arg(backend->resumeFrom())), qPrintable(error));
        QCOMPARE(backend->failedNode(), victim);
        QVERIFY(backend->resumeFrom() >= 1 && backend->resumeFrom() <= seq);
        // Nothing before the resume point is lost: on the surviving nodes every key has seen at
        // least its last message before that point.
        for (const auto &[s, k] : sent) {
            if (s < backend->resumeFrom())
                lastSeq[k] = s;
        }
        const ClusterTopology &t = backend->topology();
        QString connectError;
        std::map<RedisAddress, std::unique_ptr<RedisConnection>> connections;
        int checked = 0;
        for (const auto &[k, s] : lastSeq) {
            const RedisAddress owner = t.masters()[std::size_t(t.ownerOfSlot(redisKeySlot(k)))].address;
            if (owner == victim)
                continue;
            auto &c = connections[owner];
            if (!c)
                c = RedisConnection::connect(owner, &connectError);
            QVERIFY2(c, qPrintable(connectError));
            const RedisReply q = c->command({"HGET", StateKeyName::encode(k), "q"});
            QVERIFY2(q.type == RedisReply::Type::String && std::stoull(q.text) >= s, k.c_str());
            ++checked;
        }
        QVERIFY(checked > 1000);
    }
};

QTEST_GUILESS_MAIN(TestRedisBackend)
#include "tst_redis_backend.moc"
