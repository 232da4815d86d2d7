#pragma once

#include "hotkeysmodel.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>

#include <memory>

class QLabel;
class QTableView;
class QTimer;

namespace partlab {

class SimulationSession;
class StateRuntime;

/**
 * Hot keys, live: every half second (while visible) the partitions' owners copy their hottest
 * keys (StateRuntime::hotKeys, exact counts) in the background, and the view says which key gives
 * how much of its partition's load, with the remedy the advisor gives (hotKeyAdvice).
 */
class HotKeysView : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kRefreshMs = 500;
    /** Hottest keys listed per partition. */
    static constexpr int kTopPerPartition = 3;

    explicit HotKeysView(QWidget *parent = nullptr);
    ~HotKeysView() override;

    void setSession(SimulationSession *session);
    /** Takes a new reading now (in the background). */
    void refresh();
    /** True from refresh() until the reading is shown. */
    bool isRefreshing() const { return m_busy; }
    const HotKeysModel *model() const { return m_model; }
    /** The sentence about the hottest key ("key X gives 31% of partition 4's load"). */
    QString headline() const;
    QStringList advice() const { return m_advice; }

    /** The reading itself (background thread): hot keys, the partitions' loads and the advice. */
    static HotKeySnapshot read(const std::shared_ptr<StateRuntime> &runtime, int topPerPartition);

private:
    void onRead();

    QPointer<SimulationSession> m_session;
    HotKeysModel *m_model;
    QTableView *m_table;
    QLabel *m_headline;
    QLabel *m_adviceLabel;
    QTimer *m_timer;
    QFutureWatcher<HotKeySnapshot> m_watcher;
    QStringList m_advice;
    bool m_busy = false;
};

} // namespace partlab
