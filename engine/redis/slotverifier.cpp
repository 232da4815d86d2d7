#include "slotverifier.h"

#include "redisconnection.h"

namespace partlab {

std::unique_ptr<SlotVerifier> SlotVerifier::connect(const RedisAddress &node, QString *error)
{
    auto c = RedisConnection::connect(node, error);
    if (!c)
        return nullptr;
    return std::unique_ptr<SlotVerifier>(new SlotVerifier(std::move(c)));
}

SlotVerifier::SlotVerifier(std::unique_ptr<RedisConnection> connection) : m_connection(std::move(connection))
{
    m_keys.reserve(kBatch);
    m_slots.reserve(kBatch);
}

SlotVerifier::~SlotVerifier() = default;

bool SlotVerifier::add(std::string_view key, int partlabSlot, QString *error)
{
    m_keys.emplace_back(key);
    m_slots.push_back(partlabSlot);
    return m_keys.size() < kBatch || flush(error);
}

bool SlotVerifier::flush(QString *error)
{
    for (const std::string &k : m_keys)
        m_connection->append({"CLUSTER", "KEYSLOT", k});
    RedisReply r;
    for (std::size_t i = 0; i < m_keys.size(); ++i) {
        if (!m_connection->readReply(r)) {
            *error = m_connection->errorString();
            return false;
        }
        if (r.type != RedisReply::Type::Integer) {
            *error = QStringLiteral("%1: CLUSTER KEYSLOT failed: %2 (is it a cluster node?)")
                         .arg(m_connection->address().toString(), r.qtext());
            return false;
        }
        ++m_checked;
        if (r.integer != m_slots[i]) {
            ++m_mismatchCount;
            if (m_mismatchCount <= kKeptMismatches)
                m_mismatches.push_back({m_keys[i], m_slots[i], int(r.integer)});
        }
    }
    m_keys.clear();
    m_slots.clear();
    return true;
}

} // namespace partlab
