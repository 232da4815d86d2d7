#pragma once

#include "computation.h"
#include "model/keytable.h"
#include "routing/partitioner.h"

#include <QString>

#include <optional>

namespace partlab {

/** Partitioned: N state partitions, each owned by one worker. Naive: one state, one lock. */
enum class RuntimeMode { Partitioned, Naive };

QString runtimeModeName(RuntimeMode mode);
std::optional<RuntimeMode> runtimeModeFromName(const QString &name);

/** Everything that defines a state runtime. */
struct RuntimeConfig
{
    RuntimeMode mode = RuntimeMode::Partitioned;
    Computation computation = Computation::Last;
    QString partitioner = QStringLiteral("xap");
    PartitionerOptions partitionerOptions; ///< .partitions is N
    int workers = 0;                       ///< 0 = one per core
    int batchSize = 256;                   ///< messages per hand-off to a worker
    int queueBatches = 64;                 ///< bound of each worker's inbox, in batches
    quint32 maxKeys = KeyTable::kDefaultMaxKeys;
    /**
     * Busy work after every state computation, in nanoseconds (`--cost-us`): a computation as
     * expensive as a real one, so that the capacity model's predictions can be checked against
     * the runtime. In naive mode it runs under the one lock, as the computation does.
     */
    int costNs = 0;
    static constexpr int kMaxCostNs = 1'000'000'000; ///< one second per message

    /**
     * Test hook: wrap every state computation in a per-partition in-flight flag that counts
     * concurrent entries (must stay 0) and the highest number of partitions applied at once
     * (must exceed 1 with 2+ workers). @p exclusivitySpinNs of busy work per message makes
     * overlap observable with tiny computations.
     */
    bool checkExclusiveAccess = false;
    int exclusivitySpinNs = 0;

    /**
     * Unpaced runs from a source that can be cut into chunks (generators, uncompressed traces)
     * are ingested by all workers, with no producer thread (StateRuntime::ingest). False: one
     * producer submits every message (`--ingest single`, the comparison the bench makes).
     */
    bool parallelIngest = true;

    /** Field by field (defaulted: a new field can never be left out). */
    friend bool operator==(const RuntimeConfig &, const RuntimeConfig &) = default;

    int partitions() const { return partitionerOptions.partitions; }
    /** Workers actually used: the configured count, or the number of cores for 0. */
    int effectiveWorkers() const;
    /** A one-line error for values that cannot work, or an empty string. */
    QString validate() const;
};

} // namespace partlab
