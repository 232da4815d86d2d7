// MainWindow's layout: workspaces, the presentation zoom, the first size and the dock tab bars.
#include "mainwindow.h"

#include "model/numberformat.h"
#include "redis/redisclusterpanel.h"
#include "teaching/advisorview.h"
#include "teaching/teachingviews.h"
#include "views/liveviews.h"
#include "views/chartzoom.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QChildEvent>
#include <QDockWidget>
#include <QMenu>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>

#include <algorithm>
#include <array>

namespace partlab {

namespace {
const QString kWorkspaceKey = QStringLiteral("window/workspace");
const QString kZoomKey = QStringLiteral("window/zoom");
/** The zoom steps Ctrl++ and Ctrl+- walk through. */
constexpr std::array<double, 8> kZoomSteps = {0.8, 0.9, 1.0, 1.15, 1.25, 1.5, 1.75, 2.0};
/** Teach's large type: a projector at the back of a room. */
constexpr double kTeachZoom = 1.15;
/** Window height from which Teach uses kTeachZoom. */
constexpr int kTeachZoomMinHeight = 900;
} // namespace

void MainWindow::restoreLayout()
{
    QSettings settings;
    const QString saved = settings.value(kWorkspaceKey).toString();
    Workspace workspace = Workspace::Standard;
    for (Workspace w : {Workspace::Teach, Workspace::Tune, Workspace::Replay})
        if (saved == workspaceKey(w))
            workspace = w;
    if (settings.contains(QStringLiteral("window/geometry")))
        restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    // The workspace last used, then the docks as the user left them in it.
    applyWorkspace(workspace);
    if (settings.contains(QStringLiteral("window/state")))
        m_layoutRestored = restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    if (settings.contains(kZoomKey))
        setZoom(settings.value(kZoomKey).toDouble());
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(kWorkspaceKey, workspaceKey(m_workspace));
    settings.setValue(kZoomKey, m_zoom);
}

QString MainWindow::workspaceKey(Workspace workspace)
{
    switch (workspace) {
    case Workspace::Teach: return QStringLiteral("teach");
    case Workspace::Tune: return QStringLiteral("tune");
    case Workspace::Replay: return QStringLiteral("replay");
    case Workspace::Standard: break;
    }
    return QStringLiteral("standard");
}

QSize MainWindow::initialSize(const QSize &available)
{
    // Small screens (1280x720, 1366x768, a laptop at 150 %) get all of it; large ones 90 %, at most 1800x1100.
    if (available.width() <= 1440 || available.height() <= 900)
        return available;
    return QSize(std::min(1800, available.width() * 9 / 10), std::min(1100, available.height() * 9 / 10));
}

void MainWindow::createWorkspaceMenu()
{
    QMenu *menu = m_viewMenu->addMenu(tr("&Workspace"));
    m_workspaces = new QActionGroup(this);
    const struct {
        Workspace workspace;
        QString title;
        QString tip;
        QKeySequence shortcut;
    } choices[] = {
        {Workspace::Teach, tr("&Teach"), tr("Live charts, the message path and the lessons, in large type"), QKeySequence(Qt::CTRL | Qt::Key_1)},
        {Workspace::Tune, tr("T&une"), tr("The advisor, hot keys, the A/B comparison and the rebalance preview"), QKeySequence(Qt::CTRL | Qt::Key_2)},
        {Workspace::Replay, tr("&Replay"), tr("The trace player, FIFO order and the state inspector"), QKeySequence(Qt::CTRL | Qt::Key_3)},
        {Workspace::Standard, tr("Re&set Layout"), tr("Every dock back in its place, zoom 100 %"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)},
    };
    for (const auto &c : choices) {
        QAction *a = menu->addAction(c.title);
        a->setCheckable(true);
        a->setShortcut(c.shortcut);
        a->setStatusTip(c.tip);
        a->setData(workspaceKey(c.workspace));
        m_workspaces->addAction(a);
        const Workspace w = c.workspace;
        connect(a, &QAction::triggered, this, [this, w] { applyWorkspace(w); });
    }

    QMenu *zoom = m_viewMenu->addMenu(tr("&Zoom"));
    QAction *in = zoom->addAction(tr("Zoom &In"), this, &MainWindow::zoomIn);
    in->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    QAction *out = zoom->addAction(tr("Zoom &Out"), this, &MainWindow::zoomOut);
    out->setShortcut(QKeySequence::ZoomOut);
    QAction *reset = zoom->addAction(tr("&Actual Size"), this, [this] { setZoom(1.0); });
    reset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    for (QAction *a : {in, out, reset})
        a->setShortcutContext(Qt::WindowShortcut);
}

void MainWindow::applyWorkspace(Workspace workspace)
{
    m_workspace = workspace;
    for (QAction *a : m_workspaces->actions())
        a->setChecked(a->data().toString() == workspaceKey(workspace));

    const QList<QDockWidget *> docks = findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly);
    for (QDockWidget *d : docks) {
        removeDockWidget(d); // hides it; only the workspace's docks come back
        d->setFloating(false);
    }
    const auto put = [this](QDockWidget *d, Qt::DockWidgetArea area) {
        addDockWidget(area, d);
        d->show();
    };
    const auto tab = [this](QDockWidget *onto, QDockWidget *d) {
        tabifyDockWidget(onto, d);
        d->show();
    };
    QDockWidget *lessons = m_teaching->lessonsDock();
    QDockWidget *hotKeys = m_teaching->hotKeysDock();
    QDockWidget *flow = m_teaching->messageFlowDock();
    QDockWidget *player = m_teaching->tracePlayerDock();
    QDockWidget *right = nullptr; // the raised dock of the right area
    QWidget *page = m_live;
    double zoom = 1.0;
    switch (workspace) {
    case Workspace::Teach:
        put(lessons, Qt::RightDockWidgetArea);
        tab(lessons, m_configDock); // the partition count stays one click away
        put(flow, Qt::BottomDockWidgetArea);
        right = lessons;
        zoom = teachZoom();
        break;
    case Workspace::Tune:
        put(m_configDock, Qt::LeftDockWidgetArea);
        put(hotKeys, Qt::RightDockWidgetArea);
        tab(hotKeys, m_inspectorDock);
        right = hotKeys;
        page = m_teaching->advisor();
        break;
    case Workspace::Replay:
        put(m_configDock, Qt::LeftDockWidgetArea);
        put(m_fifoDock, Qt::RightDockWidgetArea);
        tab(m_fifoDock, m_inspectorDock);
        put(player, Qt::BottomDockWidgetArea);
        right = m_fifoDock;
        break;
    case Workspace::Standard:
        put(m_configDock, Qt::LeftDockWidgetArea);
        put(m_inspectorDock, Qt::RightDockWidgetArea);
        for (QDockWidget *d : {m_fifoDock, lessons, hotKeys, m_consoleDock})
            tab(m_inspectorDock, d);
        right = m_inspectorDock;
        break;
    }
    if (m_redisPanel->isConnected())
        tab(right, m_redisDock);
    right->raise();
    if (m_tabs->indexOf(page) >= 0) {
        m_tabs->setTabVisible(m_tabs->indexOf(page), true);
        m_tabs->setCurrentWidget(page);
    }
    setZoom(zoom);

