#pragma once

#include "routing/movementcounter.h"
#include "runtime/stateruntime.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QPointer>

#include <memory>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QStandardItemModel;
class QTableView;

namespace partlab {

class SimulationSession;

/** The movement one resize would cause, per partitioner, over the keys of the running state. */
struct RebalanceEstimate
{
    bool ok = false;
    QString error;
    int from = 0;
    int to = 0;
    quint64 keys = 0;
    std::vector<MovementResult> results; ///< one per partitioner that can have both counts
    QStringList refused;                 ///< partitioners that cannot have @c to partitions, with why
};

/**
 * Before a running simulation is repartitioned: for every partitioner, how many of the keys now
 * in the state would change partition going from N to the new count (MovementCounter over the
 * keys of a StateRuntime::stateSnapshot(), taken in the background), with the run's own
 * partitioner first. Apply resizes the run; Cancel keeps N.
 */
class RebalancePreview : public QDialog
{
    Q_OBJECT

public:
    explicit RebalancePreview(SimulationSession *session, QWidget *parent = nullptr);
    ~RebalancePreview() override;

    /** Shows the preview for going from the running count to @p to partitions. */
    void preview(int to);
    int target() const { return m_to; }
    /** True from preview() until its numbers are shown. */
    bool isComputing() const { return m_busy; }
    const RebalanceEstimate &estimate() const { return m_estimate; }

    /** Whether a partition change while running is previewed first (kept in QSettings). */
    static bool isEnabled();
    static void setEnabled(bool enabled);

    /** The estimate itself (background thread); the run's partitioner comes first. */
    static RebalanceEstimate compute(const std::shared_ptr<StateRuntime> &runtime, const PartitionerOptions &options,
                                      const QString &current, int to);

signals:
    /** The user applied the new count. */
    void applyRequested(int partitions);
    /** The user kept the running count. */
    void cancelled();

private:
    void onEstimated();

    QPointer<SimulationSession> m_session;
    int m_to = 0;
    QLabel *m_question;
    QLabel *m_summary;
    QStandardItemModel *m_model;
    QTableView *m_table;
    QCheckBox *m_always;
    QDialogButtonBox *m_buttons;
    QFutureWatcher<RebalanceEstimate> m_watcher;
    RebalanceEstimate m_estimate;
    bool m_busy = false;
    int m_pendingTarget = 0; ///< a newer target asked for while one was being computed
};

} // namespace partlab
