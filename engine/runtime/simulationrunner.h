#pragma once

#include "model/messagesource.h"
#include "stateruntime.h"

#include <QString>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <limits>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace partlab {

/** How fast to feed messages. */
struct PacingOptions
{
    /** 0 = as fast as possible; otherwise the recorded gaps between timestamps divided by speed. */
    double speed = 0.0;
    /** Messages per second for sources without timestamps (0 = as fast as possible). */
    double rate = 0.0;
};

/** What a finished (or stopped) run produced: the numbers `simulate` and `replay` print. */
struct RunSummary
{
    quint64 messages = 0;
    double elapsedSeconds = 0.0;
    double throughput = 0.0; ///< messages per second
    LatencyPercentiles latency;
    std::vector<quint64> partitionMessages;
    std::vector<quint64> partitionKeys;
    double skew = 0.0;
    QString checksum;
    std::vector<KeyResult> state; ///< sorted by key
};

/**
 * The last message a step let through, as the runtime routed it: what the GUI's step animation
 * shows (key extractor -> partitioner -> partition), taken from the real run, not recomputed.
 */
struct SteppedMessage
{
    quint64 sequence = 0;   ///< 1-based number of the message in this run
    std::string key;        ///< the partition key the source's key extractor returned
    double value = 0.0;
    double volume = 1.0;
    QString partitioner;    ///< the runtime's partitioner when the message was submitted
    int partitions = 0;     ///< N at that moment
    RouteExplanation route; ///< hash, intermediate step and partition, as submit() routed it
};

/** What the producer reports to an observer (SimulationRunner::setEventObserver). */
enum class RunnerEvent {
    PauseDrained, ///< paused, and every message submitted before the pause is applied (again after a resize while paused)
    StepApplied,  ///< a stepped message is applied (its state and metrics are visible)
};

/**
 * Feeds a StateRuntime from a MessageSource on the calling thread (which becomes the runtime's
 * producer), with optional pacing, and can be paused, stepped and stopped from other threads.
 */
class SimulationRunner
{
public:
    SimulationRunner(StateRuntime &runtime, MessageSource &source, PacingOptions pacing = {});

    /** Called on the producer thread for every message before it is submitted (recording). */
    void setMessageObserver(std::function<bool(const SourceMessage &)> observer);

    /**
     * Called on the producer thread when a pause has drained and when a step was applied, with
     * the number of messages submitted so far; set it before run(). Views wait on these instead
     * of guessing how long the producer needs.
     */
    void setEventObserver(std::function<void(RunnerEvent, quint64)> observer);

    /** Stops after @p count messages even if the source has more. */
    void setMessageLimit(quint64 count) { m_limit = count; }

    /** Resizes to @p partitions once exactly @p afterMessages messages were submitted (--resize-at). */
    void scheduleResize(quint64 afterMessages, int partitions);

    /**
     * Runs until the source ends, fails, or stop() is called; then drains the runtime.
     * Returns false with error() set on a source error or when the key limit is exceeded;
     * messages submitted before the error are applied, so the state stays consistent.
     */
    bool run();

    QString error() const { return m_error; }
    quint64 messagesSubmitted() const { return m_submitted.load(std::memory_order_relaxed); }
    /** Messages of this run that the workers ingested in parallel (StateRuntime::ingest), after run(). */
    quint64 parallelMessages() const { return m_parallelMessages; }
    /** Chunks parsed twice because their guessed start was wrong (CSV quoted line breaks), after run(). */
    quint64 reparsedChunks() const { return m_reparsedChunks; }
    /** Wall time spent running (pauses excluded), valid after run(). */
    double elapsedSeconds() const { return m_elapsedSeconds; }

    // --- control, from any thread ----------------------------------------------------------
    void pause();
    void resume();
    /** While paused: let @p count more messages through (each is applied before the next). */
    void step(int count = 1);
    void stop();
    /**
     * Asks the producer to change the partition count at the next message boundary (also while
     * paused). The latest request wins if several arrive before it is applied.
     */
    void requestResize(int partitions);
    /**
     * Changes the pace from the next message on; the schedule restarts from that message, so a
     * faster or slower speed applies to the gaps still to come (the trace player's speed slider).
     */
    void setPacing(PacingOptions pacing);
    /** The message the last step submitted (nullopt before the first step). */
    std::optional<SteppedMessage> lastSteppedMessage() const;
    /** Resizes done so far, oldest first. */
    std::vector<ResizeReport> resizeReports() const;
    /** The error of the last failed resize request, if any. */
    QString resizeError() const;
    bool isPaused() const { return m_paused.load(std::memory_order_acquire); }
    bool isStopped() const { return m_stopped.load(std::memory_order_acquire); }

    /** Drains nothing: builds the summary of a runtime that is already drained (producer thread). */
    static RunSummary summarize(StateRuntime &runtime, double elapsedSeconds);

private:
    enum class Phase { NotNow, Ran, End, Failed };
    /** No pacing, pause, stop, resize or pace change pending: chunks may be ingested in parallel. */
    bool parallelAllowedNow() const;
    /** Ingests from the source's position on the runtime's workers (StateRuntime::ingest). */
    Phase runParallelPhase(ChunkedInput &input, quint64 &count, quint64 &sequentialUntil);
    bool waitWhilePaused(qint64 &pausedNs);
    /**
     * Paces one message due @p offsetNs after the start: sleeps until then, holds it while
     * paused, lets it go at once when stepped. False when stopped meanwhile.
     */
    bool waitUntilDue(qint64 startNs, qint64 offsetNs, qint64 &pausedNs, qint64 &shiftNs);
    void applyPendingResizes(quint64 submitted);
    void rememberStepped(const SourceMessage &message, quint64 sequence);
    void sleepUntil(qint64 targetNs);

    StateRuntime &m_runtime;
    MessageSource &m_source;
    PacingOptions m_pacing;
    std::function<bool(const SourceMessage &)> m_observer;
    std::function<void(RunnerEvent, quint64)> m_eventObserver;
    std::optional<InputPosition> m_lastPhaseStart; ///< producer thread: where the last parallel phase began
    bool m_keyLimitInPhase = false;                ///< the key limit was hit in that phase
    quint64 m_parallelMessages = 0;
    quint64 m_reparsedChunks = 0;
    std::atomic<quint64> m_pauseEpoch{0}; ///< pauses so far (pause() while running counts one)
    quint64 m_reportedPauseEpoch = 0;     ///< producer thread: the pause PauseDrained was sent for
    QString m_error;
    double m_elapsedSeconds = 0.0;
    quint64 m_limit = std::numeric_limits<quint64>::max();

    std::atomic<quint64> m_submitted{0};
    std::atomic<bool> m_paused{false};
    std::atomic<bool> m_stopped{false};
    std::mutex m_mutex;
    std::condition_variable m_changed;
    qint64 m_stepTokens = 0; ///< guarded by m_mutex
    bool m_stepping = false; ///< producer thread: a step token released the current message
    std::atomic<int> m_requestedPartitions{0}; ///< 0 = no request
    std::vector<std::pair<quint64, int>> m_scheduledResizes; ///< producer thread, sorted
    std::size_t m_nextScheduled = 0;
    mutable std::mutex m_reportMutex;
    std::vector<ResizeReport> m_resizeReports; ///< guarded by m_reportMutex
    QString m_resizeError;                     ///< guarded by m_reportMutex
    std::optional<SteppedMessage> m_lastStepped; ///< guarded by m_reportMutex
    PacingOptions m_pendingPacing;             ///< guarded by m_mutex
    std::atomic<bool> m_pacingChanged{false};
};

} // namespace partlab
