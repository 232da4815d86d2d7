#pragma once

#include <QObject>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;
class QTabWidget;

namespace partlab {

class AbComparisonView;
class CapacityView;
class AdvisorView;
class HotKeysView;
class LessonsView;
class MessageFlowView;
class RebalancePreview;
class SimulationSession;
class TracePlayer;
struct LessonPreset;

/**
 * The teaching and tuning views and the trace player, wired into the main
 * window in one place so that MainWindow itself only creates this object: the Advisor and A/B
 * tabs, the Lessons and Hot keys docks (right, tabbed with the state inspector), the Message
 * path and Trace player docks (bottom), their View-menu toggles with shortcuts, and the
 * rebalance preview in front of a live partition change.
 *
 * It knows the main window only through what the Host hands it and talks back through the
 * session (a lesson step's configuration) and statusMessage() (the status bar).
 */
class TeachingViews : public QObject
{
    Q_OBJECT

public:
    /** What the main window lends the teaching views. */
    struct Host
    {
        QMainWindow *window;        ///< the docks are added here
        SimulationSession *session; ///< runs, configuration, steps
        QTabWidget *tabs;           ///< the Advisor, A/B and Capacity pages are added here (page 0: the live charts)
        QMenu *viewMenu;            ///< the docks' and pages' toggles
        QDockWidget *inspectorDock; ///< the Lessons and Hot keys docks tab onto it
        QAction *stepAction;        ///< a step (F10) shows the message path
    };

    TeachingViews(const Host &host, QObject *parent);

    LessonsView *lessons() const { return m_lessons; }
    AdvisorView *advisor() const { return m_advisor; }
    HotKeysView *hotKeys() const { return m_hotKeys; }
    AbComparisonView *abComparison() const { return m_ab; }
    CapacityView *capacity() const { return m_capacity; }
    MessageFlowView *messageFlow() const { return m_flow; }
    TracePlayer *tracePlayer() const { return m_player; }
    RebalancePreview *rebalancePreview() const { return m_preview; }
    QDockWidget *lessonsDock() const { return m_lessonsDock; }
    QDockWidget *hotKeysDock() const { return m_hotKeysDock; }
    QDockWidget *messageFlowDock() const { return m_flowDock; }
    QDockWidget *tracePlayerDock() const { return m_playerDock; }

    /**
     * A partition count the user chose: while a run is active (and the preview is on) it shows
     * the rebalance preview and returns true, the resize waits for Apply; otherwise false (the
     * caller resizes or reconfigures as before).
     */
    bool previewPartitions(int partitions);

    /** Loads a lesson step's preset (stopping an active run first); @p stepMode starts it paused. */
    void loadLessonStep(const LessonPreset &preset, bool stepMode);

signals:
    /** A line for the status bar, shown for @p timeoutMs (a lesson step loaded, or why it could not start). */
    void statusMessage(const QString &text, int timeoutMs);

private:
    QDockWidget *addDock(const QString &title, const QString &objectName, QWidget *widget, int area);
    void addTabToggle(QWidget *page, const QString &title, const QKeySequence &shortcut);
    void applyLessonConfig(const LessonPreset &preset, bool stepMode);
    void showMessagePath();

    Host m_host;
    LessonsView *m_lessons;
    AdvisorView *m_advisor;
    HotKeysView *m_hotKeys;
    AbComparisonView *m_ab;
    CapacityView *m_capacity;
    MessageFlowView *m_flow;
    TracePlayer *m_player;
    RebalancePreview *m_preview;
    QDockWidget *m_lessonsDock = nullptr;
    QDockWidget *m_hotKeysDock = nullptr;
    QDockWidget *m_flowDock = nullptr;
    QDockWidget *m_playerDock = nullptr;
};

} // namespace partlab
