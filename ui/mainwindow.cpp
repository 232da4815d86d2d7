#include "mainwindow.h"

#include "model/numberformat.h"
#include "appicon.h"
#include "docks/configurationpanel.h"
#include "docks/fifoview.h"
#include "docks/stateinspector.h"
#include "fileopener.h"
#include "localization.h"
#include "redis/redisclusterpanel.h"
#include "redis/redisconnectdialog.h"
#include "space/queryconsole.h"
#include "space/spaceview.h"
#include "teaching/rebalancepreview.h"
#include "teaching/teachingviews.h"
#include "views/chartzoom.h"
#include "views/liveviews.h"
#include "views/scrollable.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>

namespace partlab {

namespace {
constexpr int kMaxRecentFiles = 8;
const QString kRecentKey = QStringLiteral("recentFiles");
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_session(new SimulationSession(this))
    , m_timer(new QTimer(this))
    , m_tabs(new QTabWidget(this))
    , m_live(new LiveViews(m_tabs))
    , m_config(new ConfigurationPanel(m_session))
    , m_inspector(new StateInspector)
    , m_fifo(new FifoView)
{
    setWindowTitle(tr("Partlab"));
    setWindowIcon(AppIcon::icon());
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_live, tr("Live"));
    m_spaceView = new SpaceView(m_tabs);
    scrollWithin(m_spaceView);
    m_tabs->addTab(m_spaceView, tr("Space"));
    setCentralWidget(m_tabs);

    createActions();
    createDocks();
    createMenus();
    createStatusBar();
    m_teaching = new TeachingViews({this, m_session, m_tabs, m_viewMenu, m_inspectorDock, m_step}, this);
    connect(m_teaching, &TeachingViews::statusMessage, statusBar(), &QStatusBar::showMessage);
    // A previewed partition change that was cancelled: the dock shows the count in use again.
    connect(m_teaching->rebalancePreview(), &RebalancePreview::cancelled, this,
            [this] { m_config->showPartitions(m_session->partitions()); });

    m_timer->setInterval(kTickMs);
    connect(m_timer, &QTimer::timeout, this, &MainWindow::tick);
    connect(m_session, &SimulationSession::stateChanged, this, &MainWindow::onStateChanged);
    connect(m_session, &SimulationSession::runStarted, this, &MainWindow::onRunStarted);
    connect(m_session, &SimulationSession::runEnded, this, &MainWindow::onRunEnded);
    // However a step or a pause was asked for (F10, the trace player, a lesson), the views show
    // its result once the producer reports it applied.
    connect(m_session, &SimulationSession::pauseDrained, this, &MainWindow::refreshPausedViews);
    connect(m_session, &SimulationSession::stepApplied, this, &MainWindow::refreshPausedViews);
    connect(m_session, &SimulationSession::notice, this, [this](const QString &text) { statusBar()->showMessage(text, 6000); });
    // The session holds the configuration; the dock shows it and edits it there.
    connect(m_session, &SimulationSession::configChanged, this, [this] {
        updateActions();
        updateStatus();
    });
    connect(m_config, &ConfigurationPanel::configEdited, this, &MainWindow::updateActions);
    connect(m_config, &ConfigurationPanel::partitionsRequested, this, [this](int partitions) {
        if (!m_teaching->previewPartitions(partitions)) // a running simulation: preview the movement first
            m_session->requestPartitions(partitions);
    });
    connect(m_config, &ConfigurationPanel::fileOpened, this, &MainWindow::addRecentFile);
    connect(m_live, &LiveViews::partitionClicked, this, &MainWindow::onPartitionClicked);

