#include "spaceworkloadclient.h"

#include <thread>

namespace partlab {

namespace {

using Clock = std::chrono::steady_clock;

const QString kCustomerId = QStringLiteral("customerId");
const QString kOrderId = QStringLiteral("orderId");
const QString kName = QStringLiteral("name");
const QString kRegion = QStringLiteral("region");
const QString kVisits = QStringLiteral("visits");
const QString kAmount = QStringLiteral("amount");
const QString kStatus = QStringLiteral("status");
constexpr std::size_t kRecentOrders = 64;
constexpr int kAmountBand = 10; ///< width of a key-less Order query's amount band (amounts are 0..1000)

const QString &statusName(quint64 index)
{
    static const QString names[4] = {QStringLiteral("new"), QStringLiteral("paid"), QStringLiteral("shipped"),
                                     QStringLiteral("cancelled")};
    return names[index % 4];
}

const QString &regionName(quint32 customer)
{
    static const QString names[4] = {QStringLiteral("EU"), QStringLiteral("US"), QStringLiteral("APAC"),
                                     QStringLiteral("LATAM")};
    return names[customer % 4];
}

Value customerKey(quint32 customer)
{
    return Value::string(QLatin1Char('c') + QString::number(customer));
}

/** Single writer: a relaxed load and store, no read-modify-write. */
template<typename T>
void bump(std::atomic<T> &counter, T by = 1)
{
    counter.store(counter.load(std::memory_order_relaxed) + by, std::memory_order_relaxed);
}

} // namespace

SpaceClientCounters::SpaceClientCounters(int partitionCount)
    : partitions(partitionCount)
    , partitionRouted(new std::atomic<quint64>[std::size_t(partitionCount)])
    , partitionEntries(new std::atomic<qint64>[std::size_t(partitionCount)])
{
    for (int p = 0; p < partitions; ++p) {
        partitionRouted[std::size_t(p)].store(0, std::memory_order_relaxed);
        partitionEntries[std::size_t(p)].store(0, std::memory_order_relaxed);
    }
}

SpaceWorkloadClient::SpaceWorkloadClient(int index, qint64 operations, const SpaceWorkloadConfig &config,
                                         SpaceProxy &proxy, SpaceClientCounters &counters, SpaceWorkloadShared &shared)
    : m_index(index)
    , m_operations(operations)
    , m_config(config)
    , m_proxy(proxy)
    , m_counters(counters)
    , m_shared(shared)
    // Each client its own stream: the seed and the client index (SplitMix64 spreads them apart).
    , m_random(config.seed * 0x9E3779B97F4A7C15ULL + quint64(index) + 1)
    , m_picker(config.distribution, config.customers)
    , m_customerType(proxy.type(QStringLiteral("Customer")))
    , m_orderType(proxy.type(QStringLiteral("Order")))
{
    double sum = 0.0;
    for (int i = 0; i < kSpaceOpCount; ++i) {
        sum += m_config.mix[std::size_t(i)];
        m_cumulative[std::size_t(i)] = sum;
    }
    if (config.rate > 0.0)
        m_nanosPerOp = 1e9 * double(config.clients) / config.rate;
    m_recentOrders.reserve(kRecentOrders);
}

void SpaceWorkloadClient::run()
{
    for (qint64 done = 0; m_operations < 0 || done < m_operations; ++done) {
        if (m_shared.stop.load(std::memory_order_relaxed))
            break;
        if (m_nanosPerOp > 0.0)
            pace(done);
        const SpaceOp op = pickOp();
        const bool onOrder = m_random.uniform() < m_config.orderShare;
        const quint32 customer = m_picker.pick(m_random);
        const bool keyed = m_random.uniform() < m_config.routedShare;
        const TypeHandle &type = onOrder ? m_orderType : m_customerType;
        const Done result = execute(op, type, customer, keyed);
        account(op, result);
        // One relaxed load per operation; only the client that wins the exchange publishes.
        if (m_shared.sampleWanted.load(std::memory_order_relaxed)
            && m_shared.sampleWanted.exchange(false, std::memory_order_acq_rel)) {
            SpaceOperationSample sample{op, type->name(), result.report.partitions, result.report.broadcast,
                                        result.report.ok, m_index};
            std::lock_guard lock(m_shared.sampleMutex);
            m_shared.samples.push_back(std::move(sample));
            while (m_shared.samples.size() > SpaceWorkloadShared::kMaxSamples)
                m_shared.samples.pop_front();
        }
    }
}

SpaceOp SpaceWorkloadClient::pickOp()
{
    const double u = m_random.uniform() * m_cumulative.back();
    for (int i = 0; i < kSpaceOpCount; ++i) {
        if (u < m_cumulative[std::size_t(i)])
            return SpaceOp(i);
    }
    for (int i = kSpaceOpCount - 1; i >= 0; --i) { // u rounded up to the total: the last op with weight
        if (m_config.mix[std::size_t(i)] > 0)
            return SpaceOp(i);
    }
    return SpaceOp::Write;
}

void SpaceWorkloadClient::pace(qint64 done)
{
    // Sleep only when more than a millisecond ahead: fewer, longer sleeps keep the rate accurate.
    const auto due = m_shared.start + std::chrono::nanoseconds(qint64(double(done) * m_nanosPerOp));
    if (due - Clock::now() > std::chrono::milliseconds(1))
        std::this_thread::sleep_until(due);
}

SpaceWorkloadClient::Done SpaceWorkloadClient::execute(SpaceOp op, const TypeHandle &type, quint32 customer, bool keyed)
{
    switch (op) {
    case SpaceOp::Write:
        return write(type, customer, false);
    case SpaceOp::WriteMultiple:
        return write(type, customer, true);
    case SpaceOp::Update:
        return update(type, customer);
    case SpaceOp::BlockingTake:
        return blockingTake(type, customer);
    case SpaceOp::Read:
    case SpaceOp::Take:
    case SpaceOp::ReadMultiple:
    case SpaceOp::Count:
    case SpaceOp::Clear:
        break;
    }
    return query(op, type, customer, keyed);
}

Entry SpaceWorkloadClient::makeCustomer(quint32 customer) const
{
    Entry entry(QStringLiteral("Customer"));
    entry.setValue(kCustomerId, customerKey(customer));
    entry.setValue(kName, Value::string(QStringLiteral("Customer %1").arg(customer)));
    entry.setValue(kRegion, Value::string(regionName(customer)));
    entry.setValue(kVisits, Value::int32(0));
    return entry;
}

Entry SpaceWorkloadClient::makeOrder(quint32 customer)
{
    Entry entry(QStringLiteral("Order"));
    entry.setValue(kOrderId, Value::string(QStringLiteral("o%1-%2").arg(m_index).arg(m_nextOrder++)));
    entry.setValue(kCustomerId, customerKey(customer));
    entry.setValue(kAmount, Value::real(double(m_random.below(100'000)) / 100.0));
    entry.setValue(kStatus, Value::string(statusName(m_random.below(4))));
    return entry;
}

void SpaceWorkloadClient::remember(const Entry &order)
{
    if (m_recentOrders.size() < kRecentOrders)
        m_recentOrders.push_back(order);
    else
        m_recentOrders[m_recentNext++ % kRecentOrders] = order;
}

SpaceWorkloadClient::Done SpaceWorkloadClient::write(const TypeHandle &type, quint32 customer, bool batch)
{
    const bool isOrder = type == m_orderType;
    // Orders get fresh ids; customers are upserted (a customer key comes up again and again).
    const WriteMode mode = isOrder ? WriteMode::WriteOnly : WriteMode::UpdateOrWrite;
    Done done;
    if (!batch) {
        const Entry entry = isOrder ? makeOrder(customer) : makeCustomer(customer);
        const auto start = Clock::now();
        const WriteResult result = m_proxy.write(entry, mode);
        done.nanoseconds = quint64((Clock::now() - start).count());
        done.report = result;
        if (result.ok && !result.updated) {
            addEntries(result.partition, 1);
            bump(m_counters.written);
        }
        if (result.ok && isOrder)
            remember(entry);
        return done;
    }
    QList<Entry> entries;
    entries.reserve(m_config.batchSize);
    for (int i = 0; i < m_config.batchSize; ++i) {
        const quint32 key = i == 0 ? customer : m_picker.pick(m_random);
        entries << (isOrder ? makeOrder(key) : makeCustomer(key));
    }
    const auto start = Clock::now();
    const WriteMultipleResult result = m_proxy.writeMultiple(entries, mode);
    done.nanoseconds = quint64((Clock::now() - start).count());
    done.report = result;
    if (!result.ok)
        return done;
    for (qsizetype i = 0; i < result.entries.size(); ++i) {
        const EntryOutcome &outcome = result.entries[i];
        if (!outcome.ok) {
            done.report.ok = false;
            done.report.error = outcome.error;
            continue;
        }
        if (!outcome.updated) {
            addEntries(outcome.partition, 1);
            bump(m_counters.written);
        }
        if (isOrder)
            remember(entries[i]);
    }
    return done;
}

SpaceWorkloadClient::Done SpaceWorkloadClient::update(const TypeHandle &type, quint32 customer)
{
    // An update changes what is not the id and not the routing property, so the entry stays on
    // its partition; updateOrWrite writes it again if another client took it meanwhile.
    Entry entry;
    const QString &routing = type->routingProperty();
    std::size_t slot = kRecentOrders;
    if (type == m_orderType) {
        if (m_recentOrders.empty()) {
            entry = makeOrder(customer);
        } else {
            slot = std::size_t(m_random.below(m_recentOrders.size()));
            entry = m_recentOrders[slot];
            if (routing != kAmount)
                entry.setValue(kAmount, Value::real(double(m_random.below(100'000)) / 100.0));
            if (routing != kStatus)
                entry.setValue(kStatus, Value::string(statusName(m_random.below(4))));
        }
    } else {
        entry = makeCustomer(customer);
        if (routing != kVisits)
            entry.setValue(kVisits, Value::int32(qint32(1 + m_random.below(9))));
    }
    Done done;
    const auto start = Clock::now();
    const WriteResult result = m_proxy.write(entry, WriteMode::UpdateOrWrite);
    done.nanoseconds = quint64((Clock::now() - start).count());
    done.report = result;
    if (result.ok && !result.updated) {
        addEntries(result.partition, 1);
        bump(m_counters.written);
    }
    if (result.ok && slot < m_recentOrders.size())
        m_recentOrders[slot] = entry;
    return done;
}

SpaceQuery SpaceWorkloadClient::queryFor(const TypeHandle &type, quint32 customer, bool keyed)
{
    QString error;
    if (keyed) {
        Entry templ(type->name());
        templ.setValue(kCustomerId, customerKey(customer));
        return *SpaceQuery::fromTemplate(*type, templ, &error);
    }
    if (type == m_orderType) {
        const int low = int(m_random.below(1000 / kAmountBand)) * kAmountBand;
        return *SpaceQuery::fromSql(*type, QStringLiteral("amount >= %1 AND amount < %2").arg(low).arg(low + kAmountBand), &error);
    }
    Entry templ(type->name());
    templ.setValue(kName, Value::string(QStringLiteral("Customer %1").arg(customer)));
    return *SpaceQuery::fromTemplate(*type, templ, &error);
}

SpaceWorkloadClient::Done SpaceWorkloadClient::query(SpaceOp op, const TypeHandle &type, quint32 customer, bool keyed)
{
    const SpaceQuery q = queryFor(type, customer, keyed);
    Done done;
    const auto start = Clock::now();
    switch (op) {
    case SpaceOp::Read:
        done.report = m_proxy.read(q);
        break;
    case SpaceOp::ReadMultiple:
        done.report = m_proxy.readMultiple(q, m_config.multipleMax);
        break;
    case SpaceOp::Take: {
        const ReadResult result = m_proxy.take(q);
        done.nanoseconds = quint64((Clock::now() - start).count());
        done.report = result;
        removedFrom(type, result.entries);
        return done;
    }
    case SpaceOp::Count:
        done.report = m_proxy.count(q);
        break;
    case SpaceOp::Clear: {
        const CountResult result = m_proxy.clear(q);
        done.nanoseconds = quint64((Clock::now() - start).count());
        done.report = result;
        for (qsizetype i = 0; i < result.partitionCounts.size(); ++i)
            addEntries(result.partitions[i], -result.partitionCounts[i]);
        bump(m_counters.removed, quint64(result.count));
        return done;
    }
    default:
        break;
    }
    done.nanoseconds = quint64((Clock::now() - start).count());
    return done;
}

SpaceWorkloadClient::Done SpaceWorkloadClient::blockingTake(const TypeHandle &type, quint32 customer)
{
    // The probe has the routing property's value: the customer key, or that of an order this
    // client wrote (orderId, amount or status routing).
    Entry probe;
    if (type == m_orderType) {
        probe = m_recentOrders.empty() ? makeOrder(customer) : m_recentOrders[std::size_t(m_random.below(m_recentOrders.size()))];
        probe.setValue(kCustomerId, customerKey(customer));
    } else {
        probe = makeCustomer(customer);
        if (type->routingProperty() == kVisits)
            probe.setValue(kVisits, Value::int32(0));
    }
    Entry templ(type->name());
    templ.setValue(type->routingProperty(), probe.value(type->routingProperty()));
    QString error;
    const SpaceQuery q = *SpaceQuery::fromTemplate(*type, templ, &error);
    Done done;
    const auto start = Clock::now();
    const ReadResult result = m_proxy.take(q, std::chrono::milliseconds(m_config.blockingTimeoutMs));
    done.nanoseconds = quint64((Clock::now() - start).count());
    done.report = result;
    m_counters.blockingNs.fetch_add(done.nanoseconds, std::memory_order_relaxed);
    if (result.timedOut)
        bump(m_counters.timeouts);
    removedFrom(type, result.entries);
    return done;
}

void SpaceWorkloadClient::removedFrom(const TypeHandle &type, const QList<Entry> &entries)
{
    for (const Entry &entry : entries) {
        // The entry lived where its routing value routes (the workload never uses auto ids).
        if (const auto partition = m_proxy.partitionFor(*type, entry.value(type->routingProperty()), nullptr))
            addEntries(*partition, -1);
    }
    bump(m_counters.removed, quint64(entries.size()));
}

void SpaceWorkloadClient::addEntries(int partition, qint64 delta)
{
    if (partition >= 0 && partition < m_counters.partitions)
        bump(m_counters.partitionEntries[std::size_t(partition)], delta);
}

void SpaceWorkloadClient::account(SpaceOp op, const Done &done)
{
    bump(m_counters.ops[std::size_t(op)]);
    m_counters.latency[std::size_t(op)].record(done.nanoseconds);
    if (!done.report.ok) {
        if (m_counters.failed.load(std::memory_order_relaxed) == 0)
            m_counters.firstFailure = QStringLiteral("%1: %2").arg(spaceOpName(op), done.report.error);
        bump(m_counters.failed);
        return;
    }
    if (done.report.broadcast) {
        bump(m_counters.broadcast);
        return;
    }
    bump(m_counters.routed);
    for (int p : done.report.partitions) {
        if (p >= 0 && p < m_counters.partitions)
            bump(m_counters.partitionRouted[std::size_t(p)]);
    }
}

} // namespace partlab
