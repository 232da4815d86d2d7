#pragma once

#include "spaceworkloadclient.h"
#include "spaceworkloadconfig.h"
#include "spaceworkloadstats.h"

#include "space/spaceproxy.h"

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

namespace partlab {

/**
 * A load generator for the partitioned space: C client threads (std::thread, so ThreadSanitizer
 * sees them) run a mix of space operations against one SpaceProxy, each from its own seeded
 * stream, and count what they did in their own counters (SpaceClientCounters).
 *
 * snapshot() sums those counters at any time without stopping anybody (the GUI calls it at
 * 25 Hz); result() adds what the space really holds once every client returned, so conservation
 * (entries == written - removed, per partition too) can be checked. With one client the final
 * entries per partition depend only on the configuration and the seed.
 */
class SpaceWorkload
{
public:
    explicit SpaceWorkload(const SpaceWorkloadConfig &config);
    /** Stops the clients and joins them. */
    ~SpaceWorkload();
    SpaceWorkload(const SpaceWorkload &) = delete;
    SpaceWorkload &operator=(const SpaceWorkload &) = delete;

    /** A proxy with the configuration's partitions, partitioner and the Customer and Order types. */
    static std::shared_ptr<SpaceProxy> createSpace(const SpaceWorkloadConfig &config, QString *error);

    /**
     * Starts the clients on @p space (a new one from createSpace() when null). The space must
     * hold no workload entries yet for the conservation check to mean anything. False with
     * @p error for a configuration that cannot run.
     */
    bool start(QString *error, std::shared_ptr<SpaceProxy> space = nullptr);
    /** Asks the clients to stop after their current operation; does not wait. */
    void stop();
    /** True once every client returned (then wait() returns at once). */
    bool isFinished() const;
    /** Joins the clients (blocks until they are done). */
    void wait();

    const SpaceWorkloadConfig &config() const { return m_config; }
    std::shared_ptr<SpaceProxy> space() const { return m_space; }

    /** The counters of every client, summed (any thread, never blocks a client). */
    SpaceWorkloadSnapshot snapshot() const;
    /** After wait(): the last snapshot plus the entries the space holds per partition. */
    SpaceWorkloadResult result() const;

    /** Asks the clients to publish their next operation; the GUI calls it once per tick. */
    void requestSample();
    /** The operations published since the last call, oldest first; empty if a client is publishing. */
    QList<SpaceOperationSample> takeSamples();

    /** start() + wait() + result() in one call (the CLI and the tests). */
    static std::optional<SpaceWorkloadResult> run(const SpaceWorkloadConfig &config, QString *error);

private:
    SpaceWorkloadConfig m_config;
    std::shared_ptr<SpaceProxy> m_space;
    SpaceWorkloadShared m_shared;
    std::vector<std::unique_ptr<SpaceClientCounters>> m_counters;
    std::vector<std::unique_ptr<SpaceWorkloadClient>> m_clients;
    std::vector<std::thread> m_threads;
    std::atomic<int> m_running{0};
    std::atomic<qint64> m_endNs{0}; ///< nanoseconds from start to the last client's return
    bool m_joined = false;
};

} // namespace partlab
