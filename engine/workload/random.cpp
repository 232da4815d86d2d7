#include "random.h"

namespace partlab {

namespace {
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

} // namespace partlab
