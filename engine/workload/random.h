#pragma once

#include <QtGlobal>

namespace partlab {

/**
 * xoshiro256** (Blackman & Vigna), seeded through SplitMix64: fast, and unlike the standard
 * distributions its output is the same on every platform and compiler, which the determinism
 * guarantees of scenarios rely on.
 */
class Random
{
public:
    explicit Random(quint64 seed);

    quint64 next()
    {
        const quint64 result = rotl(m_s[1] * 5, 7) * 9;
        const quint64 t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }
    /** Uniform in [0, 1) with 53 random bits. */
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    /** Uniform in [0, bound) (multiply-shift; bias below 2^-32 for bounds < 2^32). */
    quint64 below(quint64 bound)
    {
        __extension__ using u128 = unsigned __int128; // GCC/Clang extension; both targets have it
        return quint64((static_cast<u128>(next()) * bound) >> 64);
    }

private:
    static quint64 rotl(quint64 x, int k) { return (x << k) | (x >> (64 - k)); }

    quint64 m_s[4];
};

} // namespace partlab
