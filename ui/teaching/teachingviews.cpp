#include "teachingviews.h"

#include "abcomparisonview.h"
#include "advisorview.h"
#include "capacityview.h"
#include "hotkeysview.h"
#include "lessonsview.h"
#include "messageflowview.h"
#include "rebalancepreview.h"
#include "session/simulationsession.h"
#include "trace/traceplayer.h"
#include "views/scrollable.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <QTabWidget>

#include <memory>

namespace partlab {

TeachingViews::TeachingViews(const Host &host, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_lessons(new LessonsView)
    , m_advisor(new AdvisorView)
    , m_hotKeys(new HotKeysView)
    , m_ab(new AbComparisonView)
    , m_capacity(new CapacityView)
    , m_flow(new MessageFlowView)
    , m_player(new TracePlayer)
    , m_preview(new RebalancePreview(host.session, host.window))
{
    SimulationSession *session = host.session;
    m_advisor->setSession(session);
    m_hotKeys->setSession(session);
    m_ab->setSession(session);
    m_capacity->setSession(session);
    m_flow->setSession(session);
    m_player->setSession(session);

    QTabWidget *tabs = host.tabs;
    scrollWithin(m_advisor);
    scrollWithin(m_ab);
    scrollWithin(m_capacity);
    tabs->addTab(m_advisor, tr("Advisor"));
    tabs->addTab(m_ab, tr("A/B"));
    tabs->addTab(m_capacity, tr("Capacity"));

    m_lessonsDock = addDock(tr("Lessons"), QStringLiteral("lessonsDock"), m_lessons, Qt::RightDockWidgetArea);
    m_hotKeysDock = addDock(tr("Hot keys"), QStringLiteral("hotKeysDock"), m_hotKeys, Qt::RightDockWidgetArea);
    host.window->tabifyDockWidget(host.inspectorDock, m_lessonsDock);
    host.window->tabifyDockWidget(host.inspectorDock, m_hotKeysDock);
    host.inspectorDock->raise();
    m_playerDock = addDock(tr("Trace player"), QStringLiteral("tracePlayerDock"), m_player, Qt::BottomDockWidgetArea);
    m_flowDock = addDock(tr("Message path"), QStringLiteral("messagePathDock"), m_flow, Qt::BottomDockWidgetArea);
    m_playerDock->hide();
    m_flowDock->hide();

    QMenu *view = host.viewMenu;
    view->addSeparator();
    const std::pair<QDockWidget *, QKeySequence> docks[] = {
        {m_lessonsDock, QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_L)},
        {m_hotKeysDock, QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_H)},
        {m_flowDock, QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_M)},
        {m_playerDock, QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_P)},
    };
    for (const auto &[dock, shortcut] : docks) {
        QAction *toggle = dock->toggleViewAction();
        toggle->setShortcut(shortcut);
        view->addAction(toggle);
    }
    addTabToggle(m_advisor, tr("&Advisor"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_A));
    addTabToggle(m_ab, tr("A/&B comparison"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_B));
    addTabToggle(m_capacity, tr("&Capacity"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C));

    // A step (F10) shows where its message went.
    connect(m_flow, &MessageFlowView::messageArrived, this, &TeachingViews::showMessagePath);
    connect(host.stepAction, &QAction::triggered, this, &TeachingViews::showMessagePath);
    connect(m_lessons, &LessonsView::loadRequested, this, &TeachingViews::loadLessonStep);
    connect(m_preview, &RebalancePreview::applyRequested, session, &SimulationSession::requestPartitions);
}

QDockWidget *TeachingViews::addDock(const QString &title, const QString &objectName, QWidget *widget, int area)
{
    auto *dock = new QDockWidget(title, m_host.window);
    dock->setObjectName(objectName); // saveState() / restoreState() know the dock by it
    dock->setWidget(scrollable(widget)); // a dense panel scrolls rather than widening the window
    m_host.window->addDockWidget(Qt::DockWidgetArea(area), dock);
    return dock;
}

void TeachingViews::addTabToggle(QWidget *page, const QString &title, const QKeySequence &shortcut)
{
    QTabWidget *tabs = m_host.tabs;
    auto *toggle = new QAction(title, this);
    toggle->setCheckable(true);
    toggle->setChecked(true);
    toggle->setShortcut(shortcut);
    toggle->setStatusTip(tr("Show or hide the %1 tab").arg(QString(title).remove(QLatin1Char('&'))));
    connect(toggle, &QAction::toggled, this, [tabs, page](bool on) {
        tabs->setTabVisible(tabs->indexOf(page), on);
        if (on)
            tabs->setCurrentWidget(page);
    });
    m_host.viewMenu->addAction(toggle);
}

void TeachingViews::showMessagePath()
{
    if (m_flowDock->isVisible())
        return;
    m_flowDock->show();
    // Only as tall as it needs: the live charts above keep their room.
    m_host.window->resizeDocks({m_flowDock}, {m_flow->sizeHint().height()}, Qt::Vertical);
}

bool TeachingViews::previewPartitions(int partitions)
{
    SimulationSession *session = m_host.session;
    if (!session->isActive() || !RebalancePreview::isEnabled() || !session->runtime())
        return false;
    if (partitions == session->runtime()->partitionCount()) {
        m_preview->hide();
        return true;
    }
    m_preview->preview(partitions);
    m_preview->show();
    m_preview->raise();
    return true;
}

void TeachingViews::loadLessonStep(const LessonPreset &preset, bool stepMode)
{
    SimulationSession *session = m_host.session;
    if (!session->isActive()) {
        applyLessonConfig(preset, stepMode);
        return;
    }
    // The running simulation ends first; the step's configuration follows once it has.
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(session, &SimulationSession::runEnded, this, [this, preset, stepMode, connection] {
        disconnect(*connection);
        applyLessonConfig(preset, stepMode);
    });
    session->stop();
}

void TeachingViews::applyLessonConfig(const LessonPreset &preset, bool stepMode)
{
    SimulationSession *session = m_host.session;
    QString error;
    const SessionConfig config = LessonsView::configForPreset(preset, session->config(), &error);
    if (!error.isEmpty()) {
        emit statusMessage(error, 8000);
        return;
    }
    session->setConfig(config); // the configuration dock follows
    m_host.tabs->setCurrentIndex(0); // the Live charts
    if (!stepMode) {
        emit statusMessage(tr("The lesson step's configuration is loaded: press Start (F5) to run it."), 8000);
        return;
    }
    if (!session->startPaused()) {
        emit statusMessage(session->lastError(), 8000);
        return;
    }
    showMessagePath();
    emit statusMessage(tr("Step mode: press F10 to send one message, Space to let them flow."), 10000);
}

} // namespace partlab
