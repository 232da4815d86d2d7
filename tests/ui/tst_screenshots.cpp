#include "uitesthelpers.h"

#include "docks/fifoview.h"
#include "docks/stateinspector.h"
#include "views/liveviews.h"
#include "views/partitionbarsview.h"

#include <QDockWidget>
#include <QTabWidget>

using namespace partlab;
using namespace partlab::testing;

/**
 * Writes screenshots of the main views to build/<preset>/tests/output/screenshots, for a person
 * to look at (overlap, clipped labels, empty charts, unreadable colours). Each image is also
 * checked for being more than a blank widget.
 */
class TestScreenshots : public QObject
{
    Q_OBJECT

private:
    QString m_dir;

    void save(const QImage &image, const QString &name)
    {
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 200 && image.height() > 100);
        // A rendered view has many colours; a blank one has one or two.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 8, qPrintable(name));
        QVERIFY(image.save(m_dir + QLatin1Char('/') + name));
    }

    static SessionConfig config(int partitions, double rate, const QString &scenario = QStringLiteral("stocks"))
    {
        SessionConfig c = SessionConfig::forBuiltinScenario(scenario);
        c.runtime.partitionerOptions.partitions = partitions;
        c.runtime.workers = 2;
        c.rate = rate;
        c.messageLimit = 0;
        return c;
    }

private slots:
    void initTestCase()
    {
        initUiTestApplication();
        m_dir = outputDir(QStringLiteral("screenshots"));
    }

    void mainWindowWhileRunning()
    {
        MainWindow w;
        w.resize(1440, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setSessionConfig(config(8, 20'000));
        QVERIFY(w.startRun(true));
        QVERIFY(waitForApplied(w, 50'000)); // 2.5 s of history at 20 000 msg/s
        save(w.renderImage(), QStringLiteral("main_window.png"));
        save(w.liveViews()->grab().toImage(), QStringLiteral("live_views.png"));
        QVERIFY(pauseAndDrain(w));
        w.stateInspector()->refresh();
        QTRY_VERIFY(!w.stateInspector()->isRefreshing());
        emit w.liveViews()->loadView()->partitionClicked(3);
        QTRY_VERIFY(!w.stateInspector()->isRefreshing());
        save(w.renderImage(), QStringLiteral("main_window_paused_partition3.png"));
        w.session()->stop();
        QTRY_COMPARE(w.session()->state(), RunState::Stopped);
    }

    void aThousandPartitions()
    {
        MainWindow w;
        w.resize(1440, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        SessionConfig c = config(1024, 200'000, QStringLiteral("words"));
        w.setSessionConfig(c);
        QVERIFY(w.startRun(true));
        QVERIFY(waitForApplied(w, 200'000, 20000)); // a second or more at full rate
        w.tick();
        w.liveViews()->loadView()->setGrouped(true);
        w.liveViews()->keysView()->setGrouped(true);
        save(w.renderImage(), QStringLiteral("main_window_1024_grouped.png"));
        w.liveViews()->loadView()->setGrouped(false);
        w.liveViews()->loadView()->scrollTo(512);
        save(w.liveViews()->grab().toImage(), QStringLiteral("live_views_1024_scrolled.png"));
        w.session()->stop();
        QTRY_COMPARE(w.session()->state(), RunState::Stopped);
    }

    void fifoView()
    {
        MainWindow w;
        w.resize(1440, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setSessionConfig(config(4, 5'000));
        QVERIFY(w.startRun(true));
        QVERIFY(waitForApplied(w, 7'500)); // 1.5 s at 5 000 msg/s
        QVERIFY(pauseAndDrain(w));
        auto *dock = w.findChild<QDockWidget *>(QStringLiteral("fifoDock"));
        dock->raise();
        FifoView *fifo = w.fifoView();
        fifo->setScope(FifoView::Scope::Partition);
        fifo->setPartition(1);
        fifo->refresh(); // synchronous: renderImage() paints what it shows
        save(w.renderImage(), QStringLiteral("fifo_partition.png"));
        fifo->setScope(FifoView::Scope::AllPartitions);
        fifo->refresh();
        save(dock->grab().toImage(), QStringLiteral("fifo_merged.png"));
        w.session()->stop();
        QTRY_COMPARE(w.session()->state(), RunState::Stopped);
    }

    void hotKeyAndResize()
    {
        MainWindow w;
        w.resize(1440, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        SessionConfig c = config(16, 30'000, QStringLiteral("orders"));
        c.scenario.distribution.kind = KeyDistributionSpec::Kind::HotKey;
        c.scenario.distribution.hotKeyShare = 0.3;
        w.setSessionConfig(c);
        QVERIFY(w.startRun(true));
        QVERIFY(waitForApplied(w, 60'000)); // 2 s at 30 000 msg/s
        w.session()->requestPartitions(32);
        QTRY_COMPARE(w.session()->runtime()->partitionCount(), 32);
        QVERIFY(waitForApplied(w, 120'000)); // 2 s more on 32 partitions
        save(w.renderImage(), QStringLiteral("main_window_hotkey_resized.png"));
        w.session()->stop();
        QTRY_COMPARE(w.session()->state(), RunState::Stopped);
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
