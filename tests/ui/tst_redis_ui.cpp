// ui/redis offscreen: the connect dialog (idle, refused, invalid), the load view (live rates,
// idle totals, an unreachable node), rendered to PNG for a person to look at, and the main
// window's Redis Cluster dock against a real 3-node cluster.
#include "uitesthelpers.h"

#include "../common/redisclusterfixture.h"
#include "docks/configurationpanel.h"
#include "mainwindow.h"
#include "redis/redisclusterpanel.h"

#include "redis/clusterloadmodel.h"
#include "redis/clusterloadview.h"
#include "redis/redisconnectdialog.h"

#include <QAction>
#include <QChartView>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>

using namespace partlab;
using namespace partlab::testing;

namespace {

NodeLoad node(int port, int first, int last, qint64 keys, double evalshaPerSecond, quint64 evalshaCalls)
{
    NodeLoad n;
    n.address = RedisAddress{"127.0.0.1", port};
    n.slotRanges = {{first, last}};
    n.reachable = true;
    n.keys = keys;
    n.evalshaPerSecond = evalshaPerSecond;
    n.callsPerSecond = evalshaPerSecond + 3;
    n.evalshaCalls = evalshaCalls;
    n.totalCalls = evalshaCalls + 100;
    return n;
}

} // namespace

class TestRedisUi : public QObject
{
    Q_OBJECT

    QString m_dir;

    void save(QWidget &w, const QString &name)
    {
        QCoreApplication::processEvents(); // let the chart lay out its legend and bars
        QVERIFY(w.grab().toImage().save(m_dir + QLatin1Char('/') + name));
    }

private slots:
    void initTestCase()
    {
        initUiTestApplication();
        m_dir = outputDir(QStringLiteral("redis"));
    }

    void connectDialog()
    {
        RedisConnectDialog dialog;
        dialog.resize(520, 180);
        dialog.show();
        QCOMPARE(dialog.address(), QStringLiteral("127.0.0.1:7000"));
        save(dialog, QStringLiteral("connect_dialog.png"));

        dialog.setAddress(QStringLiteral("not an address"));
        QVERIFY(!dialog.findChild<QPushButton *>()->isEnabled() || dialog.redisAddress().port == 0);
        save(dialog, QStringLiteral("connect_dialog_invalid.png"));

        dialog.setAddress(QStringLiteral("127.0.0.1:1")); // nothing listens on port 1
        QSignalSpy spy(&dialog, &RedisConnectDialog::probed);
        dialog.testConnection();
        QVERIFY(spy.wait(5000));
        QCOMPARE(spy.first().at(0).toBool(), false);
        QVERIFY(spy.first().at(1).toString().contains(QStringLiteral("127.0.0.1:1")));
        QVERIFY(!dialog.lastProbe().ok);
        save(dialog, QStringLiteral("connect_dialog_refused.png"));
    }

    void loadView()
    {
        ClusterLoadView view;
        view.resize(760, 480);
        view.show();
        save(view, QStringLiteral("load_view_empty.png"));

        ClusterLoadSnapshot s;
        s.sequence = 1;
        s.nodes = {node(7000, 0, 5460, 66, 29800, 51195), node(7001, 5461, 10922, 63, 29100, 50328),
                   node(7002, 10923, 16383, 71, 57300, 98477)};
        view.setPredictedLoad({51195, 50328, 98477});
        view.setSnapshot(s);
        QCOMPARE(view.model()->rowCount(), 3);
        QCOMPARE(view.model()->index(2, ClusterLoadModel::Predicted).data().toString(), QStringLiteral("49.2 %"));
        save(view, QStringLiteral("load_view_live.png"));

        for (NodeLoad &n : s.nodes)
            n.evalshaPerSecond = 0; // the run is over: totals since start
        s.nodes[1].reachable = false;
        s.nodes[1].error = QStringLiteral("127.0.0.1:7001: cannot connect: Connection refused");
        s.sequence = 2;
        view.setSnapshot(s);
        QCOMPARE(view.model()->index(1, ClusterLoadModel::Keys).data().toString(), QStringLiteral("unreachable"));
        save(view, QStringLiteral("load_view_node_down.png"));
    }