    const QScreen *screen = this->screen();
    resize(initialSize(screen ? screen->availableGeometry().size() : QSize(1280, 720)));
    restoreLayout();
    ChartZoom::apply(this);
    updateActions();
    updateStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    const auto icon = [this](const char *theme, QStyle::StandardPixmap fallback) {
        return QIcon::fromTheme(QLatin1String(theme), style()->standardIcon(fallback));
    };
    m_start = new QAction(icon("media-playback-start", QStyle::SP_MediaPlay), tr("&Start"), this);
    m_start->setShortcut(QKeySequence(Qt::Key_F5));
    m_start->setStatusTip(tr("Start a new run with the current configuration, or resume (F5)"));
    m_pause = new QAction(icon("media-playback-pause", QStyle::SP_MediaPause), tr("&Pause"), this);
    m_pause->setShortcut(QKeySequence(Qt::Key_Space));
    m_pause->setCheckable(true);
    m_pause->setStatusTip(tr("Pause or resume the run; everything sent so far is applied first (Space)"));
    m_step = new QAction(icon("media-skip-forward", QStyle::SP_MediaSkipForward), tr("S&tep"), this);
    m_step->setShortcut(QKeySequence(Qt::Key_F10));
    m_step->setStatusTip(tr("Apply one more message while paused (F10)"));
    m_stop = new QAction(icon("media-playback-stop", QStyle::SP_MediaStop), tr("St&op"), this);
    m_stop->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    m_stop->setStatusTip(tr("Stop the run; its charts and state stay visible (Shift+F5)"));
    for (QAction *a : {m_start, m_pause, m_step, m_stop})
        a->setShortcutContext(Qt::WindowShortcut);

    connect(m_start, &QAction::triggered, this, [this] { startRun(); });
    connect(m_pause, &QAction::triggered, this, [this] {
        if (m_session->state() == RunState::Running || m_session->state() == RunState::Paused)
            m_session->togglePause();
        else
            startRun();
        updateActions();
    });
    // The session says when the step is applied (stepApplied): the views refresh then.
    connect(m_step, &QAction::triggered, this, [this] { m_session->step(1); });
    connect(m_stop, &QAction::triggered, m_session, &SimulationSession::stop);

