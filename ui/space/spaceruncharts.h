#pragma once

#include <QWidget>

class QCustomPlot;
class QCPBars;
class QCPGraph;
class QLabel;

namespace partlab {

class SpaceMetrics;

/**
 * The charts of a space workload run, with the previous run drawn beside it for comparison:
 * entries per partition, operations per second per partition (routed and broadcast stacked:
 * every partition executes every broadcast), latency per operation type (p50 and p99, log
 * scale) and the broadcast share over time. The previous run (frozen, paler colours, grey
 * line) sits next to the current one in the same charts and on the same scales, so a routing
 * change shows as two bars side by side. showMetrics() replots each chart once.
 */
class SpaceRunCharts : public QWidget
{
    Q_OBJECT

public:
    explicit SpaceRunCharts(QWidget *parent = nullptr);

    void setTitle(const QString &title);
    QString title() const;
    QString summary() const;
    /** Draws @p current and, when given, @p previous next to it (one replot per chart). */
    void showMetrics(const SpaceMetrics &current, const SpaceMetrics *previous = nullptr);
    /** The previous run's caption and summary, empty without one. */
    QString previousTitle() const;
    QString previousSummary() const;
    bool hasPrevious() const;
    /** A line under the summary, e.g. the conservation check of a finished run. */
    void setNote(const QString &text, bool problem = false);
    void clear();

    QCustomPlot *entriesPlot() const { return m_entries; }
    QCustomPlot *ratesPlot() const { return m_rates; }
    QCustomPlot *latencyPlot() const { return m_latency; }
    QCustomPlot *sharePlot() const { return m_share; }
    /** What the charts show now (tests). */
    double entriesOf(int partition, bool previous = false) const;
    double routedRateOf(int partition, bool previous = false) const;
    double broadcastRateOf(int partition, bool previous = false) const;
    int latencyBarCount() const;
    int sharePointCount(bool previous = false) const;

private:
    /** The bars and line of one run. */
    struct RunPlots
    {
        QCPBars *entries = nullptr;
        QCPBars *routed = nullptr;
        QCPBars *broadcast = nullptr;
        QCPBars *p50 = nullptr;
        QCPBars *p99 = nullptr;
        QCPGraph *share = nullptr;
    };

    static QCustomPlot *makePlot(const QString &title, QWidget *parent);
    static void setPartitionAxis(QCustomPlot *plot, int partitions);
    static QString summaryOf(const SpaceMetrics &metrics);
    void fill(RunPlots &plots, const SpaceMetrics &metrics);
    static double valueAt(const QCPBars *bars, int key);

    QLabel *m_title;
    QLabel *m_summary;
    QLabel *m_previousTitle;
    QLabel *m_previousSummary;
    QLabel *m_note;
    QCustomPlot *m_entries;
    QCustomPlot *m_rates;
    QCustomPlot *m_latency;
    QCustomPlot *m_share;
    RunPlots m_current;
    RunPlots m_previous;
    int m_partitions = -1;
};

} // namespace partlab
