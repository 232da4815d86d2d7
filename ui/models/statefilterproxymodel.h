#pragma once

#include <QSortFilterProxyModel>

namespace partlab {

/**
 * Filters the state inspector by key (wildcards, case-insensitive) and by partition, and sorts
 * by the raw values (Qt::UserRole) so that 10 sorts after 9.
 */
class StateFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit StateFilterProxyModel(QObject *parent = nullptr);

    /** Keys matching @p pattern ("AAP*", "C00?1"); empty shows every key. */
    void setKeyPattern(const QString &pattern);
    /** Only keys of @p partition; -1 for all partitions. */
    void setPartition(int partition);
    int partition() const { return m_partition; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int m_partition = -1;
};

} // namespace partlab
