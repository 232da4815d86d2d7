#include "clusterstatestore.h"

#include "redisconnection.h"
#include "statekeyname.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <thread>

namespace partlab::ClusterStateStore {

namespace {

constexpr std::string_view kScanCount = "2000";

/** SCAN over the state keys of one master; @p onKeys gets each page. False on a failure. */
bool scanStateKeys(RedisConnection &c, const std::function<bool(const std::vector<std::string> &)> &onKeys, QString *error)
{
    std::string cursor = "0";
    std::vector<std::string> keys;
    do {
        const RedisReply r = c.command({"SCAN", cursor, "MATCH", StateKeyName::kPattern, "COUNT", kScanCount});
        if (r.type != RedisReply::Type::Array || r.elements.size() != 2) {
            *error = r.type == RedisReply::Type::None ? c.errorString()
                                                      : QStringLiteral("%1: SCAN failed: %2").arg(c.address().toString(), r.qtext());
            return false;
        }
        cursor = r.elements[0].text;
        keys.clear();
        for (const RedisReply &k : r.elements[1].elements)
            keys.push_back(k.text);
        if (!keys.empty() && !onKeys(keys))
            return false;
    } while (cursor != "0");
    return true;
}

double parseDouble(const RedisReply &r)
{
    double v = 0.0;
    if (r.type == RedisReply::Type::String)
        std::from_chars(r.text.data(), r.text.data() + r.text.size(), v);
    return v;
}

} // namespace

bool clear(const ClusterTopology &topology, quint64 *deleted, QString *error)
{
    quint64 count = 0;
    for (const ClusterMaster &m : topology.masters()) {
        auto c = RedisConnection::connect(m.address, error);
        if (!c)
            return false;
        const bool ok = scanStateKeys(*c, [&](const std::vector<std::string> &keys) {
            // One key per UNLINK: keys of different slots cannot share a command in a cluster.
            for (const std::string &k : keys)
                c->append({"UNLINK", k});
            RedisReply r;
            for (std::size_t i = 0; i < keys.size(); ++i) {
                if (!c->readReply(r) || r.type != RedisReply::Type::Integer) {
                    *error = r.type == RedisReply::Type::None ? c->errorString()
                                                              : QStringLiteral("%1: UNLINK failed: %2").arg(m.address.toString(), r.qtext());
                    return false;
                }
                count += quint64(r.integer);
            }
            return true;
        }, error);
        if (!ok)
            return false;
    }
    if (deleted)
        *deleted = count;
    return true;
}

bool read(const ClusterTopology &topology, Computation computation, std::vector<KeyResult> &out, QString *error)
{
    const auto &masters = topology.masters();
    std::vector<std::vector<KeyResult>> perNode(masters.size());
    std::vector<QString> errors(masters.size());
    std::vector<std::thread> readers;
    for (std::size_t n = 0; n < masters.size(); ++n) {
        readers.emplace_back([&, n] {
            auto c = RedisConnection::connect(masters[n].address, &errors[n]);
            if (!c)
                return;
            RedisReply r;
            scanStateKeys(*c, [&](const std::vector<std::string> &keys) {
                for (const std::string &k : keys)
                    c->append({"HMGET", k, "a", "b", "n"});
                for (const std::string &k : keys) {
                    if (!c->readReply(r)) {
                        errors[n] = c->errorString();
                        return false;
                    }
                    const std::optional<std::string> key = StateKeyName::decode(k);
                    if (!key || r.type != RedisReply::Type::Array || r.elements.size() != 3)
                        continue;
                    KeyState s;
                    s.a = parseDouble(r.elements[0]);
                    s.b = parseDouble(r.elements[1]);
                    const RedisReply &count = r.elements[2];
                    std::from_chars(count.text.data(), count.text.data() + count.text.size(), s.count);
                    perNode[n].push_back(KeyResult{*key, int(n), stateValue(computation, s), s.count});
                }
                return true;
            }, &errors[n]);
        });
    }
    for (std::thread &t : readers)
        t.join();
    out.clear();
    for (std::size_t n = 0; n < masters.size(); ++n) {
        if (!errors[n].isEmpty()) {
            *error = errors[n];
            return false;
        }
        out.insert(out.end(), std::make_move_iterator(perNode[n].begin()), std::make_move_iterator(perNode[n].end()));
    }
    std::sort(out.begin(), out.end(), [](const KeyResult &a, const KeyResult &b) { return a.key < b.key; });
    return true;
}

} // namespace partlab::ClusterStateStore
