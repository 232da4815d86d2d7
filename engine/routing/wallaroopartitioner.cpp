#include "wallaroopartitioner.h"

#include "keyencoding.h"
#include "md5.h"

namespace partlab {

namespace {

__extension__ typedef unsigned __int128 Uint128; // g++/clang extension; exact 128-bit arithmetic

Uint128 bigEndian128(const std::array<quint8, 16> &bytes)
{
    Uint128 v = 0;
    for (const quint8 b : bytes)
        v = (v << 8) | b;
    return v;
}

QString hex128(Uint128 v)
{
    static const char digits[] = "0123456789abcdef";
    QString text(32, QLatin1Char('0'));
    for (int i = 31; i >= 0; --i) {
        text[i] = QLatin1Char(digits[int(v & 0xF)]);
        v >>= 4;
    }
    return text;
}

Uint128 partSize(int partitions)
{
    return ~Uint128(0) / Uint128(unsigned(partitions));
}

} // namespace

std::array<quint8, 16> WallarooPartitioner::digest(const RoutingKey &key)
{
    KeyScratch scratch;
    return md5(encodeKey(key, IntegerEncoding::DecimalText, scratch));
}

int WallarooPartitioner::ownerOf(const std::array<quint8, 16> &hash) const
{
    const Uint128 index = bigEndian128(hash) / partSize(m_options.partitions);
    const Uint128 last = Uint128(unsigned(m_options.partitions - 1));
    return int(index > last ? last : index);
}

int WallarooPartitioner::partition(const RoutingKey &key) const
{
    return ownerOf(digest(key));
}

RouteExplanation WallarooPartitioner::explain(const RoutingKey &key) const
{
    RouteExplanation e;
    const auto d = digest(key);
    e.hashText = hex128(bigEndian128(d));
    e.hash = qint64(quint64(bigEndian128(d) >> 64)); // the high 64 bits, for callers that want a number
    e.partition = ownerOf(d);
    return e;
}

PartitionLayout WallarooPartitioner::layout() const
{
    PartitionLayout layout;
    layout.unit = QStringLiteral("md5");
    const int n = m_options.partitions;
    const Uint128 part = partSize(n);
    for (int i = 0; i < n; ++i) {
        const Uint128 start = part * Uint128(unsigned(i));
        const Uint128 end = i == n - 1 ? ~Uint128(0) : start + part - 1;
        layout.owned.push_back({hex128(start) + QLatin1Char('-') + hex128(end)});
    }
    return layout;
}

} // namespace partlab
