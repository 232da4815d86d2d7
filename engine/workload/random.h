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

    quint64 next();
    /** Uniform in [0, 1) with 53 random bits. */
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    /** Uniform in [0, bound) (multiply-shift; bias below 2^-32 for bounds < 2^32). */
    quint64 below(quint64 bound);

private:
    quint64 m_s[4];
};

} // namespace partlab
