// Stress test of the partitioned space under many client threads (CTest labels: engine, stress;
// meant for the tsan preset). Random writes, writeMultiple, updates, takes, takeMultiple,
// blocking takes, reads and clears from several threads at once, then the books must balance:
//  - conservation: every entry written is still there, or was returned by exactly one take, or
//    was counted by exactly one clear (nothing lost, nothing duplicated, nothing invented);
//  - FIFO: for a FIFO type, the entries of one writer on one routing value are taken in the order
//    they were written (they share a partition, and a take returns its oldest match);
//  - updates: an entry still there carries its last update, and only entries that were removed
//    ever refused an update;
//  - indexes: payload (changed by every update) and writer are indexed; ordered range reads run
//    during the storm, and afterwards every partition's indexes agree with a full scan.
// Bounded by default (fixed seeds, a few thousand operations per thread); PARTLAB_SOAK_SECONDS=S
// repeats rounds with new seeds for about S seconds in total.
#include "space/spaceproxy.h"

#include <QTest>

#include <atomic>
#include <chrono>
#include <map>
#include <random>
#include <set>
#include <thread>

using namespace partlab;
using namespace std::chrono_literals;

namespace {

constexpr int kQueues = 6;

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

/** Seconds of soak asked for by PARTLAB_SOAK_SECONDS (0 = the bounded default run). */
double soakSeconds()
{
    return qEnvironmentVariableIntValue("PARTLAB_SOAK_SECONDS");
}

QString queueName(int q)
{
    return QStringLiteral("q%1").arg(q);
}

/** What one client thread did, for the books. */
struct ClientLog
{
    std::vector<QString> written;                  ///< ids written (write or writeMultiple, ok)
    std::vector<Entry> taken;                      ///< entries returned by its takes, in order
    qint64 cleared = 0;                            ///< entries its clears removed
    std::map<QString, qint64> lastUpdate;          ///< id -> payload of its last successful update
    std::set<QString> refusedUpdates;              ///< ids whose update failed (must be gone)
    QStringList errors;                            ///< unexpected failures
};

/** One client thread: random operations on the space, logged for the books. */
class Client
{
public:
    Client(SpaceProxy &space, int index, quint64 seed) : m_space(space), m_index(index), m_random(seed)
    {
        m_jobType = space.type(s("Job"));
    }

    void run(int operations)
    {
        for (int i = 0; i < operations; ++i) {
            const int dice = pick(100);
            if (dice < 30)
                writeOne();
            else if (dice < 38)
                writeBatch();
            else if (dice < 50)
                updateOne();
            else if (dice < 70)
                takeOne();
            else if (dice < 78)
                takeSome();
            else if (dice < 84)
                blockingTake();
            else if (dice < 96)
                readSome();
            else
                clearQueue();
        }
    }

    ClientLog log;

private:
    int pick(int n) { return int(m_random() % quint64(n)); }

    Entry newJob()
    {
        const int q = pick(kQueues);
        Entry e(s("Job"));
        e.setValue(s("jobId"), Value::string(QStringLiteral("c%1-%2").arg(m_index).arg(m_next++)));
        e.setValue(s("queue"), Value::string(queueName(q)));
        e.setValue(s("writer"), Value::int32(m_index));
        e.setValue(s("seq"), Value::int64(++m_seq[q]));
        e.setValue(s("payload"), Value::int64(0));
        return e;
    }

    void writeOne()
    {
        const Entry e = newJob();
        const WriteResult r = m_space.write(e);
        if (!r.ok)
            log.errors << QStringLiteral("write: %1").arg(r.error);
        else
            log.written.push_back(e.value(s("jobId")).toString());
    }

    void writeBatch()
    {
        QList<Entry> batch;
        for (int n = 1 + pick(8); n > 0; --n)
            batch << newJob();
        const WriteMultipleResult r = m_space.writeMultiple(batch);
        if (!r.ok || r.failed != 0 || r.written != batch.size()) {
            log.errors << QStringLiteral("writeMultiple: %1 (%2 failed)").arg(r.error).arg(r.failed);
            return;
        }
        for (const Entry &e : batch)
            log.written.push_back(e.value(s("jobId")).toString());
    }

    void updateOne()
    {
        if (log.written.empty())
            return;
        const QString id = log.written[std::size_t(pick(int(log.written.size())))];
        // Read the job back (readById broadcasts: the id alone does not name the partition).
        const auto r = m_space.readById(s("Job"), Value::string(id));
        if (!r.ok || r.entries.isEmpty())
            return; // taken or cleared meanwhile
        Entry e = r.entries.first();
        const qint64 payload = ++m_payload;
        e.setValue(s("payload"), Value::int64(payload));
        const WriteResult w = m_space.update(e);
        if (w.ok)
            log.lastUpdate[id] = payload;
        else
            log.refusedUpdates.insert(id);
    }

    std::optional<SpaceQuery> queueQuery(int q)
    {
        Entry t(s("Job"));
        t.setValue(s("queue"), Value::string(queueName(q)));
        QString error;
        return SpaceQuery::fromTemplate(*m_jobType, t, &error);
    }

