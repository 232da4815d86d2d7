#include "runplan.h"

namespace partlab {

PreparedRun::PreparedRun(RunPlan plan)
    : m_plan(std::move(plan))
{
}

PreparedRun::~PreparedRun() = default;

std::unique_ptr<PreparedRun> PreparedRun::create(RunPlan plan, QString *error)
{
    Q_ASSERT(plan.input()); // a plan always names its input
    std::unique_ptr<StateRuntime> runtime = StateRuntime::create(plan.config, error);
    if (!runtime)
        return nullptr;
    std::unique_ptr<PreparedRun> prepared(new PreparedRun(std::move(plan)));
    prepared->m_runtime = std::move(runtime);
    const RunPlan &p = prepared->m_plan;
    auto runner = std::make_unique<SimulationRunner>(*prepared->m_runtime, *p.input(), p.pacing);
    if (p.messageLimit)
        runner->setMessageLimit(*p.messageLimit);
    for (const auto &[after, partitions] : p.resizes)
        runner->scheduleResize(after, partitions);
    if (p.messageObserver)
        runner->setMessageObserver(p.messageObserver);
    if (p.eventObserver)
        runner->setEventObserver(p.eventObserver);
    if (p.startPaused)
        runner->pause(); // before the producer starts
    prepared->m_runner = std::move(runner);
    return prepared;
}

RunOutcome PreparedRun::run()
{
    RunOutcome out;
    out.ok = m_runner->run();
    if (!out.ok)
        out.error = m_runner->error();
    out.resizes = m_runner->resizeReports();
    out.messagesSubmitted = m_runner->messagesSubmitted();
    out.parallelMessages = m_runner->parallelMessages();
    out.reparsedChunks = m_runner->reparsedChunks();
    out.elapsedSeconds = m_runner->elapsedSeconds();
    out.stopped = m_runner->isStopped();
    if (out.ok && m_plan.summarize)
        out.summary = SimulationRunner::summarize(*m_runtime, out.elapsedSeconds);
    return out;
}

RunOutcome runPlan(RunPlan plan)
{
    QString error;
    std::unique_ptr<PreparedRun> prepared = PreparedRun::create(std::move(plan), &error);
    if (!prepared) {
        RunOutcome out;
        out.error = error;
        return out;
    }
    return prepared->run();
}

} // namespace partlab
