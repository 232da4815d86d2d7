#pragma once

#include "keydistribution.h"
#include "model/messagesource.h"
#include "scenario.h"

#include <string>
#include <vector>

namespace partlab {

/**
 * Generates a scenario's messages, deterministically for its seed.
 *
 * - stocks: key = ticker symbol, value = price (a per-symbol random walk in cents),
 *   volume = shares (1..1000), one tick per millisecond unless a rate is set.
 * - words: key = a word (a fixed vocabulary, most common first), value = 1.
 * - orders: key = customer id ("C000042", the key extractor picks the customer), value = order
 *   amount, volume = quantity.
 * Keys are ranked: index 0 is the most popular under Zipf and the hot key under HotKey.
 */
class ScenarioSource final : public MessageSource
{
public:
    explicit ScenarioSource(const ScenarioSpec &spec);

    Status next(SourceMessage &out) override;
    qint64 expectedMessages() const override { return qint64(m_spec.messages); }

    /** The key string for rank @p index of this scenario's generator. */
    static std::string keyName(ScenarioSpec::Generator generator, quint32 index);
    const std::vector<std::string> &keys() const { return m_keys; }

private:
    ScenarioSpec m_spec;
    KeyPicker m_picker;
    Random m_random;
    std::vector<std::string> m_keys;
    std::vector<double> m_prices; ///< stocks: current price per symbol
    quint64 m_produced = 0;
    qint64 m_startUs;
    double m_intervalUs;
};

} // namespace partlab
