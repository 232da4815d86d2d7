#pragma once

#include "advisor/partitionsweep.h"
#include "session/sessionconfig.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QThreadPool>
#include <QWidget>

#include <atomic>
#include <memory>

class QCustomPlot;
class QCPAxisRect;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTextBrowser;

namespace partlab {

class SimulationSession;

/** What one advisor analysis found (or why it did not finish). */
struct AdvisorResult
{
    bool cancelled = false;
    QString error;
    quint64 messages = 0; ///< messages whose keys were counted
    quint64 keys = 0;     ///< distinct keys
    SweepOptions options;
    std::vector<SweepRow> rows;
    std::vector<SweepRecommendation> recommendations;
    std::vector<KeyWeight> keyWeights; ///< what was swept (a new target needs no new sweep)
};

/**
 * The partition-count advisor: counts the keys of what the configuration reads (the scenario or
 * the trace), runs a PartitionSweep over a range of N for the chosen partitioners off the UI
 * thread (progress bar, Cancel), and plots skew and keys moved against N per partitioner, with
 * the target skew as a line and each partitioner's recommended N marked and explained in words.
 */
class AdvisorView : public QWidget
{
    Q_OBJECT

public:
    /** Messages read from a scenario or trace to weigh its keys (more only makes it slower). */
    static constexpr quint64 kMaxMessages = 1'000'000;

    explicit AdvisorView(QWidget *parent = nullptr);
    ~AdvisorView() override;

    void setSession(SimulationSession *session);

    void setPartitioners(const QStringList &names);
    QStringList partitioners() const;
    void setRange(int from, int to);
    void setTargetSkew(double target);
    double targetSkew() const;

    /** Starts the analysis in the background (Analyse button). */
    void analyse();
    void cancel();
    /** True from analyse() until its result (or cancellation) is shown. */
    bool isRunning() const { return m_busy; }
    const AdvisorResult &result() const { return m_result; }
    /** The recommendation text as shown. */
    QString recommendationText() const;
    QCustomPlot *plot() const { return m_plot; }

    /** The job itself (tests run it directly): counts keys, sweeps, recommends. */
    static AdvisorResult compute(const SessionConfig &config, const SweepOptions &options, quint64 maxMessages,
                                 const std::atomic<bool> &cancel, const std::function<void(int)> &progressPermille);

signals:
    void finished();

private:
    void onFinished();
    void plotResult();
    void showRecommendations();
    void setBusy(bool busy);

    QPointer<SimulationSession> m_session;
    QListWidget *m_partitioners;
    QSpinBox *m_from;
    QSpinBox *m_to;
    QSpinBox *m_workers;
    QDoubleSpinBox *m_target;
    QPushButton *m_analyse;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_source;
    QTextBrowser *m_recommendations;
    QCustomPlot *m_plot;
    QCPAxisRect *m_skewRect;
    QCPAxisRect *m_movedRect;

    QThreadPool m_pool; ///< its own pool: the sweep itself fans out on the global one
    QFutureWatcher<AdvisorResult> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancelFlag;
    AdvisorResult m_result;
    bool m_busy = false;
};

/** A distinct colour per partitioner (the same in every teaching chart). */
QColor partitionerColor(const QString &name);

} // namespace partlab
