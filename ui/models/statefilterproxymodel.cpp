#include "statefilterproxymodel.h"

#include "statetablemodel.h"

#include <QRegularExpression>

namespace partlab {

StateFilterProxyModel::StateFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(Qt::UserRole);
    setFilterRole(Qt::UserRole);
    setFilterKeyColumn(StateTableModel::KeyColumn);
    setDynamicSortFilter(true);
}

void StateFilterProxyModel::setKeyPattern(const QString &pattern)
{
    const QString trimmed = pattern.trimmed();
    // Without wildcards a pattern matches anywhere in the key, like a search box.
    const QString wildcard = trimmed.contains(QLatin1Char('*')) || trimmed.contains(QLatin1Char('?'))
                                 ? trimmed
                                 : QStringLiteral("*%1*").arg(trimmed);
    setFilterRegularExpression(trimmed.isEmpty()
                                   ? QRegularExpression()
                                   : QRegularExpression(QRegularExpression::wildcardToRegularExpression(wildcard),
                                                        QRegularExpression::CaseInsensitiveOption));
}

void StateFilterProxyModel::setPartition(int partition)
{
    if (partition == m_partition)
        return;
    m_partition = partition;
    invalidateFilter();
}

bool StateFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_partition >= 0) {
        const QModelIndex p = sourceModel()->index(sourceRow, StateTableModel::PartitionColumn, sourceParent);
        if (p.data(Qt::UserRole).toInt() != m_partition)
            return false;
    }
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

} // namespace partlab
