#include "partitionstore.h"

#include <utility>

#include <QSet>

#include <algorithm>
#include <limits>

namespace partlab {

QString spaceEventKindName(SpaceEventKind kind)
{
    switch (kind) {
    case SpaceEventKind::Write:
        return QStringLiteral("write");
    case SpaceEventKind::Update:
        return QStringLiteral("update");
    case SpaceEventKind::Take:
        return QStringLiteral("take");
    }
    return QString();
}

PartitionStore::TypeStore &PartitionStore::typeStore(const TypeHandle &type)
{
    // Most operations in a row are on one type: skip the map then (the stores never move).
    if (m_lastType && m_lastType->type() == type)
        return *m_lastType;
    m_lastType = &m_types.try_emplace(type->name(), type).first->second;
    return *m_lastType;
}

PartitionStore::TypeStore *PartitionStore::findType(const QString &name)
{
    return const_cast<TypeStore *>(std::as_const(*this).findType(name));
}

const PartitionStore::TypeStore *PartitionStore::findType(const QString &name) const
{
    if (m_lastType && m_lastType->type()->name() == name)
        return m_lastType;
    const auto it = m_types.find(name);
    return it == m_types.end() ? nullptr : &it->second;
}

PartitionStore::WriteOutcome PartitionStore::check(const TypeStore &store, const Entry &entry, WriteMode mode,
                                                   std::optional<quint64> *idHash) const
{
    WriteOutcome outcome;
    const TypeDescriptor &type = *store.type();
    if (!type.hasId()) {
        if (mode == WriteMode::UpdateOnly) {
            outcome.error = QStringLiteral("type '%1' has no id property, so its entries cannot be updated").arg(type.name());
            return outcome;
        }
        outcome.ok = true;
        return outcome;
    }
    const Value &id = entry.valueRef(type.idProperty());
    const quint64 hash = id.isNull() ? 0 : idHash && idHash->has_value() ? **idHash : indexHash(id);
    if (idHash && !id.isNull())
        *idHash = hash;
    const std::optional<quint64> existing = store.sequenceOfId(id, hash);
    const bool exists = existing.has_value();
    if (exists && mode == WriteMode::WriteOnly) {
        outcome.error = QStringLiteral("an entry of type '%1' with id %2 = '%3' already exists in partition %4 "
                                       "(use update, or mode updateOrWrite)")
                            .arg(type.name(), type.idProperty(), id.display()).arg(m_partition);
        return outcome;
    }
    if (!exists && mode == WriteMode::UpdateOnly) {
        outcome.error = QStringLiteral("no entry of type '%1' with id %2 = '%3' in partition %4")
                            .arg(type.name(), type.idProperty(), id.display()).arg(m_partition);
        return outcome;
    }
    outcome.ok = true;
    outcome.updated = exists;
    if (exists)
        outcome.sequence = *existing;
    return outcome;
}

PartitionStore::WriteOutcome PartitionStore::apply(TypeStore &store, const Entry &entry, WriteMode mode,
                                                   Notifications *events)
{
    std::optional<quint64> idHash = store.prefetchInsert(entry);
    WriteOutcome outcome = check(store, entry, mode, &idHash);
    if (!outcome.ok)
        return outcome;
    if (outcome.updated) {
        // An update keeps the entry's FIFO position, as it keeps its identity.
        store.replace(outcome.sequence, entry); // reindexes the values that changed
        queue(events, SpaceEventKind::Update, entry);
    } else {
        if (m_nextSequence > EntryTable::kMaxSequence) {
            outcome.ok = false;
            outcome.error = QStringLiteral("partition %1 has numbered %2 writes, as many as it can: restart the space")
                                .arg(m_partition).arg(EntryTable::kMaxSequence);
            return outcome;
        }
        outcome.sequence = m_nextSequence++;
        store.insert(outcome.sequence, entry, idHash);
        queue(events, SpaceEventKind::Write, entry);
    }
    return outcome;
}

void PartitionStore::queue(Notifications *events, SpaceEventKind kind, const Entry &entry) const
{
    if (!events)
        return;
    for (const auto &[id, subscription] : m_subscriptions) {
        if (subscription->query.matches(entry))
            events->emplace_back(subscription, SpaceEvent{id, kind, m_partition, entry});
    }
}

void PartitionStore::deliver(const Notifications &events)
{
    for (const auto &[subscription, event] : events) {
        if (subscription->listener)
            subscription->listener(event);
    }
}

PartitionStore::WriteOutcome PartitionStore::write(const TypeHandle &type, const Entry &entry, WriteMode mode)
{
    touch();
    Notifications events;
    WriteOutcome outcome;
    {
        const std::unique_lock lock = acquire();
        outcome = apply(typeStore(type), entry, mode, &events);
    }
    if (outcome.ok)
        m_written.notify_all();
    deliver(events);
    return outcome;
}

std::vector<PartitionStore::WriteOutcome> PartitionStore::writeBatch(const TypeHandle &type, const QList<Entry> &entries,
                                                                     WriteMode mode, bool allOrNothing, bool notify)
{
    touch();
    Notifications events;
    std::vector<WriteOutcome> outcomes;
    outcomes.reserve(std::size_t(entries.size()));
    bool any = false;
    {
        const std::unique_lock lock = acquire();
        TypeStore &store = typeStore(type);
        if (allOrNothing) {
            // Check against the partition and within the group (two entries with one id).
            QSet<Value> ids;
            bool failed = false;
            for (const Entry &entry : entries) {
                WriteOutcome outcome = check(store, entry, mode);
                if (outcome.ok && type->hasId() && mode == WriteMode::WriteOnly) {
                    const Value id = entry.value(type->idProperty());
                    if (ids.contains(id)) {
                        outcome.ok = false;
                        outcome.error = QStringLiteral("id %1 = '%2' appears twice in the batch")
                                            .arg(type->idProperty(), id.display());
                    }
                    ids.insert(id);
                }
                failed = failed || !outcome.ok;
                outcomes.push_back(outcome);
            }
            if (failed) {
                for (WriteOutcome &outcome : outcomes) {
                    if (outcome.ok) {
                        outcome.ok = false;
                        outcome.withBatch = true;
                        outcome.error = QStringLiteral("not written: another entry of the batch failed");
                    }
                }
                return outcomes;
            }
            outcomes.clear();
        }
        for (const Entry &entry : entries) {
            outcomes.push_back(apply(store, entry, mode, notify ? &events : nullptr));
            any = any || outcomes.back().ok;
        }
    }
    if (any)
        m_written.notify_all();
    deliver(events);
    return outcomes;
}

void PartitionStore::erase(TypeStore &store, quint64 sequence, Notifications *events)
{
    const Entry *entry = store.find(sequence);
    if (!entry)
        return;
    queue(events, SpaceEventKind::Take, *entry);
    store.erase(sequence);
}

namespace {

/** Stamps the partition on a plan report the table filled. */
QueryPlanReport *forPartition(QueryPlanReport *plan, int partition)
{
    if (plan) {
        plan->partition = partition;
        plan->access = QStringLiteral("no entries of the type"); // the type's table, when there is one, says more
    }
    return plan;
}

} // namespace

QList<Entry> PartitionStore::read(const SpaceQuery &query, int max, bool take, QueryPlanReport *plan)
{
    forPartition(plan, m_partition);
    touch();
    Notifications events;
    QList<Entry> result;
    {
        const std::unique_lock lock = acquire();
        TypeStore *store = findType(query.typeName());
        if (!store)
            return result;
        const QList<quint64> sequences = store->match(query, max, plan);
        for (quint64 sequence : sequences) {
            result << *store->find(sequence);
            if (take)
                erase(*store, sequence, &events);
        }
    }
    deliver(events);
    return result;
}

std::optional<Entry> PartitionStore::waitFor(const SpaceQuery &query, bool take, Clock::time_point deadline,
                                             QueryPlanReport *plan)
{
    forPartition(plan, m_partition);
    touch();
    Notifications events;
    std::optional<Entry> result;
    {
        std::unique_lock lock = acquire();
        while (true) {
            if (TypeStore *store = findType(query.typeName())) {
                const QList<quint64> sequences = store->match(query, 1, plan);
                if (!sequences.isEmpty()) {
                    result = *store->find(sequences.first());
                    if (take)
                        erase(*store, sequences.first(), &events);
                    break;
                }
            }
            if (m_written.wait_until(lock, deadline) == std::cv_status::timeout && Clock::now() >= deadline) {
                // One last look: a write may have landed between the wake-up and the timeout.
                if (TypeStore *store = findType(query.typeName())) {
                    const QList<quint64> sequences = store->match(query, 1, plan);
                    if (!sequences.isEmpty()) {
                        result = *store->find(sequences.first());
                        if (take)
                            erase(*store, sequences.first(), &events);
                    }
                }
                break;
            }
        }
    }
    deliver(events);
    return result;
}

std::optional<Entry> PartitionStore::readById(const QString &typeName, const Value &id, const QString &routingProperty,
                                              const Value &routing, bool take, QueryPlanReport *plan)
{
    touch();
    forPartition(plan, m_partition);
    Notifications events;
    std::optional<Entry> result;
    {
        const std::unique_lock lock = acquire();
        TypeStore *store = findType(typeName);
        if (!store)
            return result;
        quint64 sequence = 0;
        Entry entry = store->entryOfId(id, &sequence);
        if (plan) {
            plan->access = QStringLiteral("id");
            plan->examined = entry.isNull() ? 0 : 1;
        }
        // The same answer as the template {id, routing}: a different routing value does not match.
        if (!entry.isNull() && (routing.isNull() || Value::equal(entry.valueRef(routingProperty), routing))) {
            result = std::move(entry);
            if (plan)
                plan->matched = 1;
            if (take)
                erase(*store, sequence, &events);
        }
    }
    deliver(events);
    return result;
}

QList<PartitionStore::Candidate> PartitionStore::candidates(const SpaceQuery &query, int max, QueryPlanReport *plan) const
{
    touch();
    forPartition(plan, m_partition);
    QList<Candidate> result;
    const std::unique_lock lock = acquire();
    const TypeStore *store = findType(query.typeName());
    if (!store)
        return result;
    for (quint64 sequence : store->match(query, max, plan))
        result << Candidate{sequence, *store->find(sequence)};
    return result;
}

QList<Entry> PartitionStore::takeSequences(const QString &typeName, const QList<quint64> &sequences)
{
    Notifications events;
    QList<Entry> result;
    {
        const std::unique_lock lock = acquire();
        TypeStore *store = findType(typeName);
        if (!store)
            return result;
        for (quint64 sequence : sequences) {
            const Entry *entry = store->find(sequence);
            if (!entry)
                continue; // taken meanwhile by another client
            result << *entry;
            erase(*store, sequence, &events);
        }
    }
    deliver(events);
    return result;
}

void PartitionStore::removeSequences(const QString &typeName, const QList<quint64> &sequences)
{
    const std::unique_lock lock = acquire();
    TypeStore *store = findType(typeName);
    if (!store)
        return;
    for (quint64 sequence : sequences)
        erase(*store, sequence, nullptr);
}

qint64 PartitionStore::count(const SpaceQuery &query, QueryPlanReport *plan) const
{
    touch();
    forPartition(plan, m_partition);
    const std::unique_lock lock = acquire();
    const TypeStore *store = findType(query.typeName());
    if (!store)
        return 0;
    return store->count(query, plan);
}

qint64 PartitionStore::clear(const SpaceQuery &query, QueryPlanReport *plan)
{
    touch();
    forPartition(plan, m_partition);
    const std::unique_lock lock = acquire();
    TypeStore *store = findType(query.typeName());
    if (!store)
        return 0;
    if (!query.where()) { // the whole type: no need to look at each entry
        const qint64 removed = store->size();
        store->clear();
        if (plan) {
            plan->access = QStringLiteral("whole type");
            plan->matched = removed;
        }
        return removed;
    }
    const QList<quint64> sequences = store->match(query, std::numeric_limits<int>::max(), plan);
    for (quint64 sequence : sequences)
        store->erase(sequence); // clear sends no notifications
    return sequences.size();
}

qint64 PartitionStore::clean()
{
    touch();
    const std::unique_lock lock = acquire();
    qint64 removed = 0;
    for (auto &[name, store] : m_types) {
        removed += store.size();
        store.clear();
    }
    return removed;
}

void PartitionStore::subscribe(const std::shared_ptr<const Subscription> &subscription)
{
    touch();
    const std::unique_lock lock = acquire();
    m_subscriptions[subscription->id] = subscription;
}

bool PartitionStore::unsubscribe(quint64 id)
{
    const std::unique_lock lock = acquire();
    return m_subscriptions.erase(id) > 0;
}

SpacePartitionStats PartitionStore::stats() const
{
    SpacePartitionStats stats;
    stats.partition = m_partition;
    stats.operations = m_operations.load(std::memory_order_relaxed);
    const std::unique_lock lock = acquire();
    for (const auto &[name, store] : m_types) {
        stats.entriesByType.insert(name, store.size());
        stats.entries += store.size();
    }
    return stats;
}

QString PartitionStore::verifyIndexes() const
{
    const std::unique_lock lock = acquire();
    for (const auto &[name, store] : m_types) {
        const QString problem = store.verifyIndexes();
        if (!problem.isEmpty())
            return QStringLiteral("partition %1, type %2: %3").arg(m_partition).arg(name, problem);
    }
    return {};
}

} // namespace partlab
