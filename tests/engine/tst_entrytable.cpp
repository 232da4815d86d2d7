// EntryTable: one type's entries in one partition with their indexes, and the planner. Checks
// that the planner picks the index a user expects (and says so), does the work it claims (entries
// examined), and — on thousands of random tables, updates, erases and queries — returns exactly
// what a full scan with a stable ORDER BY sort returns, with every index agreeing with the table.
#include "entrytableoracle.h"

#include <QTest>

#include <algorithm>
#include <random>
#include <thread>

using namespace partlab;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

Entry order(int id, int customer, qint64 amount, const char *status, const QString &note = {})
{
    Entry e(s("Order"));
    e.setValue(s("orderId"), Value::string(QStringLiteral("o%1").arg(id)));
    e.setValue(s("customerId"), Value::string(QStringLiteral("c%1").arg(customer)));
    e.setValue(s("amount"), Value::int64(amount));
    if (status)
        e.setValue(s("status"), Value::string(s(status)));
    if (!note.isEmpty())
        e.setValue(s("note"), Value::string(note));
    return e;
}

SpaceQuery sql(const TypeDescriptor &type, const QString &text)
{
    QString error;
    const auto q = SpaceQuery::fromSql(type, text, &error);
    if (!q)
        qFatal("bad test query %s: %s", qPrintable(text), qPrintable(error));
    return *q;
}

} // namespace

class TestEntryTable : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<const TypeDescriptor> m_type = test::indexedOrderType();

    /** 1000 orders: 100 customers, amounts 0..499, three statuses; every 7th has no status. */
    EntryTable table() const
    {
        EntryTable t(m_type);
        const char *statuses[] = {"new", "paid", "shipped"};
        for (int i = 0; i < 1000; ++i)
            t.insert(quint64(i + 1), order(i, i % 100, (i * 37) % 500, i % 7 == 0 ? nullptr : statuses[i % 3]));
        return t;
    }

