#pragma once

#include "redis/clusterloadsampler.h"

#include <QAbstractTableModel>
#include <QVector>

namespace partlab {

/**
 * The rows under the load chart: per master, its slots, keys, Partlab's predicted share and the
 * measured rate and share. Refreshed as a whole per sample (a few rows, a few times a second).
 */
class ClusterLoadModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Node, Slots, Keys, Predicted, Measured, MeasuredShare, ColumnCount };

    explicit ClusterLoadModel(QObject *parent = nullptr);

    /** @p measured: the rate (or total) per node in snapshot order; @p unit names it. */
    void setData(const ClusterLoadSnapshot &snapshot, const QVector<double> &predictedShare,
                 const QVector<double> &measured, const QString &unit);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    ClusterLoadSnapshot m_snapshot;
    QVector<double> m_predictedShare;
    QVector<double> m_measured;
    double m_measuredTotal = 0;
    QString m_unit;
};

} // namespace partlab
