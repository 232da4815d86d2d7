// The space's storage under the planner: Entry's compact shared form, PostingList (one sequence
// inline, more on the heap), SlotTable (open addressing with backward-shift deletion) and
// PropertyIndex (B+ tree leaves with a slot hash), each checked against a plain std:: model
// through thousands of random operations, including the splits, merges, wrap-arounds and
// inline/heap switches the design relies on.
#include "model/entry.h"
#include "space/postinglist.h"
#include "space/propertyindex.h"
#include "space/slottable.h"

#include <QTest>

#include <algorithm>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <thread>
#include <vector>

using namespace partlab;

class TestSpaceStorage : public QObject
{
    Q_OBJECT

private slots:
    void entryKeepsValuesInNameOrder()
    {
        Entry e(QStringLiteral("Order"));
        QVERIFY(!e.isNull());
        QCOMPARE(e.propertyCount(), 0);
        QVERIFY(e.setValue(QStringLiteral("zeta"), Value::int32(1)));
        e.setValue(QStringLiteral("alpha"), Value::string(QStringLiteral("a")));
        e.setValue(QStringLiteral("mid"), Value::real(2.5));
        QCOMPARE(e.propertyCount(), 3);
        QCOMPARE(e.propertyName(0), QStringLiteral("alpha"));
        QCOMPARE(e.propertyName(1), QStringLiteral("mid"));
        QCOMPARE(e.propertyName(2), QStringLiteral("zeta"));
        QCOMPARE(e.value(QStringLiteral("mid")).toDouble(), 2.5);
        QVERIFY(e.value(QStringLiteral("none")).isNull());
        QVERIFY(!e.has(QStringLiteral("none")));
        // Setting null unsets, and the others keep their values.
        e.setValue(QStringLiteral("mid"), Value());
        QCOMPARE(e.propertyCount(), 2);
        QVERIFY(!e.has(QStringLiteral("mid")));
        QCOMPARE(e.value(QStringLiteral("zeta")).toInt64(), 1);
        QCOMPARE(e.value(QStringLiteral("alpha")).toString(), QStringLiteral("a"));
        QCOMPARE(e.typeName(), QStringLiteral("Order"));
    }

    void entryCopiesAreIndependent()
    {
        Entry a(QStringLiteral("T"));
        a.setValue(QStringLiteral("x"), Value::int32(1));
        Entry b = a; // shared until one changes
        b.setValue(QStringLiteral("x"), Value::int32(2));
        b.setValue(QStringLiteral("y"), Value::int32(3));
        QCOMPARE(a.value(QStringLiteral("x")).toInt64(), 1);
        QVERIFY(!a.has(QStringLiteral("y")));
        QCOMPARE(b.value(QStringLiteral("x")).toInt64(), 2);
        Entry c = std::move(b);
        QVERIFY(b.isNull());
        QCOMPARE(c.value(QStringLiteral("y")).toInt64(), 3);
        b = c;
        QCOMPARE(b, c);
        c.setTypeName(QStringLiteral("U"));
        QCOMPARE(c.typeName(), QStringLiteral("U"));
        QCOMPARE(b.typeName(), QStringLiteral("T"));
        QVERIFY(b != c);
    }

    void entriesEqualAcrossShapesAndThreads()
    {
        // Built in a different order (and so through different shapes) but equal.
        Entry a(QStringLiteral("T")), b(QStringLiteral("T"));
        a.setValue(QStringLiteral("x"), Value::int32(3));
        a.setValue(QStringLiteral("y"), Value::string(QStringLiteral("s")));
        b.setValue(QStringLiteral("y"), Value::string(QStringLiteral("s")));
        b.setValue(QStringLiteral("x"), Value::int64(3)); // an int 3 equals a long 3
        QCOMPARE(a, b);
        b.setValue(QStringLiteral("x"), Value::int64(4));
        QVERIFY(a != b);
        Entry fromThread;
        std::thread([&] {
            Entry t(QStringLiteral("T"));
            t.setValue(QStringLiteral("x"), Value::int32(3));
            t.setValue(QStringLiteral("y"), Value::string(QStringLiteral("s")));
            fromThread = t;
        }).join();
        QCOMPARE(fromThread, a);
        QVERIFY(Entry() == Entry());
        QVERIFY(Entry(QStringLiteral("T")) != Entry());
    }

