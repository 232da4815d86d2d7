#pragma once

// Counts what a SimulationRunner reports (pause drained, step applied), so engine tests wait on
// the producer's own notifications instead of sleeping.
#include "runtime/simulationrunner.h"

#include <QTest>

#include <atomic>

namespace partlab::test {

struct RunnerEvents
{
    std::atomic<int> pauses{0}; ///< PauseDrained events
    std::atomic<int> steps{0};  ///< StepApplied events

    /** Call before the producer starts. */
    void attach(SimulationRunner &runner)
    {
        runner.setEventObserver([this](RunnerEvent event, quint64) {
            (event == RunnerEvent::PauseDrained ? pauses : steps).fetch_add(1, std::memory_order_acq_rel);
        });
    }
    bool waitPauses(int count, int timeoutMs = 5000)
    {
        return QTest::qWaitFor([&] { return pauses.load(std::memory_order_acquire) >= count; }, timeoutMs);
    }
    bool waitSteps(int count, int timeoutMs = 5000)
    {
        return QTest::qWaitFor([&] { return steps.load(std::memory_order_acquire) >= count; }, timeoutMs);
    }
};

} // namespace partlab::test
