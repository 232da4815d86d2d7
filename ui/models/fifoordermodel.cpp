#include "fifoordermodel.h"

#include "views/palette.h"

#include <QBrush>
#include <QColor>

namespace partlab {

int FifoOrderModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FifoOrderModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FifoOrderModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const FifoRow &r = m_rows[std::size_t(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case AppliedColumn: return index.row() + 1;
        case ProducedColumn: return qulonglong(r.message.sequence + 1);
        case KeyColumn: return r.key;
        case PartitionColumn: return r.message.partition;
        case OrderColumn: return r.inversion ? tr("out of order") : tr("in order");
        }
    }
    if (role == Qt::BackgroundRole && r.inversion)
        return QBrush(Palette::outOfOrderRow);
    if (role == Qt::ForegroundRole && r.inversion)
        return QBrush(Palette::outOfOrderRowText);
    if (role == Qt::TextAlignmentRole && index.column() != KeyColumn && index.column() != OrderColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant FifoOrderModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case AppliedColumn: return tr("Applied #");
        case ProducedColumn: return tr("Produced #");
        case KeyColumn: return tr("Key");
        case PartitionColumn: return tr("Partition");
        case OrderColumn: return tr("FIFO");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case AppliedColumn: return tr("Position in the order the messages were applied (in this view)");
        case ProducedColumn: return tr("Position in the order the producer sent the messages (whole run)");
        case OrderColumn: return tr("Out of order: applied after a message that was produced later");
        }
    }
    return {};
}

void FifoOrderModel::setRows(std::vector<FifoRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

} // namespace partlab
