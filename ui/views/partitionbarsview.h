#pragma once

#include <QColor>
#include <QList>
#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPAxisRect;
class QCPBars;
class QComboBox;
class QLabel;
class QMouseEvent;
class QScrollBar;

namespace partlab {

/**
 * Per-partition bar charts (QCustomPlot) that stay readable from 1 to 65536 partitions: up to
 * kMaxBars bars are drawn; beyond that the user scrolls through a window of partitions or lets
 * neighbouring partitions be grouped (a group shows its busiest member, so a hot partition never
 * disappears in an average). Several rows (e.g. messages/s and queue depth) share the x axis.
 * Hot partitions are drawn in a warning colour. Clicking a bar emits partitionClicked().
 */
class PartitionBarsView : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kMaxBars = 64;

    /** One stacked chart. */
    struct Row
    {
        QString title; ///< value axis label
        QColor color;
    };

    explicit PartitionBarsView(const QList<Row> &rows, QWidget *parent = nullptr);

    /** Values of @p row, one per partition; partitions with @p hot set use the hot colour. */
    void setRowData(int row, std::vector<double> values, std::vector<bool> hot = {});
    /** Changes a row's value axis label (e.g. rate while running, totals once the run is over). */
    void setRowTitle(int row, const QString &title);
    /** The value axis's title of @p row (drawn only where the chart is tall enough for it). */
    QString rowTitle(int row) const;
    /** Rebuilds the visible bars from the last data and replots once. */
    void refresh();
    /** Marks a partition (e.g. the state inspector's filter); -1 for none. */
    void setSelectedPartition(int partition);

    int partitionCount() const;
    /** First partition shown, and how many partitions one bar stands for. */
    int firstVisiblePartition() const;
    int partitionsPerBar() const;
    /** Shows partition @p partition (scrolls the window if needed). */
    void scrollTo(int partition);
    void setGrouped(bool grouped);
    bool isGrouped() const;

    QCustomPlot *plot() const { return m_plot; }

signals:
    void partitionClicked(int partition);

private:
    struct RowPlot
    {
        QCPAxisRect *rect = nullptr;
        QCPBars *normal = nullptr;
        QCPBars *hot = nullptr;
        QCPBars *selected = nullptr;
        QColor color;
        QString title; ///< the value axis's title (the axis shows it only where it fits)
        std::vector<double> values;
        std::vector<bool> hotMask;
    };

    void onPlotClicked(QMouseEvent *event);
    void updateNavigator();
    bool eventFilter(QObject *watched, QEvent *event) override;

    QCustomPlot *m_plot;
    QScrollBar *m_scroll;
    QComboBox *m_layout;
    QLabel *m_rangeLabel;
    QList<RowPlot> m_rows;
    int m_selected = -1;
    int m_partitions = 0;
};

} // namespace partlab
