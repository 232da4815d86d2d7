#pragma once

#include <QColor>
#include <QElapsedTimer>
#include <QList>
#include <QWidget>

#include <vector>

namespace partlab {

/**
 * A row of cells, one per partition, that lights the partitions an operation touched: one cell
 * for a routed operation (blue), all of them for a broadcast (orange), none for a refused one.
 *
 * Two modes: flashes fade out after fadeMs (the space view feeds it one sampled operation per UI
 * tick, so it stays readable at any operation rate), or, with fadeMs = 0, the last operation stays
 * lit (the query console). Many partitions wrap into up to four rows of narrower cells.
 */
class PartitionStrip : public QWidget
{
    Q_OBJECT

public:
    explicit PartitionStrip(QWidget *parent = nullptr);

    void setPartitionCount(int partitions);
    int partitionCount() const { return int(m_cells.size()); }
    /** Milliseconds a flash takes to fade; 0 keeps the last operation lit. */
    void setFadeMs(int ms) { m_fadeMs = ms; }

    /** Lights @p partitions (a broadcast lights them all, in the broadcast colour). */
    void flash(const QList<int> &partitions, bool broadcast);
    /** Unlights every cell. */
    void clear();
    /** How lit a partition is now, 0..1 (tests). */
    double intensity(int partition) const;
    bool isBroadcastLit(int partition) const;

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct Cell
    {
        qint64 litAtMs = -1;
        bool broadcast = false;
    };
    /** Columns and rows for @p width. */
    QSize grid(int width) const;

    std::vector<Cell> m_cells;
    QElapsedTimer m_clock;
    int m_fadeMs = 300;
    QList<int> m_latest; ///< the last operation's partitions, outlined
};

} // namespace partlab
