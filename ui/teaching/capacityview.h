#pragma once

#include "capacity/capacitymodel.h"
#include "session/sessionconfig.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QThreadPool>
#include <QWidget>

class QCPBars;
class QCPColorMap;
class QComboBox;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;
class QTextBrowser;
class QTimer;

namespace partlab {

class SimulationSession;

/** What one capacity run found: the run at the chosen settings and the N x C grid. */
struct CapacityViewResult
{
    QString error;
    quint64 keys = 0;
    CapacityConfig config;
    CapacityResult run;
    std::vector<int> gridPartitions, gridConsumers;
    std::vector<double> gridSaturation; ///< [n * consumers + c], msg/s (analytic)
    double p99TargetUs = 0.0;           ///< 0: no recommendation asked for
    int pickPartitions = 0, pickConsumers = 0; ///< the fewest consumers, then partitions, meeting it (0: none)
    double pickP99Us = 0.0;
};

/**
 * The Capacity tab: the configured keys, partitioner and N, served by C consumers of T threads
 * at a rate with a service time, simulated in virtual time (engine/capacity) off the UI thread.
 * Shows the lag per partition as a time-lapse (scrub or play), the saturation rate over a grid
 * of N and C as a heat map, and in words what saturates first (a hot key names itself).
 */
class CapacityView : public QWidget
{
    Q_OBJECT

public:
    /** Messages read from the scenario or trace to weigh its keys. */
    static constexpr quint64 kMaxKeyMessages = 500'000;
    static constexpr int kFrames = 100;

    explicit CapacityView(QWidget *parent = nullptr);
    ~CapacityView() override;

    void setSession(SimulationSession *session);
    bool isRunning() const;
    const CapacityViewResult &result() const { return m_result; }
    QString summaryText() const;

    // Controls, for the lesson presets and the tests.
    void setRate(double rate);
    void setConsumers(int consumers);
    void setThreads(int threads);
    void setServiceTime(const ServiceTimeSpec &spec);
    /** Recommend the fewest consumers, then partitions, of the grid keeping the p99 under @p us (0: off). */
    void setP99Target(double us);
    int frame() const;
    void setFrame(int frame);

public slots:
    void run();

signals:
    void finished();

private:
    void onFinished();
    void showFrame(int frame);
    void plotGrid();
    void updateServiceFields();
    static CapacityViewResult compute(const SessionConfig &config, const CapacityConfig &settings, double p99TargetUs);
    /** Messages per grid cell when the p99 of every cell is simulated for the recommendation. */
    static constexpr quint64 kCellMessages = 100'000;

    QPointer<SimulationSession> m_session;
    QDoubleSpinBox *m_rate;
    QSlider *m_rateSlider;
    QSpinBox *m_consumers;
    QSpinBox *m_threads;
    QComboBox *m_assignor;
    QComboBox *m_serviceKind;
    QDoubleSpinBox *m_serviceMean;
    QDoubleSpinBox *m_serviceP99;
    QSpinBox *m_messages;
    QDoubleSpinBox *m_p99Target;
    QPushButton *m_run;
    QSlider *m_frame;
    QPushButton *m_play;
    QLabel *m_frameLabel;
    QCustomPlot *m_lagPlot;
    QCPBars *m_lagBars;
    QCustomPlot *m_gridPlot;
    QCPColorMap *m_gridMap;
    QTextBrowser *m_summary;
    QTimer *m_playTimer;
    QThreadPool m_pool;
    QFutureWatcher<CapacityViewResult> m_watcher;
    CapacityViewResult m_result;
};

} // namespace partlab
