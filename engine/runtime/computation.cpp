#include "computation.h"

namespace partlab {

namespace {
const char *const kNames[] = {"last", "count", "sum", "mean", "min", "max", "vwap"};
}

QString computationName(Computation c)
{
    return QLatin1String(kNames[static_cast<int>(c)]);
}

std::optional<Computation> computationFromName(const QString &name)
{
    for (int i = 0; i < 7; ++i) {
        if (name == QLatin1String(kNames[i]))
            return static_cast<Computation>(i);
    }
    return std::nullopt;
}

QStringList computationNames()
{
    QStringList names;
    for (const char *n : kNames)
        names << QLatin1String(n);
    return names;
}

bool computationNeedsVolume(Computation c)
{
    return c == Computation::Vwap;
}

void applyComputation(Computation c, KeyState &s, double value, double volume)
{
    dispatchComputation(c, [&]<Computation C>() { applyComputation<C>(s, value, volume); });
}

double stateValue(Computation c, const KeyState &s)
{
    switch (c) {
    case Computation::Count:
        return double(s.count);
    case Computation::Mean:
        return s.count ? s.a / double(s.count) : std::numeric_limits<double>::quiet_NaN();
    case Computation::Vwap:
        return s.b != 0.0 ? s.a / s.b : std::numeric_limits<double>::quiet_NaN();
    default:
        return s.a;
    }
}

} // namespace partlab
