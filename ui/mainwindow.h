#pragma once

#include "metrics/livemetrics.h"
#include "session/simulationsession.h"

#include <QMainWindow>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QTabWidget;
class QTimer;

namespace partlab {

class ConfigurationPanel;
class FifoView;
class LiveViews;
class QueryConsole;
class RedisClusterPanel;
class SpaceView;
class StateInspector;
class TeachingViews;

/**
 * The Partlab main window: the configuration dock on the left, the live charts in the centre
 * (a tab page, so later views such as the space view or the advisor get their own tab), the
 * state inspector and the FIFO view as docks on the right, Start / Pause / Step / Stop in the
 * Run menu and the tool bar, and a status bar with the run's vital numbers.
 *
 * A 25 Hz timer takes one runtime snapshot per tick, feeds LiveMetrics and lets every chart
 * replot once; the UI thread never waits for the engine.
 *
 * The public surface is what partlab's main() and the ui tests use: the session, the views they
 * inspect, the run actions, workspaces, exports and recent files. Views talk to each other
 * through the session and signals; what a view needs from the window (TeachingViews) it is
 * handed when it is made.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    SimulationSession *session() const { return m_session; }
    ConfigurationPanel *configurationPanel() const { return m_config; }
    LiveViews *liveViews() const { return m_live; }
    StateInspector *stateInspector() const { return m_inspector; }
    FifoView *fifoView() const { return m_fifo; }
    /** The "Space" tab (space workload under load) and the query console dock on its space. */
    SpaceView *spaceView() const { return m_spaceView; }
    QueryConsole *queryConsole() const { return m_console; }
    /** The "Redis Cluster" dock: a real cluster's per-node load beside this run's prediction. */
    RedisClusterPanel *redisPanel() const { return m_redisPanel; }
    QDockWidget *redisDock() const { return m_redisDock; }
    const LiveMetrics &metrics() const { return m_metrics; }
    /** The central tab widget: the Live, Space, Advisor, A/B and Capacity pages. */
    QTabWidget *viewTabs() const { return m_tabs; }
    /** Lessons, advisor, hot keys, A/B, message path, trace player, rebalance preview. */
    TeachingViews *teachingViews() const { return m_teaching; }

    QAction *startAction() const { return m_start; }
    QAction *pauseAction() const { return m_pause; }
    QAction *stepAction() const { return m_step; }
    QAction *stopAction() const { return m_stop; }

    /**
     * Arrangements of the docks for one kind of work (View > Workspace): Teach (live charts,
     * message path, lessons, large type), Tune (advisor, hot keys, A/B), Replay (trace player,
     * FIFO order, state inspector) and Standard (Reset layout). The last one used is restored.
     */
    enum class Workspace { Standard, Teach, Tune, Replay };
    void applyWorkspace(Workspace workspace);
    static QString workspaceKey(Workspace workspace);

    /** Applies a configuration (as the dock would) and shows it in the dock. */
    void setSessionConfig(const SessionConfig &config);
    /** Starts a run; shows a message box (unless @p quiet) when the configuration cannot run. */
    bool startRun(bool quiet = false);
    /** One UI tick now (tests call it instead of waiting for the timer). */
    void tick();
    /** The window as an image, with every chart up to date (--screenshot, tests). */
    QImage renderImage();

    /** Exports, as the File menu does. */
    bool exportChartsPng(const QString &path);
    bool exportChartsPdf(const QString &path);
    bool exportMetricsCsv(const QString &path);
    bool exportPartitionsCsv(const QString &path);

    QStringList recentFiles() const;
    void addRecentFile(const QString &path);

signals:
    /** A UI tick took @p ms milliseconds of wall time (partlab --measure-refresh collects them). */
    void ticked(double ms);

protected:
    void closeEvent(QCloseEvent *event) override;
    bool event(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    /** Milliseconds between two UI ticks (25 Hz). */
    static constexpr int kTickMs = 40;

    void createActions();
    void createMenus();
    void createDocks();
    void createStatusBar();
    void createWorkspaceMenu();
    /** The size the window takes at its first start on @p available (the screen less its panels). */
    static QSize initialSize(const QSize &available);
    /** Presentation zoom: fonts, chart labels and line widths times @p factor (View > Zoom, Ctrl++ / Ctrl+- / Ctrl+0). */
    void setZoom(double factor);
    void zoomIn();
    void zoomOut();
    /** Teach's zoom: large type when the window is tall enough for it. */
    double teachZoom() const;
    void balanceDocks();
    /** Geometry, workspace, dock state and zoom from the last session (QSettings). */
    void restoreLayout();
    void saveLayout();
    void updateActions();
    void updateStatus();
    void updateRecentMenu();
    void onStateChanged(RunState state);
    void onRunStarted();
    void onRunEnded(bool ok, const QString &error);
    /** A pause drained or a step was applied: charts, state inspector and FIFO view catch up. */
    void refreshPausedViews();
    void onPartitionClicked(int partition);
    void showResize(const ResizeReport &report);
    void connectToRedis();
    void openRecent(const QString &path);
    void exportWithDialog(const QString &title, const QString &filter, const QString &suffix,
                          bool (MainWindow::*exporter)(const QString &));
    void chooseLanguage(const QString &language);
    void about();

    SimulationSession *m_session;
    LiveMetrics m_metrics;
    QTimer *m_timer;
    std::size_t m_resizesShown = 0;
    QString m_resizeErrorShown;

    QTabWidget *m_tabs;
    LiveViews *m_live;
    ConfigurationPanel *m_config;
    StateInspector *m_inspector;
    FifoView *m_fifo;
    TeachingViews *m_teaching = nullptr;
    QDockWidget *m_configDock = nullptr;
    QDockWidget *m_inspectorDock = nullptr;
    QDockWidget *m_fifoDock = nullptr;
    SpaceView *m_spaceView = nullptr;
    QueryConsole *m_console = nullptr;
    QDockWidget *m_consoleDock = nullptr;
    RedisClusterPanel *m_redisPanel = nullptr;
    QDockWidget *m_redisDock = nullptr;

    QAction *m_start = nullptr;
    QAction *m_pause = nullptr;
    QAction *m_step = nullptr;
    QAction *m_stop = nullptr;
    QAction *m_openScenario = nullptr;
    QAction *m_openTrace = nullptr;
    QAction *m_connectRedis = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QActionGroup *m_languages = nullptr;

    Workspace m_workspace = Workspace::Standard;
    QActionGroup *m_workspaces = nullptr;
    double m_zoom = 1.0;
    QDockWidget *m_rightDock = nullptr;
    bool m_shownOnce = false;
    bool m_layoutRestored = false;

    QLabel *m_statusApplied;
    QLabel *m_statusThroughput;
    QLabel *m_statusPartitions;
    QLabel *m_statusState;
};

} // namespace partlab
