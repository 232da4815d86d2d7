#include "clusterloadmodel.h"

#include "model/numberformat.h"
#include "redis/clustertopology.h"
#include "views/palette.h"

#include <QBrush>
#include <QColor>

namespace partlab {

ClusterLoadModel::ClusterLoadModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void ClusterLoadModel::setData(const ClusterLoadSnapshot &snapshot, const QVector<double> &predictedShare,
                               const QVector<double> &measured, const QString &unit)
{
    beginResetModel();
    m_snapshot = snapshot;
    m_predictedShare = predictedShare;
    m_measured = measured;
    m_unit = unit;
    m_measuredTotal = 0;
    for (double v : measured)
        m_measuredTotal += v;
    endResetModel();
}

int ClusterLoadModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_snapshot.nodes.size());
}

int ClusterLoadModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClusterLoadModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_snapshot.nodes.size()))
        return {};
    const NodeLoad &n = m_snapshot.nodes[std::size_t(index.row())];
    if (role == Qt::ForegroundRole && !n.reachable)
        return QBrush(Palette::connectionError);
    if (role == Qt::ToolTipRole && !n.reachable)
        return n.error;
    if (role == Qt::TextAlignmentRole && index.column() != Node && index.column() != Slots)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Node: return QStringLiteral("%1  %2").arg(index.row()).arg(n.address.toString());
    case Slots: return formatSlotRanges(n.slotRanges);
    case Keys: return n.reachable && n.keys >= 0 ? QVariant(n.keys) : QVariant(tr("unreachable"));
    case Predicted:
        return index.row() < m_predictedShare.size() ? QStringLiteral("%1 %").arg(fmt::decimal(m_predictedShare[index.row()], 1))
                                                     : QStringLiteral("–");
    case Measured:
        return n.reachable && index.row() < m_measured.size() ? QStringLiteral("%1 %2").arg(fmt::decimal(m_measured[index.row()], 0)).arg(m_unit)
                                                              : QStringLiteral("–");
    case MeasuredShare:
        return n.reachable && m_measuredTotal > 0 && index.row() < m_measured.size()
                   ? QStringLiteral("%1 %").arg(fmt::decimal(100.0 * m_measured[index.row()] / m_measuredTotal, 1))
                   : QStringLiteral("–");
    }
    return {};
}

QVariant ClusterLoadModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Node: return tr("Node");
    case Slots: return tr("Slots");
    case Keys: return tr("Keys");
    case Predicted: return tr("Predicted share");
    case Measured: return tr("Measured");
    case MeasuredShare: return tr("Measured share");
    }
    return {};
}

} // namespace partlab
