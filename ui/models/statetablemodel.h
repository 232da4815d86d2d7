#pragma once

#include <QAbstractTableModel>
#include <QString>

#include <vector>

namespace partlab {

/** One row of the state inspector, converted off the UI thread. */
struct StateRow
{
    QString key;
    double value = 0.0;
    int partition = 0;
    quint64 count = 0;
};

/**
 * The state inspector's table: key -> value, partition, messages applied to the key.
 * Display text is formatted; Qt::UserRole holds the raw value the proxy sorts by.
 * setRows() keeps the rows (and the view's selection and scroll position) when the key set is
 * unchanged and only values moved, which is the common case once a run has warmed up.
 */
class StateTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { KeyColumn, ValueColumn, PartitionColumn, CountColumn, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** Replaces the rows (sorted by key, as StateRuntime::stateSnapshot() returns them). */
    void setRows(std::vector<StateRow> rows);
    void clear();
    const std::vector<StateRow> &rows() const { return m_rows; }

private:
    std::vector<StateRow> m_rows;
};

} // namespace partlab