    m_rightDock = right;
    balanceDocks();
}

double MainWindow::teachZoom() const
{
    // Large type where there is room for it: at 1280x720 the three rows of live charts and the
    // message path need every pixel, so the type stays at 100 % (Ctrl++ still zooms).
    const QScreen *s = screen();
    const int height = isVisible() ? this->height() : (s ? s->availableGeometry().height() : 0);
    return height >= kTeachZoomMinHeight ? kTeachZoom : 1.0;
}

void MainWindow::balanceDocks()
{
    // Side docks share the width with the charts (about a quarter each), bottom docks take what
    // they need up to a fifth of the height, never less than their minimum. Before the window
    // is shown the sizes are not known yet: showEvent() calls this again.
    if (!isVisible())
        return;
    const int width = this->width();
    QList<QDockWidget *> sides;
    QList<int> widths;
    if (!m_configDock->isHidden() && dockWidgetArea(m_configDock) == Qt::LeftDockWidgetArea) {
        sides << m_configDock;
        widths << std::max(250, width * 23 / 100);
    }
    if (m_rightDock && !m_rightDock->isHidden()) {
        sides << m_rightDock;
        widths << std::max(250, width * (m_workspace == Workspace::Teach ? 30 : 27) / 100);
    }
    resizeDocks(sides, widths, Qt::Horizontal);
    for (QDockWidget *bottom : {m_teaching->messageFlowDock(), m_teaching->tracePlayerDock()}) {
        if (!bottom->isHidden() && dockWidgetArea(bottom) == Qt::BottomDockWidgetArea) {
            const int least = bottom->widget()->minimumSizeHint().height() + 4;
            const int most = std::max(least, bottom->widget()->sizeHint().height());
            resizeDocks({bottom}, {std::clamp(height() / 5, least, most)}, Qt::Vertical);
        }
    }
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!m_shownOnce && !m_layoutRestored) // once the layout has its real size (the next event-loop pass)
        QTimer::singleShot(0, this, &MainWindow::balanceDocks);
    m_shownOnce = true;
}

void MainWindow::setZoom(double factor)
{
    factor = std::clamp(factor, kZoomSteps.front(), kZoomSteps.back());
    static const QFont base = QApplication::font(); // the font before any zoom, once per process
    const bool changed = factor != m_zoom;
    m_zoom = factor;
    QFont font = base;
    if (base.pointSizeF() > 0)
        font.setPointSizeF(base.pointSizeF() * factor);
    else
        font.setPixelSize(qRound(base.pixelSize() * factor));
    QApplication::setFont(font);
    ChartZoom::setFactor(this, factor);
    if (changed)
        statusBar()->showMessage(tr("Zoom %1").arg(fmt::percent(factor, 0)), 3000);
}

void MainWindow::zoomIn()
{
    const auto next = std::upper_bound(kZoomSteps.begin(), kZoomSteps.end(), m_zoom + 1e-6);
    setZoom(next == kZoomSteps.end() ? kZoomSteps.back() : *next);
}

void MainWindow::zoomOut()
{
    auto next = std::lower_bound(kZoomSteps.begin(), kZoomSteps.end(), m_zoom - 1e-6);
    setZoom(next == kZoomSteps.begin() ? kZoomSteps.front() : *(next - 1));
}

bool MainWindow::event(QEvent *event)
{
    // The tab bars of tabbed docks are made by QMainWindow as they are needed: show their titles
    // whole ("State inspector", not "St…") and scroll them when there are more than fit.
    if (event->type() == QEvent::ChildPolished) {
        if (auto *bar = qobject_cast<QTabBar *>(static_cast<QChildEvent *>(event)->child())) {
            bar->setElideMode(Qt::ElideNone);
            bar->setUsesScrollButtons(true);
            bar->setExpanding(false);
        }
    }
    return QMainWindow::event(event);
}

} // namespace partlab
