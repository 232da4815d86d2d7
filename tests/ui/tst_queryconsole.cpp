#include "uitesthelpers.h"

#include "space/consolehistory.h"
#include "space/partitionstrip.h"
#include "space/queryconsole.h"
#include "space/spacesession.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTextBrowser>

using namespace partlab;
using namespace partlab::testing;

/**
 * The query console widget: the strip shows one partition for a routed operation and all for a
 * broadcast, the history walks with Up/Down, and the examples run with one click. The one-line
 * syntax itself (ConsoleCommand) is tested in tests/engine/tst_consolecommand.cpp.
 */
class TestQueryConsole : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SpaceSession> m_session;

    ConsoleAnswer run(QueryConsole &console, const QString &command)
    {
        QSignalSpy answered(&console, &QueryConsole::answered);
        console.execute(command);
        if (!answered.wait(10000) && answered.isEmpty())
            qWarning("no answer to %s", qPrintable(command));
        return console.lastAnswer();
    }

    static int litCount(const PartitionStrip &strip)
    {
        int lit = 0;
        for (int p = 0; p < strip.partitionCount(); ++p)
            lit += strip.intensity(p) > 0.0 ? 1 : 0;
        return lit;
    }

private slots:
    void initTestCase()
    {
        initUiTestApplication();
        m_session = std::make_unique<SpaceSession>();
    }

    void stripShowsRoutedAndBroadcastPartitions()
    {
        QueryConsole console(m_session.get());
        const int n = m_session->partitionCount();
        QCOMPARE(console.strip()->partitionCount(), n);
        const ConsoleAnswer written = run(console, QStringLiteral("write Order orderId=t1 customerId=c42 amount=7 status=new"));
        QVERIFY2(written.ok, qPrintable(written.error));
        QCOMPARE(written.partitions.size(), 1);
        const int partition = written.partitions.first();
        QCOMPARE(litCount(*console.strip()), 1);
        QVERIFY(console.strip()->intensity(partition) > 0.0);
        QVERIFY(console.routingLabel()->text().contains(QStringLiteral("routed to partition %1").arg(partition)));

        // Co-located: the orders of c42 are found on the same single partition.
        const ConsoleAnswer read = run(console, QStringLiteral("read Order customerId=c42"));
        QVERIFY(read.ok);
        QVERIFY(!read.broadcast);
        QCOMPARE(read.partitions, QList<int>{partition});
        QVERIFY(read.lines.join(QLatin1Char('\n')).contains(QStringLiteral("orderId: t1")));
        // The planner says how: the routing property's index, on that one partition.
        QCOMPARE(read.plan.size(), 1);
        QVERIFY2(read.plan.first().startsWith(QStringLiteral("partition %1: index customerId, ").arg(partition)),
                 qPrintable(read.plan.first()));
        QVERIFY(console.output()->toPlainText().contains(read.plan.first()));
        // An unindexed property: every partition scans all its orders.
        const ConsoleAnswer byStatus = run(console, QStringLiteral("count Order where status = 'new'"));
        QVERIFY2(byStatus.ok, qPrintable(byStatus.error));
        QCOMPARE(byStatus.plan.size(), qMin(n, 16) + (n > 16 ? 1 : 0));
        QVERIFY2(byStatus.plan.first().contains(QStringLiteral(": scan, ")) || byStatus.plan.first().contains(QStringLiteral("no entries")),
                 qPrintable(byStatus.plan.join(QLatin1Char('\n'))));
        QVERIFY2(byStatus.plan.join(QLatin1Char('\n')).contains(QStringLiteral(": scan, ")), qPrintable(byStatus.plan.join(QLatin1Char('\n'))));

        const ConsoleAnswer sql = run(console, QStringLiteral("select * from Order where amount > 1"));
        QVERIFY(sql.ok);
        QVERIFY(sql.broadcast);
        QCOMPARE(litCount(*console.strip()), n);
        QVERIFY(console.strip()->isBroadcastLit(0));
        QVERIFY(console.routingLabel()->text().contains(QStringLiteral("broadcast to all %1 partitions").arg(n)));

        // An error from the space, in plain words, and nothing lit.
        const ConsoleAnswer refused = run(console, QStringLiteral("write Order orderId=t2 amount=3"));
        QVERIFY(!refused.ok);
        QVERIFY2(refused.error.contains(QStringLiteral("routing property 'customerId' is null")), qPrintable(refused.error));
        QCOMPARE(litCount(*console.strip()), 0);
        QVERIFY(console.output()->toPlainText().contains(QStringLiteral("Error: cannot write")));

        // A blocking take without the routing value is refused, never broadcast.
        const ConsoleAnswer blocking = run(console, QStringLiteral("take Order timeout=50 where amount > 1"));
        QVERIFY(!blocking.ok);
        QVERIFY(blocking.error.contains(QStringLiteral("does not broadcast blocking operations")));
        QVERIFY(run(console, QStringLiteral("clear Order customerId=c42")).ok);
    }

    void historyWalksWithUpAndDown()
    {
        ConsoleHistory history;
        history.add(QStringLiteral("count Order"));
        history.add(QStringLiteral("stats"));
        history.add(QStringLiteral("stats"));
        QCOMPARE(history.items().size(), 2);
        QCOMPARE(history.previous(QStringLiteral("dra")), QStringLiteral("stats"));
        QCOMPARE(history.previous(QString()), QStringLiteral("count Order"));
        QCOMPARE(history.previous(QString()), QStringLiteral("count Order"));
        QCOMPARE(history.next(), QStringLiteral("stats"));
        QCOMPARE(history.next(), QStringLiteral("dra"));

        QueryConsole console(m_session.get());
        run(console, QStringLiteral("count Order"));
        run(console, QStringLiteral("count Customer"));
        console.input()->setText(QStringLiteral("typing"));
        QTest::keyClick(console.input(), Qt::Key_Up);
        QCOMPARE(console.input()->text(), QStringLiteral("count Customer"));
        QTest::keyClick(console.input(), Qt::Key_Up);
        QCOMPARE(console.input()->text(), QStringLiteral("count Order"));
        QTest::keyClick(console.input(), Qt::Key_Down);
        QTest::keyClick(console.input(), Qt::Key_Down);
        QCOMPARE(console.input()->text(), QStringLiteral("typing"));
        // Enter runs what is typed.
        console.input()->setText(QStringLiteral("count Order"));
        QSignalSpy answered(&console, &QueryConsole::answered);
        QTest::keyClick(console.input(), Qt::Key_Return);
        QVERIFY(answered.wait(10000));
        QCOMPARE(console.lastAnswer().op, QStringLiteral("count"));
    }

    void examplesRunWithOneClick()
    {
        QueryConsole console(m_session.get());
        QVERIFY(console.exampleButtons().size() >= 4);
        for (QPushButton *button : console.exampleButtons()) {
            QSignalSpy answered(&console, &QueryConsole::answered);
            QTest::mouseClick(button, Qt::LeftButton);
            QVERIFY(answered.wait(10000) || !answered.isEmpty());
            QVERIFY2(console.lastAnswer().ok, qPrintable(button->toolTip() + QStringLiteral(": ") + console.lastAnswer().error));
        }
        QVERIFY(console.output()->toPlainText().contains(QStringLiteral("Written to partition")));
        run(console, QStringLiteral("clear Order"));
    }

    void followsTheSpaceOfANewRun()
    {
        SpaceSession session;
        QueryConsole console(&session);
        QCOMPARE(run(console, QStringLiteral("count Order")).lines, QStringList{QStringLiteral("Count: 0")});
        SpaceWorkloadConfig c = session.config();
        c.partitions = 5;
        c.operations = 300;
        c.rate = 0;
        QVERIFY(session.setConfig(c));
        QCOMPARE(console.strip()->partitionCount(), 5);
        QVERIFY(console.output()->toPlainText().contains(QStringLiteral("A new space: 5 partitions")));
        QVERIFY(session.start());
        QTRY_VERIFY_WITH_TIMEOUT((session.poll(), session.lastResult().has_value()), 10000);
        const ConsoleAnswer stats = run(console, QStringLiteral("stats"));
        QVERIFY(stats.ok);
        QCOMPARE(stats.lines.size(), 5);
        // The console sees what the run left in its space.
        const qint64 held = session.lastResult()->finalEntriesTotal();
        QVERIFY(held > 0);
        const ConsoleAnswer orders = run(console, QStringLiteral("count Order"));
        const ConsoleAnswer customers = run(console, QStringLiteral("count Customer"));
        QCOMPARE(orders.lines.first().section(QLatin1Char(' '), 1).toLongLong()
                     + customers.lines.first().section(QLatin1Char(' '), 1).toLongLong(),
                 held);
    }
};

QTEST_MAIN(TestQueryConsole)
#include "tst_queryconsole.moc"
