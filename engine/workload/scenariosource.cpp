#include "scenariosource.h"

#include <algorithm>
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

struct ScenarioSource::Shared
{
    explicit Shared(const ScenarioSpec &s)
        : spec(s)
        , picker(s.distribution, s.keys)
        , intervalUs(s.rate > 0 ? 1e6 / s.rate : 1000.0)
    {
        keys.reserve(s.keys);
        for (quint32 i = 0; i < s.keys; ++i)
            keys.push_back(keyName(s.generator, i));
        if (s.generator == ScenarioSpec::Generator::Stocks) {
            Random prices(s.seed ^ 0x5eed5eed5eedull);
            basePrices.resize(s.keys);
            phases.resize(s.keys);
            for (quint32 k = 0; k < s.keys; ++k) {
                basePrices[k] = 10.0 + 490.0 * prices.uniform();
                phases[k] = 6.283185307179586 * prices.uniform();
            }
        }
    }

    /** Where symbol @p k's walk starts in chunk @p chunk, in cents: +-8 % around its base. */
    double anchorCents(quint32 k, quint64 chunk) const
    {
        const double level = basePrices[k] * (1.0 + 0.08 * std::sin(0.25 * double(chunk) + phases[k]));
        return std::max(1.0, double(qint64(level * 100.0 + 0.5)));
    }

    ScenarioSpec spec;
    KeyPicker picker;
    std::vector<std::string> keys;
    std::vector<double> basePrices;
    std::vector<double> phases;
    double intervalUs;
};

/** Generates whole chunks of a scenario: one per thread, each with its own random stream. */
class ScenarioChunkParser final : public ChunkParser
{
public:
    explicit ScenarioChunkParser(std::shared_ptr<const ScenarioSource::Shared> shared)
        : m_source(std::move(shared))
    {
    }

    ChunkResult parse(const ChunkTask &task, ChunkSink &sink) override
    {
        ChunkResult r;
        const quint64 total = m_source.m_shared->spec.messages;
        const quint64 end = std::min<quint64>(quint64(qMax<qint64>(0, task.end)), total);
        QString error;
        m_source.seek({0, task.begin, 0}, &error);
        r.start = qint64(m_source.m_produced);
        SourceMessage m;
        while (m_source.m_produced < end) {
            m_source.generate(m);
            ++r.messages;
            if (!sink.add(m.key, m.value, m.volume)) {
                r.stoppedBySink = true;
                break;
            }
        }
        r.end = qint64(m_source.m_produced);
        r.atEnd = m_source.m_produced >= total;
        return r;
    }

private:
    ScenarioSource m_source;
};

namespace {

class ScenarioChunkedInput final : public ChunkedInput
{
public:
    explicit ScenarioChunkedInput(std::shared_ptr<const ScenarioSource::Shared> shared)
        : m_shared(std::move(shared))
    {
    }
    std::unique_ptr<ChunkParser> createParser(QString *) const override { return std::make_unique<ScenarioChunkParser>(m_shared); }
    qint64 chunkUnits() const override { return qint64(ScenarioSource::kChunkMessages); }
    qint64 messagesPerChunk() const override { return chunkUnits(); }
    qint64 endUnits() const override;
    bool exactBoundaries() const override { return true; }
    bool stableKeys() const override { return true; }

private:
    std::shared_ptr<const ScenarioSource::Shared> m_shared;
};

qint64 ScenarioChunkedInput::endUnits() const
{
    return qint64(m_shared->spec.messages);
}

/** The seed of chunk @p chunk's random stream (Random's SplitMix64 spreads it further). */
quint64 chunkSeed(quint64 seed, quint64 chunk)
{
    return seed ^ ((chunk + 1) * 0xD1B54A32D192ED03ull);
}

} // namespace

ScenarioSource::ScenarioSource(const ScenarioSpec &spec)
    : ScenarioSource(std::make_shared<const Shared>(spec))
{
}

ScenarioSource::ScenarioSource(std::shared_ptr<const Shared> shared)
    : m_shared(std::move(shared))
    , m_random(chunkSeed(m_shared->spec.seed, 0))
{
    if (m_shared->spec.generator == ScenarioSpec::Generator::Stocks) {
        m_prices.resize(m_shared->spec.keys);
        m_touched.assign(m_shared->spec.keys, 0);
    }
}

ScenarioSource::~ScenarioSource() = default;

qint64 ScenarioSource::expectedMessages() const
{
    return qint64(m_shared->spec.messages);
}

const std::vector<std::string> &ScenarioSource::keys() const
{
    return m_shared->keys;
}

std::shared_ptr<ChunkedInput> ScenarioSource::chunkedInput()
{
    return std::make_shared<ScenarioChunkedInput>(m_shared);
}

void ScenarioSource::startChunk(quint64 chunk)
{
    m_chunk = chunk;
    m_highestChunk = std::max(m_highestChunk, chunk);
    m_random = Random(chunkSeed(m_shared->spec.seed, chunk));
    if (quint32(chunk + 1) == 0) // the stamps wrapped (after 2^32 chunks): forget them all
        std::fill(m_touched.begin(), m_touched.end(), 0);
}

bool ScenarioSource::seek(const InputPosition &position, QString *error)
{
    const quint64 target = quint64(qMax<qint64>(0, position.offset));
    if (target > m_shared->spec.messages) {
        if (error)
            *error = QStringLiteral("message %1 is past the scenario's %2 messages").arg(target).arg(m_shared->spec.messages);
        return false;
    }
    const quint64 chunk = target / kChunkMessages;
    // Inside that chunk and not past the target: generate forward. Otherwise start the chunk
    // again; a chunk seen before must forget the prices it set (their stamps would still match).
    if (m_produced > target || m_produced / kChunkMessages != chunk) {
        if (chunk <= m_highestChunk)
            std::fill(m_touched.begin(), m_touched.end(), 0);
        m_produced = chunk * kChunkMessages;
        startChunk(chunk);
    }
    SourceMessage skipped;
    while (m_produced < target)
        generate(skipped);
    return true;
}

MessageSource::Status ScenarioSource::next(SourceMessage &out)
{
    if (m_produced >= m_shared->spec.messages)
        return Status::End;
    generate(out);
    return Status::Message;
}

void ScenarioSource::generate(SourceMessage &out)
{
    const Shared &sh = *m_shared;
    if (m_produced % kChunkMessages == 0 && m_produced / kChunkMessages != m_chunk)
        startChunk(m_produced / kChunkMessages);
    const quint32 k = sh.picker.pick(m_random);
    out.key = sh.keys[k];
    out.timeUs = kEpochStartUs + qint64(double(m_produced) * sh.intervalUs);
    switch (sh.spec.generator) {
    case ScenarioSpec::Generator::Stocks: {
        // Random walk of at most 0.5% per tick, in whole cents, never below one cent, from the
        // symbol's level for this chunk.
        // The walk is kept in cents (whole numbers), so the division by 100 is not in the chain
        // from one tick of a symbol to the next.
        const quint32 stamp = quint32(m_chunk + 1);
        double &cents = m_prices[k];
        if (m_touched[k] != stamp) {
            m_touched[k] = stamp;
            cents = sh.anchorCents(k, m_chunk);
        }
        cents = std::max(1.0, double(qint64(cents * (1.0 + 0.01 * (m_random.uniform() - 0.5)) + 0.5)));
        out.value = cents / 100.0;
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
}

} // namespace partlab
