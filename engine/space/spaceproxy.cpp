#include "spaceproxy.h"

#include "autoid.h"
#include "entrycsv.h"

#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <bit>
#include <cstring>
#include <latch>
#include <semaphore>
#include <set>

namespace partlab {

namespace {

/** True on a pool thread while it runs a batch task (see SpaceProxy::runParallel). */
thread_local bool t_inBatchTask = false;

} // namespace

std::unique_ptr<SpaceProxy> SpaceProxy::create(int partitions, const QString &partitioner, QString *error)
{
    PartitionerOptions options;
    options.partitions = partitions;
    auto routing = createPartitioner(partitioner, options, error);
    if (!routing)
        return nullptr;
    return std::make_unique<SpaceProxy>(std::move(routing));
}

SpaceProxy::SpaceProxy(std::unique_ptr<Partitioner> partitioner) : m_partitioner(std::move(partitioner))
{
    const int n = m_partitioner->partitionCount();
    m_stores.reserve(std::size_t(n));
    for (int p = 0; p < n; ++p)
        m_stores.push_back(std::make_unique<PartitionStore>(p));
    // One thread per core (at least two, so groups really run side by side even on one core):
    // the groups of a batch are shared among them. More threads than cores only add hand-offs.
    m_pool.setMaxThreadCount(std::clamp(QThread::idealThreadCount(), 2, 16));
}

SpaceProxy::~SpaceProxy()
{
    m_pool.waitForDone();
}

// --- types -------------------------------------------------------------------------------------

TypeResult SpaceProxy::defineType(const TypeDefinition &definition)
{
    TypeResult result;
    auto descriptor = TypeDescriptor::create(definition, &result.error);
    if (!descriptor)
        return result;
    {
        std::lock_guard lock(m_typesMutex);
        const auto it = m_types.find(definition.name);
        if (it != m_types.end()) {
            if (!(it->second->definition() == descriptor->definition())) {
                result.error = QStringLiteral("type '%1' is already defined differently").arg(definition.name);
                return result;
            }
        } else {
            auto shared = std::make_shared<const TypeDescriptor>(*descriptor);
            m_types.emplace(definition.name, shared);
            // Published complete: a reader that sees the new head sees the node's fields.
            std::atomic<const TypeNode *> &bucket = m_typeBuckets[qHash(definition.name) % kTypeBuckets];
            const TypeNode &node = m_typeNodes.emplace_back(TypeNode{definition.name, std::move(shared),
                                                                     bucket.load(std::memory_order_relaxed)});
            bucket.store(&node, std::memory_order_release);
        }
    }
    for (int p = 0; p < partitionCount(); ++p)
        result.partitions << p;
    result.broadcast = true;
    result.routing = {descriptor->routingProperty(), descriptor->routingRule()};
    result.ok = true;
    return result;
}

const std::shared_ptr<const TypeDescriptor> &SpaceProxy::typeHandle(const QString &name) const
{
    static const std::shared_ptr<const TypeDescriptor> none;
    for (const TypeNode *node = m_typeBuckets[qHash(name) % kTypeBuckets].load(std::memory_order_acquire); node;
         node = node->next)
        if (node->name == name)
            return node->type;
    return none;
}

std::shared_ptr<const TypeDescriptor> SpaceProxy::type(const QString &name) const
{
    return typeHandle(name);
}

QStringList SpaceProxy::typeNames() const
{
    std::lock_guard lock(m_typesMutex);
    QStringList names;
    for (const auto &[name, descriptor] : m_types)
        names << name;
    return names;
}

const std::shared_ptr<const TypeDescriptor> &SpaceProxy::requireType(const QString &name, QString *error) const
{
    const auto &descriptor = typeHandle(name);
    if (!descriptor && error)
        *error = QStringLiteral("unknown type '%1' (define it first)").arg(name);
    return descriptor;
}

// --- queries and routing -----------------------------------------------------------------------

std::optional<SpaceQuery> SpaceProxy::templateQuery(const Entry &templ, QString *error) const
{
    const auto &descriptor = requireType(templ.typeName(), error);
    if (!descriptor)
        return std::nullopt;
    return SpaceQuery::fromTemplate(*descriptor, templ, error);
}

std::optional<SpaceQuery> SpaceProxy::sqlQuery(const QString &typeName, const QString &sql, QString *error) const
{
    const auto &descriptor = requireType(typeName, error);
    if (!descriptor)
        return std::nullopt;
    return SpaceQuery::fromSql(*descriptor, sql, error);
}

std::optional<SpaceQuery> SpaceProxy::idQuery(const QString &typeName, const Value &id, const Value &routing,
                                              QString *error) const
{
    const auto &descriptor = requireType(typeName, error);
    if (!descriptor)
        return std::nullopt;
    if (!descriptor->hasId()) {
        if (error)
            *error = QStringLiteral("type '%1' has no id property").arg(typeName);
        return std::nullopt;
    }
    if (id.isNull()) {
        if (error)
            *error = QStringLiteral("no id given");
        return std::nullopt;
    }
    Entry templ(typeName);
    templ.setValue(descriptor->idProperty(), id);
    if (!routing.isNull())
        templ.setValue(descriptor->routingProperty(), routing);
    return SpaceQuery::fromTemplate(*descriptor, templ, error);
}

RoutingKey SpaceProxy::routingKey(const Value &value, std::string &storage)
{
    if (value.isNull())
        return RoutingKey::null();
    switch (value.type()) {
    case ValueType::String: {
        // UTF-8, as the partitioners hash it; ASCII (most keys) without a conversion, and a short
        // key stays in the string's own buffer.
        const QStringView text = value.text();
        storage.resize(std::size_t(text.size()));
        bool ascii = true;
        for (qsizetype i = 0; i < text.size() && ascii; ++i) {
            const char16_t c = text[i].unicode();
            ascii = c < 0x80;
            storage[std::size_t(i)] = char(c);
        }
        if (!ascii)
            storage = text.toUtf8().toStdString();
        return RoutingKey::text(std::string_view(storage));
    }
    case ValueType::Int:
        return RoutingKey::int32(qint32(value.toInt64()));
    case ValueType::Long:
        return RoutingKey::int64(value.toInt64());
    case ValueType::Double: {
        // Java's Double.hashCode(): bits ^ (bits >>> 32) of doubleToLongBits (NaN never gets here).
        const quint64 bits = std::bit_cast<quint64>(value.toDouble());
        return RoutingKey::int32(qint32(quint32(bits ^ (bits >> 32))));
    }
    case ValueType::Bool:
        return RoutingKey::int32(value.toBool() ? 1231 : 1237); // Java's Boolean.hashCode()
    }
    return RoutingKey::null();
}

std::optional<int> SpaceProxy::partitionFor(const TypeDescriptor &type, const Value &routingValue, QString *error) const
{
    if (routingValue.isNull()) {
        if (error)
            *error = QStringLiteral("the routing property '%1' of type '%2' is null").arg(type.routingProperty(), type.name());
        return std::nullopt;
    }
    if (type.routesByAutoId()) {
        const auto partition = routingValue.type() == ValueType::String
                                   ? autoIdPartition(routingValue.toString(), partitionCount())
                                   : std::nullopt;
        if (!partition && error)
            *error = QStringLiteral("'%1' is not an id this space generated for type '%2' (expected A<partition>^<n>)")
                         .arg(routingValue.display(), type.name());
        return partition;
    }
    std::string storage;
    return m_partitioner->partition(routingKey(routingValue, storage));
}

SpaceProxy::Targets SpaceProxy::targetsFor(const TypeDescriptor &type, const SpaceQuery &query) const
{
    Targets targets;
    const auto fixed = query.fixedValues(type.routingProperty());
    if (!fixed) {
        targets.broadcast = true;
        for (int p = 0; p < partitionCount(); ++p)
            targets.partitions << p;
        return targets;
    }
    std::set<int> partitions;
    for (const Value &v : *fixed) {
        // A value that cannot be routed (an id this space never generated) matches nothing.
        if (const auto p = partitionFor(type, v, nullptr))
            partitions.insert(*p);
    }
    targets.partitions = QList<int>(partitions.begin(), partitions.end());
    return targets;
}

// --- writes ------------------------------------------------------------------------------------

bool SpaceProxy::prepare(const Entry &entry, WriteMode mode, Prepared &out, QString *error) const
{
    const auto &handle = requireType(entry.typeName(), error);
    if (!handle)
        return false;
    out.handle = &handle;
    const TypeDescriptor &type = *handle;
    const QString problem = type.validate(entry);
    if (!problem.isEmpty()) {
        *error = problem;
        return false;
    }
    out.entry = entry;
    out.needsAutoId = false;
    if (!type.hasId() && mode == WriteMode::UpdateOnly) {
        *error = QStringLiteral("type '%1' has no id property, so its entries cannot be updated").arg(type.name());
        return false;
    }
    if (type.hasId()) {
        const Value id = entry.value(type.idProperty());
        if (type.autoGenerateId()) {
            if (mode == WriteMode::WriteOnly && !id.isNull()) {
                *error = QStringLiteral("the id '%1' of type '%2' is auto-generated: leave it unset when writing")
                             .arg(type.idProperty(), type.name());
                return false;
            }
            out.needsAutoId = id.isNull();
            if (out.needsAutoId && mode == WriteMode::UpdateOnly) {
                *error = QStringLiteral("an update of type '%1' needs the id '%2'").arg(type.name(), type.idProperty());
                return false;
            }
        } else if (id.isNull()) {
            *error = QStringLiteral("the id property '%1' of type '%2' is null").arg(type.idProperty(), type.name());
            return false;
        }
    }
    out.partition = -1;
    if (type.routesByAutoId() && out.needsAutoId)
        return true; // round-robin, chosen by assignAutoId()
    const Value routing = entry.value(type.routingProperty());
    if (routing.isNull()) {
        *error = QStringLiteral("cannot write an entry of type '%1': its routing property '%2' is null, "
                                "so the proxy cannot tell which partition owns it")
                     .arg(type.name(), type.routingProperty());
        return false;
    }
    const auto partition = partitionFor(type, routing, error);
    if (!partition)
        return false;
    out.partition = *partition;
    return true;
}

void SpaceProxy::assignAutoId(Prepared &prepared)
{
    if (!prepared.needsAutoId)
        return;
    if (prepared.partition < 0)
        prepared.partition = int(m_roundRobin.fetch_add(1, std::memory_order_relaxed) % quint64(partitionCount()));
    const QString id = makeAutoId(prepared.partition, m_nextAutoId.fetch_add(1, std::memory_order_relaxed));
    prepared.entry.setValue(prepared.type().idProperty(), Value::string(id));
    prepared.needsAutoId = false;
}

WriteResult SpaceProxy::write(const Entry &entry, WriteMode mode)
{
    WriteResult result;
    Prepared prepared;
    if (!prepare(entry, mode, prepared, &result.error))
        return result;
    assignAutoId(prepared);
    result.partition = prepared.partition;
    result.partitions = {prepared.partition};
    const auto outcome = m_stores[std::size_t(prepared.partition)]->write(*prepared.handle, prepared.entry, mode);
    result.ok = outcome.ok;
    result.error = outcome.error;
    result.updated = outcome.updated;
    if (prepared.type().hasId())
        result.id = prepared.entry.value(prepared.type().idProperty());
    return result;
}

void SpaceProxy::runParallel(int count, const std::function<void(int)> &task)
{
    if (count <= 0)
        return;
    if (count == 1 || t_inBatchTask) {
        // One group needs no other thread. And a listener inside a batch task that starts another
        // batch runs it here, in order: waiting for the pool from one of its threads could hang.
        for (int i = 0; i < count; ++i)
            task(i);
        return;
    }
    // Debian's Qt is not built with ThreadSanitizer, so TSan cannot see the QMutex that
    // QThreadPool uses to hand tasks to its threads. The batch is therefore choreographed with
    // std:: primitives that TSan does see, and that make the pool's own hand-offs ordered too:
    //  - one batch uses the pool at a time (m_poolMutex) and ends when every pool thread is idle
    //    again (waitForDone), so batches never interleave inside the pool;
    //  - each worker task signals `started` once it runs; the next one is submitted only then,
    //    so every task is taken by an idle or new thread right after its submission;
    //  - workers wait at `gate` until all are running (no worker goes idle mid-submission), then
    //    share the groups; `done` (count_down releases, wait acquires) carries results back.
    std::lock_guard batch(m_poolMutex);
    const int workers = std::min(count, m_pool.maxThreadCount());
    std::counting_semaphore<> started(0);
    std::latch gate(1);
    std::latch done(workers);
    for (int w = 0; w < workers; ++w) {
        (void)QtConcurrent::run(&m_pool, [&started, &gate, &done, &task, w, workers, count] {
            started.release();
            gate.wait();
            t_inBatchTask = true;
            for (int i = w; i < count; i += workers)
                task(i);
            t_inBatchTask = false;
            done.count_down();
        });
        started.acquire();
    }
    gate.count_down();
    done.wait();
    m_pool.waitForDone();
}

WriteMultipleResult SpaceProxy::writeMultiple(const QList<Entry> &entries, WriteMode mode)
{
    WriteMultipleResult result;
    std::vector<Prepared> prepared(std::size_t(entries.size()));
    int refused = 0;
    QString firstProblem;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        EntryOutcome outcome;
        if (!prepare(entries[i], mode, prepared[std::size_t(i)], &outcome.error)) {
            if (refused++ == 0)
                firstProblem = QStringLiteral("entry %1: %2").arg(i).arg(outcome.error);
        }
        result.entries << outcome;
    }
    if (refused > 0) {
        result.error = QStringLiteral("%1 of %2 entries cannot be routed or accepted, so nothing was written (%3)")
                           .arg(refused).arg(entries.size()).arg(firstProblem);
        result.failed = int(entries.size());
        for (EntryOutcome &outcome : result.entries) {
            if (outcome.error.isEmpty())
                outcome.error = QStringLiteral("not written: the batch was refused");
        }
        return result;
    }
    // Auto ids only now, in batch order, so a refused batch consumes none.
    std::map<int, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < prepared.size(); ++i) {
        assignAutoId(prepared[i]);
        groups[prepared[i].partition].push_back(i);
    }
    std::vector<std::pair<int, std::vector<std::size_t>>> work(groups.begin(), groups.end());
    std::vector<PartitionStore::WriteOutcome> outcomes(prepared.size());
    // One task per partition; each writes only its own entries' slots of `outcomes`.
    runParallel(int(work.size()), [&](int g) {
        const auto &[partition, indices] = work[std::size_t(g)];
        PartitionStore &store = *m_stores[std::size_t(partition)];
        // Entries of one type go to the store together; a batch may mix types.
        std::map<QString, std::vector<std::size_t>> byType;
        for (std::size_t i : indices)
            byType[prepared[i].type().name()].push_back(i);
        for (const auto &[name, typed] : byType) {
            QList<Entry> batch;
            for (std::size_t i : typed)
                batch << prepared[i].entry;
            const auto written = store.writeBatch(*prepared[typed.front()].handle, batch, mode, false, true);
            for (std::size_t k = 0; k < typed.size(); ++k)
                outcomes[typed[k]] = written[k];
        }
    });
    for (const auto &[partition, indices] : work) {
        result.groups << GroupReport{partition, int(indices.size())};
        result.partitions << partition;
    }
    for (std::size_t i = 0; i < prepared.size(); ++i) {
        EntryOutcome &outcome = result.entries[qsizetype(i)];
        outcome.partition = prepared[i].partition;
        outcome.ok = outcomes[i].ok;
        outcome.updated = outcomes[i].updated;
        outcome.error = outcomes[i].error;
        if (prepared[i].type().hasId())
            outcome.id = prepared[i].entry.value(prepared[i].type().idProperty());
        (outcome.ok ? result.written : result.failed)++;
    }
    result.ok = true;
    return result;
}