    void compactedSharesTheGivenValues()
    {
        // Longer than Value::kInlineUnits: a QString (shorter strings sit in the value, unshared).
        Entry e(QStringLiteral("T"));
        e.setValue(QStringLiteral("a"), Value::string(QStringLiteral("shared by the index")));
        e.setValue(QStringLiteral("b"), Value::int32(7));
        const Value stored = Value::string(QStringLiteral("shared by the index"));
        const Entry c = e.compacted(e.shape(), [&](int i, const Value &) -> const Value * { return i == 0 ? &stored : nullptr; });
        QCOMPARE(c, e);
        QCOMPARE(c.propertyValue(0).text().data(), stored.text().data()); // the very same buffer
        QCOMPARE(c.propertyValue(1).toInt64(), 7);
    }

    void postingListInlineAndHeap()
    {
        std::mt19937_64 random(7);
        for (int round = 0; round < 200; ++round) {
            PostingList list;
            std::set<quint64> model;
            for (int op = 0; op < 300; ++op) {
                const quint64 s = random() % 64 + 1;
                if (random() % 3 == 0) {
                    QCOMPARE(list.erase(s), model.erase(s) > 0);
                } else {
                    QCOMPARE(list.insert(s), model.insert(s).second);
                }
                QCOMPARE(list.size(), qsizetype(model.size()));
                QVERIFY(std::equal(list.begin(), list.end(), model.begin(), model.end()));
                QCOMPARE(list.contains(s), model.count(s) > 0);
            }
            PostingList moved = std::move(list);
            QVERIFY(list.empty());
            QVERIFY(std::equal(moved.begin(), moved.end(), model.begin(), model.end()));
        }
    }

    void slotTableDeletesAcrossTheWrap()
    {
        // Hashes chosen to collide and to wrap around the end of a 16-slot table. Each slot has a
        // payload (as the id index's entry pointers), which must follow it through the backward
        // shifts of deletions and the moves of growing.
        SlotTableOf<const int *> table;
        std::map<quint64, std::size_t> model; // slot -> hash
        const auto hashOf = [&](quint64 slot) { return model.at(slot); };
        std::vector<int> targets(201);
        std::mt19937_64 random(11);
        for (int op = 0; op < 20000; ++op) {
            const quint64 slot = random() % 200 + 1;
            const std::size_t hash = (random() % 4 == 0) ? 15 : std::size_t(slot * 7);
            const auto byValue = [&](quint64 s) { return s == slot; };
            if (model.count(slot)) {
                quint64 *at = table.find(model[slot], byValue);
                QVERIFY(at);
                QCOMPARE(table.payload(at), &targets[slot]);
                table.erase(at, hashOf);
                model.erase(slot);
            } else {
                model[slot] = hash;
                table.insert(hash, slot, hashOf, &targets[slot]);
            }
            QCOMPARE(table.size(), model.size());
            if (op % 97 == 0) {
                for (const auto &item : model) { // (clang 14 does not capture structured bindings)
                    const quint64 *at = table.find(item.second, [&](quint64 x) { return x == item.first; });
                    QVERIFY(at);
                    QCOMPARE(table.payload(at), &targets[item.first]);
                }
                std::size_t seen = 0;
                table.forEach([&](quint64) { ++seen; });
                QCOMPARE(seen, model.size());
            }
        }
    }

