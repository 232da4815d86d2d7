#include "simulationsession.h"

#include "runtime/runplan.h"

#include <QCoreApplication>
#include <QThread>

#include <atomic>

namespace partlab {

/** What a run owns: the prepared run (runtime, source, runner) and the producer thread that runs it. */
struct SimulationSession::Run
{
    std::unique_ptr<PreparedRun> prepared;
    SimulationRunner *runner = nullptr; ///< prepared's
    QThread *thread = nullptr;
    std::atomic<bool> ok{true};
    QString error; ///< written by the producer thread before it finishes

    ~Run()
    {
        if (thread) {
            runner->stop();
            thread->wait();
            delete thread;
        }
    }
};

QString runStateName(RunState state)
{
    switch (state) {
    case RunState::Idle: return SimulationSession::tr("Ready");
    case RunState::Running: return SimulationSession::tr("Running");
    case RunState::Paused: return SimulationSession::tr("Paused");
    case RunState::Finished: return SimulationSession::tr("Finished");
    case RunState::Stopped: return SimulationSession::tr("Stopped");
    case RunState::Failed: return SimulationSession::tr("Failed");
    }
    return {};
}

SimulationSession::SimulationSession(QObject *parent)
    : QObject(parent)
    , m_config(SessionConfig::forBuiltinScenario(QStringLiteral("stocks")))
{
    qRegisterMetaType<partlab::RunState>();
}

SimulationSession::~SimulationSession() = default; // ~Run stops and joins the producer

bool SimulationSession::setConfig(const SessionConfig &config)
{
    if (isActive())
        return false;
    if (config == m_config)
        return true;
    m_config = config;
    emit configChanged();
    return true;
}

quint64 SimulationSession::messagesSubmitted() const
{
    return m_run ? m_run->runner->messagesSubmitted() : 0;
}

void SimulationSession::setState(RunState state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

bool SimulationSession::start()
{
    if (m_state == RunState::Paused) {
        resume();
        return true;
    }
    if (m_state == RunState::Running)
        return true;
    return startConfigured(false);
}

bool SimulationSession::startPaused()
{
    return !isActive() && startConfigured(true);
}

bool SimulationSession::startConfigured(bool paused)
{
    m_lastError = m_config.validate();
    if (!m_lastError.isEmpty())
        return false;
    QString error;
    std::unique_ptr<MessageSource> source = m_config.createSource(&error);
    if (!source) {
        m_lastError = tr("The message source cannot be opened: %1").arg(error);
        return false;
    }
    PacingOptions pacing;
    pacing.rate = m_config.rate;
    const quint64 limit = m_config.source == SessionConfig::Source::Trace ? m_config.messageLimit : 0;
    return launch(std::move(source), pacing, limit, m_config.sourceLabel(), paused, 0);
}

bool SimulationSession::startWithSource(std::unique_ptr<MessageSource> source, PacingOptions pacing, const QString &label,
                                        bool paused, quint64 firstMessage)
{
    if (isActive() || !source) {
        m_lastError = tr("A run is active: stop it first.");
        return false;
    }
    const QString problem = m_config.runtime.validate();
    if (!problem.isEmpty()) {
        m_lastError = tr("The runtime cannot start: %1").arg(problem);
        return false;
    }
    return launch(std::move(source), pacing, 0, label, paused, firstMessage);
}

void SimulationSession::setPacing(PacingOptions pacing)
{
    if (isActive())
        m_run->runner->setPacing(pacing);
}

std::optional<SteppedMessage> SimulationSession::lastSteppedMessage() const
{
    std::optional<SteppedMessage> m = m_run ? m_run->runner->lastSteppedMessage() : std::nullopt;
    if (m)
        m->sequence += m_firstMessage;
    return m;
}

bool SimulationSession::launch(std::unique_ptr<MessageSource> source, PacingOptions pacing, quint64 limit,
                               const QString &label, bool paused, quint64 firstMessage)
{
    RunPlan plan;
    plan.config = m_config.runtime;
    plan.ownedSource = std::move(source);
    plan.pacing = pacing;
    if (limit > 0)
        plan.messageLimit = limit;
    plan.startPaused = paused; // not a single message slips through
    plan.summarize = false;    // the views read the runtime itself
    // Producer thread -> this thread: queued, and dropped if it belongs to an earlier run.
    const quint64 generation = m_generation + 1; // this run's, once it can start
    plan.eventObserver = [this, generation, firstMessage](RunnerEvent event, quint64 submitted) {
        QMetaObject::invokeMethod(this, [this, generation, event, message = firstMessage + submitted] {
            if (generation != m_generation)
                return;
            if (event == RunnerEvent::PauseDrained)
                emit pauseDrained();
            else
                emit stepApplied(message);
        }, Qt::QueuedConnection);
    };
    QString error;
    std::unique_ptr<PreparedRun> prepared = PreparedRun::create(std::move(plan), &error);
    if (!prepared) {
        m_lastError = tr("The runtime cannot start: %1").arg(error);
        return false;
    }
    m_run.reset(); // the previous run is over; its thread has finished
    ++m_generation;

    auto run = std::make_unique<Run>();
    run->prepared = std::move(prepared);
    run->runner = &run->prepared->runner();
    StateRuntime &runtime = run->prepared->runtime();
    if (m_config.fifoCapacity > 0) {
        // One ring for every partition count the spin box allows: the log cannot be swapped
        // under the workers when the run is resized.
        const int rings = qMax(runtime.partitionCount(), SessionConfig::kMaxPartitions);
        m_orderLog = std::make_shared<ApplyOrderLog>(rings, m_config.fifoCapacity);
        runtime.attachApplyOrderLog(m_orderLog);
    } else {
        m_orderLog.reset();
    }

    Run *r = run.get();
    r->thread = QThread::create([r] {
        const RunOutcome outcome = r->prepared->run();
        if (!outcome.ok)
            r->error = outcome.error;
        r->ok.store(outcome.ok, std::memory_order_release);
    });
    r->thread->setObjectName(QStringLiteral("partlab-producer"));
    connect(r->thread, &QThread::finished, this, &SimulationSession::onRunnerFinished);
    m_runtime = r->prepared->sharedRuntime();
    m_run = std::move(run);
    m_runLabel = label;
    m_runPacing = pacing;
    m_firstMessage = firstMessage;
    m_lastError.clear();
    emit runStarted();
    setState(paused ? RunState::Paused : RunState::Running);
    r->thread->start();
    return true;
}

void SimulationSession::onRunnerFinished()
{
    if (!m_run)
        return;
    const bool ok = m_run->ok.load(std::memory_order_acquire);
    const bool stopped = m_run->runner->isStopped();
    m_lastError = ok ? QString() : m_run->error;
    setState(!ok ? RunState::Failed : stopped ? RunState::Stopped : RunState::Finished);
    emit runEnded(ok, m_lastError);
}

void SimulationSession::pause()
{
    if (m_state != RunState::Running)
        return;
    m_run->runner->pause();
    setState(RunState::Paused);
}

void SimulationSession::resume()
{
    if (m_state != RunState::Paused)
        return;
    m_run->runner->resume();
    setState(RunState::Running);
}

void SimulationSession::togglePause()
{
    switch (m_state) {
    case RunState::Running: pause(); break;
    case RunState::Paused: resume(); break;
    default: start(); break;
    }
}

void SimulationSession::step(int count)
{
    if (m_state == RunState::Running)
        pause();
    if (m_state == RunState::Paused)
        m_run->runner->step(count);
}

void SimulationSession::stop()
{
    if (!isActive())
        return;
    m_run->runner->stop(); // the producer drains and finishes; onRunnerFinished sets Stopped
}

void SimulationSession::requestPartitions(int partitions)
{
    if (partitions == m_config.runtime.partitions())
        return;
    m_config.runtime.partitionerOptions.partitions = partitions;
    emit configChanged();
    if (isActive()) {
        // Applied by the producer between two messages: nothing lost, per-key order kept.
        m_run->runner->requestResize(partitions);
        emit notice(tr("Repartitioning to %n partition(s)…", nullptr, partitions));
    }
}

QString SimulationSession::resizeError() const
{
    return m_run ? m_run->runner->resizeError() : QString();
}

std::vector<ResizeReport> SimulationSession::resizeReports() const
{
    return m_run ? m_run->runner->resizeReports() : std::vector<ResizeReport>();
}

} // namespace partlab
