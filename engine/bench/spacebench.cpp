#include "spacebench.h"

#include "benchsuite.h"
#include "space/partitionstore.h"
#include "space/spaceproxy.h"
#include "workload/random.h"
#include "workload/spaceworkloadconfig.h"

#include <QFile>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include <malloc.h>
#include <unistd.h>

namespace partlab {

namespace {

using Clock = std::chrono::steady_clock;

const QString kOrder = QStringLiteral("Order");
const QString kOrderId = QStringLiteral("orderId");
const QString kCustomerId = QStringLiteral("customerId");
const QString kAmount = QStringLiteral("amount");
const QString kStatus = QStringLiteral("status");

/** Amounts spread evenly over [0, 10 000) in cents: a range of width w holds about n * w / 10 000 orders. */
double amountOf(qint64 i)
{
    return double((quint64(i) * 2654435761ULL) % 1'000'000ULL) / 100.0;
}

qint64 customersFor(qint64 entries)
{
    return std::max<qint64>(100, entries / 10);
}

/** Writes the digits of @p n (>= 0) backwards, ending before @p at; returns the first. */
char16_t *digitsBefore(char16_t *at, quint64 n)
{
    do {
        *--at = char16_t(u'0' + n % 10);
        n /= 10;
    } while (n);
    return at;
}

/**
 * A key such as "c42": the prefix and the number, built as cheaply as the baseline builds its
 * std::string keys (QString::arg parses its pattern on every call, which would be the bench's
 * own cost, not the space's). Short keys need no allocation, in either: a std::string keeps up
 * to 15 characters inside itself, a Value up to Value::kInlineUnits.
 */
Value key(char16_t prefix, qint64 n)
{
    char16_t text[24];
    char16_t *end = text + 24, *at = digitsBefore(end, quint64(n));
    *--at = prefix;
    return Value::string(QStringView(at, end));
}

/** "m1-42": a writer's keys, unique per client. */
Value key(char16_t prefix, qint64 a, qint64 b)
{
    char16_t text[48];
    char16_t *end = text + 48, *at = digitsBefore(end, quint64(b));
    *--at = u'-';
    at = digitsBefore(at, quint64(a));
    *--at = prefix;
    return Value::string(QStringView(at, end));
}

Entry makeOrder(const Value &id, qint64 customer, double amount, int status)
{
    static const Value statuses[] = {Value::string(QStringLiteral("new")), Value::string(QStringLiteral("paid")),
                                     Value::string(QStringLiteral("shipped"))};
    Entry e(kOrder);
    e.setValue(kOrderId, id);
    e.setValue(kCustomerId, key(u'c', customer));
    e.setValue(kAmount, Value::real(amount));
    e.setValue(kStatus, statuses[status % 3]);
    return e;
}

/** A number in [0, n) from the project's generator. */
qint64 pick(Random &random, qint64 n)
{
    return qint64(random.below(quint64(n)));
}

double residentMb()
{
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly))
        return -1.0;
    const QList<QByteArray> fields = f.readAll().split(' ');
    if (fields.size() < 2)
        return -1.0;
    return fields[1].toDouble() * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

/** What one timed run did: operations and the planner's work. */
struct Tally
{
    qint64 examined = 0;
    qint64 matched = 0;
    void add(const QList<QueryPlanReport> &plans)
    {
        for (const QueryPlanReport &p : plans) {
            examined += p.examined;
            matched += p.matched;
        }
    }
};

/** Runs @p ops operations split over @p clients threads; ops/s of the wall time, and the tallies summed. */
double timed(int clients, qint64 ops, Tally &tally, const std::function<void(int client, qint64 i, Random &, Tally &)> &op)
{
    std::vector<Tally> tallies(static_cast<std::size_t>(clients));
    std::vector<std::thread> threads;
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    const auto start = std::make_shared<Clock::time_point>();
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&, c] {
            Random random(quint64(c) * 7919 + 17);
            const qint64 mine = ops / clients + (c < ops % clients ? 1 : 0);
            ready.fetch_add(1);
            while (!go.load(std::memory_order_acquire))
                std::this_thread::yield();
            for (qint64 i = 0; i < mine; ++i)
                op(c, i, random, tallies[std::size_t(c)]);
        });
    }
    while (ready.load() < clients)
        std::this_thread::yield();
    *start = Clock::now();
    go.store(true, std::memory_order_release);
    for (std::thread &t : threads)
        t.join();
    const double seconds = std::chrono::duration<double>(Clock::now() - *start).count();
    for (const Tally &t : tallies) {
        tally.examined += t.examined;
        tally.matched += t.matched;
    }
    return seconds > 0 ? double(ops) / seconds : 0.0;
}

