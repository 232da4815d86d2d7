#pragma once

#include <QWidget>

class QLabel;
class QSplitter;

namespace partlab {

class LatencyChartView;
class LiveMetrics;
class PartitionBarsView;
class SkewGaugeView;
class ThroughputView;

/**
 * The "Live" page: load per partition (messages/s and queue depth), throughput and latency over
 * time, the skew gauge and the keys per partition. showMetrics() is called once per UI tick and
 * replots each chart once.
 */
class LiveViews : public QWidget
{
    Q_OBJECT

public:
    explicit LiveViews(QWidget *parent = nullptr);

    /** Draws the metrics of this tick. */
    void showMetrics(const LiveMetrics &metrics);
    /** Empties every chart (a new run starts). */
    void reset();
    /** A labelled marker on the time charts (e.g. a partition count change). */
    void addEvent(double time, const QString &label);
    /** Marks the partition the state inspector filters on (-1: none). */
    void setSelectedPartition(int partition);

    /** Renders every chart into one image / one PDF page. */
    bool exportPng(const QString &path);
    bool exportPdf(const QString &path);

    PartitionBarsView *loadView() const { return m_load; }
    PartitionBarsView *keysView() const { return m_keys; }
    ThroughputView *throughputView() const { return m_throughput; }
    LatencyChartView *latencyView() const { return m_latency; }
    SkewGaugeView *skewGauge() const { return m_skew; }

signals:
    void partitionClicked(int partition);

private:
    QWidget *titled(const QString &title, QWidget *content, QLabel **caption = nullptr, QLabel **titleLabel = nullptr);

    PartitionBarsView *m_load;
    PartitionBarsView *m_keys;
    ThroughputView *m_throughput;
    LatencyChartView *m_latency;
    SkewGaugeView *m_skew;
    QLabel *m_loadCaption = nullptr;
    QLabel *m_loadTitle = nullptr;
    QLabel *m_skewTitle = nullptr;
    QLabel *m_throughputCaption = nullptr;
};

} // namespace partlab
