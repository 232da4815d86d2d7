#include "space/consolecommand.h"
#include "space/spaceproxy.h"
#include "workload/spaceworkload.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace partlab;

namespace {

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

} // namespace

/**
 * The query console's one-line syntax (ConsoleCommand::toScriptLine): each form maps onto the
 * space script format, and every error is a plain sentence. On the space the GUI's Space tab
 * starts with (the space workload's Customer and Order types).
 */
class TestConsoleCommand : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<SpaceProxy> m_space;

private slots:
    void initTestCase()
    {
        QString error;
        m_space = SpaceWorkload::createSpace(SpaceWorkloadConfig(), &error);
        QVERIFY2(m_space, qPrintable(error));
    }

    void translatesTheOneLineSyntax_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QJsonObject>("script");
        QTest::newRow("write") << QStringLiteral("write Order orderId=o1 customerId=c1 amount=12.5 status='in transit'")
                               << object(R"({"op":"write","type":"Order","entry":{"orderId":"o1","customerId":"c1","amount":12.5,"status":"in transit"}})");
        QTest::newRow("update with mode") << QStringLiteral("UPDATE Customer customerId=c1 visits=3 mode=updateOrWrite")
                                          << object(R"({"op":"update","type":"Customer","entry":{"customerId":"c1","visits":3},"mode":"updateOrWrite"})");
        QTest::newRow("read by template") << QStringLiteral("read Order customerId=c1")
                                          << object(R"({"op":"read","type":"Order","template":{"customerId":"c1"}})");
        QTest::newRow("blocking take") << QStringLiteral("take Order customerId=c1 timeout=100")
                                       << object(R"({"op":"take","type":"Order","template":{"customerId":"c1"},"timeout_ms":100})");
        QTest::newRow("readMultiple where") << QStringLiteral("readMultiple Order max=5 where amount > 100 ORDER BY amount")
                                            << object(R"({"op":"readMultiple","type":"Order","max":5,"sql":"amount > 100 ORDER BY amount"})");
        QTest::newRow("quoted where") << QStringLiteral("count Customer where name = 'where it is'")
                                      << object(R"({"op":"count","type":"Customer","sql":"name = 'where it is'"})");
        QTest::newRow("readById") << QStringLiteral("readById Order o1 routing=c1")
                                  << object(R"({"op":"readById","type":"Order","id":"o1","routing":"c1"})");
        QTest::newRow("count all") << QStringLiteral("count Order") << object(R"({"op":"count","type":"Order"})");
        QTest::newRow("clear") << QStringLiteral("clear Customer name='Customer 7'")
                               << object(R"({"op":"clear","type":"Customer","template":{"name":"Customer 7"}})");
        QTest::newRow("select") << QStringLiteral("select * from Order where amount > 500 limit 5")
                                << object(R"({"op":"readMultiple","type":"Order","sql":"amount > 500","max":5})");
        QTest::newRow("select order by") << QStringLiteral("SELECT * FROM Order ORDER BY amount DESC")
                                         << object(R"({"op":"readMultiple","type":"Order","sql":"ORDER BY amount DESC"})");
        QTest::newRow("select count") << QStringLiteral("select count(*) from Order where customerId = 'c1'")
                                      << object(R"({"op":"count","type":"Order","sql":"customerId = 'c1'"})");
        QTest::newRow("stats") << QStringLiteral("stats") << object(R"({"op":"stats"})");
        QTest::newRow("script line") << QStringLiteral(R"({"op":"count","type":"Order"})") << object(R"({"op":"count","type":"Order"})");
    }

    void translatesTheOneLineSyntax()
    {
        QFETCH(QString, command);
        QFETCH(QJsonObject, script);
        QString error;
        const auto line = ConsoleCommand::toScriptLine(command, *m_space, &error);
        QVERIFY2(line, qPrintable(error));
        QCOMPARE(QJsonDocument::fromJson(*line).object(), script);
    }

    void errorsArePlainSentences_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown op") << QStringLiteral("fetch Order") << QStringLiteral("'fetch' is not an operation");
        QTest::newRow("unknown type") << QStringLiteral("read Invoice id=1") << QStringLiteral("no type 'Invoice' (it has Customer, Order)");
        QTest::newRow("unknown property") << QStringLiteral("read Order colour=red") << QStringLiteral("Type Order has no property 'colour'");
        QTest::newRow("not a number") << QStringLiteral("write Order orderId=o1 customerId=c1 amount=lots") << QStringLiteral("'lots' is not a valid double for amount");
        QTest::newRow("open quote") << QStringLiteral("read Order customerId='c1") << QStringLiteral("A quote is not closed");
        QTest::newRow("where on write") << QStringLiteral("write Order where amount > 1") << QStringLiteral("not a WHERE condition");
        QTest::newRow("no type") << QStringLiteral("count") << QStringLiteral("Which entry type?");
        QTest::newRow("stray word") << QStringLiteral("read Order c1") << QStringLiteral("Did not understand 'c1'");
        QTest::newRow("timeout too long") << QStringLiteral("take Order customerId=c1 timeout=600000") << QStringLiteral("from 0 to 60000");
    }

    void errorsArePlainSentences()
    {
        QFETCH(QString, command);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!ConsoleCommand::toScriptLine(command, *m_space, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }

    void emptyInputAsksForAnOperation()
    {
        QString error;
        QVERIFY(!ConsoleCommand::toScriptLine(QStringLiteral("   "), *m_space, &error));
        QVERIFY2(error.startsWith(QStringLiteral("Type an operation")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestConsoleCommand)
#include "tst_consolecommand.moc"
