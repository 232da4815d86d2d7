#pragma once

#include <QString>

#include <functional>
#include <vector>

namespace partlab {

/** One check of the capacity model against the real runtime: W workers, a fixed cost per message. */
struct CapacityCheckRow
{
    int workers = 0;
    double costUs = 0.0;
    double predictedMsgsPerSecond = 0.0; ///< the model's saturation rate (workers as consumers, p % W)
    double measuredMsgsPerSecond = 0.0;  ///< median of the runtime's throughput, as fast as it goes
    double ratio() const { return predictedMsgsPerSecond > 0 ? measuredMsgsPerSecond / predictedMsgsPerSecond : 0.0; }
};

struct CapacityBenchResult
{
    double simulatedMsgsPerSecond = 0.0; ///< median, one thread, the model's own speed
    quint64 simulatedMessages = 0;
    std::vector<CapacityCheckRow> checks;
};

struct CapacityBenchOptions
{
    int repetitions = 3;
    quint64 simulatedMessages = 4'000'000;
    quint64 runtimeMessages = 100'000;
    double costUs = 20.0;
    int partitions = 16;
    std::vector<int> workers{1, 2};
};

/**
 * `partlab-cli bench --only capacity`: the model's speed, and its predicted throughput for W
 * workers against the runtime running builtin:stocks with --cost-us on this machine.
 */
CapacityBenchResult runCapacityBench(const CapacityBenchOptions &options, const std::function<void(const QString &)> &progress = {});

} // namespace partlab