    void propertyIndexMatchesAModel_data()
    {
        QTest::addColumn<int>("distinct");
        QTest::addColumn<int>("kind");
        QTest::newRow("few ints (long postings)") << 20 << 0;
        QTest::newRow("many ints (splits, merges)") << 5000 << 0;
        QTest::newRow("many strings") << 3000 << 1;
        // Past eight characters, and above the seventh bit, the sort keys tie: the values decide.
        QTest::newRow("strings alike in their first eight characters") << 3000 << 2;
        QTest::newRow("strings of characters above ASCII") << 3000 << 3;
        // Lengths 6, 11 and 12: held inside the value and in a QString, in one index.
        QTest::newRow("strings either side of the inline length") << 3000 << 5;
        QTest::newRow("doubles of both signs") << 3000 << 4;
    }

    void propertyIndexMatchesAModel()
    {
        QFETCH(int, distinct);
        QFETCH(int, kind);
        std::mt19937_64 random(quint64(distinct) * 31 + quint64(kind));
        // Value n sorts as n does, whatever the kind.
        const auto valueOf = [&](quint64 n) {
            const QString digits = QStringLiteral("%1").arg(n, 5, 10, QLatin1Char('0'));
            switch (kind) {
            case 1:
                return Value::string(QLatin1Char('k') + digits);
            case 2:
                return Value::string(QStringLiteral("customer-") + digits);
            case 3: { // "Ä€" and the digits moved to U+3030-U+3039: units far above 126
                QString text = QStringLiteral(u"\u00c4\u20ac");
                for (const QChar c : digits)
                    text += QChar(char16_t(0x3000 + c.unicode()));
                return Value::string(text);
            }
            case 4:
                return Value::real((double(n) - distinct / 2) * 0.37);
            case 5: { // the digits decide the order before any suffix does
                static const QString suffixes[] = {QString(), QStringLiteral("-tail"), QStringLiteral("-tails")};
                return Value::string(QLatin1Char('p') + digits + suffixes[n % 3]);
            }
            default:
                return Value::int64(qint64(n) - distinct / 2);
            }
        };
        PropertyIndex index;
        std::map<qint64, std::set<quint64>> model; // by the value's number
        quint64 sequence = 0;
        std::vector<std::pair<quint64, quint64>> live; // (value number, sequence)
        for (int op = 0; op < 30000; ++op) {
            // Growing for two thirds of the run, then shrinking: leaves split, then merge.
            const bool grow = op < 20000 ? random() % 5 < 3 : random() % 5 < 1;
            if (live.empty() || grow) {
                const quint64 n = random() % quint64(distinct);
                ++sequence;
                // As a write does: the prefetch steps first, which must change nothing (verified below).
                for (int step = 0; step < 3; ++step)
                    index.prefetch(valueOf(n), indexHash(valueOf(n)), step);
                const Value stored = index.insert(valueOf(n), sequence);
                QCOMPARE(Value::compare(stored, valueOf(n)), 0);
                model[qint64(n)].insert(sequence);
                live.emplace_back(n, sequence);
            } else {
                const std::size_t at = std::size_t(random() % live.size());
                const auto [n, s] = live[at];
                index.erase(valueOf(n), s);
                model[qint64(n)].erase(s);
                if (model[qint64(n)].empty())
                    model.erase(qint64(n));
                live[at] = live.back();
                live.pop_back();
            }
            if (op % 1500 == 0 || op == 29999) {
                QCOMPARE(index.verify(), QString());
                QCOMPARE(index.values(), model.size());
                QCOMPARE(index.indexed(), qint64(live.size()));
                for (const auto &[n, sequences] : model) {
                    const PostingList *postings = index.equal(valueOf(quint64(n)));
                    QVERIFY(postings);
                    QVERIFY(std::equal(postings->begin(), postings->end(), sequences.begin(), sequences.end()));
                }
                QVERIFY(!index.equal(valueOf(quint64(distinct) + 5)));
                // A random range, both directions, against the model's order of values.
                const quint64 a = random() % quint64(distinct), b = random() % quint64(distinct);
                const RangeBound low{valueOf(std::min(a, b)), bool(random() % 2)}, high{valueOf(std::max(a, b)), bool(random() % 2)};
                std::vector<quint64> expected;
                for (const auto &[n, sequences] : model) {
                    const Value v = valueOf(quint64(n));
                    const int lo = Value::compare(v, low.value), hi = Value::compare(v, high.value);
                    if ((lo > 0 || (lo == 0 && low.inclusive)) && (hi < 0 || (hi == 0 && high.inclusive)))
                        expected.insert(expected.end(), sequences.begin(), sequences.end());
                }
                for (const bool descending : {false, true}) {
                    std::vector<std::vector<quint64>> groups;
                    index.walk(low, high, descending, [&](const Value &, const PostingList &p) {
                        groups.emplace_back(p.begin(), p.end());
                        return true;
                    });
                    if (descending)
                        std::reverse(groups.begin(), groups.end());
                    std::vector<quint64> got;
                    for (const auto &g : groups)
                        got.insert(got.end(), g.begin(), g.end());
                    QCOMPARE(got, expected);
                }
                QCOMPARE(index.countRange(low, high, std::numeric_limits<qint64>::max()), qint64(expected.size()));
            }
        }
        index.clear();
        QCOMPARE(index.values(), std::size_t(0));
        QCOMPARE(index.verify(), QString());
    }

