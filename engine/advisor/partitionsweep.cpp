#include "partitionsweep.h"

#include "model/limits.h"
#include "model/numberformat.h"

#include <QCoreApplication>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <chrono>
#include <thread>

namespace partlab {

PartitionSweep::PartitionSweep(std::vector<KeyWeight> keys, SweepOptions options)
    : m_keys(std::move(keys))
    , m_options(std::move(options))
{
    for (const KeyWeight &k : m_keys)
        m_totalWeight += k.weight;
}

QString PartitionSweep::validate() const
{
    if (m_options.partitioners.isEmpty())
        return QStringLiteral("no partitioner to sweep");
    for (const QString &name : m_options.partitioners) {
        if (const QString unknown = unknownPartitionerError(name); !unknown.isEmpty())
            return unknown;
    }
    if (m_options.minPartitions < 1 || m_options.maxPartitions > limits::kMaxPartitions || m_options.minPartitions > m_options.maxPartitions)
        return QStringLiteral("the partition range must lie within 1..%1 and start at or below its end (got %2..%3)")
            .arg(limits::kMaxPartitions).arg(m_options.minPartitions).arg(m_options.maxPartitions);
    if (m_options.workers < 1 || m_options.workers > 1024)
        return QStringLiteral("workers must be between 1 and 1024 (got %1)").arg(m_options.workers);
    if (!(m_options.targetSkew >= 1.0))
        return QStringLiteral("the target skew must be at least 1 (1 = perfectly even)");
    if (m_keys.empty())
        return QStringLiteral("no keys to route (the input has no messages)");
    return {};
}

std::vector<SweepRow> PartitionSweep::sweepOne(const QString &name, std::atomic<int> &done,
                                               const std::atomic<bool> *cancel) const
{
    std::vector<SweepRow> rows;
    std::vector<int> previous, current(m_keys.size());
    std::vector<quint64> load, workerLoad(std::size_t(m_options.workers));
    const int first = qMax(1, m_options.minPartitions - 1); // N-1 of the first row, for movement
    for (int n = first; n <= m_options.maxPartitions; ++n) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return {};
        PartitionerOptions o = m_options.base;
        o.partitions = n;
        QString error;
        const auto partitioner = createPartitioner(name, o, &error);
        if (!partitioner) { // past the system's own limit (Elasticsearch: 1024 shards): the rows so far stand
            done.fetch_add(m_options.maxPartitions - std::max(n, m_options.minPartitions) + 1, std::memory_order_relaxed);
            break;
        }
        load.assign(std::size_t(n), 0);
        for (std::size_t i = 0; i < m_keys.size(); ++i) {
            current[i] = partitioner->partition(RoutingKey::text(m_keys[i].key));
            load[std::size_t(current[i])] += m_keys[i].weight;
        }
        if (n >= m_options.minPartitions) {
            SweepRow row;
            row.partitioner = name;
            row.partitions = n;
            const quint64 max = *std::max_element(load.begin(), load.end());
            const double mean = double(m_totalWeight) / n;
            row.skew = mean > 0 ? double(max) / mean : 0.0;
            row.maxShare = m_totalWeight ? double(max) / double(m_totalWeight) : 0.0;
            row.emptyPartitions = int(std::count(load.begin(), load.end(), quint64(0)));
            if (!previous.empty()) {
                for (std::size_t i = 0; i < m_keys.size(); ++i)
                    row.keysMoved += previous[i] != current[i];
                row.movedFraction = double(row.keysMoved) / double(m_keys.size());
            }
            std::fill(workerLoad.begin(), workerLoad.end(), 0);
            for (int p = 0; p < n; ++p)
                workerLoad[std::size_t(p % m_options.workers)] += load[std::size_t(p)];
            const quint64 busiest = *std::max_element(workerLoad.begin(), workerLoad.end());
            row.speedup = busiest ? double(m_totalWeight) / double(busiest) : 0.0;
            rows.push_back(row);
            done.fetch_add(1, std::memory_order_relaxed);
        }
        previous.swap(current);
        current.resize(m_keys.size());
    }
    return rows;
}

