#include "clusternodeworker.h"

#include "redisconnection.h"
#include "runtime/stateruntime.h"
#include "statescript.h"

#include <algorithm>
#include <charconv>
#include <chrono>

namespace partlab {

namespace {

/** More hops than a reshard can cause (MOVED then ASK, or one more MOVED during a refresh). */
constexpr int kMaxHops = 8;

/** Connects and loads the state script, so EVALSHA never meets NOSCRIPT on this connection. */
std::unique_ptr<RedisConnection> openScriptConnection(const RedisAddress &address, const NodeWorkerSettings &settings,
                                                      QString *error)
{
    auto c = RedisConnection::connect(address, error, settings.connectTimeoutMs, settings.commandTimeoutMs);
    if (!c)
        return nullptr;
    const RedisReply r = c->command({"SCRIPT", "LOAD", StateScript::source()});
    if (r.type == RedisReply::Type::None) {
        *error = c->errorString();
        return nullptr;
    }
    if (r.text != StateScript::sha1()) {
        *error = QStringLiteral("%1: SCRIPT LOAD failed: %2").arg(address.toString(), r.qtext());
        return nullptr;
    }
    return c;
}

/** "MOVED 3999 127.0.0.1:6381" / "ASK ...": the target node (an empty host means the replier's). */
std::optional<RedisAddress> redirectTarget(const std::string &error, const RedisAddress &replier)
{
    const std::size_t space = error.rfind(' ');
    if (space == std::string::npos)
        return std::nullopt;
    std::string text = error.substr(space + 1);
    if (!text.empty() && text.front() == ':')
        text = replier.host + text;
    return RedisAddress::parse(QString::fromStdString(text), nullptr);
}

} // namespace

struct ClusterNodeWorker::Item
{
    quint32 index;
    bool asking;
};

struct ClusterNodeWorker::Redirect
{
    quint32 index;
    RedisAddress target;
    bool asking;
};

ClusterNodeWorker::ClusterNodeWorker(const RedisAddress &home, const NodeWorkerSettings &settings,
                                     std::atomic<bool> *topologyStale)
    : m_home(home), m_settings(settings), m_topologyStale(topologyStale),
      m_computationName(computationName(settings.computation).toStdString())
{
}

ClusterNodeWorker::~ClusterNodeWorker()
{
    stop();
}

bool ClusterNodeWorker::start(QString *error)
{
    auto home = openScriptConnection(m_home, m_settings, error);
    if (!home)
        return false;
    m_connections[m_home] = std::move(home);
    m_thread = std::thread([this] { run(); }); // the connections belong to the thread from here on
    return true;
}

void ClusterNodeWorker::signal()
{
    m_version.fetch_add(1, std::memory_order_release);
    m_version.notify_all();
}

bool ClusterNodeWorker::push(ClusterBatch &&batch)
{
    for (;;) {
        const quint32 seen = m_version.load(std::memory_order_acquire);
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (m_failed.load(std::memory_order_relaxed))
                return false;
            if (int(m_inbox.size()) < m_settings.inboxBatches) {
                m_inbox.push_back(std::move(batch));
                ++m_pushed;
                break;
            }
        }
        m_version.wait(seen, std::memory_order_acquire); // full: backpressure until the worker takes one
    }
    signal();
    return true;
}

void ClusterNodeWorker::waitIdle()
{
    for (;;) {
        const quint32 seen = m_version.load(std::memory_order_acquire);
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (m_completed == m_pushed || m_failed.load(std::memory_order_relaxed))
                return;
        }
        m_version.wait(seen, std::memory_order_acquire);
    }
}

void ClusterNodeWorker::stop()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    signal();
    if (m_thread.joinable())
        m_thread.join();
}

void ClusterNodeWorker::run()
{
    for (;;) {
        ClusterBatch batch;
        bool got = false, stopping = false;
        while (!got && !stopping) {
            const quint32 seen = m_version.load(std::memory_order_acquire);
            {
                std::lock_guard<std::mutex> lock(m_mutex);
                if (!m_inbox.empty()) {
                    batch = std::move(m_inbox.front());
                    m_inbox.pop_front();
                    got = true;
                } else {
                    stopping = m_stopping;
                }
            }
            if (!got && !stopping)
                m_version.wait(seen, std::memory_order_acquire);
        }
        if (!got)
            break;
        signal(); // room for the producer
        const bool ok = process(batch);
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (ok) {
                ++m_completed;
            } else {
                // Network waits are bounded, so a failure is final: drop what is queued (all later
                // messages; the failure names the first one not applied) and refuse new batches.
                m_inbox.clear();
                m_failed.store(true, std::memory_order_release);
            }
        }
        signal();
        if (!ok)
            break;
    }
    m_connections.clear();
}

RedisConnection *ClusterNodeWorker::connectionTo(const RedisAddress &address, QString *error)
{
    auto it = m_connections.find(address);
    if (it != m_connections.end() && !it->second->isBroken())
        return it->second.get();
    auto c = openScriptConnection(address, m_settings, error);
    if (!c)
        return nullptr;
    RedisConnection *raw = c.get();
    m_connections[address] = std::move(c);
    return raw;
}

void ClusterNodeWorker::fail(const ClusterBatch &batch, const std::vector<char> &done, const RedisAddress &node,
                             const QString &reason, bool nodeDown)
{
    m_failure.node = node;
    m_failure.reason = reason;
    m_failure.nodeDown = nodeDown;
    m_failure.firstUnconfirmedSeq = 0;
    for (std::size_t i = 0; i < batch.entries.size(); ++i) {
        if (!done[i]) {
            m_failure.firstUnconfirmedSeq = batch.entries[i].seq;
            break;
        }
    }
}

