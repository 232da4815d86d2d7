#pragma once

#include "models/fifoordermodel.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QCPGraph;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableView;
class QTimer;

namespace partlab {

class StateRuntime;

/**
 * The FIFO view: for one partition, one key, or all partitions merged, the order in which the
 * messages were produced against the order in which they were applied. A chart plots produced
 * position against applied position (a rising line means FIFO holds) and the table lists the
 * messages, with any message applied after a later-produced one marked out of order. Reads the
 * runtime's ApplyOrderLog, twice a second while following the run.
 */
class FifoView : public QWidget
{
    Q_OBJECT

public:
    enum class Scope { Partition, Key, AllPartitions };

    explicit FifoView(QWidget *parent = nullptr);

    void setSource(std::shared_ptr<StateRuntime> runtime, std::shared_ptr<ApplyOrderLog> log);
    /** The scope chosen in the view's combo box (each item carries its Scope). */
    Scope scope() const;
    void setScope(Scope scope);
    void setPartition(int partition);
    /** The range of the partition choice (after a live resize). */
    void setPartitionCount(int partitions);
    void setKey(const QString &key);
    /** Re-reads the log now. */
    void refresh();
    /** Follow the run (refresh on a timer) or keep the current picture. */
    void setLive(bool live);

    FifoOrderModel *model() const { return m_model; }
    quint64 inversions() const { return m_inversions; }
    QCustomPlot *plot() const { return m_plot; }

private:
    void updateControls();

    std::shared_ptr<StateRuntime> m_runtime;
    std::shared_ptr<ApplyOrderLog> m_log;
    FifoOrderModel *m_model;
    QComboBox *m_scope;
    QSpinBox *m_partition;
    QLineEdit *m_key;
    QCheckBox *m_follow;
    QLabel *m_summary;
    QCustomPlot *m_plot;
    QCPGraph *m_inOrder;
    QCPGraph *m_outOfOrder;
    QTableView *m_view;
    QTimer *m_timer;
    bool m_live = false;
    quint64 m_inversions = 0;
};

} // namespace partlab
