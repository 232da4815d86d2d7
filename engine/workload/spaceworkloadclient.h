#pragma once

#include "keydistribution.h"
#include "random.h"
#include "spaceworkloadconfig.h"
#include "spaceworkloadstats.h"

#include "metrics/latencyhistogram.h"
#include "space/spaceproxy.h"

#include <array>
#include <atomic>
#include <chrono>
#include <deque>
#include <memory>
#include <mutex>
#include <vector>

namespace partlab {

/**
 * One client's counters. Written by that client only (relaxed load + store, never a contended
 * read-modify-write) and read by anyone as a snapshot; alignas keeps two clients' counters off
 * one cache line.
 */
struct alignas(64) SpaceClientCounters
{
    explicit SpaceClientCounters(int partitions);

    std::array<std::atomic<quint64>, kSpaceOpCount> ops{};
    std::atomic<quint64> routed{0};
    std::atomic<quint64> broadcast{0};
    std::atomic<quint64> failed{0};
    std::atomic<quint64> written{0};
    std::atomic<quint64> removed{0};
    std::atomic<quint64> timeouts{0};
    std::atomic<quint64> blockingNs{0}; ///< time spent inside blocking takes (found or timed out)
    const int partitions;
    std::unique_ptr<std::atomic<quint64>[]> partitionRouted;
    std::unique_ptr<std::atomic<qint64>[]> partitionEntries;
    std::array<LatencyHistogram, kSpaceOpCount> latency;
    /** The client's first refusal; written by the client, read only after it was joined. */
    QString firstFailure;
};

/** What the clients of one workload share: the stop flag and the sample board. */
struct SpaceWorkloadShared
{
    std::atomic<bool> stop{false};
    /** Set by the GUI once per tick; the first client to see it publishes its next operation. */
    std::atomic<bool> sampleWanted{false};
    std::mutex sampleMutex;
    std::deque<SpaceOperationSample> samples; ///< under sampleMutex, at most kMaxSamples
    static constexpr std::size_t kMaxSamples = 32;
    std::chrono::steady_clock::time_point start;
};

/**
 * One client thread of a space workload: draws operations from the mix, entry types, customers
 * and keyed/key-less queries from its own Random (so its sequence of operations depends only on
 * the seed and its index), runs them against the shared proxy, and counts what they did.
 *
 * The entries: Customer c<k> (name "Customer <k>", region by k, visits) and Order o<client>-<n>
 * of a customer, with an amount and a status. Keyed queries name the customer (customerId);
 * key-less ones use an amount band (Order) or a name (Customer). Blocking takes always carry the
 * routing value, since a partitioned space refuses to broadcast them.
 */
class SpaceWorkloadClient
{
public:
    SpaceWorkloadClient(int index, qint64 operations, const SpaceWorkloadConfig &config, SpaceProxy &proxy,
                        SpaceClientCounters &counters, SpaceWorkloadShared &shared);

    /** Runs the client's operations (or until the stop flag is set). */
    void run();

private:
    using TypeHandle = std::shared_ptr<const TypeDescriptor>;

    /** What one operation did, before it is counted. */
    struct Done
    {
        OperationReport report;
        quint64 nanoseconds = 0;
    };

    SpaceOp pickOp();
    void pace(qint64 done);
    Done execute(SpaceOp op, const TypeHandle &type, quint32 customer, bool keyed);

    Done write(const TypeHandle &type, quint32 customer, bool batch);
    Done update(const TypeHandle &type, quint32 customer);
    Done query(SpaceOp op, const TypeHandle &type, quint32 customer, bool keyed);
    Done blockingTake(const TypeHandle &type, quint32 customer);

    Entry makeCustomer(quint32 customer) const;
    Entry makeOrder(quint32 customer);
    SpaceQuery queryFor(const TypeHandle &type, quint32 customer, bool keyed);
    void remember(const Entry &order);
    void account(SpaceOp op, const Done &done);
    void removedFrom(const TypeHandle &type, const QList<Entry> &entries);
    void addEntries(int partition, qint64 delta);

    const int m_index;
    const qint64 m_operations; ///< -1 = until stopped
    const SpaceWorkloadConfig &m_config;
    SpaceProxy &m_proxy;
    SpaceClientCounters &m_counters;
    SpaceWorkloadShared &m_shared;
    Random m_random;
    KeyPicker m_picker;
    TypeHandle m_customerType;
    TypeHandle m_orderType;
    std::array<double, kSpaceOpCount> m_cumulative{};
    double m_nanosPerOp = 0.0; ///< pacing, 0 = as fast as possible
    quint64 m_nextOrder = 1;
    std::vector<Entry> m_recentOrders; ///< a ring of orders this client wrote (updates, blocking takes)
    std::size_t m_recentNext = 0;
};

} // namespace partlab