/** The baseline: what a plain in-process store with the same routing costs. */
class HashMapBaseline
{
public:
    struct Order
    {
        std::string customer;
        double amount;
        int status;
    };

    explicit HashMapBaseline(int partitions) : m_parts(std::size_t(partitions)) {}

    std::size_t partitionOf(const std::string &customer) const { return std::hash<std::string>()(customer) % m_parts.size(); }
    void write(const std::string &id, const std::string &customer, double amount, int status)
    {
        Part &p = m_parts[partitionOf(customer)];
        const std::unique_lock lock = lockAfterSpin(p.mutex); // as the space's partitions lock
        p.orders.insert_or_assign(id, Order{customer, amount, status});
    }
    bool read(const std::string &id, const std::string &customer, Order &out)
    {
        Part &p = m_parts[partitionOf(customer)];
        const std::unique_lock lock = lockAfterSpin(p.mutex);
        const auto it = p.orders.find(id);
        if (it == p.orders.end())
            return false;
        out = it->second;
        return true;
    }

private:
    struct Part
    {
        std::mutex mutex;
        std::unordered_map<std::string, Order> orders;
    };
    std::vector<Part> m_parts;
};

} // namespace

namespace {

/** One size with one client count, on a fresh space: the operations, the mix and the baseline. */
void benchOne(const SpaceBenchOptions &options, qint64 size, int clients, SpaceBenchResult &result,
              const std::function<void(const QString &)> &say)
{
    const qint64 customers = customersFor(size);
    malloc_trim(0);
    const double before = residentMb();
    QString error;
    std::unique_ptr<SpaceProxy> space = SpaceProxy::create(options.partitions, QStringLiteral("xap"), &error);
    if (!space)
        return;
    space->defineType(SpaceWorkloadConfig().orderType()); // space-load's Order: routed by customerId, amount indexed
    say(QStringLiteral("space: loading %1 orders").arg(size));
    for (qint64 from = 0; from < size; from += 10'000) {
        QList<Entry> batch;
        for (qint64 i = from; i < std::min(size, from + 10'000); ++i)
            batch << makeOrder(key(u'o', i), i % customers, amountOf(i), int(i % 3));
        space->writeMultiple(batch);
    }
    if (size > result.rssEntries) {
        result.rssEntries = size;
        result.rssMb = residentMb();
        result.rssAddedMb = result.rssMb - before;
    }
    const std::shared_ptr<const TypeDescriptor> type = space->type(kOrder);
    const double width = 10'000.0 * 10.0 / double(size); // about 10 orders per range
    std::atomic<qint64> written{0};
    const auto measure = [&](const QString &name, qint64 ops,
                             const std::function<void(int, qint64, Random &, Tally &)> &op) {
        say(QStringLiteral("space: %1, %2 entries, %3 client(s)").arg(name).arg(size).arg(clients));
        std::vector<double> rates;
        Tally tally;
        for (int r = 0; r < options.repetitions; ++r)
            rates.push_back(timed(clients, ops, tally, op));
        const double total = double(ops) * options.repetitions;
        result.rows.push_back({name, size, clients, median(rates), double(tally.examined) / total,
                               double(tally.matched) / total});
    };
    const qint64 ops = options.operations;
    measure(QStringLiteral("routed read by id"), ops, [&](int, qint64, Random &random, Tally &tally) {
        const qint64 k = pick(random, size);
        const ReadResult r = space->readById(kOrder, key(u'o', k),
                                             key(u'c', k % customers));
        tally.add(r.plans);
    });
    measure(QStringLiteral("routed template read (indexed routing property)"), ops,
            [&](int, qint64, Random &random, Tally &tally) {
                Entry templ(kOrder);
                templ.setValue(kCustomerId, key(u'c', pick(random, customers)));
                QString e;
                const ReadResult r = space->read(*space->templateQuery(templ, &e));
                tally.add(r.plans);
            });
    measure(QStringLiteral("broadcast readMultiple, indexed range"), ops / 10, [&](int, qint64, Random &random, Tally &tally) {
        const double from = double(pick(random, 1'000'000)) / 100.0;
        QString e;
        const auto q = space->sqlQuery(kOrder, QStringLiteral("amount >= %1 AND amount < %2").arg(from, 0, 'f', 2).arg(from + width, 0, 'f', 4), &e);
        tally.add(space->readMultiple(*q).plans);
    });
    measure(QStringLiteral("broadcast count of the type"), ops / 10, [&](int, qint64, Random &, Tally &tally) {
        tally.add(space->count(SpaceQuery::all(*type)).plans);
    });
    measure(QStringLiteral("routed write"), ops, [&](int client, qint64, Random &random, Tally &) {
        const qint64 n = written.fetch_add(1, std::memory_order_relaxed);
        space->write(makeOrder(key(u'w', client, n), pick(random, customers),
                               amountOf(n + size), int(n % 3)));
    });
    // Take back about as many as were written, so the next measurements see the same size.
    measure(QStringLiteral("routed take"), ops, [&](int, qint64, Random &random, Tally &tally) {
        Entry templ(kOrder);
        templ.setValue(kCustomerId, key(u'c', pick(random, customers)));
        QString e;
        tally.add(space->take(*space->templateQuery(templ, &e)).plans);
    });
    measure(QStringLiteral("routed clear (customer and amount range)"), ops / 10, [&](int, qint64, Random &random, Tally &tally) {
        const double from = double(pick(random, 1'000'000)) / 100.0;
        QString e;
        const auto q = space->sqlQuery(kOrder, QStringLiteral("customerId = 'c%1' AND amount >= %2 AND amount < %3")
                                                   .arg(pick(random, customers)).arg(from, 0, 'f', 2).arg(from + 100.0, 0, 'f', 2), &e);
        tally.add(space->clear(*q).plans);
    });

    // The routed 50/50 write/read mix, against the baseline loaded with the same orders.
    say(QStringLiteral("space: baseline, %1 entries, %2 client(s)").arg(size).arg(clients));
    HashMapBaseline baseline(options.partitions);
    for (qint64 i = 0; i < size; ++i)
        baseline.write("o" + std::to_string(i), "c" + std::to_string(i % customers), amountOf(i), int(i % 3));
    std::atomic<qint64> baseWritten{0};
    std::vector<double> baseRates, spaceRates, ratios;
    Tally ignored;
    for (int r = 0; r < options.repetitions; ++r) {
        baseRates.push_back(timed(clients, ops, ignored, [&](int client, qint64 i, Random &random, Tally &) {
            if (i % 2 == 0) {
                const qint64 n = baseWritten.fetch_add(1, std::memory_order_relaxed);
                baseline.write("m" + std::to_string(client) + "-" + std::to_string(n), "c" + std::to_string(pick(random, customers)),
                               amountOf(n), int(n % 3));
            } else {
                const qint64 k = pick(random, size);
                HashMapBaseline::Order out;
                baseline.read("o" + std::to_string(k), "c" + std::to_string(k % customers), out);
            }
        }));
        spaceRates.push_back(timed(clients, ops, ignored, [&](int client, qint64 i, Random &random, Tally &) {
            if (i % 2 == 0) {
                const qint64 n = written.fetch_add(1, std::memory_order_relaxed);
                space->write(makeOrder(key(u'm', client, n), pick(random, customers), amountOf(n), int(n % 3)));
            } else {
                const qint64 k = pick(random, size);
                space->readById(kOrder, key(u'o', k),
                                key(u'c', k % customers));
            }
        }));
        ratios.push_back(baseRates.back() > 0 ? spaceRates.back() / baseRates.back() : 0.0);
    }
    result.baselines.push_back({size, clients, median(baseRates), median(spaceRates), ratios});
}

} // namespace

double SpaceBenchBaseline::ratio() const
{
    return pairedRatios.empty() ? 0.0 : median(pairedRatios);
}

SpaceBenchResult runSpaceBench(const SpaceBenchOptions &options, const std::function<void(const QString &)> &progress)
{
    SpaceBenchResult result;
    const auto say = [&](const QString &what) {
        if (progress)
            progress(what);
    };
    // A fresh space per size and client count: the writes, takes and clears of one round would
    // change the size the next round is labelled with.
    for (const qint64 size : options.sizes)
        for (const int clients : options.clients)
            benchOne(options, size, clients, result, say);
    return result;
}

} // namespace partlab
