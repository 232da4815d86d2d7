#pragma once

#include <QVector>
#include <QWidget>

class QCustomPlot;
class QCPGraph;

namespace partlab {

/**
 * Throughput over time (QCustomPlot): messages applied per second, with the last minute in view
 * and the pauses of the run visible as drops to zero. Vertical markers can flag events such as
 * a change of the partition count.
 */
class ThroughputView : public QWidget
{
    Q_OBJECT

public:
    /** Seconds shown on the time axis. */
    static constexpr double kVisibleSeconds = 60.0;

    explicit ThroughputView(QWidget *parent = nullptr);

    void setSeries(const QVector<double> &time, const QVector<double> &throughput);
    /** A labelled vertical line at @p time (seconds), e.g. "N = 16". */
    void addMarker(double time, const QString &label);
    void clear();
    /** One replot. */
    void refresh();

    QCustomPlot *plot() const { return m_plot; }
    int pointCount() const;

private:
    QCustomPlot *m_plot;
    QCPGraph *m_graph;
    double m_lastTime = 0.0;
    int m_markers = 0; ///< markers since the last clear (their labels are staggered)
};

} // namespace partlab
