// ui/redis offscreen: the connect dialog (idle, refused, invalid) and the load view (live rates,
// idle totals, an unreachable node), rendered to PNG for a person to look at.
#include "uitesthelpers.h"

#include "redis/clusterloadmodel.h"
#include "redis/clusterloadview.h"
#include "redis/redisconnectdialog.h"

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
};

QTEST_MAIN(TestRedisUi)
#include "tst_redis_ui.moc"
