// SpaceProxy, second half: reads, takes, counts, notifications and the operations that are not
// partition-aware. Types, routing, writes and the initial load are in spaceproxy.cpp.
#include "spaceproxy.h"

#include <algorithm>

namespace partlab {

namespace {

QString fifoMergeNote(int partitions)
{
    return QStringLiteral("FIFO order holds within each partition only: this result merges %1 partitions "
                          "(ascending), so it is not globally FIFO")
        .arg(partitions);
}

} // namespace

ReadResult SpaceProxy::read(const SpaceQuery &query, std::chrono::milliseconds timeout)
{
    return timeout.count() > 0 ? blockingRead(query, false, timeout) : readMany(query, 1, false);
}

ReadResult SpaceProxy::take(const SpaceQuery &query, std::chrono::milliseconds timeout)
{
    return timeout.count() > 0 ? blockingRead(query, true, timeout) : readMany(query, 1, true);
}

ReadResult SpaceProxy::readMultiple(const SpaceQuery &query, int max)
{
    return readMany(query, max, false);
}

ReadResult SpaceProxy::takeMultiple(const SpaceQuery &query, int max)
{
    return readMany(query, max, true);
}

ReadResult SpaceProxy::readById(const QString &typeName, const Value &id, const Value &routing)
{
    return byId(typeName, id, routing, false);
}

ReadResult SpaceProxy::takeById(const QString &typeName, const Value &id, const Value &routing)
{
    return byId(typeName, id, routing, true);
}

ReadResult SpaceProxy::byId(const QString &typeName, const Value &id, const Value &routing, bool take)
{
    ReadResult result;
    const std::shared_ptr<const TypeDescriptor> &type = requireType(typeName, &result.error);
    if (!type)
        return result;
    // The routing value, or the id itself when the type routes by it, names one partition: the
    // id index there answers without building a query. Otherwise the id is looked for everywhere.
    const Value &routingValue = type->routingProperty() == type->idProperty() ? id : routing;
    if (routingValue.isNull() || id.isNull() || !type->hasId()) {
        const auto query = idQuery(typeName, id, routing, &result.error); // and its errors
        return query ? readMany(*query, 1, take) : result;
    }
    // The value types, checked as the template {id, routing} would be.
    result.error = type->validateValue(type->idProperty(), id);
    if (result.error.isEmpty())
        result.error = type->validateValue(type->routingProperty(), routingValue);
    if (!result.error.isEmpty())
        return result;
    const std::optional<int> partition = partitionFor(*type, routingValue, nullptr);
    result.ok = true;
    if (!partition)
        return result; // an id this space never generated: nothing can match
    result.partitions = {*partition};
    QueryPlanReport plan;
    if (auto entry = m_stores[std::size_t(*partition)]->readById(typeName, id, type->routingProperty(), routingValue, take, &plan))
        result.entries << std::move(*entry);
    result.plans << plan;
    return result;
}

ReadResult SpaceProxy::blockingRead(const SpaceQuery &query, bool take, std::chrono::milliseconds timeout)
{
    ReadResult result;
    const auto &descriptor = requireType(query.typeName(), &result.error);
    if (!descriptor)
        return result;
    const Targets targets = targetsFor(*descriptor, query);
    const QString operation = take ? QStringLiteral("take") : QStringLiteral("read");
    if (targets.broadcast) {
        result.error = QStringLiteral("a blocking %1 (timeout %2 ms) needs the routing value: the query does not fix "
                                      "'%3', and a partitioned space does not broadcast blocking operations")
                           .arg(operation).arg(timeout.count()).arg(descriptor->routingProperty());
        return result;
    }
    if (targets.partitions.size() != 1) {
        result.error = QStringLiteral("a blocking %1 must go to exactly one partition; the query's routing values "
                                      "'%2' lead to %3")
                           .arg(operation, descriptor->routingProperty())
                           .arg(targets.partitions.isEmpty() ? QStringLiteral("none") : QStringLiteral("several"));
        return result;
    }
    const int partition = targets.partitions.first();
    result.partitions = targets.partitions;
    const auto deadline = PartitionStore::Clock::now() + timeout;
    QueryPlanReport plan;
    if (const auto entry = m_stores[std::size_t(partition)]->waitFor(query, take, deadline, &plan))
        result.entries << *entry;
    else
        result.timedOut = true;
    result.plans << plan; // the last look before it returned
    result.ok = true;
    return result;
}

ReadResult SpaceProxy::readMany(const SpaceQuery &query, int max, bool take)
{
    ReadResult result;
    const auto &descriptor = requireType(query.typeName(), &result.error);
    if (!descriptor)
        return result;
    if (max < 1) {
        result.error = QStringLiteral("max must be at least 1 (got %1)").arg(max);
        return result;
    }
    const Targets targets = targetsFor(*descriptor, query);
    result.partitions = targets.partitions;
    result.broadcast = targets.broadcast;
    if (!take || targets.partitions.size() == 1) {
        // Each partition returns its best `max` (ORDER BY, else FIFO); the merge keeps the best.
        for (int p : targets.partitions) {
            QueryPlanReport plan;
            result.entries += m_stores[std::size_t(p)]->read(query, max, take, &plan);
            result.plans << plan;
        }
        query.sort(result.entries);
        if (result.entries.size() > max)
            result.entries.resize(max);
    } else {
        // A take over several partitions must not remove entries it will not return: pick the
        // winners from every partition's candidates first, then take exactly those. Another
        // client may take a winner in between; then another round fills the gap.
        int budget = max;
        for (int round = 0; round < 8 && budget > 0; ++round) {
            struct Pick
            {
                int partition;
                PartitionStore::Candidate candidate;
            };
            QList<Pick> picks;
            for (int p : targets.partitions) {
                QueryPlanReport plan;
                for (const auto &candidate : m_stores[std::size_t(p)]->candidates(query, budget, &plan))
                    picks << Pick{p, candidate};
                if (round == 0)
                    result.plans << plan; // the first round's plans: later rounds only fill gaps
            }
            if (picks.isEmpty())
                break;
            std::stable_sort(picks.begin(), picks.end(), [&](const Pick &a, const Pick &b) {
                return query.orderedBefore(a.candidate.entry, b.candidate.entry);
            });
            if (picks.size() > budget)
                picks.resize(budget);
            std::map<int, QList<quint64>> byPartition;
            for (const Pick &pick : picks)
                byPartition[pick.partition] << pick.candidate.sequence;
            bool lost = false;
            for (const auto &[p, sequences] : byPartition) {
                const QList<Entry> taken = m_stores[std::size_t(p)]->takeSequences(query.typeName(), sequences);
                lost = lost || taken.size() < sequences.size();
                result.entries += taken;
                budget -= int(taken.size());
            }
            if (!lost)
                break;
        }
        query.sort(result.entries);
    }
    if (descriptor->fifo() && targets.partitions.size() > 1 && query.orderBy().isEmpty())
        result.fifoNote = fifoMergeNote(int(targets.partitions.size()));
    result.ok = true;
    return result;
}

CountResult SpaceProxy::count(const SpaceQuery &query)
{
    return onTargets(query, [&query](PartitionStore &store, QueryPlanReport *plan) { return store.count(query, plan); });
}

CountResult SpaceProxy::clear(const SpaceQuery &query)
{
    return onTargets(query, [&query](PartitionStore &store, QueryPlanReport *plan) { return store.clear(query, plan); });
}

CountResult SpaceProxy::onTargets(const SpaceQuery &query,
                                  const std::function<qint64(PartitionStore &, QueryPlanReport *)> &perPartition)
{
    CountResult result;
    const auto &descriptor = requireType(query.typeName(), &result.error);
    if (!descriptor)
        return result;
    const Targets targets = targetsFor(*descriptor, query);
    result.partitions = targets.partitions;
    result.broadcast = targets.broadcast;
    for (int p : targets.partitions) {
        QueryPlanReport plan;
        result.partitionCounts << perPartition(*m_stores[std::size_t(p)], &plan);
        result.count += result.partitionCounts.last();
        result.plans << plan;
    }
    result.ok = true;
    return result;
}

QString SpaceProxy::verifyIndexes() const
{
    for (const auto &store : m_stores) {
        const QString problem = store->verifyIndexes();
        if (!problem.isEmpty())
            return problem;
    }
    return {};
}

SubscribeResult SpaceProxy::subscribe(const SpaceQuery &query, SpaceListener listener)
{
    SubscribeResult result;
    const auto &descriptor = requireType(query.typeName(), &result.error);
    if (!descriptor)
        return result;
    const Targets targets = targetsFor(*descriptor, query);
    auto subscription = std::make_shared<Subscription>();
    subscription->id = m_nextSubscription.fetch_add(1, std::memory_order_relaxed);
    subscription->query = query;
    subscription->listener = std::move(listener);
    {
        std::lock_guard lock(m_registryMutex);
        m_subscriptionPartitions[subscription->id] = targets.partitions;
    }
    for (int p : targets.partitions)
        m_stores[std::size_t(p)]->subscribe(subscription);
    result.subscription = subscription->id;
    result.partitions = targets.partitions;
    result.broadcast = targets.broadcast;
    result.ok = true;
    return result;
}

OperationReport SpaceProxy::unsubscribe(quint64 subscription)
{
    OperationReport result;
    QList<int> partitions;
    {
        std::lock_guard lock(m_registryMutex);
        const auto it = m_subscriptionPartitions.find(subscription);
        if (it == m_subscriptionPartitions.end()) {
            result.error = QStringLiteral("no subscription %1").arg(subscription);
            return result;
        }
        partitions = it->second;
        m_subscriptionPartitions.erase(it);
    }
    for (int p : partitions)
        m_stores[std::size_t(p)]->unsubscribe(subscription);
    result.partitions = partitions;
    result.ok = true;
    return result;
}

CountResult SpaceProxy::clean()
{
    CountResult result;
    const int partition = defaultPartition();
    result.count = m_stores[std::size_t(partition)]->clean();
    result.partitions = {partition};
    result.partitionCounts = {result.count};
    result.ok = true;
    return result;
}

SnapshotResult SpaceProxy::snapshot(const SpaceQuery &query)
{
    SnapshotResult result;
    if (!requireType(query.typeName(), &result.error))
        return result;
    result.snapshot = m_nextSnapshot.fetch_add(1, std::memory_order_relaxed);
    {
        std::lock_guard lock(m_registryMutex);
        m_snapshots.emplace(result.snapshot, query);
    }
    result.partitions = {defaultPartition()};
    result.ok = true;
    return result;
}

std::optional<SpaceQuery> SpaceProxy::snapshotQuery(quint64 snapshot) const
{
    std::lock_guard lock(m_registryMutex);
    const auto it = m_snapshots.find(snapshot);
    if (it == m_snapshots.end())
        return std::nullopt;
    return it->second;
}

QList<SpacePartitionStats> SpaceProxy::stats() const
{
    QList<SpacePartitionStats> result;
    for (const auto &store : m_stores)
        result << store->stats();
    return result;
}

} // namespace partlab