    void sortKeysOrderAsValuesDo()
    {
        // The index searches by sort key and compares values only on a tie: a key must never
        // order two values against Value::compare, and equal values must share a key.
        std::mt19937_64 random(7);
        const char16_t units[] = {0, 1, u'0', u'9', u'a', u'z', 125, 126, 127, 0xc4, 0x20ac, 0xd800, 0xffff};
        std::vector<Value> values = {Value::int32(0), Value::int64(0), Value::real(0.0), Value::real(-0.0), Value::real(-1e300),
                                     Value::real(1e300), Value::int64(std::numeric_limits<qint64>::min()),
                                     Value::int64(std::numeric_limits<qint64>::max()), Value::real(5e-324), Value::real(-5e-324),
                                     Value::boolean(false), Value::boolean(true), Value::string(QString())};
        for (int i = 0; i < 4000; ++i) {
            switch (random() % 5) {
            case 0:
                values.push_back(Value::int32(qint32(random())));
                break;
            case 1:
                values.push_back(Value::int64(qint64(random() >> (random() % 64))) );
                break;
            case 2:
                values.push_back(Value::real(double(qint64(random() % 2000001) - 1000000) / double(1 + random() % 1000)));
                break;
            default: {
                QString text;
                for (int n = int(random() % 13); n > 0; --n)
                    text += QChar(units[random() % std::size(units)]);
                values.push_back(Value::string(text));
            }
            }
        }
        std::sort(values.begin(), values.end(), [](const Value &a, const Value &b) { return Value::compare(a, b) < 0; });
        for (std::size_t i = 1; i < values.size(); ++i) {
            const quint64 before = indexSortKey(values[i - 1]), after = indexSortKey(values[i]);
            if (Value::compare(values[i - 1], values[i]) == 0)
                QVERIFY2(before == after, qPrintable(values[i - 1].display() + QStringLiteral(" and ") + values[i].display()));
            else
                QVERIFY2(before <= after, qPrintable(values[i - 1].display() + QStringLiteral(" before ") + values[i].display()));
        }
    }

    void ascendingValuesFillLeaves()
    {
        // Timestamps and counters arrive in order: the leaves stay full, the walk stays sorted.
        PropertyIndex index;
        for (quint64 i = 1; i <= 10000; ++i)
            index.insert(Value::int64(qint64(i)), i);
        QCOMPARE(index.verify(), QString());
        qint64 walked = 0, previous = 0;
        index.walk({}, {}, false, [&](const Value &v, const PostingList &) {
            if (v.toInt64() != previous + 1)
                return false;
            previous = v.toInt64();
            ++walked;
            return true;
        });
        QCOMPARE(walked, 10000);
    }
};

QTEST_GUILESS_MAIN(TestSpaceStorage)
#include "tst_spacestorage.moc"
