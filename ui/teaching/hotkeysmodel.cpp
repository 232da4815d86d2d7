#include "hotkeysmodel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

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
    const QLocale locale;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Key: return QString::fromStdString(r.key);
        case Partition: return r.partition;
        case Messages: return locale.toString(qulonglong(r.messages));
        case PartitionShare: return QStringLiteral("%1 %").arg(locale.toString(100.0 * r.partitionShare, 'f', 1));
        case TotalShare: return QStringLiteral("%1 %").arg(locale.toString(100.0 * r.totalShare, 'f', 1));
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != Key)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole)
        return tr("Key %1 gives %2% of partition %3's load (%4% of all messages)")
            .arg(QString::fromStdString(r.key), locale.toString(100.0 * r.partitionShare, 'f', 1))
            .arg(r.partition)
            .arg(locale.toString(100.0 * r.totalShare, 'f', 1));
    if (role == Qt::ForegroundRole && index.column() == PartitionShare && r.partitionShare > 0.5)
        return QBrush(QColor(0xc9, 0x2a, 0x2a));
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