    m_openScenario = new QAction(tr("Open &Scenario…"), this);
    m_openScenario->setShortcut(QKeySequence::Open);
    connect(m_openScenario, &QAction::triggered, m_config, &ConfigurationPanel::browseScenario);
    m_openTrace = new QAction(tr("Open CSV &Trace…"), this);
    m_openTrace->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(m_openTrace, &QAction::triggered, m_config, &ConfigurationPanel::browseTrace);
    m_connectRedis = new QAction(tr("Connect to Redis &Cluster…"), this);
    m_connectRedis->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    m_connectRedis->setStatusTip(tr("Sample a real Redis Cluster's per-node load and show it beside this run's prediction"));
    connect(m_connectRedis, &QAction::triggered, this, &MainWindow::connectToRedis);
}

void MainWindow::createDocks()
{
    m_configDock = new QDockWidget(tr("Configuration"), this);
    m_configDock->setObjectName(QStringLiteral("configurationDock"));
    m_configDock->setWidget(scrollable(m_config, true)); // its fields shrink to the dock's width, not below their minimum
    addDockWidget(Qt::LeftDockWidgetArea, m_configDock);

    m_inspectorDock = new QDockWidget(tr("State inspector"), this);
    m_inspectorDock->setObjectName(QStringLiteral("stateInspectorDock"));
    m_inspectorDock->setWidget(scrollable(m_inspector));
    addDockWidget(Qt::RightDockWidgetArea, m_inspectorDock);

    m_fifoDock = new QDockWidget(tr("FIFO order"), this);
    m_fifoDock->setObjectName(QStringLiteral("fifoDock"));
    m_fifoDock->setWidget(scrollable(m_fifo));
    addDockWidget(Qt::RightDockWidgetArea, m_fifoDock);
    tabifyDockWidget(m_inspectorDock, m_fifoDock);
    m_inspectorDock->raise();
    resizeDocks({m_configDock, m_inspectorDock}, {330, 400}, Qt::Horizontal);

    m_console = new QueryConsole(m_spaceView->session());
    m_consoleDock = new QDockWidget(tr("Query console"), this);
    m_consoleDock->setObjectName(QStringLiteral("queryConsoleDock"));
    m_consoleDock->setWidget(scrollable(m_console));
    addDockWidget(Qt::RightDockWidgetArea, m_consoleDock);
    tabifyDockWidget(m_fifoDock, m_consoleDock);
    m_inspectorDock->raise();
    // The console works on the Space tab's space: bring it forward with that tab.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_tabs->currentWidget() == m_spaceView && m_consoleDock->isVisible())
            m_consoleDock->raise();
    });

    m_redisPanel = new RedisClusterPanel;
    m_redisDock = new QDockWidget(tr("Redis Cluster"), this);
    m_redisDock->setObjectName(QStringLiteral("redisClusterDock"));
    m_redisDock->setWidget(scrollable(m_redisPanel));
    addDockWidget(Qt::RightDockWidgetArea, m_redisDock);
    tabifyDockWidget(m_consoleDock, m_redisDock);
    m_redisDock->hide(); // shown once connected, or from the View menu
    m_inspectorDock->raise();
    connect(m_redisPanel, &RedisClusterPanel::matchRequested, this, [this](int masters) {
        SessionConfig config = m_session->config();
        config.runtime.partitioner = QStringLiteral("redis");
        config.runtime.partitionerOptions.partitions = masters;
        setSessionConfig(config);
        statusBar()->showMessage(tr("Partitioner redis with %1 partitions: partition i is the cluster's master i. "
                                    "Start a run to compare.").arg(masters), 8000);
    });
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openScenario);
    file->addAction(m_openTrace);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    file->addAction(m_connectRedis);
    file->addSeparator();
    QMenu *exportMenu = file->addMenu(tr("&Export"));
    exportMenu->addAction(tr("Charts as &PNG…"), this, [this] {
        exportWithDialog(tr("Export Charts"), tr("PNG images (*.png)"), QStringLiteral("png"), &MainWindow::exportChartsPng);
    });
    exportMenu->addAction(tr("Charts as P&DF…"), this, [this] {
        exportWithDialog(tr("Export Charts"), tr("PDF documents (*.pdf)"), QStringLiteral("pdf"), &MainWindow::exportChartsPdf);
    });
    exportMenu->addAction(tr("Metrics over time as &CSV…"), this, [this] {
        exportWithDialog(tr("Export Metrics"), tr("CSV files (*.csv)"), QStringLiteral("csv"), &MainWindow::exportMetricsCsv);
    });
    exportMenu->addAction(tr("Per-partition &table as CSV…"), this, [this] {
        exportWithDialog(tr("Export Partition Table"), tr("CSV files (*.csv)"), QStringLiteral("csv"), &MainWindow::exportPartitionsCsv);
    });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    updateRecentMenu();

    QMenu *run = menuBar()->addMenu(tr("&Run"));
    run->addActions({m_start, m_pause, m_step, m_stop});

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    createWorkspaceMenu();
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_configDock->toggleViewAction());
    m_viewMenu->addAction(m_inspectorDock->toggleViewAction());
    m_viewMenu->addAction(m_fifoDock->toggleViewAction());
    m_viewMenu->addAction(m_consoleDock->toggleViewAction());
    m_viewMenu->addAction(m_redisDock->toggleViewAction());
    QAction *spaceTab = m_viewMenu->addAction(tr("Space &view"));
    spaceTab->setCheckable(true);
    spaceTab->setChecked(true);
    connect(spaceTab, &QAction::toggled, this, [this](bool shown) {
        if (!shown)
            m_tabs->removeTab(m_tabs->indexOf(m_spaceView));
        else if (m_tabs->indexOf(m_spaceView) < 0)
            m_tabs->setCurrentIndex(m_tabs->insertTab(m_tabs->indexOf(m_live) + 1, m_spaceView, tr("Space")));
    });

    QMenu *language = menuBar()->addMenu(tr("&Language"));
    m_languages = new QActionGroup(this);
    const QString saved = Localization::savedLanguage();
    const QList<QPair<QString, QString>> choices = {
        {QString(), tr("System language")}, {QStringLiteral("en"), tr("English")}, {QStringLiteral("de"), tr("German (Deutsch)")}};
    for (const auto &[code, name] : choices) {
        QAction *a = language->addAction(name);
        a->setCheckable(true);
        a->setChecked(code == saved);
        a->setData(code);
        m_languages->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] { chooseLanguage(code); });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Partlab"), this, &MainWindow::about);

    QToolBar *toolbar = addToolBar(tr("Run"));
    toolbar->setObjectName(QStringLiteral("runToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addActions({m_start, m_pause, m_step, m_stop});
}

void MainWindow::createStatusBar()
{
    m_statusState = new QLabel(this);
    m_statusApplied = new QLabel(this);
    m_statusThroughput = new QLabel(this);
    m_statusPartitions = new QLabel(this);
    for (QLabel *l : {m_statusApplied, m_statusThroughput, m_statusPartitions, m_statusState}) {
        l->setContentsMargins(6, 0, 6, 0);
        statusBar()->addPermanentWidget(l);
    }
    m_statusApplied->setToolTip(tr("Messages applied to the state so far"));
    m_statusThroughput->setToolTip(tr("Messages applied per second over the last half second"));
}

void MainWindow::setSessionConfig(const SessionConfig &config)
{
    m_session->setConfig(config); // the dock follows (configChanged)
}

bool MainWindow::startRun(bool quiet)
{
    if (m_session->state() == RunState::Paused) {
        m_session->resume();
        return true;
    }
    if (m_session->isActive())
        return true;
    if (!m_config->problem().isEmpty()) { // e.g. the trace file's first bad line
        if (!quiet)
            QMessageBox::warning(this, tr("Cannot start"), m_config->problem());
        statusBar()->showMessage(m_config->problem(), 8000);
        return false;
    }
    if (!m_session->start()) {
        if (!quiet)
            QMessageBox::warning(this, tr("Cannot start"), m_session->lastError());
        statusBar()->showMessage(m_session->lastError(), 8000);
        return false;
    }
    return true;
}

void MainWindow::onRunStarted()
{
    m_metrics.reset();
    m_live->reset();
    m_resizesShown = 0;
    m_resizeErrorShown.clear();
    m_inspector->setRuntime(m_session->runtime());
    m_fifo->setSource(m_session->runtime(), m_session->applyOrderLog());
    setWindowTitle(tr("Partlab – %1").arg(m_session->runLabel()));
}

void MainWindow::onStateChanged(RunState state)
{
    const bool active = state == RunState::Running || state == RunState::Paused;
    m_config->setRunActive(active);
    // Only a running run changes from one tick to the next: paused, the views refresh when the
    // pause has drained and after each step (refreshPausedViews), and idle costs nothing.
    if (state == RunState::Running && !m_timer->isActive())
        m_timer->start();
    else if (state != RunState::Running)
        m_timer->stop();
    m_inspector->setLive(state == RunState::Running);
    m_fifo->setLive(state == RunState::Running);
    updateActions();
    updateStatus();
}

void MainWindow::refreshPausedViews()
{
    tick();
    m_inspector->refresh();
    m_fifo->refresh();
}

void MainWindow::onRunEnded(bool ok, const QString &error)
{
    m_timer->stop();
    tick();
    m_inspector->refresh();
    m_fifo->refresh();
    if (!ok)
        QMessageBox::warning(this, tr("Run failed"), tr("The run stopped with an error:\n%1").arg(error));
    else
        statusBar()->showMessage(tr("%1: %2 messages applied").arg(runStateName(m_session->state()),
                                                                      fmt::count(qulonglong(m_metrics.current().applied))),
                                 8000);
}

void MainWindow::tick()
{
    const std::shared_ptr<StateRuntime> runtime = m_session->runtime();
    if (!runtime)
        return;
    QElapsedTimer took;
    took.start();
    m_metrics.add(runtime->snapshot());
    if (m_metrics.current().resizes != int(m_resizesShown)) {
        const std::vector<ResizeReport> reports = m_session->resizeReports();
        for (; m_resizesShown < reports.size(); ++m_resizesShown)
            showResize(reports[m_resizesShown]);
    }
    m_live->showMetrics(m_metrics);
    if (m_redisPanel->isConnected()) {
        QVector<double> perPartition;
        perPartition.reserve(int(m_metrics.current().partitions.size()));
        for (const PartitionStats &p : m_metrics.current().partitions)
            perPartition.append(double(p.applied));
        m_redisPanel->setSimulatedLoad(m_session->config().runtime.partitioner, perPartition);
    }
    if (m_session->isActive()) {
        // A refused resize (the partitioner's limit): say why and show the count really in use.
        const QString resizeError = m_session->resizeError();
        if (resizeError != m_resizeErrorShown) {
            m_resizeErrorShown = resizeError;
            if (!resizeError.isEmpty()) {
                statusBar()->showMessage(tr("The partition count was not changed: %1").arg(resizeError), 10000);
                m_session->requestPartitions(runtime->partitionCount());
            }
        }
    }
    updateStatus();
    emit ticked(double(took.nsecsElapsed()) / 1e6);
}

QImage MainWindow::renderImage()
{
    tick();
    // Charts replot on the next event loop pass (queued replots): let them, then grab.
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    return grab().toImage();
}

void MainWindow::showResize(const ResizeReport &report)
{
    const double time = m_metrics.time().isEmpty() ? 0.0 : m_metrics.time().last();
    // The marker says what the pause cost: keys moved and how long intake stood still.
    m_live->addEvent(time, tr("N %1→%2: %3 keys moved, paused %4 ms")
                               .arg(report.from).arg(report.to)
                               .arg(fmt::count(qulonglong(report.keysMoved)), fmt::decimal(report.pauseMs, 1)));
    m_inspector->setPartitionCount(report.to);
    m_fifo->setPartitionCount(report.to);
    if (m_inspector->partitionFilter() >= report.to)
        onPartitionClicked(m_inspector->partitionFilter()); // clears the filter
    statusBar()->showMessage(tr("Repartitioned %1 → %2 at message %3: %4 keys moved (%5 bytes), intake paused %6 ms")
                                 .arg(report.from).arg(report.to)
                                 .arg(fmt::count(qulonglong(report.atMessage)),
                                      fmt::count(qulonglong(report.keysMoved)),
                                      fmt::count(qulonglong(report.bytesMoved)),
                                      fmt::decimal(report.pauseMs, 2)),
                             10000);
}

void MainWindow::updateActions()
{
    const RunState state = m_session->state();
    const bool active = state == RunState::Running || state == RunState::Paused;
    const QString problem = m_config->problem();
    m_start->setEnabled(state == RunState::Paused || (!active && problem.isEmpty()));
    m_start->setText(state == RunState::Paused ? tr("&Resume") : tr("&Start"));
    m_start->setToolTip(problem.isEmpty() || active ? m_start->statusTip() : problem);
    m_pause->setEnabled(active);
    m_pause->setChecked(state == RunState::Paused);
    m_step->setEnabled(active);
    m_stop->setEnabled(active);
    m_openScenario->setEnabled(!active);
    m_openTrace->setEnabled(!active);
    m_recentMenu->setEnabled(!active);
}

void MainWindow::updateStatus()
{
    const RuntimeSnapshot &s = m_metrics.current();
    m_statusState->setText(runStateName(m_session->state()));
    m_statusApplied->setText(tr("Applied: %1").arg(fmt::count(qulonglong(s.applied))));
    m_statusThroughput->setText(tr("Throughput: %1 msg/s").arg(fmt::decimal(m_metrics.currentThroughput(), 0)));
    const std::shared_ptr<StateRuntime> runtime = m_session->runtime();
    const int running = runtime && m_session->isActive() ? runtime->partitionCount() : m_session->partitions();
    const int wanted = m_session->partitions();
    m_statusPartitions->setText(running == wanted ? tr("Partitions: %1").arg(running)
                                                  : tr("Partitions: %1 (next run: %2)").arg(running).arg(wanted));
}

void MainWindow::onPartitionClicked(int partition)
{
    const int current = m_inspector->partitionFilter();
    const int chosen = current == partition ? -1 : partition; // a second click clears the filter
    m_inspector->setPartitionFilter(chosen);
    m_live->setSelectedPartition(chosen);
    if (chosen >= 0) {
        m_fifo->setScope(FifoView::Scope::Partition);
        m_fifo->setPartition(chosen);
    }
    m_inspectorDock->show();
    m_inspectorDock->raise();
    if (!m_session->isActive() || m_session->state() == RunState::Paused)
        m_inspector->refresh();
}

void MainWindow::connectToRedis()
{
    RedisConnectDialog dialog(this);
    if (m_redisPanel->isConnected())
        dialog.setAddress(m_redisPanel->address());
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_redisPanel->connectTo(dialog.redisAddress());
    m_redisDock->show();
    m_redisDock->raise();
}

void MainWindow::openRecent(const QString &path)
{
    const FileOpener::Kind kind = FileOpener::kindOf(path);
    if (!QFileInfo::exists(path)) {
        FileOpener::reportError(this, kind, tr("%1 no longer exists.").arg(path));
        QStringList files = recentFiles();
        files.removeAll(path);
        QSettings().setValue(kRecentKey, files);
        updateRecentMenu();
        return;
    }
    if (kind == FileOpener::Kind::Scenario)
        m_config->loadScenarioFile(path);
    else
        m_config->loadTraceFile(path);
}

QStringList MainWindow::recentFiles() const
{
    return QSettings().value(kRecentKey).toStringList();
}

void MainWindow::addRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    QSettings().setValue(kRecentKey, files);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = recentFiles();
    for (const QString &path : files) {
        QAction *a = m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openRecent(path); });
        a->setStatusTip(path);
    }
    if (files.isEmpty())
        m_recentMenu->addAction(tr("(none)"))->setEnabled(false);
}

