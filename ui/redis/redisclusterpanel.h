#pragma once

#include "redis/redisaddress.h"

#include <QTimer>
#include <QVector>
#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;

namespace partlab {

class ClusterLoadSampler;
class ClusterLoadView;

/**
 * The "Redis Cluster" dock: the real per-node load of a connected Redis Cluster beside the load
 * Partlab's own run predicts for it.
 *
 * connectTo() starts a ClusterLoadSampler (its own thread; the GUI never waits on the network)
 * and the ClusterLoadView polls it. The prediction is shown only when the simulation models this
 * cluster: partitioner `redis` with N = the cluster's masters, so partition i is master i (by first
 * slot). Otherwise the panel says why nothing is predicted and offers "Match this cluster", which
 * asks the main window to switch the run to that configuration.
 */
class RedisClusterPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RedisClusterPanel(QWidget *parent = nullptr);
    ~RedisClusterPanel() override;

    /** Starts sampling the cluster @p seed belongs to; a previous connection is closed first. */
    void connectTo(const RedisAddress &seed);
    /** Stops sampling (returns at the latest after one network timeout). */
    void disconnectCluster();
    bool isConnected() const { return m_sampler != nullptr; }
    /** "127.0.0.1:7000", or empty when not connected. */
    QString address() const;
    /** Masters in the latest sample (0 before the first one or when unreachable). */
    int masters() const;

    /**
     * Partlab's run: its partitioner and the messages applied per partition so far. Becomes the
     * prediction when it models this cluster (see the class comment).
     */
    void setSimulatedLoad(const QString &partitioner, const QVector<double> &perPartition);
    /** true when the last simulated load was accepted as the prediction. */
    bool predicting() const { return m_predicting; }

    ClusterLoadView *view() const { return m_view; }
    /** The line above the chart: where the panel is connected and how the prediction is made. */
    QString statusText() const;

signals:
    /** "Match this cluster": run the simulation with the `redis` partitioner and @p masters partitions. */
    void matchRequested(int masters);
    /** The connection was opened or closed. */
    void connectionChanged(bool connected);

private:
    void updateStatus();

    std::unique_ptr<ClusterLoadSampler> m_sampler;
    ClusterLoadView *m_view;
    QLabel *m_status;
    QPushButton *m_match;
    QPushButton *m_disconnect;
    QTimer m_statusTimer;
    QString m_partitioner;
    int m_partitions = 0;
    bool m_predicting = false;
};

} // namespace partlab
