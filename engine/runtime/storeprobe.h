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
 *
 * A probe starts at chunk kStoreProbeStart of every period, and also early, at the next chunk
 * claimed, when the chosen stores have become slower than the other ones were in the probe: after
 * each decision the first parse of every chunk is timed, and the median of each kStoreProbeChunks
 * of them is compared with the other half's probe median (a tenth to spare). The cores' placement
 * can change within a period; a wrong decision then held for up to kStoreProbePeriod chunks.
 */
class StoreProbe
{
public:
    static constexpr std::size_t kChunks = std::size_t(StateRuntime::kStoreProbeChunks);

    /** How one chunk writes its items, fixed when it is claimed. */
    struct Use
    {
        bool streams = false;
        bool probe = false;   ///< part of a probe: its first parse is timed for the decision
        quint64 round = 0;    ///< the probe (probe chunks) or the decision (the others) it follows
        std::size_t index = 0; ///< its place in the probe
    };

    /** Called for every chunk, in chunk order, under the job's claim lock (W > 1 only). */
    Use claim(quint64 chunk)
    {
        const bool running = m_probing && chunk < m_probeBegin + kChunks;
        if (!running
            && (chunk % StateRuntime::kStoreProbePeriod == StateRuntime::kStoreProbeStart
                || m_probeEarly.exchange(false, std::memory_order_acq_rel))) {
            m_probing = true;
            m_probeBegin = chunk;
            m_probeEarly.store(false, std::memory_order_relaxed); // a late request from the decision before
            m_recorded.store(0, std::memory_order_relaxed);
            m_probeRound.fetch_add(1, std::memory_order_relaxed);
            ++m_probes;
        } else if (!running) {
            m_probing = false;
        }
        Use use;
        if (m_probing) {
            use.probe = true;
            use.index = std::size_t(chunk - m_probeBegin);
            use.streams = (use.index & 1) != 0; // even places plain, odd ones streamed
            use.round = m_probeRound.load(std::memory_order_relaxed);
        } else {
            const quint64 decision = m_decision.load(std::memory_order_acquire);
            use.streams = (decision & 1) != 0;
            use.round = decision >> 1;
        }
        return use;
    }
    /** The first parse of a chunk claimed with @p use took @p ns for @p messages. */
    void record(const Use &use, qint64 ns, quint64 messages)
    {
        const quint64 picos = messages ? quint64(qMax<qint64>(ns, 1)) * 1000 / messages : 0; // 0: nothing to judge by
        if (use.probe)
            recordProbe(use, picos);
        else if (picos)
            watch(use, picos);
    }
    /** Probes started so far, early ones included. */
    quint64 probes() const { return m_probes; }

private:
    static quint64 median(std::vector<quint64> &v)
    {
        std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(v.size() / 2), v.end());
        return v[v.size() / 2];
    }
    void recordProbe(const Use &use, quint64 picos)
    {
        if (use.round != m_probeRound.load(std::memory_order_relaxed))
            return;
        m_picoPerMessage[use.index].store(picos, std::memory_order_relaxed);
        if (m_recorded.fetch_add(1, std::memory_order_acq_rel) + 1 != int(kChunks))
            return;
        std::vector<quint64> half[2]; // by streaming
        for (std::size_t k = 0; k < kChunks; ++k) {
            if (const quint64 v = m_picoPerMessage[k].exchange(0, std::memory_order_relaxed))
                half[k & 1].push_back(v);
        }
        if (half[0].empty() || half[1].empty())
            return;
        const quint64 plain = median(half[0]), streamed = median(half[1]);
        const bool streams = streamed < plain;
        m_otherPicos.store(streams ? plain : streamed, std::memory_order_relaxed);
        m_watched.store(0, std::memory_order_relaxed);
        // The decision's round: the chunks claimed from now on follow it, and only theirs are watched.
        const quint64 round = (m_decision.load(std::memory_order_relaxed) >> 1) + 1;
        m_decision.store(round << 1 | (streams ? 1 : 0), std::memory_order_release);
    }
    void watch(const Use &use, quint64 picos)
    {
        const quint64 decision = m_decision.load(std::memory_order_acquire);
        const quint64 other = m_otherPicos.load(std::memory_order_relaxed);
        if (use.round != decision >> 1 || use.round == 0 || other == 0) // before the first decision
            return;
        // Judged by blocks of kChunks parses, for as long as the decision holds.
        const quint64 n = m_watched.fetch_add(1, std::memory_order_acq_rel);
        m_watchPicos[n % kChunks].store(picos, std::memory_order_relaxed);
        if ((n + 1) % kChunks != 0)
            return;
        std::vector<quint64> chosen;
        for (std::size_t k = 0; k < kChunks; ++k)
            chosen.push_back(m_watchPicos[k].load(std::memory_order_relaxed));
        if (median(chosen) * 10 > other * 11)
            m_probeEarly.store(true, std::memory_order_release);
    }

    // Under the claim lock.
    bool m_probing = false;
    quint64 m_probeBegin = 0;
    quint64 m_probes = 0;

    std::atomic<bool> m_probeEarly{false};
    std::atomic<quint64> m_probeRound{0};
    /** (decision round << 1) | streams; round 0 streams: until the first probe decides. */
    std::atomic<quint64> m_decision{1};
    std::atomic<int> m_recorded{0};
    std::atomic<quint64> m_picoPerMessage[kChunks] = {}; ///< by place in the probe; 0: no messages
    std::atomic<quint64> m_otherPicos{0};               ///< the probe median of the stores not chosen
    std::atomic<quint64> m_watched{0};
    std::atomic<quint64> m_watchPicos[kChunks] = {};
};

} // namespace partlab::runtimedetail
