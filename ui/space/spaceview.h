#pragma once

#include "spacemetrics.h"

#include <QWidget>

class QLabel;
class QTimer;

namespace partlab {

class PartitionStrip;
class SpaceControls;
class SpaceRunCharts;
class SpaceSession;

/**
 * The "Space" page: a multi-client workload against the partitioned space, live. Settings and
 * routing properties on top, a partition strip that flashes the partitions of one sampled
 * operation per tick (blue: routed to one partition, orange: broadcast to all), then the charts
 * of the current run with, once a second run started (for instance because a routing property
 * was changed), the previous run drawn beside it in the same charts for comparison.
 *
 * Its own 25 Hz timer runs only while a workload does: one snapshot per tick, one replot per chart.
 */
class SpaceView : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kTickMs = 40;

    explicit SpaceView(QWidget *parent = nullptr);
    ~SpaceView() override;

    SpaceSession *session() const { return m_session; }
    SpaceControls *controls() const { return m_controls; }
    PartitionStrip *strip() const { return m_strip; }
    SpaceRunCharts *charts() const { return m_charts; }
    const SpaceMetrics &metrics() const { return m_metrics; }
    /** The run before the current one (empty until a second run started). */
    const SpaceMetrics &previousMetrics() const { return m_previousMetrics; }

    /** Starts a run with the settings shown; false (and the reason shown) when it cannot. */
    bool start();
    void stop();
    /** One UI tick now (tests call it instead of waiting for the timer). */
    void tick();

private:
    void onRunStarted(bool restart);
    void onRunFinished(const SpaceWorkloadResult &result);
    QString routingLabel() const;
    void updateRunning();
    void showCharts();

    SpaceSession *m_session;
    SpaceControls *m_controls;
    PartitionStrip *m_strip;
    QLabel *m_operationLabel;
    QLabel *m_status;
    SpaceRunCharts *m_charts;
    QTimer *m_timer;
    SpaceMetrics m_metrics;
    SpaceMetrics m_previousMetrics;
};

} // namespace partlab
