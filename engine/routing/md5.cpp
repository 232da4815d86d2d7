#include "md5.h"

#include <cmath>
#include <cstring>

namespace partlab {

namespace {

// Per-round left rotations (RFC 1321, section 3.4).
constexpr int kShift[64] = {7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
                            5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20,
                            4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
                            6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21};

// T[i] = floor(2^32 * |sin(i + 1)|), as the RFC defines the table.
struct SineTable
{
    quint32 t[64];
    SineTable()
    {
        for (int i = 0; i < 64; ++i)
            t[i] = quint32(std::floor(std::fabs(std::sin(double(i + 1))) * 4294967296.0));
    }
};

const SineTable &sineTable()
{
    static const SineTable table;
    return table;
}

inline quint32 rotl(quint32 x, int c) { return (x << c) | (x >> (32 - c)); }

// Message word used by each of the 64 steps (RFC 1321, section 3.4).
constexpr int kWord[64] = {0, 1, 2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14, 15,
                           1, 6, 11, 0,  5,  10, 15, 4,  9,  14, 3,  8,  13, 2,  7,  12,
                           5, 8, 11, 14, 1,  4,  7,  10, 13, 0,  3,  6,  9,  12, 15, 2,
                           0, 7, 14, 5,  12, 3,  10, 1,  8,  15, 6,  13, 4,  11, 2,  9};

// One step: a = b + ((a + F(b, c, d) + X[k] + T[i]) <<< s), then the registers rotate.
#define PARTLAB_MD5_ROUND(F, first)                                                                  \
    _Pragma("GCC unroll 16")                                                                         \
    for (int i = first; i < first + 16; ++i) {                                                       \
        const quint32 next = b + rotl(a + (F) + t[i] + m[kWord[i]], kShift[i]);                      \
        a = d;                                                                                       \
        d = c;                                                                                       \
        c = b;                                                                                       \
        b = next;                                                                                    \
    }

void processBlock(quint32 state[4], const unsigned char *block, const quint32 *t)
{
    quint32 m[16];
    for (int i = 0; i < 16; ++i)
        m[i] = quint32(block[4 * i]) | (quint32(block[4 * i + 1]) << 8) | (quint32(block[4 * i + 2]) << 16)
               | (quint32(block[4 * i + 3]) << 24);
    quint32 a = state[0], b = state[1], c = state[2], d = state[3];
    PARTLAB_MD5_ROUND((b & c) | (~b & d), 0)
    PARTLAB_MD5_ROUND((d & b) | (~d & c), 16)
    PARTLAB_MD5_ROUND(b ^ c ^ d, 32)
    PARTLAB_MD5_ROUND(c ^ (b | ~d), 48)
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
}

#undef PARTLAB_MD5_ROUND

} // namespace

std::array<quint8, 16> md5(std::string_view bytes)
{
    const quint32 *t = sineTable().t;
    quint32 state[4] = {0x67452301U, 0xefcdab89U, 0x98badcfeU, 0x10325476U};
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.data());
    const std::size_t length = bytes.size();
    std::size_t offset = 0;
    for (; offset + 64 <= length; offset += 64)
        processBlock(state, data + offset, t);

    // Padding: 0x80, zeros, then the length in bits as a little-endian 64-bit number.
    unsigned char last[128] = {};
    const std::size_t rest = length - offset;
    if (rest > 0)
        std::memcpy(last, data + offset, rest);
    last[rest] = 0x80;
    const std::size_t tailBlocks = rest + 1 + 8 <= 64 ? 1 : 2;
    const quint64 bits = quint64(length) * 8;
    for (int i = 0; i < 8; ++i)
        last[tailBlocks * 64 - 8 + std::size_t(i)] = static_cast<unsigned char>(bits >> (8 * i));
    for (std::size_t b = 0; b < tailBlocks; ++b)
        processBlock(state, last + 64 * b, t);

    std::array<quint8, 16> digest{};
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 4; ++j)
            digest[std::size_t(4 * i + j)] = quint8(state[i] >> (8 * j));
    return digest;
}

} // namespace partlab
