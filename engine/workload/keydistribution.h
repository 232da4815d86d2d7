#pragma once

#include "random.h"

#include <QString>

#include <optional>
#include <vector>

namespace partlab {

/** How often each of K keys is picked. */
struct KeyDistributionSpec
{
    enum class Kind { Uniform, Zipf, HotKey };
    Kind kind = Kind::Uniform;
    double zipfExponent = 1.0; ///< Zipf: P(rank r) ~ 1 / r^s
    double hotKeyShare = 0.5;  ///< HotKey: share of messages for key 0; the rest uniform over the others

    friend bool operator==(const KeyDistributionSpec &, const KeyDistributionSpec &) = default;

    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);
};

/** Picks key indexes in [0, K) following a KeyDistributionSpec. */
class KeyPicker
{
public:
    KeyPicker(const KeyDistributionSpec &spec, quint32 keyCount);

    quint32 pick(Random &random) const;
    /** The exact probability of key @p index (tests and the lessons use it). */
    double probability(quint32 index) const;

private:
    KeyDistributionSpec m_spec;
    quint32 m_keys;
    std::vector<double> m_cdf; ///< Zipf only
};

} // namespace partlab