private slots:
    void indexesAreTheRoutingPropertyAndTheDeclaredOnes()
    {
        const EntryTable t(m_type);
        QCOMPARE(t.indexedProperties(), QStringList({s("amount"), s("customerId"), s("status")})); // the id has its own
    }

    void thePlannerPicksTheIndexAndSaysSo_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("max");
        QTest::addColumn<QString>("access");
        QTest::addColumn<qint64>("examined");
        QTest::addColumn<qint64>("matched");
        // customerId c7 holds orders 7, 107, ..., 907: 10 entries.
        QTest::newRow("routing value") << s("customerId = 'c7'") << 1000 << s("index customerId") << qint64(10) << qint64(10);
        QTest::newRow("id") << s("orderId = 'o42'") << 1000 << s("id") << qint64(1) << qint64(1);
        QTest::newRow("unindexed property scans") << s("note = 'x'") << 1000 << s("scan") << qint64(1000) << qint64(0);
        QTest::newRow("AND intersects equalities") << s("customerId = 'c7' AND status = 'paid'") << 1000
                                                   << s("index customerId \u2229 status") << qint64(3) << qint64(3);
        QTest::newRow("the smaller equality drives") << s("status = 'paid' AND customerId = 'c7'") << 1000
                                                     << s("index customerId \u2229 status") << qint64(3) << qint64(3);
        // amount = (i * 37) % 500 is a bijection on each block of 500: amounts 10..19 twice each.
        QTest::newRow("range") << s("amount >= 10 AND amount < 20") << 1000 << s("range amount") << qint64(20) << qint64(20);
        QTest::newRow("range and equality") << s("amount >= 10 AND amount < 20 AND customerId = 'c7'") << 1000
                                            << s("index customerId") << qint64(10) << qint64(0);
        QTest::newRow("OR of indexed") << s("customerId = 'c7' OR orderId = 'o8'") << 1000
                                       << s("union(index customerId, id)") << qint64(11) << qint64(11);
        QTest::newRow("OR with an unindexed branch scans") << s("customerId = 'c7' OR note = 'x'") << 1000 << s("scan")
                                                           << qint64(1000) << qint64(10);
        QTest::newRow("<> scans") << s("status <> 'paid'") << 1000 << s("scan") << qint64(1000) << qint64(572);
        QTest::newRow("nothing has this value") << s("customerId = 'nobody'") << 1000 << s("index customerId") << qint64(0)
                                                << qint64(0);
        // FIFO without ORDER BY: the first max matches end the walk.
        QTest::newRow("FIFO stops at max") << s("customerId = 'c7'") << 2 << s("index customerId") << qint64(2) << qint64(2);
        // ORDER BY an indexed property every entry has: walk the ordered index, stop at max.
        QTest::newRow("ORDER BY walks the index") << s("ORDER BY amount") << 5 << s("ordered index amount") << qint64(6)
                                                  << qint64(6);
        QTest::newRow("range ORDER BY DESC") << s("amount < 100 ORDER BY amount DESC") << 3 << s("ordered index amount")
                                             << qint64(4) << qint64(4);
        // status is missing on some entries: ORDER BY status sorts the matches instead.
        QTest::newRow("ORDER BY a sparse index sorts") << s("customerId = 'c7' ORDER BY status") << 3 << s("index customerId")
                                                       << qint64(10) << qint64(10);
    }

    void thePlannerPicksTheIndexAndSaysSo()
    {
        QFETCH(QString, query);
        QFETCH(int, max);
        QFETCH(QString, access);
        QFETCH(qint64, examined);
        QFETCH(qint64, matched);
        const EntryTable t = table();
        const SpaceQuery q = sql(*m_type, query);
        QueryPlanReport report;
        const QList<quint64> got = t.match(q, max, &report);
        QCOMPARE(report.access, access);
        QCOMPARE(report.examined, examined);
        QCOMPARE(report.matched, matched);
        QCOMPARE(got, test::scanAnswer(t, q, max)); // and the answer is the scan's
    }

    void countsNeedNoScan()
    {
        const EntryTable t = table();
        QueryPlanReport report;
        QCOMPARE(t.count(SpaceQuery::all(*m_type), &report), qint64(1000));
        QCOMPARE(report.access, s("count of type"));
        QCOMPARE(report.examined, qint64(0));
        QCOMPARE(t.count(sql(*m_type, s("customerId = 'c7'")), &report), qint64(10));
        QCOMPARE(report.access, s("index customerId (count)"));
        QCOMPARE(report.examined, qint64(0));
        QCOMPARE(t.count(sql(*m_type, s("amount >= 10 AND amount < 20")), &report), qint64(20));
        QCOMPARE(report.access, s("range amount"));
        QCOMPARE(report.examined, qint64(20));
        QCOMPARE(report.describe(), s("partition -1: range amount, 20 examined, 20 matched"));
    }

    void updatesReindexAndKeepTheFifoPosition()
    {
        EntryTable t = table();
        const SpaceQuery c7 = sql(*m_type, s("customerId = 'c7'"));
        QCOMPARE(t.match(c7, 1000).first(), quint64(8)); // order 7
        t.replace(8, order(7, 8, 5000, "paid")); // moved to customer c8, a new amount
        QVERIFY(t.verifyIndexes().isEmpty());
        QCOMPARE(t.count(c7), qint64(9));
        const QList<quint64> c8 = t.match(sql(*m_type, s("customerId = 'c8'")), 1000);
        QCOMPARE(c8.size(), 11);
        QVERIFY(std::is_sorted(c8.begin(), c8.end())); // still in FIFO order, at its old position
        QCOMPARE(t.match(sql(*m_type, s("amount = 5000")), 10), QList<quint64>({8}));
        t.erase(8);
        QVERIFY(t.verifyIndexes().isEmpty());
        QCOMPARE(t.count(sql(*m_type, s("amount = 5000"))), qint64(0));
        QVERIFY(!t.sequenceOfId(Value::string(s("o7"))));
    }

    /** Random tables, changes and queries against the full scan (the fuzzer does the same with libFuzzer's input). */
    void randomQueriesAgreeWithAScan()
    {
        std::mt19937_64 random(20261203);
        const auto pick = [&](int n) { return int(random() % quint64(n)); };
        const char *statuses[] = {"new", "paid", "shipped", nullptr};
        const QStringList ops = {s("="), s("<>"), s("<"), s("<="), s(">"), s(">=")};
        int queries = 0;
        for (int round = 0; round < 40; ++round) {
            EntryTable t(m_type);
            quint64 next = 1;
            std::vector<quint64> live;
            const int size = 1 + pick(300);
            for (int i = 0; i < size; ++i) {
                const int dice = pick(10);
                if (dice < 6 || live.empty()) {
                    t.insert(next, order(int(next), pick(12), pick(40), statuses[pick(4)]));
                    live.push_back(next++);
                } else if (dice < 8) {
                    const quint64 victim = live[std::size_t(pick(int(live.size())))];
                    const Entry *old = t.find(victim);
                    const int id = old->value(s("orderId")).toString().mid(1).toInt();
                    t.replace(victim, order(id, pick(12), pick(40), statuses[pick(4)]));
                } else {
                    const std::size_t at = std::size_t(pick(int(live.size())));
                    t.erase(live[at]);
                    live.erase(live.begin() + qsizetype(at));
                }
            }
            QVERIFY2(t.verifyIndexes().isEmpty(), qPrintable(t.verifyIndexes()));
            for (int k = 0; k < 60; ++k) {
                const auto term = [&] {
                    switch (pick(4)) {
                    case 0: return QStringLiteral("customerId %1 'c%2'").arg(ops[pick(6)]).arg(pick(12));
                    case 1: return QStringLiteral("amount %1 %2").arg(ops[pick(6)]).arg(pick(40));
                    case 2: return QStringLiteral("status %1 '%2'").arg(ops[pick(6)], s(statuses[pick(3)]));
                    default: return QStringLiteral("orderId = 'o%1'").arg(pick(int(next) + 2));
                    }
                };
                QString where = term();
                for (int n = pick(3); n > 0; --n)
                    where += (pick(3) ? s(" AND ") : s(" OR ")) + term();
                QString text = pick(5) ? where : QString();
                if (pick(2)) {
                    const QStringList by = {s("amount"), s("status"), s("customerId"), s("orderId")};
                    text += QStringLiteral(" ORDER BY %1%2").arg(by[pick(4)], pick(2) ? s(" DESC") : QString());
                    if (pick(2))
                        text += QStringLiteral(", %1").arg(by[pick(4)]);
                }
                const SpaceQuery q = sql(*m_type, text.trimmed());
                for (int max : {1, 3, 1000}) {
                    QueryPlanReport report;
                    const QList<quint64> got = t.match(q, max, &report);
                    QVERIFY2(got == test::scanAnswer(t, q, max), qPrintable(QStringLiteral("%1 (max %2, %3)").arg(text).arg(max).arg(report.access)));
                    QVERIFY(report.examined <= t.size());
                }
                QCOMPARE(t.count(q), qint64(test::scanAnswer(t, q, 1 << 30).size()));
                ++queries;
            }
        }
        QCOMPARE(queries, 40 * 60);
    }

    void entriesFromManyWritersAndShapes()
    {
        // Each thread builds its entries through shapes of its own, and a table remembers a few
        // writers' shapes: writers that come and go (more than it remembers), and entries with
        // more different sets of properties than it remembers, must all be indexed and found.
        EntryTable t(m_type);
        quint64 sequence = 0;
        for (int writer = 0; writer < 20; ++writer) {
            std::thread([&] {
                for (int i = 0; i < 50; ++i) {
                    const int n = writer * 50 + i;
                    // Twelve property sets: with or without status, and with one of eleven notes or none.
                    const QString note = n % 12 == 11 ? QString() : QStringLiteral("n%1").arg(n % 12);
                    Entry e = order(n, n % 30, n % 97, n % 2 ? "paid" : nullptr);
                    if (!note.isEmpty())
                        e.setValue(QStringLiteral("note") + QString::number(n % 12), Value::string(note));
                    t.insert(++sequence, e);
                }
            }).join();
        }
        QCOMPARE(t.size(), qint64(1000));
        QCOMPARE(t.verifyIndexes(), QString());
        for (int n = 0; n < 1000; n += 7) {
            const auto found = t.sequenceOfId(Value::string(QStringLiteral("o%1").arg(n)));
            QVERIFY2(found.has_value(), qPrintable(QStringLiteral("o%1 not found by its id").arg(n)));
            QCOMPARE(t.at(*found).valueRef(s("customerId")), Value::string(QStringLiteral("c%1").arg(n % 30)));
        }
        QCOMPARE(t.count(sql(*m_type, s("customerId = 'c7'"))), qint64(34));
        // Updates and takes from more new writers: each finds its layout, or makes one.
        for (int writer = 0; writer < 10; ++writer) {
            std::thread([&] {
                for (int n = writer; n < 1000; n += 10) {
                    const auto found = t.sequenceOfId(Value::string(QStringLiteral("o%1").arg(n)));
                    if (!found)
                        continue;
                    if (n % 3 == 0)
                        t.erase(*found);
                    else
                        t.replace(*found, order(n, (n + 1) % 30, n % 89, n % 4 ? "new" : nullptr,
                                                QStringLiteral("u%1").arg(writer)));
                }
            }).join();
        }
        QCOMPARE(t.size(), qint64(1000 - 334));
        QCOMPARE(t.verifyIndexes(), QString());
        qint64 updatedNew = 0; // the updated orders now of c8 with status new: n % 30 == 7, n % 3 != 0, n % 4 != 0
        for (int n = 0; n < 1000; ++n)
            updatedNew += n % 30 == 7 && n % 3 != 0 && n % 4 != 0;
        QCOMPARE(t.count(sql(*m_type, s("customerId = 'c8' AND status = 'new'"))), updatedNew);
    }
};

QTEST_GUILESS_MAIN(TestEntryTable)
#include "tst_entrytable.moc"
