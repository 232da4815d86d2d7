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
    }
}

quint32 KeyPicker::pick(Random &random) const
{
    switch (m_spec.kind) {
    case KeyDistributionSpec::Kind::Zipf: {
        const double u = random.uniform();
        return quint32(std::upper_bound(m_cdf.begin(), m_cdf.end(), u) - m_cdf.begin());
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