    void panelNotConnected()
    {
        RedisClusterPanel panel;
        QVERIFY(!panel.isConnected());
        QCOMPARE(panel.masters(), 0);
        QVERIFY(panel.statusText().contains(QStringLiteral("Not connected")));
        panel.setSimulatedLoad(QStringLiteral("redis"), {1, 2, 3});
        QVERIFY(!panel.predicting()); // no cluster, nothing to predict
    }

    void panelUnreachable()
    {
        RedisClusterPanel panel;
        panel.connectTo(RedisAddress{"127.0.0.1", 1}); // nothing listens on port 1
        QVERIFY(panel.isConnected());
        QTRY_VERIFY_WITH_TIMEOUT(panel.statusText().contains(QStringLiteral("127.0.0.1:1:")), 5000);
        QCOMPARE(panel.masters(), 0);
        panel.disconnectCluster();
        QVERIFY(!panel.isConnected());
    }

    void mainWindowAgainstRealCluster()
    {
        test::RedisClusterFixture fixture;
        QVERIFY2(fixture.start(), qPrintable(fixture.error()));

        MainWindow window;
        window.show();
        RedisClusterPanel *panel = window.redisPanel();
        QVERIFY(panel);
        QVERIFY(!window.redisDock()->isVisible()); // hidden until connected
        bool connectAction = false;
        for (QAction *a : window.findChildren<QAction *>())
            connectAction = connectAction
                            || (a->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K) && a->text().contains(QStringLiteral("Redis")));
        QVERIFY(connectAction); // File > Connect to Redis Cluster… (Ctrl+Shift+K)
        panel->connectTo(fixture.seed());
        QTRY_COMPARE_WITH_TIMEOUT(panel->masters(), 3, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(panel->statusText().contains(QStringLiteral("3 master")), 2000);

        // The default run (xap, 8 partitions) does not model a 3-master cluster: no prediction.
        SessionConfig config = window.session()->config();
        config.runtime.partitioner = QStringLiteral("xap");
        config.runtime.partitionerOptions.partitions = 8;
        config.messageLimit = 20000;
        config.rate = 0; // as fast as possible
        window.setSessionConfig(config);
        panel->setSimulatedLoad(QStringLiteral("xap"), QVector<double>(8, 10.0));
        QVERIFY(!panel->predicting());
        QVERIFY(panel->statusText().contains(QStringLiteral("redis with 3 partitions")));

        // "Match this cluster" switches the run to redis with one partition per master...
        QSignalSpy match(panel, &RedisClusterPanel::matchRequested);
        QPushButton *matchButton = nullptr;
        for (QPushButton *b : panel->findChildren<QPushButton *>())
            if (b->text().contains(QStringLiteral("Match")))
                matchButton = b;
        QVERIFY(matchButton && matchButton->isEnabled());
        matchButton->click();
        QCOMPARE(match.count(), 1);
        QCOMPARE(match.first().at(0).toInt(), 3);
        QCOMPARE(window.session()->config().runtime.partitioner, QStringLiteral("redis"));
        QCOMPARE(window.session()->partitions(), 3);

        // ...and a run's per-partition counts become the prediction, one bar per master.
        QVERIFY(window.startRun(true));
        QTRY_VERIFY_WITH_TIMEOUT(!window.session()->isActive(), 20000);
        window.tick();
        QVERIFY(panel->predicting());
        // The view shows the sampler's nodes on its own 250 ms poll: wait for the rows.
        QTRY_COMPARE_WITH_TIMEOUT(panel->view()->model()->rowCount(), 3, 5000);
        const QString predicted = panel->view()->model()->index(0, ClusterLoadModel::Predicted).data().toString();
        QVERIFY2(predicted.endsWith(QStringLiteral(" %")), qPrintable(predicted));
        double shares = 0;
        for (int row = 0; row < 3; ++row)
            shares += panel->view()->model()->index(row, ClusterLoadModel::Predicted).data().toString().chopped(2).toDouble();
        QVERIFY2(std::abs(shares - 100.0) < 0.5, qPrintable(QString::number(shares)));
        window.redisDock()->show();
        window.redisDock()->raise();
        QVERIFY(window.renderImage().save(m_dir + QStringLiteral("/main_window_redis_dock.png")));

        panel->disconnectCluster();
        QVERIFY(!panel->isConnected());
        QVERIFY(!panel->predicting());
    }
};

QTEST_MAIN(TestRedisUi)
#include "tst_redis_ui.moc"
