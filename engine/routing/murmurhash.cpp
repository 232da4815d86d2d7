#include "murmurhash.h"

#include <limits>

namespace partlab {

namespace {

constexpr quint32 rotl32(quint32 x, int r) { return (x << r) | (x >> (32 - r)); }
constexpr quint64 rotl64(quint64 x, int r) { return (x << r) | (x >> (64 - r)); }

quint32 readLittle32(const unsigned char *p)
{
    return quint32(p[0]) | (quint32(p[1]) << 8) | (quint32(p[2]) << 16) | (quint32(p[3]) << 24);
}

quint64 readLittle64(const unsigned char *p)
{
    return quint64(readLittle32(p)) | (quint64(readLittle32(p + 4)) << 32);
}

// Java's `(long) byteValue`: the byte is signed, so 0x80..0xFF become negative longs.
quint64 signExtended(unsigned char b)
{
    return quint64(qint64(static_cast<signed char>(b)));
}

constexpr quint32 kMurmur3C1 = 0xcc9e2d51U;
constexpr quint32 kMurmur3C2 = 0x1b873593U;

constexpr quint32 murmur3MixK(quint32 k)
{
    k *= kMurmur3C1;
    k = rotl32(k, 15);
    return k * kMurmur3C2;
}

constexpr quint32 murmur3MixH(quint32 h, quint32 k)
{
    h ^= murmur3MixK(k);
    h = rotl32(h, 13);
    return h * 5 + 0xe6546b64U;
}

constexpr quint32 fmix32(quint32 h)
{
    h ^= h >> 16;
    h *= 0x85ebca6bU;
    h ^= h >> 13;
    h *= 0xc2b2ae35U;
    h ^= h >> 16;
    return h;
}

} // namespace

qint32 murmur3x86_32(std::string_view bytes, quint32 seed)
{
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.data());
    const std::size_t length = bytes.size();
    quint32 h = seed;
    const std::size_t blocks = length / 4;
    for (std::size_t i = 0; i < blocks; ++i)
        h = murmur3MixH(h, readLittle32(data + 4 * i));
    const unsigned char *tail = data + 4 * blocks;
    quint32 k = 0;
    switch (length % 4) {
    case 3:
        k ^= quint32(tail[2]) << 16;
        [[fallthrough]];
    case 2:
        k ^= quint32(tail[1]) << 8;
        [[fallthrough]];
    case 1:
        k ^= quint32(tail[0]);
        h ^= murmur3MixK(k);
        break;
    default:
        break;
    }
    h ^= quint32(length); // Java passes the length as an int: keys past 2 GiB do not occur
    return static_cast<qint32>(fmix32(h));
}

void Murmur3x86_32::mixBlock(quint32 k)
{
    m_h = murmur3MixH(m_h, k);
}

qint32 Murmur3x86_32::result() const
{
    quint32 h = m_h;
    if (m_blockBytes > 0)
        h ^= murmur3MixK(m_block);
    h ^= m_length;
    return static_cast<qint32>(fmix32(h));
}

qint32 kafkaMurmur2(std::string_view bytes)
{
    constexpr quint32 seed = 0x9747b28cU;
    constexpr quint32 m = 0x5bd1e995U;
    constexpr int r = 24;
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.data());
    const std::size_t length = bytes.size();

    quint32 h = seed ^ quint32(length);
    const std::size_t blocks = length / 4;
    for (std::size_t i = 0; i < blocks; ++i) {
        quint32 k = readLittle32(data + 4 * i);
        k *= m;
        k ^= k >> r;
        k *= m;
        h *= m;
        h ^= k;
    }
    const unsigned char *tail = data + 4 * blocks;
    switch (length % 4) {
    case 3:
        h ^= quint32(tail[2]) << 16;
        [[fallthrough]];
    case 2:
        h ^= quint32(tail[1]) << 8;
        [[fallthrough]];
    case 1:
        h ^= quint32(tail[0]);
        h *= m;
        break;
    default:
        break;
    }
    h ^= h >> 13;
    h *= m;
    h ^= h >> 15;
    return static_cast<qint32>(h);
}

qint32 flinkMurmurHash(qint32 code)
{
    // One 4-byte block, little-endian, seed 0: MurmurHash3 x86_32 of the int's bytes.
    const auto bits = static_cast<quint32>(code);
    const char block[4] = {char(bits & 0xff), char((bits >> 8) & 0xff), char((bits >> 16) & 0xff), char(bits >> 24)};
    const qint32 v = murmur3x86_32(std::string_view(block, 4), 0);
    if (v >= 0)
        return v;
    if (v != std::numeric_limits<qint32>::min())
        return -v;
    return 0;
}

Hash128 cassandraMurmur3(std::string_view bytes, quint64 seed)
{
    constexpr quint64 c1 = 0x87c37b91114253d5ULL;
    constexpr quint64 c2 = 0x4cf5ad432745937fULL;
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.data());
    const std::size_t length = bytes.size();
    quint64 h1 = seed;
    quint64 h2 = seed;

    const std::size_t blocks = length / 16;
    for (std::size_t i = 0; i < blocks; ++i) {
        quint64 k1 = readLittle64(data + 16 * i);
        quint64 k2 = readLittle64(data + 16 * i + 8);
        k1 *= c1;
        k1 = rotl64(k1, 31);
        k1 *= c2;
        h1 ^= k1;
        h1 = rotl64(h1, 27);
        h1 += h2;
        h1 = h1 * 5 + 0x52dce729;
        k2 *= c2;
        k2 = rotl64(k2, 33);
        k2 *= c1;
        h2 ^= k2;
        h2 = rotl64(h2, 31);
        h2 += h1;
        h2 = h2 * 5 + 0x38495ab5;
    }

    // Tail: up to 15 bytes, each sign-extended (Cassandra's quirk) and XORed in at its position.
    const unsigned char *tail = data + 16 * blocks;
    const std::size_t rest = length % 16;
    quint64 k1 = 0;
    quint64 k2 = 0;
    for (std::size_t i = rest; i > 8; --i)
        k2 ^= signExtended(tail[i - 1]) << (8 * (i - 9));
    if (rest > 8) {
        k2 *= c2;
        k2 = rotl64(k2, 33);
        k2 *= c1;
        h2 ^= k2;
    }
    for (std::size_t i = rest < 8 ? rest : 8; i > 0; --i)
        k1 ^= signExtended(tail[i - 1]) << (8 * (i - 1));
    if (rest > 0) {
        k1 *= c1;
        k1 = rotl64(k1, 31);
        k1 *= c2;
        h1 ^= k1;
    }

    h1 ^= quint64(length);
    h2 ^= quint64(length);
    h1 += h2;
    h2 += h1;
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 += h2;
    h2 += h1;
    return {h1, h2};
}

} // namespace partlab
