#pragma once

#include "metrics/applyorderlog.h"

#include <QAbstractTableModel>

#include <vector>

namespace partlab {

/** One applied message as the FIFO view lists it. */
struct FifoRow
{
    AppliedMessage message;
    QString key;
    bool inversion = false; ///< applied after a message produced later than it
};

/**
 * The FIFO view's table: messages in applied order with their produced position, so that any
 * message applied out of produced order stands out (marked and tinted).
 */
class FifoOrderModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { AppliedColumn, ProducedColumn, KeyColumn, PartitionColumn, OrderColumn, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setRows(std::vector<FifoRow> rows);
    const std::vector<FifoRow> &rows() const { return m_rows; }

private:
    std::vector<FifoRow> m_rows;
};

} // namespace partlab
