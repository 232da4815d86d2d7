#include "hazelcastpartitioner.h"

#include "keyencoding.h"
#include "murmurhash.h"

#include <QByteArray>

#include <limits>

namespace partlab {

namespace {

// writeString() writes the UTF-8 length as a big-endian int before the bytes.
void appendLengthPrefix(Murmur3x86_32 &hash, quint32 length)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        hash.add(static_cast<unsigned char>(length >> shift));
}

} // namespace

qint32 HazelcastPartitioner::partitionHash(const RoutingKey &key)
{
    if (key.kind == RoutingKey::Kind::Text) {
        // Hashed as it is streamed, so the routing hot path allocates nothing.
        Murmur3x86_32 hash(kSeed);
        appendLengthPrefix(hash, quint32(key.bytes.size()));
        for (const char c : key.bytes)
            hash.add(static_cast<unsigned char>(c));
        return hash.result();
    }
    KeyScratch scratch;
    return murmur3x86_32(encodeKey(key, IntegerEncoding::BigEndian, scratch), kSeed);
}

int HazelcastPartitioner::hashToIndex(qint32 hash, int length)
{
    if (hash == std::numeric_limits<qint32>::min())
        return 0;
    return (hash < 0 ? -hash : hash) % length;
}

std::string HazelcastPartitioner::serializedPayload(const RoutingKey &key)
{
    if (key.kind == RoutingKey::Kind::Text) {
        std::string payload(4, '\0');
        const quint32 length = quint32(key.bytes.size());
        for (int i = 0; i < 4; ++i)
            payload[std::size_t(i)] = static_cast<char>(length >> (24 - 8 * i));
        payload.append(key.bytes);
        return payload;
    }
    KeyScratch scratch;
    return std::string(encodeKey(key, IntegerEncoding::BigEndian, scratch));
}

int HazelcastPartitioner::partition(const RoutingKey &key) const
{
    return hashToIndex(partitionHash(key), m_options.partitions);
}

RouteExplanation HazelcastPartitioner::explain(const RoutingKey &key) const
{
    RouteExplanation e;
    const qint32 h = partitionHash(key);
    e.hash = h;
    e.partition = hashToIndex(h, m_options.partitions);
    const std::string payload = serializedPayload(key);
    e.extra << QString::fromLatin1(QByteArray::fromRawData(payload.data(), qsizetype(payload.size())).toHex());
    return e;
}

PartitionLayout HazelcastPartitioner::layout() const
{
    PartitionLayout layout;
    layout.unit = QStringLiteral("rule");
    for (int p = 0; p < m_options.partitions; ++p)
        layout.owned.push_back({QStringLiteral("hashToIndex(murmur3(serialized key), %1) == %2").arg(m_options.partitions).arg(p)});
    return layout;
}

} // namespace partlab
