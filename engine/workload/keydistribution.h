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
    void buildAliasTable();

    KeyDistributionSpec m_spec;
    quint32 m_keys;
    std::vector<double> m_cdf; ///< Zipf only (probability())
    /**
     * Zipf's alias table (Walker, Vose): rank i keeps itself when the low 32 bits of the draw
     * are below m_keep[i], otherwise it gives way to m_alias[i]. One draw and one table read per
     * pick, where a search of the CDF took a branch miss per step.
     */
    std::vector<quint32> m_keep;
    std::vector<quint32> m_alias;
};

} // namespace partlab
