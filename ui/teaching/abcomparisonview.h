#pragma once

#include "runtime/simulationrunner.h"
#include "session/sessionconfig.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QThreadPool>
#include <QWidget>

#include <atomic>
#include <memory>

class QComboBox;
class QCustomPlot;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStandardItemModel;
class QTableView;

namespace partlab {

class SimulationSession;

/** The outcome of one A/B comparison: each side's run summary (or why there is none). */
struct AbResult
{
    bool cancelled = false;
    QString error;
    RuntimeConfig a, b;
    RunSummary summaryA, summaryB;
};

/**
 * A/B comparison: the same messages (the configured scenario or trace, read twice the same way)
 * run through two state runtimes that differ in partitioner, N, workers or mode, one after the
 * other at full speed off the UI thread, and shown side by side: skew, throughput, latency and
 * the load per partition, with the difference of B against A highlighted.
 */
class AbComparisonView : public QWidget
{
    Q_OBJECT

public:
    explicit AbComparisonView(QWidget *parent = nullptr);
    ~AbComparisonView() override;

    void setSession(SimulationSession *session);
    /** Sets one side's runtime: @p side 0 is A, 1 is B. */
    void setSide(int side, const QString &partitioner, int partitions, int workers, RuntimeMode mode);
    void setMessages(int messages);

    void compare();
    void cancel();
    /** True from compare() until its result (or cancellation) is shown. */
    bool isRunning() const { return m_busy; }
    const AbResult &result() const { return m_result; }
    /** The comparison table's text in row order ("skew: 1.02 | 3.40 | +233%"), for tests. */
    QStringList tableText() const;

    /** The job (background thread): both runs, A then B, @p progress in permille. */
    static AbResult run(const SessionConfig &config, const RuntimeConfig &a, const RuntimeConfig &b, quint64 messages,
                        const std::atomic<bool> &cancel, const std::function<void(int)> &progress);

private:
    struct Side
    {
        QComboBox *partitioner = nullptr;
        QSpinBox *partitions = nullptr;
        QSpinBox *workers = nullptr;
        QComboBox *mode = nullptr;
        QCustomPlot *plot = nullptr;
        QLabel *title = nullptr;
    };

    QWidget *buildSide(Side &side, const QString &name, const QColor &color);
    RuntimeConfig sideConfig(const Side &side) const;
    void onFinished();
    void showResult();
    static void plotLoad(QCustomPlot *plot, const RunSummary &summary, const QColor &color, double top);

    QPointer<SimulationSession> m_session;
    Side m_sides[2];
    QSpinBox *m_messages;
    QPushButton *m_compare;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_source;
    QLabel *m_verdict;
    QStandardItemModel *m_model;
    QTableView *m_table;

    QThreadPool m_pool;
    QFutureWatcher<AbResult> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancelFlag;
    AbResult m_result;
    bool m_busy = false;
};

} // namespace partlab