    void takeOne()
    {
        const ReadResult r = m_space.take(*queueQuery(pick(kQueues)));
        record(r, QStringLiteral("take"));
    }

    void takeSome()
    {
        const int max = 1 + pick(4);
        const ReadResult r = pick(2) ? m_space.takeMultiple(*queueQuery(pick(kQueues)), max)
                                     : m_space.takeMultiple(SpaceQuery::all(*m_jobType), max);
        if (r.entries.size() > max)
            log.errors << QStringLiteral("takeMultiple returned %1 > max %2").arg(r.entries.size()).arg(max);
        record(r, QStringLiteral("takeMultiple"));
    }

    void blockingTake()
    {
        const ReadResult r = m_space.take(*queueQuery(pick(kQueues)), std::chrono::milliseconds(1 + pick(3)));
        record(r, QStringLiteral("blocking take"));
    }

    void readSome()
    {
        if (pick(2)) {
            const ReadResult r = m_space.readMultiple(*queueQuery(pick(kQueues)), 1 + pick(20));
            if (!r.ok)
                log.errors << QStringLiteral("readMultiple: %1").arg(r.error);
            return;
        }
        // A broadcast range on an indexed property, ordered by it: the ordered index under load.
        QString error;
        const auto q = SpaceQuery::fromSql(*m_jobType, QStringLiteral("payload >= %1 AND writer = %2 ORDER BY payload DESC")
                                                           .arg(pick(int(m_payload) + 1)).arg(m_index), &error);
        const ReadResult r = q ? m_space.readMultiple(*q, 1 + pick(20)) : ReadResult{};
        if (!r.ok) {
            log.errors << QStringLiteral("range read: %1").arg(q ? r.error : error);
            return;
        }
        for (int i = 1; i < r.entries.size(); ++i) // ordered as asked, across partitions too
            if (r.entries[i - 1].value(s("payload")).toInt64() < r.entries[i].value(s("payload")).toInt64())
                log.errors << QStringLiteral("range read out of order");
    }

    void clearQueue()
    {
        // Rarely, and only one queue: most entries should meet a take.
        const CountResult r = m_space.clear(*queueQuery(pick(kQueues)));
        if (!r.ok)
            log.errors << QStringLiteral("clear: %1").arg(r.error);
        else
            log.cleared += r.count;
    }

    void record(const ReadResult &r, const QString &what)
    {
        if (!r.ok) {
            log.errors << QStringLiteral("%1: %2").arg(what, r.error);
            return;
        }
        for (const Entry &e : r.entries)
            log.taken.push_back(e);
    }

    SpaceProxy &m_space;
    int m_index;
    std::mt19937_64 m_random;
    std::shared_ptr<const TypeDescriptor> m_jobType;
    qint64 m_next = 0;
    qint64 m_seq[kQueues] = {};
    qint64 m_payload = 0;
};

} // namespace

/** Random concurrent operations on the space; conservation, FIFO and update invariants. */
class TestStressSpace : public QObject
{
    Q_OBJECT

private slots:
    void conservation_data()
    {
        QTest::addColumn<int>("partitions");
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("operations");
        QTest::addColumn<bool>("fifo");
        QTest::newRow("4 partitions, 4 threads, FIFO") << 4 << 4 << 2000 << true;
        QTest::newRow("3 partitions, 6 threads, FIFO") << 3 << 6 << 1200 << true;
        QTest::newRow("1 partition, 3 threads, FIFO") << 1 << 3 << 2000 << true;
        QTest::newRow("7 partitions, 4 threads, not FIFO") << 7 << 4 << 2000 << false;
    }

