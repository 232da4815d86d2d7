#pragma once

#include <QtGlobal>

#include <string_view>

namespace partlab {

/**
 * The MurmurHash variants real partitioners use, each bit-exact with its system's Java code
 * (Java ints wrap like unsigned 32-bit arithmetic, so the C++ works on quint32/quint64).
 */

/**
 * Kafka's Utils.murmur2: MurmurHash2 (32-bit) with seed 0x9747b28c, m = 0x5bd1e995, r = 24,
 * little-endian 4-byte blocks. The default partitioner takes (murmur2(keyBytes) & 0x7fffffff) % N.
 */
qint32 kafkaMurmur2(std::string_view bytes);

/**
 * Flink's MathUtils.murmurHash(int): one MurmurHash3 x86_32 round over a single 4-byte block
 * (length 4, seed 0), then Flink's fix-up to a non-negative int: negative values are negated,
 * and Integer.MIN_VALUE (which has no positive counterpart) becomes 0.
 */
qint32 flinkMurmurHash(qint32 code);

/**
 * The reference MurmurHash3 x86_32 (Austin Appleby's MurmurHash3_x86_32: little-endian 4-byte
 * blocks, tail bytes unsigned, fmix32), as Hazelcast's HashUtil.MurmurHash3_x86_32 (seed
 * 0x01000193) and Lucene's StringHelper.murmurhash3_x86_32 (Elasticsearch, seed 0) compute it.
 * The signed result is the Java int both return.
 */
qint32 murmur3x86_32(std::string_view bytes, quint32 seed);

/**
 * The same hash fed piece by piece (for bytes produced on the fly, such as the UTF-16LE form
 * of a UTF-8 key): add() any number of times, then result(); equal to murmur3x86_32() of the
 * concatenation.
 */
class Murmur3x86_32
{
public:
    explicit Murmur3x86_32(quint32 seed) : m_h(seed) {}

    void add(unsigned char byte)
    {
        m_block |= quint32(byte) << (8 * m_blockBytes);
        ++m_length;
        if (++m_blockBytes == 4) {
            mixBlock(m_block);
            m_block = 0;
            m_blockBytes = 0;
        }
    }

    qint32 result() const;

private:
    void mixBlock(quint32 k);

    quint32 m_h;
    quint32 m_block = 0;
    int m_blockBytes = 0;
    quint32 m_length = 0;
};

/** MurmurHash3's 64-bit finalizer (fmix64): every input bit affects every output bit. */
constexpr quint64 fmix64(quint64 k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ULL;
    k ^= k >> 33;
    return k;
}

/** The two 64-bit halves of a MurmurHash3 x64_128 result. */
struct Hash128
{
    quint64 h1 = 0;
    quint64 h2 = 0;
};

/**
 * Cassandra's MurmurHash.hash3_x64_128. The body matches the reference MurmurHash3 x64_128, but
 * the tail bytes are read as Java's signed `byte` and sign-extended before they are shifted, so
 * keys whose last (length % 16) bytes include a byte >= 0x80 hash differently from the reference.
 * Cassandra's Murmur3Partitioner token is h1 (with Long.MIN_VALUE mapped to Long.MAX_VALUE).
 */
Hash128 cassandraMurmur3(std::string_view bytes, quint64 seed = 0);

} // namespace partlab