std::vector<SweepRow> PartitionSweep::run(const std::function<void(int, int)> &progress,
                                          const std::atomic<bool> *cancel) const
{
    const int count = int(m_options.partitioners.size());
    const int total = count * (m_options.maxPartitions - m_options.minPartitions + 1);
    std::atomic<int> done{0};
    std::atomic<int> finished{0};
    std::vector<std::vector<SweepRow>> perPartitioner(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        // Each task writes only its own slot, then publishes it through `finished` (release),
        // a hand-off ThreadSanitizer can see (Qt's own synchronisation is invisible to it).
        (void)QtConcurrent::run([&, i] {
            perPartitioner[std::size_t(i)] = sweepOne(m_options.partitioners[i], done, cancel);
            finished.fetch_add(1, std::memory_order_release);
        });
    }
    while (finished.load(std::memory_order_acquire) < count) {
        if (progress)
            progress(done.load(std::memory_order_relaxed), total);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    if (progress)
        progress(done.load(std::memory_order_relaxed), total);
    if (cancel && cancel->load())
        return {};
    std::vector<SweepRow> rows;
    for (auto &part : perPartitioner)
        rows.insert(rows.end(), part.begin(), part.end());
    return rows;
}

std::vector<SweepRecommendation> PartitionSweep::recommend(const std::vector<SweepRow> &rows) const
{
    quint64 hottest = 0;
    const KeyWeight *hot = nullptr;
    for (const KeyWeight &k : m_keys) {
        if (k.weight > hottest) {
            hottest = k.weight;
            hot = &k;
        }
    }
    const double hotShare = m_totalWeight ? double(hottest) / double(m_totalWeight) : 0.0;
    std::vector<SweepRecommendation> out;
    for (const QString &name : m_options.partitioners) {
        SweepRecommendation r;
        r.partitioner = name;
        const SweepRow *best = nullptr, *lowest = nullptr;
        for (const SweepRow &row : rows) {
            if (row.partitioner != name)
                continue;
            if (!lowest || row.skew < lowest->skew)
                lowest = &row;
            if (!best && row.skew <= m_options.targetSkew)
                best = &row;
        }
        if (best) {
            r.partitions = best->partitions;
            r.reason = QCoreApplication::translate("Advisor", "%1 partitions is the smallest count whose busiest partition carries at most %2x the mean load "
                                                             "(skew %3, busiest %4 of all messages, %5x speed-up on %6 workers)")
                           .arg(best->partitions).arg(fmt::shortest(m_options.targetSkew)).arg(fmt::decimal(best->skew, 2))
                           .arg(fmt::percent(best->maxShare)).arg(fmt::decimal(best->speedup, 2)).arg(m_options.workers);
        } else if (lowest) {
            r.reason = QCoreApplication::translate("Advisor", "no count in %1..%2 reaches skew %3; the lowest is %4 at %5 partitions.")
                           .arg(m_options.minPartitions).arg(m_options.maxPartitions).arg(fmt::shortest(m_options.targetSkew))
                           .arg(fmt::decimal(lowest->skew, 2)).arg(lowest->partitions);
            // With N partitions the busiest holds at least the hottest key: skew >= hotShare * N.
            const int ceiling = hotShare > 0 ? int(m_options.targetSkew / hotShare) : m_options.maxPartitions;
            if (hot && ceiling < m_options.maxPartitions) {
                r.reason += QCoreApplication::translate("Advisor", " Key '%1' alone carries %2 of the messages, so from %3 partitions on one partition always "
                                           "holds more than the target: more partitions won't help. Salt that key (split it into "
                                           "key#0..key#k and merge the partial results) or route by a property with more distinct values.")
                                .arg(QString::fromStdString(hot->key)).arg(fmt::percent(hotShare)).arg(ceiling + 1);
            } else if (m_keys.size() < std::size_t(m_options.maxPartitions)) {
                r.reason += QCoreApplication::translate("Advisor", " There are only %1 distinct keys: with more partitions than keys some stay empty.")
                                .arg(m_keys.size());
            } else {
                r.reason += QCoreApplication::translate("Advisor", " The keys are uneven in weight; a partitioner that spreads them differently, or a wider "
                                           "range, may do better.");
            }
        }
        out.push_back(r);
    }
    return out;
}

} // namespace partlab
