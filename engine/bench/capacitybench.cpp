#include "capacitybench.h"

#include "benchsuite.h"
#include "capacity/capacitymodel.h"
#include "runtime/runplan.h"
#include "runtime/stateruntime.h"
#include "workload/scenariosource.h"

#include <QElapsedTimer>

namespace partlab {

namespace {

} // namespace

CapacityBenchResult runCapacityBench(const CapacityBenchOptions &options, const std::function<void(const QString &)> &progress)
{
    CapacityBenchResult result;
    const ScenarioSpec stocks = *ScenarioSpec::builtin(QStringLiteral("stocks"));

    // The model's own speed: 16 partitions, 4 consumers x 2 threads, exponential service.
    CapacityConfig model;
    model.keys = scenarioKeys(stocks);
    model.partitionerOptions.partitions = options.partitions;
    model.consumers = 4;
    model.threads = 2;
    model.service = ServiceTimeSpec{ServiceTimeSpec::Kind::Exponential, 200.0, 0.0};
    model.rate = 20000;
    model.messages = options.simulatedMessages;
    std::vector<double> speeds;
    for (int rep = 0; rep < options.repetitions; ++rep) {
        if (progress)
            progress(QStringLiteral("capacity model, repetition %1/%2").arg(rep + 1).arg(options.repetitions));
        model.seed = quint64(rep + 1);
        const CapacityResult r = simulateCapacity(model);
        speeds.push_back(r.wallSeconds > 0 ? double(r.arrived) / r.wallSeconds : 0.0);
    }
    result.simulatedMsgsPerSecond = median(speeds);
    result.simulatedMessages = options.simulatedMessages;

    // The runtime with a fixed cost per message against the model's prediction for W workers:
    // partition p runs on worker p % W, so the workers are the consumers of a modulo assignment.
    for (const int workers : options.workers) {
        CapacityCheckRow row;
        row.workers = workers;
        row.costUs = options.costUs;
        CapacityConfig predict = model;
        predict.consumers = workers;
        predict.threads = 1;
        predict.assignor = Assignor::Modulo;
        predict.service = ServiceTimeSpec{ServiceTimeSpec::Kind::Fixed, options.costUs, 0.0};
        row.predictedMsgsPerSecond = analyticSaturationRate(predict);
        std::vector<double> measured;
        for (int rep = 0; rep < options.repetitions; ++rep) {
            if (progress)
                progress(QStringLiteral("capacity check, %1 worker(s), repetition %2/%3").arg(workers).arg(rep + 1).arg(options.repetitions));
            ScenarioSpec spec = stocks;
            spec.messages = options.runtimeMessages;
            RunPlan plan;
            plan.config.workers = workers;
            plan.config.partitionerOptions.partitions = options.partitions;
            plan.config.costNs = int(options.costUs * 1000.0);
            plan.ownedSource = std::make_unique<ScenarioSource>(spec);
            plan.summarize = false; // timed: the run alone
            QString error;
            const auto run = PreparedRun::create(std::move(plan), &error);
            if (!run)
                break;
            QElapsedTimer timer;
            timer.start();
            if (!run->run().ok)
                break;
            measured.push_back(double(run->runtime().snapshot().applied) / (double(timer.nsecsElapsed()) / 1e9));
        }
        row.measuredMsgsPerSecond = median(measured);
        result.checks.push_back(row);
    }
    return result;
}

} // namespace partlab
