#pragma once

#include "sessionconfig.h"

#include "metrics/applyorderlog.h"
#include "runtime/simulationrunner.h"
#include "runtime/stateruntime.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QThread;

namespace partlab {

/** Where a session is in its life; drives which controls are enabled. */
enum class RunState { Idle, Running, Paused, Finished, Stopped, Failed };

/**
 * One simulation the GUI controls: builds the runtime, the message source and the runner from a
 * SessionConfig, runs the runner on its own producer thread, and forwards Start / Pause / Step /
 * Stop. Views never touch the producer: they read StateRuntime::snapshot() on their own timer.
 *
 * The runtime of the last run stays alive (workers idle) after it finished or was stopped, so the
 * charts and the state inspector keep showing it until the next start.
 */
class SimulationSession : public QObject
{
    Q_OBJECT

public:
    explicit SimulationSession(QObject *parent = nullptr);
    ~SimulationSession() override;

    const SessionConfig &config() const { return m_config; }
    /** Replaces the configuration; ignored (returns false) while a run is active. */
    bool setConfig(const SessionConfig &config);

    RunState state() const { return m_state; }
    bool isActive() const { return m_state == RunState::Running || m_state == RunState::Paused; }
    /** The runtime of the current or last run (nullptr before the first start). */
    std::shared_ptr<StateRuntime> runtime() const { return m_runtime; }
    /** The FIFO hook of the current or last run (nullptr when disabled). */
    std::shared_ptr<ApplyOrderLog> applyOrderLog() const { return m_orderLog; }
    /** Messages handed to the runtime by the current or last run. */
    quint64 messagesSubmitted() const;
    QString lastError() const { return m_lastError; }

    /** Partitions the next start (or the running runtime, once resized) uses. */
    int partitions() const { return m_config.runtime.partitions(); }
    /** Live resizes the current or last run did, oldest first. */
    std::vector<ResizeReport> resizeReports() const;
    /** Why the last live resize request was refused (e.g. more partitions than the partitioner allows). */
    QString resizeError() const;
    /** The message the last step submitted, as the runtime routed it (the step animation). */
    std::optional<SteppedMessage> lastSteppedMessage() const;
    /** What the current or last run reads ("builtin:stocks", "trades.csv"). */
    QString runLabel() const { return m_runLabel; }
    /** The pace the current or last run started with (the configured rate, or the player's). */
    PacingOptions runPacing() const { return m_runPacing; }

    /**
     * Starts a run of the configured runtime on @p source instead of the configured one (the
     * trace player), paced by @p pacing; @p paused starts it paused, before any message.
     * False with lastError() when the runtime cannot start or a run is active.
     */
    bool startWithSource(std::unique_ptr<MessageSource> source, PacingOptions pacing, const QString &label,
                         bool paused = false, quint64 firstMessage = 0);
    /**
     * How many messages of the input come before this run's first one (the trace player's seek
     * position): lastSteppedMessage() and stepApplied() number messages of the whole input.
     */
    quint64 firstMessage() const { return m_firstMessage; }
    /** Starts a run of the configuration paused before its first message (step mode). */
    bool startPaused();
    /** Changes the pace of the active run from its next message on (the player's speed slider). */
    void setPacing(PacingOptions pacing);

public slots:
    /** Starts a new run (or resumes a paused one). Returns false with lastError() on bad config. */
    bool start();
    void pause();
    void resume();
    /** Pauses if running, else toggles pause/resume; starts when idle. */
    void togglePause();
    /** While paused: applies @p count more messages. */
    void step(int count = 1);
    void stop();
    /**
     * The one place a partition count change goes through: before a run it changes the config;
     * during a run it asks the runner to resize (live repartitioning).
     */
    void requestPartitions(int partitions);

signals:
    void stateChanged(partlab::RunState state);
    /** A new runtime exists: views reset their history. */
    void runStarted();
    void runEnded(bool ok, const QString &error);
    void configChanged();
    /** The run paused and everything sent before the pause is applied: a paused view is complete. */
    void pauseDrained();
    /** A stepped message (1-based @p message of the input) is applied: its state is visible. */
    void stepApplied(quint64 message);
    /** A message for the status bar. */
    void notice(const QString &text);

private:
    struct Run;
    bool startConfigured(bool paused);
    bool launch(std::unique_ptr<MessageSource> source, PacingOptions pacing, quint64 limit, const QString &label,
                bool paused, quint64 firstMessage);
    void setState(RunState state);
    void onRunnerFinished();

    SessionConfig m_config;
    RunState m_state = RunState::Idle;
    std::shared_ptr<StateRuntime> m_runtime;
    std::shared_ptr<ApplyOrderLog> m_orderLog;
    std::unique_ptr<Run> m_run;
    QString m_lastError;
    QString m_runLabel;
    PacingOptions m_runPacing;
    quint64 m_firstMessage = 0;
    /** Counts runs: a runner event queued by an earlier run is dropped, not shown for this one. */
    quint64 m_generation = 0;
};

/** A translated word for a run state ("Running", "Paused", ...). */
QString runStateName(RunState state);

} // namespace partlab

Q_DECLARE_METATYPE(partlab::RunState)
