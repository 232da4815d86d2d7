#pragma once

// The stress tests' messages: skewed keys (a few hot ones, a long tail), values rising with the
// message index, so that a key's "last" value is its maximum and any reordering shows; and a
// source that reads them one by one or, cut into chunks, in parallel.
#include "model/messagesource.h"

#include <QtGlobal>

#include <memory>

#include <random>
#include <string>
#include <vector>

namespace partlab::test {

struct Msg
{
    std::string key;
    double value;
};

inline std::vector<Msg> makeMessages(std::size_t count, quint64 seed)
{
    std::mt19937_64 random(seed);
    std::vector<Msg> out;
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const quint64 r = random() % 100;
        const quint64 key = r < 30 ? random() % 4 : r < 70 ? random() % 64 : random() % 3000;
        out.push_back({"k" + std::to_string(key), double(i)});
    }
    return out;
}

/** The messages of a vector, cut into chunks of @p chunk messages (any thread reads any chunk). */
class VectorInput final : public ChunkedInput
{
public:
    VectorInput(const std::vector<Msg> &messages, qint64 chunk)
        : m_messages(messages)
        , m_chunk(chunk)
    {
    }
    std::unique_ptr<ChunkParser> createParser(QString *) const override { return std::make_unique<Parser>(m_messages); }
    qint64 chunkUnits() const override { return m_chunk; }
    qint64 endUnits() const override { return qint64(m_messages.size()); }
    bool exactBoundaries() const override { return true; }
    bool stableKeys() const override { return true; }

private:
    class Parser final : public ChunkParser
    {
    public:
        explicit Parser(const std::vector<Msg> &messages) : m_messages(messages) {}
        ChunkResult parse(const ChunkTask &task, ChunkSink &sink) override
        {
            ChunkResult r;
            r.start = task.begin;
            qint64 i = task.begin;
            const qint64 end = qMin<qint64>(task.end, qint64(m_messages.size()));
            while (i < end) {
                const Msg &m = m_messages[std::size_t(i++)];
                ++r.messages;
                if (!sink.add(m.key, m.value, 1.0)) {
                    r.stoppedBySink = true;
                    break;
                }
            }
            r.end = i;
            r.atEnd = i >= qint64(m_messages.size());
            return r;
        }

    private:
        const std::vector<Msg> &m_messages;
    };

    const std::vector<Msg> &m_messages;
    qint64 m_chunk;
};

/**
 * The messages in order; with @p chunk > 0 it also offers VectorInput for parallel phases, with 0
 * it can only be read one by one (the runtime's submit() path).
 */
class VectorSource final : public MessageSource
{
public:
    explicit VectorSource(const std::vector<Msg> &messages, qint64 chunk = 0)
        : m_messages(messages)
        , m_chunk(chunk)
    {
    }
    Status next(SourceMessage &out) override
    {
        if (m_next >= m_messages.size())
            return Status::End;
        const Msg &m = m_messages[m_next++];
        out.key = m.key;
        out.value = m.value;
        out.volume = 1.0;
        return Status::Message;
    }
    std::shared_ptr<ChunkedInput> chunkedInput() override
    {
        return m_chunk > 0 ? std::make_shared<VectorInput>(m_messages, m_chunk) : nullptr;
    }
    std::optional<InputPosition> position() const override { return InputPosition{0, qint64(m_next), 0}; }
    bool seek(const InputPosition &p, QString *) override
    {
        m_next = std::size_t(p.offset);
        return true;
    }

private:
    const std::vector<Msg> &m_messages;
    qint64 m_chunk;
    std::size_t m_next = 0;
};

} // namespace partlab::test
