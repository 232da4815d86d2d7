#include "statetablemodel.h"

#include "model/numberformat.h"
#include <QLocale>

#include <cmath>

namespace partlab {

int StateTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StateTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StateTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const StateRow &r = m_rows[std::size_t(index.row())];
    if (role == Qt::UserRole) {
        switch (index.column()) {
        case KeyColumn: return r.key;
        case ValueColumn: return r.value;
        case PartitionColumn: return r.partition;
        case CountColumn: return qulonglong(r.count);
        }
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case KeyColumn: return r.key;
        case ValueColumn:
            if (std::isnan(r.value))
                return tr("n/a");
            return fmt::decimal(r.value, std::floor(r.value) == r.value ? 0 : 4);
        case PartitionColumn: return r.partition;
        case CountColumn: return fmt::count(qulonglong(r.count));
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != KeyColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant StateTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case KeyColumn: return tr("Key");
        case ValueColumn: return tr("Value");
        case PartitionColumn: return tr("Partition");
        case CountColumn: return tr("Messages");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case KeyColumn: return tr("The partition key the key extractor took from the messages");
        case ValueColumn: return tr("The key's state as the state computation left it");
        case PartitionColumn: return tr("The state partition that owns the key");
        case CountColumn: return tr("Messages applied to this key");
        }
    }
    return {};
}

void StateTableModel::setRows(std::vector<StateRow> rows)
{
    bool sameKeys = rows.size() == m_rows.size();
    for (std::size_t i = 0; sameKeys && i < rows.size(); ++i)
        sameKeys = rows[i].key == m_rows[i].key;
    if (sameKeys) {
        m_rows = std::move(rows);
        if (!m_rows.empty())
            emit dataChanged(index(0, ValueColumn), index(int(m_rows.size()) - 1, CountColumn));
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void StateTableModel::clear()
{
    setRows({});
}

} // namespace partlab
