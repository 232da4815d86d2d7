#pragma once

#include "runtimeconfig.h"
#include "simulationrunner.h"

#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace partlab {

/**
 * One run of one configuration: the input, the runtime configuration, the pace and what watches
 * the run. Everything that runs a configuration (partlab-cli simulate and replay, the lessons,
 * the A/B comparison, the GUI session, the benchmarks) describes it with a RunPlan and runs it
 * with runPlan(), or with a PreparedRun where it needs the runtime or the runner before or while
 * the run goes.
 */
struct RunPlan
{
    RuntimeConfig config;
    /** The input, owned by the plan; or leave it null and lend one in `source`. */
    std::unique_ptr<MessageSource> ownedSource;
    /** A borrowed input (used when ownedSource is null): the caller reads its counters afterwards. */
    MessageSource *source = nullptr;
    PacingOptions pacing;
    /** Stop after this many messages even if the source has more (nullopt: until it ends). */
    std::optional<quint64> messageLimit;
    /** Resize to `second` partitions once exactly `first` messages were submitted (--resize-at). */
    std::vector<std::pair<quint64, int>> resizes;
    /** Producer thread, every message before it is submitted (recording, a cluster backend); false fails the run. */
    std::function<bool(const SourceMessage &)> messageObserver;
    /** Producer thread: a pause has drained, a step was applied (SimulationRunner::setEventObserver). */
    std::function<void(RunnerEvent, quint64)> eventObserver;
    /** Paused before the first message (the GUI's step mode): not a single message slips through. */
    bool startPaused = false;
    /** Build RunOutcome::summary after a successful run (benchmarks that only time the run say false). */
    bool summarize = true;

    /** The input: ownedSource, else source. */
    MessageSource *input() const { return ownedSource ? ownedSource.get() : source; }
};

/** What a run produced. */
struct RunOutcome
{
    bool ok = false;
    QString error;       ///< why the configuration was refused, or why the run failed
    RunSummary summary;  ///< after a successful run whose plan asked for it
    std::vector<ResizeReport> resizes; ///< scheduled and requested resizes, oldest first
    quint64 messagesSubmitted = 0;
    quint64 parallelMessages = 0; ///< ingested by the workers in parallel (StateRuntime::ingest)
    quint64 reparsedChunks = 0;   ///< chunks parsed again from their true start (CSV quoted line breaks)
    double elapsedSeconds = 0.0;  ///< wall time of the run, pauses excluded
    bool stopped = false;         ///< SimulationRunner::stop() ended it
};

/**
 * A RunPlan with its runtime and runner created and set up, not run yet: for callers that need
 * them around the run (the GUI session pauses, steps and snapshots from its own thread while the
 * producer runs; the CLI records through the runner and reports from the runtime afterwards).
 */
class PreparedRun
{
public:
    /** Creates the runtime and the runner; nullptr with @p error when the runtime refuses the configuration. */
    static std::unique_ptr<PreparedRun> create(RunPlan plan, QString *error);

    PreparedRun(const PreparedRun &) = delete;
    PreparedRun &operator=(const PreparedRun &) = delete;
    ~PreparedRun();

    StateRuntime &runtime() { return *m_runtime; }
    const std::shared_ptr<StateRuntime> &sharedRuntime() const { return m_runtime; }
    SimulationRunner &runner() { return *m_runner; }
    const SimulationRunner &runner() const { return *m_runner; }
    MessageSource &source() { return *m_plan.input(); }

    /** Runs on the calling thread, which becomes the producer, until the source ends, fails or is stopped. Once. */
    RunOutcome run();

private:
    explicit PreparedRun(RunPlan plan);

    RunPlan m_plan;
    std::shared_ptr<StateRuntime> m_runtime;
    std::unique_ptr<SimulationRunner> m_runner;
};

/** Creates, runs and summarises @p plan on the calling thread; the runtime ends with the call. */
RunOutcome runPlan(RunPlan plan);

} // namespace partlab
