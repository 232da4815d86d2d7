#pragma once

#include "models/statetablemodel.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QSpinBox;
class QTableView;
class QTimer;

namespace partlab {

class StateRuntime;
class StateFilterProxyModel;

/**
 * The state inspector: every key's state (value, partition, messages) in a sortable, filterable
 * table. The rows come from StateRuntime::stateSnapshot() on a worker of the global thread pool,
 * twice a second while a run is active (less often when the state is large) and once more when
 * the run pauses or ends, so the UI thread never waits for the engine.
 */
class StateInspector : public QWidget
{
    Q_OBJECT

public:
    explicit StateInspector(QWidget *parent = nullptr);
    ~StateInspector() override;

    /** The runtime to read; nullptr clears the table. */
    void setRuntime(std::shared_ptr<StateRuntime> runtime);
    /** Refresh periodically (true while running) or only on request. */
    void setLive(bool live);
    /** Asks for a fresh copy now (skipped if one is already on its way). */
    void refresh();

    /** The range of the partition filter (after a live resize). */
    void setPartitionCount(int partitions);
    void setPartitionFilter(int partition);
    int partitionFilter() const;
    void setKeyFilter(const QString &pattern);

    StateTableModel *model() const { return m_model; }
    StateFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    /** True while a snapshot is being taken in the background. */
    bool isRefreshing() const { return m_watcher.isRunning(); }

signals:
    /** Emitted after the table was updated from a new snapshot. */
    void refreshed();

private:
    void onSnapshotReady();
    void updateSummary();

    std::shared_ptr<StateRuntime> m_runtime;
    StateTableModel *m_model;
    StateFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QSpinBox *m_partition;
    QTableView *m_view;
    QLabel *m_summary;
    QTimer *m_timer;
    QFutureWatcher<std::vector<StateRow>> m_watcher;
    QElapsedTimer m_took;
    bool m_pending = false;
    QString m_updatedAt;
};

} // namespace partlab