void MainWindow::exportWithDialog(const QString &title, const QString &filter, const QString &suffix,
                                  bool (MainWindow::*exporter)(const QString &))
{
    QString path = QFileDialog::getSaveFileName(this, title, QStringLiteral("partlab.%1").arg(suffix), filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + suffix;
    if ((this->*exporter)(path))
        statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
    else
        QMessageBox::warning(this, title, tr("%1 could not be written.").arg(path));
}

bool MainWindow::exportChartsPng(const QString &path)
{
    return m_live->exportPng(path);
}

bool MainWindow::exportChartsPdf(const QString &path)
{
    return m_live->exportPdf(path);
}

bool MainWindow::exportMetricsCsv(const QString &path)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(m_metrics.historyCsv()) >= 0 && file.commit();
}

bool MainWindow::exportPartitionsCsv(const QString &path)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(m_metrics.partitionsCsv()) >= 0 && file.commit();
}

void MainWindow::chooseLanguage(const QString &language)
{
    Localization::saveLanguage(language);
    QMessageBox::information(this, tr("Language"), tr("The language changes the next time Partlab starts."));
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About Partlab"),
                       tr("<h3>Partlab %1</h3><p>A simulator and visualizer of partitioned state routing: "
                          "watch a key extractor and a partitioner spread messages over state partitions, "
                          "and what skew, partition counts and FIFO order do.</p>")
                           .arg(QApplication::applicationVersion()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    m_session->stop();
    QMainWindow::closeEvent(event);
}

} // namespace partlab
