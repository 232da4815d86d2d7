#include "uitesthelpers.h"

#include "space/partitionstrip.h"
#include "space/queryconsole.h"
#include "space/spacecontrols.h"
#include "space/spaceruncharts.h"
#include "space/spacesession.h"
#include "space/spaceview.h"
#include "views/liveviews.h"

#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>

using namespace partlab;
using namespace partlab::testing;

namespace {

SpaceWorkloadConfig liveConfig(int partitions, qint64 operations = 0)
{
    SpaceWorkloadConfig c;
    c.partitions = partitions;
    c.clients = 2;
    c.rate = 20'000;
    c.operations = operations;
    c.blockingTimeoutMs = 2;
    return c;
}

/** Chooses @p property in @p type's routing combo as a user would. */
void chooseRouting(SpaceView &view, const QString &type, const QString &property)
{
    QComboBox *combo = view.controls()->routingCombo(type);
    const int index = combo->findData(property);
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
    emit combo->activated(index);
}

} // namespace

/**
 * The Space tab and the query console dock, offscreen: the charts and the partition strip receive
 * a running workload's data, a routing change restarts the workload and keeps the previous run,
 * a finished run checks conservation, and screenshots for a person to look at.
 */
class TestSpaceView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { initUiTestApplication(); }

    void chartsAndStripReceiveData()
    {
        SpaceView view;
        view.resize(1000, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.session()->setConfig(liveConfig(6));
        view.controls()->setConfig(view.session()->config());
        QVERIFY(view.start());
        QVERIFY(view.session()->isRunning());
        QVERIFY(!view.controls()->partitionsSpin()->isEnabled()); // only routing stays editable
        QTRY_VERIFY_WITH_TIMEOUT(view.metrics().current().totalOps() > 3000, 15000);
        bool lit = false;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                     view.tick();
                                     for (int p = 0; p < 6; ++p)
                                         lit = lit || view.strip()->intensity(p) > 0.0;
                                     return lit;
                                 }()),
                                 10000);
        SpaceRunCharts *charts = view.charts();
        double entries = 0, routed = 0;
        for (int p = 0; p < 6; ++p) {
            entries += charts->entriesOf(p);
            routed += charts->routedRateOf(p);
        }
        QVERIFY(entries > 0);
        QVERIFY(routed > 0);
        QVERIFY(charts->broadcastRateOf(0) > 0); // the default mix has key-less queries
        QCOMPARE(charts->broadcastRateOf(0), charts->broadcastRateOf(5));
        QVERIFY(charts->latencyBarCount() >= 5);
        QVERIFY(charts->sharePointCount() > 5);
        QVERIFY(charts->summary().contains(QStringLiteral("broadcast")));
        view.stop();
        QTRY_VERIFY_WITH_TIMEOUT(view.session()->lastResult().has_value(), 10000);
        QVERIFY(view.session()->lastResult()->conservationError().isEmpty());
        QVERIFY(view.controls()->partitionsSpin()->isEnabled());
    }

    void routingChangeRestartsAndKeepsThePreviousRun()
    {
        SpaceView view;
        view.resize(1000, 800);
        view.show();
        SpaceWorkloadConfig c = liveConfig(8);
        c.mix = *SpaceWorkloadConfig::mixFromText(QStringLiteral("write=1,readMultiple=3"), nullptr);
        c.routedShare = 1.0;
        c.orderShare = 1.0;
        view.session()->setConfig(c);
        view.controls()->setConfig(c);
        QVERIFY(view.start());
        QTRY_VERIFY_WITH_TIMEOUT(view.metrics().current().totalOps() > 2000, 15000);
        QCOMPARE(view.metrics().current().broadcastOps, quint64(0)); // by customer, co-located: all routed
        QVERIFY(!view.charts()->hasPrevious());
        QSignalSpy started(view.session(), &SpaceSession::runStarted);
        chooseRouting(view, QStringLiteral("Order"), QStringLiteral("orderId"));
        QCOMPARE(started.count(), 1);
        QCOMPARE(started.first().first().toBool(), true);
        QVERIFY(view.session()->isRunning());
        QCOMPARE(view.session()->config().routingOf(QStringLiteral("Order")), QStringLiteral("orderId"));
        SpaceRunCharts *charts = view.charts();
        QVERIFY(charts->hasPrevious());
        QVERIFY2(charts->previousTitle().contains(QStringLiteral("Order routed by customerId")), qPrintable(charts->previousTitle()));
        QVERIFY(charts->title().contains(QStringLiteral("Order routed by orderId")));
        QTRY_VERIFY_WITH_TIMEOUT(view.metrics().current().totalOps() > 2000, 15000);
        // Queries by customer are now broadcast: Order is no longer routed by customerId.
        QVERIFY(view.metrics().current().broadcastOps > view.metrics().current().totalOps() / 2);
        QVERIFY2(charts->previousSummary().contains(QStringLiteral(" 0.0% broadcast")), qPrintable(charts->previousSummary()));
        // The previous run stays in the charts, frozen, beside the current one.
        view.tick();
        double previousRouted = 0, currentBroadcast = 0;
        for (int p = 0; p < 8; ++p) {
            previousRouted += charts->routedRateOf(p, true);
            currentBroadcast += charts->broadcastRateOf(p);
            QCOMPARE(charts->broadcastRateOf(p, true), 0.0);
        }
        QVERIFY(previousRouted > 0);
        QVERIFY(currentBroadcast > 0);
        QVERIFY(charts->sharePointCount(true) > 0);
        view.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!view.session()->isBusy(), 10000);
    }

    void aFinishedRunChecksConservation()
    {
        SpaceView view;
        view.show();
        SpaceWorkloadConfig c = liveConfig(4, 5000);
        c.rate = 0;
        view.session()->setConfig(c);
        view.controls()->setConfig(c);
        QSignalSpy finished(view.session(), &SpaceSession::runFinished);
        QVERIFY(view.start());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        const auto result = finished.first().first().value<SpaceWorkloadResult>();
        QCOMPARE(result.totalOps(), quint64(5000));
        QVERIFY(result.conservationError().isEmpty());
        QVERIFY(!view.session()->isRunning());
        QVERIFY(view.controls()->startButton()->isEnabled());
    }

    void invalidMixKeepsStartDisabled()
    {
        SpaceView view;
        view.controls()->mixEdit()->setText(QStringLiteral("write=lots"));
        emit view.controls()->mixEdit()->textEdited(view.controls()->mixEdit()->text());
        QVERIFY(!view.controls()->startButton()->isEnabled());
        QVERIFY(view.controls()->problem().contains(QStringLiteral("lots")));
        QVERIFY(!view.start());
        QVERIFY(!view.session()->isRunning());
        view.controls()->mixEdit()->setText(QStringLiteral("write=3,read=1"));
        emit view.controls()->mixEdit()->textEdited(view.controls()->mixEdit()->text());
        QVERIFY(view.controls()->startButton()->isEnabled());
    }

    void mainWindowHasTheSpaceTabAndTheConsoleDock()
    {
        MainWindow w;
        QTabWidget *tabs = w.viewTabs();
        QCOMPARE(tabs->tabText(tabs->indexOf(w.spaceView())), QStringLiteral("Space"));
        QCOMPARE(tabs->indexOf(w.spaceView()), tabs->indexOf(w.liveViews()) + 1);
        auto *dock = w.findChild<QDockWidget *>(QStringLiteral("queryConsoleDock"));
        QVERIFY(dock);
        QVERIFY(dock->isAncestorOf(w.queryConsole())); // inside the dock's scroll area
        QMenu *view = nullptr;
        for (QAction *a : w.menuBar()->actions()) {
            if (a->text() == QStringLiteral("&View"))
                view = a->menu();
        }
        QVERIFY(view);
        QAction *consoleToggle = nullptr, *spaceToggle = nullptr;
        for (QAction *a : view->actions()) {
            if (a == dock->toggleViewAction())
                consoleToggle = a;
            if (a->text() == QStringLiteral("Space &view"))
                spaceToggle = a;
        }
        QVERIFY(consoleToggle);
        QVERIFY(spaceToggle);
        spaceToggle->trigger();
        QCOMPARE(tabs->indexOf(w.spaceView()), -1);
        spaceToggle->trigger();
        QCOMPARE(tabs->currentWidget(), w.spaceView());
        // The console works on the space of the Space tab.
        QCOMPARE(w.queryConsole()->strip()->partitionCount(), w.spaceView()->session()->partitionCount());
    }

    void screenshots()
    {
        const QString dir = outputDir(QStringLiteral("screenshots"));
        MainWindow w;
        w.resize(1440, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.viewTabs()->setCurrentWidget(w.spaceView());
        SpaceView *view = w.spaceView();
        SpaceWorkloadConfig c = liveConfig(8);
        c.distribution.kind = KeyDistributionSpec::Kind::Zipf;
        c.routing.insert(QStringLiteral("Order"), QStringLiteral("orderId"));
        view->session()->setConfig(c);
        view->controls()->setConfig(c);
        QVERIFY(view->start());
        QTRY_VERIFY_WITH_TIMEOUT(view->metrics().current().seconds > 2.5, 15000);
        chooseRouting(*view, QStringLiteral("Order"), QStringLiteral("customerId"));
        QTRY_VERIFY_WITH_TIMEOUT(view->metrics().current().seconds > 2.5, 15000);
        QueryConsole *console = w.queryConsole();
        QSignalSpy answered(console, &QueryConsole::answered);
        for (const QString &command : {QStringLiteral("write Order orderId=console-1 customerId=c1 amount=42.5 status=new"),
                                       QStringLiteral("read Order customerId=c1"),
                                       QStringLiteral("select * from Order where amount > 995 limit 3")}) {
            const int before = answered.count();
            console->execute(command);
            QTRY_COMPARE_WITH_TIMEOUT(answered.count(), before + 1, 10000);
        }
        view->tick();
        QCoreApplication::processEvents();
        QImage window = w.grab().toImage();
        // The tab fits a 1440 px window beside the configuration dock and a right dock (about 400 px each).
        QVERIFY2(view->minimumSizeHint().width() <= 640, qPrintable(QString::number(view->minimumSizeHint().width())));
        QVERIFY(w.queryConsole()->minimumSizeHint().width() <= 400);
        QVERIFY(window.save(dir + QStringLiteral("/space_view.png")));
        QVERIFY(view->grab().toImage().save(dir + QStringLiteral("/space_tab.png")));
        auto *dock = w.findChild<QDockWidget *>(QStringLiteral("queryConsoleDock"));
        QVERIFY(dock->grab().toImage().save(dir + QStringLiteral("/query_console.png")));
        view->stop();
        QTRY_VERIFY_WITH_TIMEOUT(!view->session()->isBusy(), 10000);
    }
};

QTEST_MAIN(TestSpaceView)
#include "tst_spaceview.moc"
