#pragma once

#include "redisaddress.h"

#include <QString>

#include <memory>
#include <string>
#include <vector>

namespace partlab {

class RedisConnection;

/** A key whose slot Partlab computes differently from the server (there must be none). */
struct SlotMismatch
{
    std::string key;
    int partlabSlot = 0;
    int serverSlot = 0;
};

/**
 * Checks Partlab's hash slots against a real node: CLUSTER KEYSLOT for every key, pipelined in
 * batches of 1000 (`route --partitioner redis --verify`). Any cluster node answers KEYSLOT for
 * any key, so one connection does.
 */
class SlotVerifier
{
public:
    static constexpr std::size_t kBatch = 1000;
    static constexpr std::size_t kKeptMismatches = 1000;

    /** nullptr with a one-line @p error naming the node when it cannot connect. */
    static std::unique_ptr<SlotVerifier> connect(const RedisAddress &node, QString *error);
    ~SlotVerifier();

    /** Queues @p key (its exact bytes) with the slot Partlab gives it; sends a full batch. */
    bool add(std::string_view key, int partlabSlot, QString *error);
    /** Sends what is queued and reads the answers. */
    bool flush(QString *error);

    quint64 checked() const { return m_checked; }
    quint64 mismatchCount() const { return m_mismatchCount; }
    /** Mismatches reported by the last flush() (consumed by the caller), at most kKeptMismatches in all. */
    std::vector<SlotMismatch> takeMismatches() { return std::exchange(m_mismatches, {}); }

private:
    explicit SlotVerifier(std::unique_ptr<RedisConnection> connection);

    std::unique_ptr<RedisConnection> m_connection;
    std::vector<std::string> m_keys;
    std::vector<int> m_slots;
    std::vector<SlotMismatch> m_mismatches;
    quint64 m_checked = 0;
    quint64 m_mismatchCount = 0;
};

} // namespace partlab