    void conservation()
    {
        QFETCH(int, partitions);
        QFETCH(int, threads);
        QFETCH(int, operations);
        QFETCH(bool, fifo);
        const double soak = soakSeconds();
        const auto deadline = std::chrono::steady_clock::now()
                              + std::chrono::milliseconds(qint64(soak * 1000.0 / 4)); // four rows share the soak
        quint64 round = 0;
        do {
            runRound(partitions, threads, operations, fifo, 20260101 + round * 7919);
            if (QTest::currentTestFailed())
                return;
            ++round;
        } while (soak > 0 && std::chrono::steady_clock::now() < deadline);
        if (soak > 0)
            qInfo("%llu rounds", static_cast<unsigned long long>(round));
    }

private:
    void runRound(int partitions, int threads, int operations, bool fifo, quint64 seed)
    {
        QString error;
        auto space = SpaceProxy::create(partitions, s("xap"), &error);
        QVERIFY2(space, qPrintable(error));
        TypeDefinition job;
        job.name = s("Job");
        job.properties = {{s("jobId"), ValueType::String}, {s("queue"), ValueType::String}, {s("writer"), ValueType::Int},
                          {s("seq"), ValueType::Long},     {s("payload"), ValueType::Long}};
        job.id = s("jobId");
        job.routing = s("queue");
        job.indexed = {s("payload"), s("writer")}; // updates change payload: the indexes follow
        job.fifo = fifo;
        QVERIFY(space->defineType(job).ok);

        std::vector<std::unique_ptr<Client>> clients;
        for (int t = 0; t < threads; ++t)
            clients.push_back(std::make_unique<Client>(*space, t, seed + quint64(t)));
        std::vector<std::thread> running;
        for (auto &c : clients)
            running.emplace_back([&c, operations] { c->run(operations); });
        for (std::thread &t : running)
            t.join();

        const QString context = QStringLiteral("seed %1").arg(seed);
        // Every index of every partition still agrees with a full scan of its entries.
        const QString indexProblem = space->verifyIndexes();
        QVERIFY2(indexProblem.isEmpty(), qPrintable(context + QStringLiteral(": ") + indexProblem));
        std::set<QString> written;
        std::map<QString, int> takenTimes;
        qint64 cleared = 0;
        for (const auto &c : clients) {
            QVERIFY2(c->log.errors.isEmpty(), qPrintable(context + QStringLiteral(": ") + c->log.errors.join(QStringLiteral("; "))));
            for (const QString &id : c->log.written)
                QVERIFY2(written.insert(id).second, qPrintable(context + QStringLiteral(": id written twice: ") + id));
            for (const Entry &e : c->log.taken)
                ++takenTimes[e.value(s("jobId")).toString()];
            cleared += c->log.cleared;
        }
        const ReadResult rest = space->readMultiple(SpaceQuery::all(*space->type(s("Job"))));
        QVERIFY(rest.ok);
        std::map<QString, Entry> remaining;
        for (const Entry &e : rest.entries)
            QVERIFY2(remaining.emplace(e.value(s("jobId")).toString(), e).second, qPrintable(context + QStringLiteral(": duplicate entry")));

        // Nothing invented, nothing duplicated, nothing lost.
        for (const auto &[id, times] : takenTimes) {
            QVERIFY2(written.count(id), qPrintable(context + QStringLiteral(": took an entry nobody wrote: ") + id));
            QVERIFY2(times == 1, qPrintable(context + QStringLiteral(": %1 taken %2 times").arg(id).arg(times)));
            QVERIFY2(!remaining.count(id), qPrintable(context + QStringLiteral(": %1 taken and still there").arg(id)));
        }
        for (const auto &[id, e] : remaining)
            QVERIFY2(written.count(id), qPrintable(context + QStringLiteral(": an entry nobody wrote: ") + id));
        QCOMPARE(qint64(written.size()), qint64(remaining.size()) + qint64(takenTimes.size()) + cleared);
        QCOMPARE(qint64(space->count(SpaceQuery::all(*space->type(s("Job")))).count), qint64(remaining.size()));
        qint64 stored = 0;
        for (const partlab::SpacePartitionStats &p : space->stats())
            stored += p.entries;
        QCOMPARE(stored, qint64(remaining.size()));

        // Updates: an entry still there carries its last update; refused updates only hit removed entries.
        for (const auto &c : clients) {
            for (const auto &[id, payload] : c->log.lastUpdate) {
                const auto it = remaining.find(id);
                if (it != remaining.end())
                    QCOMPARE(it->second.value(s("payload")).toInt64(), payload);
            }
            for (const QString &id : c->log.refusedUpdates)
                QVERIFY2(!remaining.count(id), qPrintable(context + QStringLiteral(": update of %1 refused, yet it is there").arg(id)));
        }

        // FIFO: per taker, one writer's jobs of one queue come out in the order they went in.
        if (fifo) {
            for (const auto &c : clients) {
                std::map<std::pair<int, QString>, qint64> lastSeq;
                for (const Entry &e : c->log.taken) {
                    const auto key = std::make_pair(int(e.value(s("writer")).toInt64()), e.value(s("queue")).toString());
                    const qint64 seq = e.value(s("seq")).toInt64();
                    auto [it, fresh] = lastSeq.emplace(key, seq);
                    if (!fresh) {
                        QVERIFY2(seq > it->second, qPrintable(context + QStringLiteral(": writer %1 queue %2: seq %3 taken after %4")
                                                                         .arg(key.first).arg(key.second).arg(seq).arg(it->second)));
                        it->second = seq;
                    }
                }
            }
            // What is left is in FIFO order per partition too: per writer and queue, rising seq.
            std::map<std::pair<int, QString>, qint64> lastSeq;
            for (const Entry &e : rest.entries) {
                const auto key = std::make_pair(int(e.value(s("writer")).toInt64()), e.value(s("queue")).toString());
                const qint64 seq = e.value(s("seq")).toInt64();
                auto [it, fresh] = lastSeq.emplace(key, seq);
                if (!fresh) {
                    QVERIFY2(seq > it->second, qPrintable(context + QStringLiteral(": remaining entries out of FIFO order")));
                    it->second = seq;
                }
            }
        }
        QVERIFY2(!takenTimes.empty() && !remaining.empty(), qPrintable(context + QStringLiteral(": the mix took nothing or left nothing")));
    }
};

QTEST_APPLESS_MAIN(TestStressSpace)
#include "tst_stress_space.moc"
