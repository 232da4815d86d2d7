#pragma once

#include "redis/clusterloadsampler.h"

#include <QTimer>
#include <QVector>
#include <QWidget>

class QBarCategoryAxis;
class QBarSet;
class QChart;
class QChartView;
class QLabel;
class QTableView;
class QValueAxis;

namespace partlab {

class ClusterLoadModel;

/**
 * Per-node load of a real Redis Cluster beside Partlab's prediction: one bar pair per master
 * (predicted share, measured share of the load) and a table with slots, keys and rates.
 *
 * Measured load comes from INFO commandstats (ClusterLoadSampler): Partlab's state updates
 * (EVALSHA per second) by default, or every command. When nothing ran since the previous
 * sample the totals since the servers started are shown instead, so a finished run still shows
 * where its messages went. The predicted load is whatever the caller passes: typically the
 * per-partition message counts of a Partlab run with the `redis` partitioner and N = masters.
 */
class ClusterLoadView : public QWidget
{
    Q_OBJECT

public:
    enum class Measure { StateUpdates, AllCommands };

    explicit ClusterLoadView(QWidget *parent = nullptr);
    ~ClusterLoadView() override;

    /** Partlab's predicted load per node (any unit: messages or messages/s), node i = i-th master by first slot. */
    void setPredictedLoad(const QVector<double> &perNode);
    /** Shows one sample of the real cluster. */
    void setSnapshot(const ClusterLoadSnapshot &snapshot);
    /** Polls @p sampler's snapshot() every @p refreshMs on the GUI thread (nullptr: stop). Not owned. */
    void setSampler(const ClusterLoadSampler *sampler, int refreshMs = 250);
    void setMeasure(Measure measure);
    Measure measure() const { return m_measure; }

    ClusterLoadModel *model() const { return m_model; }
    QChartView *chartView() const { return m_view; }

private:
    void refresh();

    ClusterLoadSnapshot m_snapshot;
    QVector<double> m_predicted;
    Measure m_measure = Measure::StateUpdates;
    const ClusterLoadSampler *m_sampler = nullptr;
    QTimer m_poll;

    QLabel *m_caption;
    QChartView *m_view;
    QChart *m_chart;
    QBarSet *m_predictedSet;
    QBarSet *m_measuredSet;
    QBarCategoryAxis *m_nodes;
    QValueAxis *m_share;
    QTableView *m_table;
    ClusterLoadModel *m_model;
};

} // namespace partlab
