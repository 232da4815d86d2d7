#pragma once

// How a parallel ingestion writes the items its workers hand each other (StateRuntime::ingest).

#include "stateruntime.h"

#include <QtGlobal>

#include <algorithm>
#include <atomic>
#include <vector>

namespace partlab::runtimedetail {

/**
 * Plain or streaming stores for a job's items (W > 1; StateRuntime::kStoreProbePeriod). Which is
 * faster depends on where the workers' cores sit: streaming stores win where a line moves slowly
 * between them, plain ones where the cores share a cache. Medians, because one chunk of a probe
 * may lose its core to another process for longer than the chunk takes.
 */
class StoreProbe
{
public:
    static constexpr std::size_t kChunks = std::size_t(StateRuntime::kStoreProbeChunks);

    /** Whether @p chunk's items are streamed (asked only with more than one worker). */
    bool streams(quint64 chunk) const
    {
        return StateRuntime::storeProbeChunk(chunk) ? (chunk & 1) != 0 : m_streamingFaster.load(std::memory_order_relaxed);
    }
    /** Called when the first chunk of a probe is claimed (under the claim lock, so before any of it). */
    void restart(quint64 chunk)
    {
        if (StateRuntime::storeProbeChunk(chunk) && chunk % StateRuntime::kStoreProbePeriod == StateRuntime::kStoreProbeStart)
            m_recorded.store(0, std::memory_order_relaxed);
    }
    /** A first parse of probe chunk @p chunk took @p ns for @p messages; the last one decides. */
    void record(quint64 chunk, qint64 ns, quint64 messages)
    {
        const std::size_t i = std::size_t(chunk % StateRuntime::kStoreProbePeriod - StateRuntime::kStoreProbeStart);
        m_picoPerMessage[i].store(messages ? quint64(qMax<qint64>(ns, 1)) * 1000 / messages : 0, std::memory_order_relaxed);
        if (m_recorded.fetch_add(1, std::memory_order_acq_rel) + 1 != int(kChunks))
            return;
        std::vector<quint64> half[2]; // by streaming
        for (std::size_t k = 0; k < kChunks; ++k) {
            if (const quint64 v = m_picoPerMessage[k].load(std::memory_order_relaxed))
                half[(StateRuntime::kStoreProbeStart + k) & 1].push_back(v);
        }
        if (half[0].empty() || half[1].empty())
            return;
        auto median = [](std::vector<quint64> &v) {
            std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(v.size() / 2), v.end());
            return v[v.size() / 2];
        };
        m_streamingFaster.store(median(half[1]) < median(half[0]), std::memory_order_relaxed);
    }

private:
    std::atomic<bool> m_streamingFaster{true};
    std::atomic<int> m_recorded{0};
    std::atomic<quint64> m_picoPerMessage[kChunks] = {}; ///< by chunk of the probe; 0: no messages
};

} // namespace partlab::runtimedetail
