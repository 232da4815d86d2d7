// StateRuntime, the read side: what the GUI, the CLI and the tests ask of a running runtime
// (metrics snapshots, state copies taken by the owners between batches, hot keys, the final state).
#include "stateruntimeimpl.h"

namespace partlab {

using namespace runtimedetail; // the runtime's own pieces (stateruntimeimpl.h)

std::vector<KeyResult> StateRuntime::collectState() const
{
    std::vector<KeyResult> out;
    const Computation c = m_config.computation;
    if (m_config.mode == RuntimeMode::Naive) {
        out.reserve(d->naiveState.size());
        for (const KeyStateTable::Entry &e : d->naiveState.entries())
            out.push_back({e.key, m_partitioner->partition(RoutingKey::text(e.key)), stateValue(c, e.state), e.state.count});
    } else {
        for (std::size_t p = 0; p < d->partitions.size(); ++p) {
            for (const KeyStateTable::Entry &e : d->partitions[p]->states.entries())
                out.push_back({e.key, int(p), stateValue(c, e.state), e.state.count});
        }
    }
    std::sort(out.begin(), out.end(), [](const KeyResult &a, const KeyResult &b) { return a.key < b.key; });
    return out;
}

int StateRuntime::partitionOfKey(std::string_view key) const
{
    return m_partitioner->partition(RoutingKey::text(key));
}

quint64 StateRuntime::keyCount() const
{
    return d->totalKeys.load(std::memory_order_relaxed);
}

RuntimeSnapshot StateRuntime::snapshot() const
{
    RuntimeSnapshot s;
    std::lock_guard<std::mutex> lock(d->structureMutex);
    s.uptimeNs = steadyNowNs() - d->startNs;
    s.resizes = d->resizes;
    const std::size_t n = d->partitions.size();
    s.partitions.resize(n);
    quint64 maxApplied = 0;
    std::vector<std::pair<quint64, quint64>> workerLoad(d->workers.size()); // busy, applied since the resize
    for (std::size_t i = 0; i < d->workers.size(); ++i) {
        const std::pair<quint64, quint64> base = i < d->workerBase.size() ? d->workerBase[i] : std::pair<quint64, quint64>{};
        workerLoad[i] = {d->workers[i]->busyNs.load(std::memory_order_relaxed) - base.first,
                         d->workers[i]->appliedTotal.load(std::memory_order_relaxed) - base.second};
    }
    for (std::size_t p = 0; p < n; ++p) {
        PartitionStats &ps = s.partitions[p];
        ps.applied = d->counters[p].applied.load(std::memory_order_relaxed);
        ps.keys = d->counters[p].keys.load(std::memory_order_relaxed);
        const auto &[busy, workerApplied] = workerLoad[std::size_t(d->ownerOf(quint32(p)))];
        ps.busyNs = workerApplied ? quint64(double(busy) * double(ps.applied) / double(workerApplied)) : 0;
        const quint64 enq = d->enqueued[p].load(std::memory_order_relaxed);
        ps.queueDepth = enq > ps.applied ? enq - ps.applied : 0;
        ps.worker = d->ownerOf(quint32(p));
        s.applied += ps.applied;
        maxApplied = qMax(maxApplied, ps.applied);
    }
    if (s.applied > 0)
        s.skew = double(maxApplied) / (double(s.applied) / double(n));
    s.applied += d->appliedBase;
    s.submitted = qMax(s.applied, d->submitted.load(std::memory_order_relaxed));
    std::array<quint64, LatencyHistogram::kBuckets> sum{};
    for (const auto &w : d->workers)
        w->latency.addTo(sum);
    s.latency = LatencyHistogram::percentiles(sum);
    return s;
}

bool StateRuntime::stateSnapshot(std::vector<KeyResult> &out, int timeoutMs) const
{
    if (!requestCopy(out, 0, timeoutMs))
        return false;
    std::sort(out.begin(), out.end(), [](const KeyResult &a, const KeyResult &b) { return a.key < b.key; });
    return true;
}

bool StateRuntime::hotKeys(int top, std::vector<std::vector<KeyResult>> &perPartition, int timeoutMs) const
{
    std::vector<KeyResult> copy;
    if (!requestCopy(copy, qMax(1, top), timeoutMs))
        return false;
    perPartition.assign(std::size_t(partitionCount()), {});
    for (KeyResult &r : copy) {
        if (r.partition >= 0 && std::size_t(r.partition) < perPartition.size())
            perPartition[std::size_t(r.partition)].push_back(std::move(r));
    }
    for (auto &list : perPartition) { // naive mode copies everything: trim to the top here
        std::stable_sort(list.begin(), list.end(), [](const KeyResult &a, const KeyResult &b) { return a.count > b.count; });
        if (list.size() > std::size_t(top))
            list.resize(std::size_t(top));
    }
    return true;
}

bool StateRuntime::requestCopy(std::vector<KeyResult> &out, int topK, int timeoutMs) const
{
    out.clear();
    const Computation c = m_config.computation;
    if (m_config.mode == RuntimeMode::Naive) {
        {
            std::lock_guard<std::mutex> lock(d->naiveMutex);
            out.reserve(d->naiveState.size());
            for (const KeyStateTable::Entry &e : d->naiveState.entries())
                out.push_back({e.key, 0, stateValue(c, e.state), e.state.count});
        }
        // The partitioner is replaced by a resize: read it under the structure lock.
        std::lock_guard<std::mutex> lock(d->structureMutex);
        for (KeyResult &r : out)
            r.partition = m_partitioner->partition(RoutingKey::text(r.key));
    } else {
        std::lock_guard<std::mutex> requestLock(d->stateRequestMutex);
        d->requestedTopK.store(topK, std::memory_order_relaxed);
        const quint64 wanted = d->stateRequest.fetch_add(1, std::memory_order_acq_rel) + 1;
        d->wakeAll();
        const qint64 deadline = steadyNowNs() + qint64(timeoutMs) * 1'000'000;
        for (auto &w : d->workers) {
            for (int round = 0; w->servedStateRequest.load(std::memory_order_acquire) < wanted; ++round) {
                if (steadyNowNs() > deadline)
                    return false;
                Impl::wakeIfSleeping(*w);
                backoff(round);
            }
            std::lock_guard<std::mutex> lock(w->copyMutex);
            out.insert(out.end(), w->stateCopy.begin(), w->stateCopy.end());
        }
    }
    return true;
}

ExclusivityReport StateRuntime::exclusivity() const
{
    return {d->violations.load(std::memory_order_relaxed), d->maxActive.load(std::memory_order_relaxed)};
}

} // namespace partlab
