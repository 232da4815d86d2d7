#pragma once

#include <QAbstractTableModel>
#include <QStringList>

#include <string>
#include <vector>

namespace partlab {

/** One hot key as the view lists it: its messages and its shares of its partition and of all. */
struct HotKeyRow
{
    std::string key;
    int partition = 0;
    quint64 messages = 0;
    double partitionShare = 0.0;
    double totalShare = 0.0;
};

/** What one hot-key refresh found: rows hottest first (by partition share) and the advice. */
struct HotKeySnapshot
{
    bool ok = false;
    quint64 messages = 0;
    int partitions = 0;
    std::vector<HotKeyRow> rows;
    QStringList advice;
};

/** The hot keys table: key, partition, messages, share of its partition, share of all messages. */
class HotKeysModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Key, Partition, Messages, PartitionShare, TotalShare, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(std::vector<HotKeyRow> rows);
    const std::vector<HotKeyRow> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<HotKeyRow> m_rows;
};

} // namespace partlab
