// KeyTable: dense ids for key strings (the hot-key tracker's interning), readable from other
// threads while one thread interns: ids, the key limit, chunks, and a reader racing the writer
// (watched by ThreadSanitizer in the tsan preset).
#include "model/keytable.h"

#include <QTest>

#include <atomic>
#include <string>
#include <thread>

using namespace partlab;

class TestKeyTable : public QObject
{
    Q_OBJECT

private slots:
    void keyTableInternsDenseIds()
    {
        KeyTable table(5);
        QCOMPARE(table.intern("a"), std::optional<quint32>(0));
        QCOMPARE(table.intern("b"), std::optional<quint32>(1));
        QCOMPARE(table.intern("a"), std::optional<quint32>(0)); // known: same id, no new key
        QCOMPARE(table.size(), 2u);
        QCOMPARE(table.find("b"), std::optional<quint32>(1));
        QVERIFY(!table.find("c"));
        QCOMPARE(table.key(1), std::string_view("b"));
        QCOMPARE(table.intern(std::string_view("", 0)), std::optional<quint32>(2)); // the empty key is a key
        table.intern("c");
        table.intern("d");
        QCOMPARE(table.size(), 5u);
        QVERIFY(!table.intern("e")); // the limit: refused, nothing added
        QCOMPARE(table.size(), 5u);
        QCOMPARE(table.intern("d"), std::optional<quint32>(4)); // known keys still answer
        QCOMPARE(table.maxKeys(), 5u);
    }

    void keyTableAcrossChunks()
    {
        // More keys than one chunk holds (16 384): ids stay dense and keys stay where they were.
        KeyTable table(40'000);
        for (int i = 0; i < 40'000; ++i)
            QCOMPARE(table.intern("k" + std::to_string(i)), std::optional<quint32>(quint32(i)));
        for (int i = 0; i < 40'000; i += 997)
            QCOMPARE(std::string(table.key(quint32(i))), "k" + std::to_string(i));
    }

    void keyTableReadWhileInterning()
    {
        // One thread interns; another reads every id below size() as it grows.
        constexpr int kKeys = 20'000;
        KeyTable table(kKeys);
        std::atomic<bool> done{false}, ok{true};
        std::thread reader([&] {
            quint32 checked = 0;
            while (!done.load(std::memory_order_acquire) || checked < table.size()) {
                const quint32 size = table.size();
                for (; checked < size; ++checked)
                    if (table.key(checked) != "key" + std::to_string(checked))
                        ok = false;
            }
        });
        for (int i = 0; i < kKeys; ++i)
            table.intern("key" + std::to_string(i));
        done.store(true, std::memory_order_release);
        reader.join();
        QVERIFY(ok);
        QCOMPARE(table.size(), quint32(kKeys));
    }
};

QTEST_GUILESS_MAIN(TestKeyTable)
#include "tst_keytable.moc"
