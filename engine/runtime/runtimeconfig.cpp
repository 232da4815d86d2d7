#include "runtimeconfig.h"

#include "model/limits.h"

#include <QThread>

namespace partlab {

QString runtimeModeName(RuntimeMode mode)
{
    return mode == RuntimeMode::Naive ? QStringLiteral("naive") : QStringLiteral("partitioned");
}

std::optional<RuntimeMode> runtimeModeFromName(const QString &name)
{
    if (name == QLatin1String("partitioned"))
        return RuntimeMode::Partitioned;
    if (name == QLatin1String("naive"))
        return RuntimeMode::Naive;
    return std::nullopt;
}

int RuntimeConfig::effectiveWorkers() const
{
    return workers > 0 ? workers : qMax(1, QThread::idealThreadCount());
}

QString RuntimeConfig::validate() const
{
    if (partitions() < 1 || partitions() > limits::kMaxPartitions)
        return QStringLiteral("the number of partitions must be between 1 and %1 (got %2)").arg(limits::kMaxPartitions).arg(partitions());
    if (workers < 0 || workers > 1024)
        return QStringLiteral("the number of workers must be between 1 and 1024 (got %1)").arg(workers);
    if (batchSize < 1 || queueBatches < 1)
        return QStringLiteral("batch size and queue length must be positive");
    if (maxKeys < 1)
        return QStringLiteral("the key limit must be at least 1");
    if (costNs < 0 || costNs > kMaxCostNs)
        return QStringLiteral("the cost per message must be between 0 and %1 us (got %2 us)").arg(kMaxCostNs / 1000).arg(costNs / 1000.0);
    return {};
}

} // namespace partlab
