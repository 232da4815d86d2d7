#pragma once

#include <QVector>
#include <QWidget>

class QChart;
class QChartView;
class QLineSeries;
class QLogValueAxis;
class QValueAxis;

namespace partlab {

/**
 * Latency percentiles over time (Qt Charts): p50, p90, p99 and p99.9 of the time from routing a
 * message to applying it, in microseconds on a log axis. Each series is refreshed with one
 * QXYSeries::replace() per tick, never point by point.
 */
class LatencyChartView : public QWidget
{
    Q_OBJECT

public:
    static constexpr double kVisibleSeconds = 60.0;
    /** At most this many points per series are handed to the chart (older points are thinned). */
    static constexpr int kMaxPoints = 600;

    explicit LatencyChartView(QWidget *parent = nullptr);

    void setSeries(const QVector<double> &time, const QVector<double> &p50, const QVector<double> &p90,
                   const QVector<double> &p99, const QVector<double> &p999);
    void clear();

    QChartView *chartView() const { return m_view; }
    int pointCount() const;

protected:
    /**
     * Short (a small screen, a large zoom): axis titles off, the legend beside the plot and a
     * label every second or third decade, so the tick labels keep their room.
     */
    void resizeEvent(QResizeEvent *event) override;

private:
    QChartView *m_view;
    QChart *m_chart;
    QList<QLineSeries *> m_series;
    QValueAxis *m_time;
    QLogValueAxis *m_latency;
};

} // namespace partlab
