#include "runtime/keystatetable.h"

#include <QTest>

#include <map>
#include <set>

using namespace partlab;

/** The owners' flat key -> state table against std::map as a model. */
class TestKeyStateTable : public QObject
{
    Q_OBJECT

private slots:
    void insertFindAgainstModel()
    {
        KeyStateTable table;
        std::map<std::string, double> model;
        quint64 x = 12345;
        for (int i = 0; i < 200000; ++i) {
            x = x * 6364136223846793005ull + 1442695040888963407ull;
            // Keys of all lengths 0..40, many repeats, some sharing long prefixes.
            const std::string key = std::string(std::size_t(x >> 58) % 41, 'p') + std::to_string((x >> 20) % 30000);
            const quint64 h = hashKey(key);
            KeyState *s = table.find(key, h);
            if (!s) {
                QVERIFY(!model.count(key));
                s = &table.insert(key, h);
            }
            s->a += 1;
            model[key] += 1;
        }
        QCOMPARE(table.size(), model.size());
        for (const auto &[key, count] : model) {
            KeyState *s = table.find(key, hashKey(key));
            QVERIFY(s);
            QCOMPARE(s->a, count);
        }
        QVERIFY(!table.find("absent", hashKey("absent")));
        QVERIFY(!table.find("", hashKey("")) || model.count(""));
    }

    /** Keys whose 32-bit tags collide still resolve by their bytes. */
    void sameHashDifferentKeys()
    {
        KeyStateTable table;
        const quint64 h = 0xDEADBEEF00000007ull; // forced identical hash for every key
        table.insert("alpha", h).a = 1;
        table.insert("beta", h).a = 2;
        table.insert("gamma", h).a = 3;
        QCOMPARE(table.find("alpha", h)->a, 1.0);
        QCOMPARE(table.find("beta", h)->a, 2.0);
        QCOMPARE(table.find("gamma", h)->a, 3.0);
        QVERIFY(!table.find("delta", h));
    }

    void takeAndMoveEntries()
    {
        KeyStateTable a, b;
        for (int i = 0; i < 1000; ++i) {
            const std::string k = "k" + std::to_string(i);
            a.insert(k, hashKey(k)).count = quint64(i);
        }
        for (KeyStateTable::Entry &e : a.takeEntries())
            b.insert(std::move(e));
        QVERIFY(a.empty());
        QVERIFY(!a.find("k1", hashKey("k1")));
        QCOMPARE(b.size(), std::size_t(1000));
        QCOMPARE(b.find("k999", hashKey("k999"))->count, quint64(999));
        a.insert("again", hashKey("again")); // a taken table is usable again
        QVERIFY(a.find("again", hashKey("again")));
    }

    void hashSpreads()
    {
        // Short, similar keys (tickers) must not collide in the low bits the table uses.
        std::set<quint64> low;
        for (int i = 0; i < 4096; ++i)
            low.insert(hashKey("S" + std::to_string(i)) & 0xFFFF);
        QVERIFY(low.size() > 3800); // ~3970 expected for a random function into 65536 buckets
        QVERIFY(hashKey("ab") != hashKey("ba"));
        QVERIFY(hashKey(std::string("a\0", 2)) != hashKey("a"));
    }
};

QTEST_APPLESS_MAIN(TestKeyStateTable)
#include "tst_keystatetable.moc"
