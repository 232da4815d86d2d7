#include "spacefixtures.h"

#include "space/entrycsv.h"

#include <QTemporaryDir>
#include <QTest>

using namespace partlab;
using namespace partlab::testing;

namespace {

QString writeFile(const QTemporaryDir &dir, const char *name, const QByteArray &content)
{
    QFile file(dir.filePath(s(name)));
    if (!file.open(QIODevice::WriteOnly))
        return QString();
    file.write(content);
    return file.fileName();
}

} // namespace

/** Initial load: each partition keeps only the rows it owns; all or nothing. */
class TestSpaceLoad : public QObject
{
    Q_OBJECT

private slots:
    void eachPartitionKeepsWhatItOwns()
    {
        QTemporaryDir dir;
        QByteArray csv = "orderId,customerId,amount\n";
        for (int i = 0; i < 60; ++i)
            csv += QStringLiteral("o%1,c%2,%3\n").arg(i).arg(i % 13).arg(i * 1.5).toUtf8();
        const QString path = writeFile(dir, "orders.csv", csv);
        auto space = ordersSpace(3);
        const LoadResult r = space->load(s("Order"), path);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.rows, 60);
        QCOMPARE(r.partitions, (QList<int>{0, 1, 2}));
        qint64 kept = 0;
        for (const LoadPartitionReport &p : r.perPartition) {
            QCOMPARE(p.scanned, 60);
            kept += p.kept;
            QCOMPARE(space->stats()[p.partition].entries, p.kept);
        }
        QCOMPARE(kept, 60);
        // Every customer's orders sit on the partition its routing value maps to.
        const auto &type = *space->type(s("Order"));
        for (int c = 0; c < 13; ++c) {
            const Value customer = Value::string(QStringLiteral("c%1").arg(c));
            QString error;
            const int owner = *space->partitionFor(type, customer, &error);
            const ReadResult routed = space->readMultiple(*space->templateQuery(templ(s("Order"), s("customerId"), customer), &error));
            QCOMPARE(routed.partitions, QList<int>{owner});
            QCOMPARE(routed.entries.size(), 60 / 13 + (c < 60 % 13 ? 1 : 0));
        }
        // Typed fields: amount is a double.
        QCOMPARE(space->readById(s("Order"), Value::string(s("o3"))).entries.first().value(s("amount")).toDouble(), 4.5);
    }

    void failedLoadLeavesTheSpaceAsItWas()
    {
        QTemporaryDir dir;
        auto space = ordersSpace(3);
        QVERIFY(space->write(order(s("o7"), s("c7"), 1)).ok);
        // o7 exists already: its partition refuses the load, the others undo theirs.
        const QString duplicate = writeFile(dir, "dup.csv", "orderId,customerId,amount\no1,c1,1\no2,c2,2\no7,c7,3\no8,c8,4\n");
        LoadResult r = space->load(s("Order"), duplicate);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(s("dup.csv:4:")) && r.error.contains(s("already exists")), qPrintable(r.error));
        QCOMPARE(space->count(SpaceQuery::all(*space->type(s("Order")))).count, 1);
        // A row without routing value: refused before any partition reads a row.
        const QString noRouting = writeFile(dir, "norouting.csv", "orderId,customerId,amount\no1,c1,1\no2,,2\n");
        r = space->load(s("Order"), noRouting);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(s("norouting.csv:3: the routing property 'customerId' is empty")), qPrintable(r.error));
        QVERIFY(r.partitions.isEmpty());
        QCOMPARE(space->count(SpaceQuery::all(*space->type(s("Order")))).count, 1);
    }

    /**
     * Regression (bad-input sweep): a script's {"op":"load","file":"/dev/zero"} read forever (the size
     * check trusted size(), 0 for a device). Devices and pipes are refused at once; a directory
     * says so.
     */
    void loadRefusesWhatIsNotAFile()
    {
        auto space = ordersSpace(2);
        if (QFile::exists(s("/dev/zero"))) {
            const LoadResult r = space->load(s("Order"), s("/dev/zero"));
            QVERIFY(!r.ok);
            QVERIFY2(r.error.startsWith(s("/dev/zero: not a regular file")), qPrintable(r.error));
        }
        QTemporaryDir dir;
        const LoadResult r = space->load(s("Order"), dir.path());
        QVERIFY(!r.ok);
        QVERIFY2(r.error.startsWith(dir.path() + s(": cannot open")), qPrintable(r.error));
        QCOMPARE(space->count(SpaceQuery::all(*space->type(s("Order")))).count, 0);
    }

    void autoIdRowsAreDealtRoundRobin()
    {
        QTemporaryDir dir;
        auto space = SpaceProxy::create(3);
        TypeDefinition d;
        d.name = s("Event");
        d.properties = {{s("eventId"), ValueType::String}, {s("kind"), ValueType::String}};
        d.id = s("eventId");
        d.autoGenerateId = true;
        QVERIFY(space->defineType(d).ok);
        const LoadResult r = space->load(s("Event"), writeFile(dir, "events.csv", "kind\na\nb\nc\nd\ne\n"));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.perPartition[0].kept, 2);
        QCOMPARE(r.perPartition[1].kept, 2);
        QCOMPARE(r.perPartition[2].kept, 1);
        // Row 4 ("e"... row index 3 = "d") went to partition 0 and its id says so.
        const ReadResult byId = space->readById(s("Event"), Value::string(s("A0^4")));
        QCOMPARE(byId.partitions, QList<int>{0});
        QCOMPARE(byId.entries.first().value(s("kind")).toString(), s("d"));
    }

    void csvParsing_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("error");
        QTest::newRow("quotes and crlf") << QByteArray("\xEF\xBB\xBForderId,customerId,amount\r\n\"o,1\",\"c\"\"1\",2.5\r\n") << QString();
        QTest::newRow("unknown column") << QByteArray("orderId,colour\no1,red\n") << s("x.csv:1: column 'colour' is not a property of type 'Order'");
        QTest::newRow("bad number") << QByteArray("orderId,amount\no1,lots\n") << s("x.csv:2: column 'amount': 'lots' is not a valid double");
        QTest::newRow("field count") << QByteArray("orderId,amount\no1\n") << s("x.csv:2: 1 fields, the header has 2");
        QTest::newRow("open quote") << QByteArray("orderId\n\"o1\n") << s("x.csv:2: a quoted field is not closed");
        QTest::newRow("empty") << QByteArray("") << s("x.csv:1: empty file (expected a header row of property names)");
    }

    void csvParsing()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QString, error);
        auto space = ordersSpace(1);
        QString actual;
        const auto rows = EntryCsv::parse(csv, s("x.csv"), *space->type(s("Order")), &actual);
        QCOMPARE(actual, error);
        if (error.isEmpty()) {
            QCOMPARE(rows->size(), 1);
            QCOMPARE(rows->first().entry.value(s("orderId")).toString(), s("o,1"));
            QCOMPARE(rows->first().entry.value(s("customerId")).toString(), s("c\"1"));
        }
    }
};

QTEST_APPLESS_MAIN(TestSpaceLoad)
#include "tst_spaceload.moc"
