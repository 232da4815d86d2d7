#include "random.h"

namespace partlab {

namespace {
inline quint64 rotl(quint64 x, int k)
{
    return (x << k) | (x >> (64 - k));
}

quint64 splitMix64(quint64 &state)
{
    quint64 z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
} // namespace

Random::Random(quint64 seed)
{
    for (quint64 &s : m_s)
        s = splitMix64(seed);
}

quint64 Random::next()
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

quint64 Random::below(quint64 bound)
{
    __extension__ using u128 = unsigned __int128; // GCC/Clang extension; both targets have it
    return quint64((static_cast<u128>(next()) * bound) >> 64);
}

} // namespace partlab