bool ClusterNodeWorker::process(const ClusterBatch &batch)
{
    std::vector<char> done(batch.entries.size(), 0);
    std::vector<std::pair<RedisAddress, std::vector<Item>>> rounds(1);
    rounds[0].first = m_home;
    rounds[0].second.reserve(batch.entries.size());
    for (quint32 i = 0; i < batch.entries.size(); ++i)
        rounds[0].second.push_back({i, false});
    for (int hop = 0; !rounds.empty(); ++hop) {
        if (hop > kMaxHops) {
            const RedisAddress &last = rounds.front().first;
            fail(batch, done, last, QStringLiteral("%1: still redirected after %2 hops (is the cluster being reconfigured in a loop?)")
                                        .arg(last.toString()).arg(kMaxHops));
            return false;
        }
        std::vector<Redirect> redirects;
        for (const auto &[target, items] : rounds) {
            if (!sendRound(batch, target, items, done, redirects))
                return false;
        }
        // Next round: the redirected messages in input order, grouped by the node that now
        // serves them (one key is redirected to one node, so its order is kept).
        std::stable_sort(redirects.begin(), redirects.end(), [](const Redirect &a, const Redirect &b) { return a.index < b.index; });
        rounds.clear();
        for (const Redirect &r : redirects) {
            auto it = std::find_if(rounds.begin(), rounds.end(), [&](const auto &round) { return round.first == r.target; });
            if (it == rounds.end()) {
                rounds.emplace_back(r.target, std::vector<Item>());
                it = rounds.end() - 1;
            }
            it->second.push_back({r.index, r.asking});
        }
    }
    return true;
}

bool ClusterNodeWorker::sendRound(const ClusterBatch &batch, const RedisAddress &target, const std::vector<Item> &items,
                                  std::vector<char> &done, std::vector<Redirect> &redirects)
{
    char seqText[24], valueText[32], volumeText[32];
    RedisReply reply;
    std::size_t from = 0;
    int attempts = 0;
    const std::string &sha = StateScript::sha1();
    while (from < items.size()) {
        QString error;
        RedisConnection *c = connectionTo(target, &error);
        if (!c) {
            if (++attempts > m_settings.reconnects) {
                fail(batch, done, target, error, true);
                return false;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100 * attempts));
            continue;
        }
        for (std::size_t i = from; i < items.size(); ++i) {
            const ClusterBatchEntry &e = batch.entries[items[i].index];
            if (items[i].asking)
                c->append({"ASKING"});
            const auto seqEnd = std::to_chars(seqText, seqText + sizeof seqText, e.seq).ptr;
            c->append({"EVALSHA", sha, "1", batch.key(e), m_computationName,
                       std::string_view(seqText, std::size_t(seqEnd - seqText)),
                       StateScript::formatDouble(e.value, valueText, sizeof valueText),
                       StateScript::formatDouble(e.volume, volumeText, sizeof volumeText)});
        }
        std::size_t i = from;
        for (; i < items.size(); ++i) {
            if (items[i].asking && !c->readReply(reply))
                break;
            if (!c->readReply(reply))
                break;
            const quint32 index = items[i].index;
            if (reply.type == RedisReply::Type::Integer) {
                done[index] = 1;
                if (reply.integer == 1) {
                    ++m_counters.applied;
                    ++m_counters.appliedPerNode[target];
                    m_appliedLive.store(m_counters.applied, std::memory_order_relaxed);
                } else {
                    ++m_counters.duplicates;
                }
                m_latency.record(quint64(std::max<qint64>(0, steadyNowNs() - batch.entries[index].submitNs)));
                continue;
            }
            const bool moved = reply.isError() && reply.text.rfind("MOVED ", 0) == 0;
            const bool ask = reply.isError() && reply.text.rfind("ASK ", 0) == 0;
            if (moved || ask) {
                const auto to = redirectTarget(reply.text, target);
                if (!to) {
                    fail(batch, done, target, QStringLiteral("%1: unreadable redirection '%2'").arg(target.toString(), reply.qtext()));
                    return false;
                }
                redirects.push_back({index, *to, ask});
                if (moved) {
                    ++m_counters.movedRedirects;
                    m_topologyStale->store(true, std::memory_order_relaxed);
                } else {
                    ++m_counters.askRedirects;
                }
                continue;
            }
            if (reply.isError() && reply.text.rfind("TRYAGAIN", 0) == 0) { // slot in flux: same node, next round
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
                redirects.push_back({index, target, items[i].asking});
                continue;
            }
            fail(batch, done, target, QStringLiteral("%1: %2 (key %3)")
                                          .arg(target.toString(),
                                               reply.isError() ? reply.qtext() : QStringLiteral("unexpected reply to EVALSHA"),
                                               QString::fromUtf8(batch.key(batch.entries[index]).data(),
                                                                 qsizetype(batch.key(batch.entries[index]).size()))));
            return false;
        }
        if (i == items.size())
            return true;
        // The connection broke: the unanswered commands may or may not have run. Reconnect and
        // send them again; the sequence number check skips the ones that did.
        const QString lost = c->errorString();
        m_connections.erase(target);
        if (++attempts > m_settings.reconnects) {
            fail(batch, done, target, lost, true);
            return false;
        }
        ++m_counters.reconnects;
        from = i;
        std::this_thread::sleep_for(std::chrono::milliseconds(100 * attempts));
    }
    return true;
}

} // namespace partlab
