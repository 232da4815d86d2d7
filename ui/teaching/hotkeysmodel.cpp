#include "hotkeysmodel.h"

#include "model/numberformat.h"
#include "views/palette.h"

#include <QBrush>
#include <QColor>

namespace partlab {

void HotKeysModel::setRows(std::vector<HotKeyRow> rows)
{
    if (rows.size() == m_rows.size() && !rows.empty()) {
        // Same shape (the usual case at 2 Hz): update in place, keep the selection and scroll.
        m_rows = std::move(rows);
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int HotKeysModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HotKeysModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HotKeysModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const HotKeyRow &r = m_rows[std::size_t(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Key: return QString::fromStdString(r.key);
        case Partition: return r.partition;
        case Messages: return fmt::count(qulonglong(r.messages));
        case PartitionShare: return fmt::percent(r.partitionShare);
        case TotalShare: return fmt::percent(r.totalShare);
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != Key)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole)
        return tr("Key %1 gives %2 of partition %3's load (%4 of all messages)")
            .arg(QString::fromStdString(r.key), fmt::percent(r.partitionShare))
            .arg(r.partition)
            .arg(fmt::percent(r.totalShare));
    if (role == Qt::ForegroundRole && index.column() == PartitionShare && r.partitionShare > 0.5)
        return QBrush(Palette::error);
    return {};
}

QVariant HotKeysModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Key: return tr("Key");
    case Partition: return tr("Partition");
    case Messages: return tr("Messages");
    case PartitionShare: return tr("Of partition");
    case TotalShare: return tr("Of all");
    default: return {};
    }
}

} // namespace partlab
