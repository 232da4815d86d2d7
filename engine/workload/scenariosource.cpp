#include "scenariosource.h"

#include <cmath>
#include <cstdio>

namespace partlab {

namespace {

// The first ranks are real, recognisable names; the rest are generated.
const char *const kTickers[] = {
    "AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA", "BRK.B", "JPM", "V",
    "UNH", "XOM", "JNJ", "WMT", "MA", "PG", "AVGO", "HD", "CVX", "LLY",
    "MRK", "ABBV", "KO", "PEP", "COST", "ADBE", "CSCO", "MCD", "CRM", "TMO"};

const char *const kWords[] = {
    "the", "of", "and", "to", "a", "in", "is", "that", "it", "for",
    "as", "with", "was", "on", "be", "by", "at", "this", "state", "partition",
    "key", "message", "from", "or", "are", "an", "which", "but", "not", "have",
    "routing", "data", "space", "order", "one", "all", "each", "when", "can", "query"};

const char kConsonants[] = "bcdfghjklmnprstvwz";
const char kVowels[] = "aeiou";

// Pronounceable synthetic word for index i: consonant-vowel syllables, unique per index.
std::string syntheticWord(quint32 i)
{
    std::string w;
    quint32 v = i;
    do {
        w += kConsonants[v % 18];
        v /= 18;
        w += kVowels[v % 5];
        v /= 5;
    } while (v > 0);
    return w;
}

// Uppercase base-26 symbol for index i, prefixed with X to stay apart from real tickers.
std::string syntheticTicker(quint32 i)
{
    std::string s;
    do {
        s.insert(s.begin(), char('A' + i % 26));
        i /= 26;
    } while (i > 0);
    while (s.size() < 3)
        s.insert(s.begin(), 'A');
    return "X" + s;
}

constexpr qint64 kEpochStartUs = 1767225600LL * 1000000; // 2026-01-01T00:00:00Z

} // namespace

std::string ScenarioSource::keyName(ScenarioSpec::Generator generator, quint32 index)
{
    switch (generator) {
    case ScenarioSpec::Generator::Stocks: {
        constexpr quint32 real = sizeof kTickers / sizeof *kTickers;
        return index < real ? std::string(kTickers[index]) : syntheticTicker(index - real);
    }
    case ScenarioSpec::Generator::Words: {
        constexpr quint32 real = sizeof kWords / sizeof *kWords;
        // Synthetic words have at least 4 letters, so they never collide with the short list.
        return index < real ? std::string(kWords[index]) : syntheticWord(index - real + 18 * 5 * 18 * 5);
    }
    case ScenarioSpec::Generator::Orders:
        break;
    }
    char buf[24];
    std::snprintf(buf, sizeof buf, "C%06u", index + 1);
    return buf;
}

ScenarioSource::ScenarioSource(const ScenarioSpec &spec)
    : m_spec(spec)
    , m_picker(spec.distribution, spec.keys)
    , m_random(spec.seed)
    , m_startUs(kEpochStartUs)
    , m_intervalUs(spec.rate > 0 ? 1e6 / spec.rate : 1000.0)
{
    m_keys.reserve(spec.keys);
    for (quint32 i = 0; i < spec.keys; ++i)
        m_keys.push_back(keyName(spec.generator, i));
    if (spec.generator == ScenarioSpec::Generator::Stocks) {
        Random prices(spec.seed ^ 0x5eed5eed5eedull);
        m_prices.resize(spec.keys);
        for (double &p : m_prices)
            p = std::round((10.0 + 490.0 * prices.uniform()) * 100.0) / 100.0;
    }
}

MessageSource::Status ScenarioSource::next(SourceMessage &out)
{
    if (m_produced >= m_spec.messages)
        return Status::End;
    const quint32 k = m_picker.pick(m_random);
    out.key = m_keys[k];
    out.timeUs = m_startUs + qint64(double(m_produced) * m_intervalUs);
    switch (m_spec.generator) {
    case ScenarioSpec::Generator::Stocks: {
        // Random walk of at most 0.5% per tick, in whole cents, never below one cent.
        double &price = m_prices[k];
        price = std::max(0.01, std::round(price * (1.0 + 0.01 * (m_random.uniform() - 0.5)) * 100.0) / 100.0);
        out.value = price;
        out.volume = double(1 + m_random.below(1000));
        break;
    }
    case ScenarioSpec::Generator::Words:
        out.value = 1.0;
        out.volume = 1.0;
        break;
    case ScenarioSpec::Generator::Orders:
        out.value = double(500 + m_random.below(49500)) / 100.0; // 5.00 .. 499.99
        out.volume = double(1 + m_random.below(10));
        break;
    }
    ++m_produced;
    return Status::Message;
}

} // namespace partlab
