#pragma once

#include "keydistribution.h"
#include "model/messagesource.h"
#include "scenario.h"

#include <memory>
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
 *
 * The stream is cut into chunks of kChunkMessages; chunk j is drawn from a random stream seeded
 * by (seed, j) alone, so any thread can generate any chunk and the messages are the same however
 * many threads generate them (parallel ingestion, seek()). A stock's random walk starts each
 * chunk from a level that depends only on (seed, symbol, j): a slow cycle around its base price.
 */
class ScenarioSource final : public MessageSource
{
public:
    static constexpr quint64 kChunkMessages = 65536;

    explicit ScenarioSource(const ScenarioSpec &spec);
    ~ScenarioSource() override;

    Status next(SourceMessage &out) override;
    qint64 expectedMessages() const override;
    std::shared_ptr<ChunkedInput> chunkedInput() override;
    std::optional<InputPosition> position() const override { return InputPosition{0, qint64(m_produced), 0}; }
    /** Continues at message @p position.offset (regenerates the start of its chunk). */
    bool seek(const InputPosition &position, QString *error) override;

    /** The key string for rank @p index of this scenario's generator. */
    static std::string keyName(ScenarioSpec::Generator generator, quint32 index);
    const std::vector<std::string> &keys() const;

    /** What every generator of one scenario shares (read-only): key names, picker, base prices. */
    struct Shared;

private:
    explicit ScenarioSource(std::shared_ptr<const Shared> shared);
    friend class ScenarioChunkParser;
    void startChunk(quint64 chunk);
    /** The next message (m_produced < messages); keys are views into the shared key names. */
    void generate(SourceMessage &out);

    std::shared_ptr<const Shared> m_shared;
    Random m_random;
    std::vector<double> m_prices;   ///< stocks: current price per symbol in this chunk, in cents
    std::vector<quint32> m_touched; ///< stocks: chunk + 1 in which m_prices[k] was set
    quint64 m_chunk = 0;
    quint64 m_highestChunk = 0; ///< highest chunk this generator has started
    quint64 m_produced = 0;
};

} // namespace partlab
