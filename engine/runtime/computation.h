#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <cmath>
#include <limits>
#include <optional>

namespace partlab {

/** The built-in state computations: apply(message, state) for one key's state. */
enum class Computation { Last, Count, Sum, Mean, Min, Max, Vwap };

/**
 * One key's state. What the fields mean depends on the computation:
 * last/min/max/sum: a = the value; mean: a = sum (value = a / count);
 * vwap: a = sum(price * volume), b = sum(volume) (value = a / b).
 */
struct KeyState
{
    double a = 0.0;
    double b = 0.0;
    quint64 count = 0; ///< messages applied to this key
};

QString computationName(Computation c);
std::optional<Computation> computationFromName(const QString &name);
QStringList computationNames();
/** vwap needs a volume next to the price. */
bool computationNeedsVolume(Computation c);

/** apply(message, state): the state computation, specialised per computation for the hot loop. */
template<Computation C>
inline void applyComputation(KeyState &s, double value, double volume)
{
    if constexpr (C == Computation::Last) {
        s.a = value;
    } else if constexpr (C == Computation::Count) {
        // the count is the state
    } else if constexpr (C == Computation::Sum || C == Computation::Mean) {
        s.a += value;
    } else if constexpr (C == Computation::Min) {
        s.a = s.count == 0 ? value : std::fmin(s.a, value);
    } else if constexpr (C == Computation::Max) {
        s.a = s.count == 0 ? value : std::fmax(s.a, value);
    } else if constexpr (C == Computation::Vwap) {
        s.a += value * volume;
        s.b += volume;
    }
    ++s.count;
}

/** The same, dispatched at run time (tests, reference folds, the naive mode). */
void applyComputation(Computation c, KeyState &s, double value, double volume);

/** The value a state stands for (count as a double; vwap with zero volume is NaN). */
double stateValue(Computation c, const KeyState &s);

/** Calls f.template operator()<C>() with the computation as a compile-time constant. */
template<typename F>
decltype(auto) dispatchComputation(Computation c, F &&f)
{
    switch (c) {
    case Computation::Last: return f.template operator()<Computation::Last>();
    case Computation::Count: return f.template operator()<Computation::Count>();
    case Computation::Sum: return f.template operator()<Computation::Sum>();
    case Computation::Mean: return f.template operator()<Computation::Mean>();
    case Computation::Min: return f.template operator()<Computation::Min>();
    case Computation::Max: return f.template operator()<Computation::Max>();
    case Computation::Vwap: break;
    }
    return f.template operator()<Computation::Vwap>();
}

} // namespace partlab
