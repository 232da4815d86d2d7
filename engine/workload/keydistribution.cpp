#include "keydistribution.h"

#include <algorithm>
#include <cmath>

namespace partlab {

QString KeyDistributionSpec::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Zipf: return QStringLiteral("zipf");
    case Kind::HotKey: return QStringLiteral("hotkey");
    case Kind::Uniform: break;
    }
    return QStringLiteral("uniform");
}

std::optional<KeyDistributionSpec::Kind> KeyDistributionSpec::kindFromName(const QString &name)
{
    if (name == QLatin1String("uniform"))
        return Kind::Uniform;
    if (name == QLatin1String("zipf"))
        return Kind::Zipf;
    if (name == QLatin1String("hotkey"))
        return Kind::HotKey;
    return std::nullopt;
}

KeyPicker::KeyPicker(const KeyDistributionSpec &spec, quint32 keyCount)
    : m_spec(spec)
    , m_keys(qMax<quint32>(1, keyCount))
{
    if (spec.kind == KeyDistributionSpec::Kind::Zipf) {
        m_cdf.resize(m_keys);
        double sum = 0.0;
        for (quint32 r = 0; r < m_keys; ++r) {
            sum += 1.0 / std::pow(double(r + 1), spec.zipfExponent);
            m_cdf[r] = sum;
        }
        for (double &c : m_cdf)
            c /= sum;
        m_cdf.back() = 1.0;
        buildAliasTable();
    }
}

void KeyPicker::buildAliasTable()
{
    // Vose's method: scale every probability by K; pair each rank below 1 with one above 1.
    const std::size_t k = m_keys;
    std::vector<double> scaled(k);
    for (std::size_t i = 0; i < k; ++i)
        scaled[i] = probability(quint32(i)) * double(k);
    m_keep.assign(k, 0);
    m_alias.assign(k, 0);
    std::vector<quint32> small, large;
    for (std::size_t i = 0; i < k; ++i)
        (scaled[i] < 1.0 ? small : large).push_back(quint32(i));
    auto threshold = [](double p) { return quint32(std::min(4294967295.0, std::floor(p * 4294967296.0))); };
    while (!small.empty() && !large.empty()) {
        const quint32 s = small.back(), l = large.back();
        small.pop_back();
        m_keep[s] = threshold(scaled[s]);
        m_alias[s] = l;
        scaled[l] -= 1.0 - scaled[s];
        if (scaled[l] < 1.0) {
            large.pop_back();
            small.push_back(l);
        }
    }
    for (quint32 i : large) { // what rounding left: these keep themselves always
        m_keep[i] = 0xFFFFFFFFu;
        m_alias[i] = i;
    }
    for (quint32 i : small) {
        m_keep[i] = 0xFFFFFFFFu;
        m_alias[i] = i;
    }
}

quint32 KeyPicker::pick(Random &random) const
{
    switch (m_spec.kind) {
    case KeyDistributionSpec::Kind::Zipf: {
        const quint64 r = random.next();
        const quint32 rank = quint32(((r >> 32) * quint64(m_keys)) >> 32);
        return quint32(r) < m_keep[rank] ? rank : m_alias[rank];
    }
    case KeyDistributionSpec::Kind::HotKey:
        if (m_keys == 1 || random.uniform() < m_spec.hotKeyShare)
            return 0;
        return 1 + quint32(random.below(m_keys - 1));
    case KeyDistributionSpec::Kind::Uniform:
        break;
    }
    return quint32(random.below(m_keys));
}

double KeyPicker::probability(quint32 index) const
{
    if (index >= m_keys)
        return 0.0;
    switch (m_spec.kind) {
    case KeyDistributionSpec::Kind::Zipf:
        return index == 0 ? m_cdf[0] : m_cdf[index] - m_cdf[index - 1];
    case KeyDistributionSpec::Kind::HotKey:
        if (m_keys == 1)
            return 1.0;
        return index == 0 ? m_spec.hotKeyShare : (1.0 - m_spec.hotKeyShare) / double(m_keys - 1);
    case KeyDistributionSpec::Kind::Uniform:
        break;
    }
    return 1.0 / double(m_keys);
}

} // namespace partlab