// --- initial load ------------------------------------------------------------------------------

LoadResult SpaceProxy::load(const QString &typeName, const QString &csvPath)
{
    LoadResult result;
    const auto &descriptor = requireType(typeName, &result.error);
    if (!descriptor)
        return result;
    const TypeDescriptor &type = *descriptor;
    auto rows = EntryCsv::read(csvPath, type, &result.error);
    if (!rows)
        return result;
    const int n = partitionCount();
    // Checks the proxy can make before any partition reads a row (all or nothing).
    for (CsvEntry &row : *rows) {
        auto fail = [&](const QString &message) {
            result.error = QStringLiteral("%1:%2: %3").arg(csvPath).arg(row.line).arg(message);
        };
        if (type.hasId()) {
            const Value id = row.entry.value(type.idProperty());
            if (type.autoGenerateId() && !id.isNull()) {
                fail(QStringLiteral("the id '%1' is auto-generated: leave its column out or empty").arg(type.idProperty()));
                return result;
            }
            if (!type.autoGenerateId() && id.isNull()) {
                fail(QStringLiteral("the id property '%1' is empty").arg(type.idProperty()));
                return result;
            }
        }
        if (!type.routesByAutoId() && row.entry.value(type.routingProperty()).isNull()) {
            fail(QStringLiteral("the routing property '%1' is empty, so no partition owns this row").arg(type.routingProperty()));
            return result;
        }
    }
    // A row's owner: its routing value's partition, or round-robin by row for auto-id routing.
    auto owner = [&](qsizetype row) {
        if (type.routesByAutoId())
            return int(row % n);
        return *partitionFor(type, rows->at(row).entry.value(type.routingProperty()), nullptr);
    };
    if (type.autoGenerateId()) {
        for (qsizetype i = 0; i < rows->size(); ++i) {
            const QString id = makeAutoId(owner(i), m_nextAutoId.fetch_add(1, std::memory_order_relaxed));
            (*rows)[i].entry.setValue(type.idProperty(), Value::string(id));
        }
    }
    struct PartitionLoad
    {
        LoadPartitionReport report;
        QList<quint64> sequences;
        QString error;
    };
    std::vector<PartitionLoad> loads(std::size_t(n), PartitionLoad{});
    // Each partition scans every row and keeps those it owns, as XAP's initial load does.
    runParallel(n, [&](int p) {
        PartitionLoad &load = loads[std::size_t(p)];
        load.report.partition = p;
        QList<Entry> mine;
        QList<qint64> lines;
        for (qsizetype i = 0; i < rows->size(); ++i) {
            ++load.report.scanned;
            if (owner(i) == p) {
                mine << rows->at(i).entry;
                lines << rows->at(i).line;
            }
        }
        const auto outcomes = m_stores[std::size_t(p)]->writeBatch(descriptor, mine, WriteMode::WriteOnly, true, false);
        for (qsizetype k = 0; k < mine.size(); ++k) {
            if (!outcomes[std::size_t(k)].ok) {
                if (load.error.isEmpty() && !outcomes[std::size_t(k)].withBatch)
                    load.error = QStringLiteral("%1:%2: %3").arg(csvPath).arg(lines[k]).arg(outcomes[std::size_t(k)].error);
                continue;
            }
            load.sequences << outcomes[std::size_t(k)].sequence;
        }
        if (load.error.isEmpty())
            load.report.kept = mine.size();
    });
    result.rows = rows->size();
    QString firstError;
    for (const PartitionLoad &load : loads) {
        result.partitions << load.report.partition;
        result.perPartition << load.report;
        if (firstError.isEmpty())
            firstError = load.error;
    }
    result.broadcast = true;
    if (!firstError.isEmpty()) {
        // Undo the partitions that did load, so the failed load leaves the space as it was.
        for (int p = 0; p < n; ++p)
            m_stores[std::size_t(p)]->removeSequences(typeName, loads[std::size_t(p)].sequences);
        result.error = firstError + QStringLiteral(" (nothing was loaded)");
        for (LoadPartitionReport &report : result.perPartition)
            report.kept = 0;
        return result;
    }
    result.ok = true;
    return result;
}

} // namespace partlab
