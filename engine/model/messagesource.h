#pragma once

#include "chunkedinput.h"

#include <QString>
#include <QtGlobal>

#include <memory>
#include <optional>
#include <string_view>

namespace partlab {

/** One input message after key extraction: the partition key and the values it carries. */
struct SourceMessage
{
    std::string_view key; ///< valid until the next call to MessageSource::next()
    double value = 0.0;   ///< price, amount, or 1 for a word
    double volume = 1.0;  ///< only vwap reads it
    qint64 timeUs = -1;   ///< event time in microseconds since the epoch, -1 when unknown
};

/**
 * Where messages come from: a scenario generator or a trace reader. Pull-based and streamed,
 * so a source never holds more than the current message in memory.
 */
class MessageSource
{
public:
    enum class Status { Message, End, Error };

    virtual ~MessageSource() = default;

    /** Reads the next message into @p out. After Error, errorString() says what and where. */
    virtual Status next(SourceMessage &out) = 0;

    /** "FILE:LINE: reason" (or a plain reason for generators) after next() returned Error. */
    virtual QString errorString() const { return m_error; }

    /** Progress for the GUI: bytes consumed so far and in total, -1 when unknown. */
    virtual qint64 bytesRead() const { return -1; }
    virtual qint64 bytesTotal() const { return -1; }

    /** Where the last message came from ("FILE:LINE"), empty for generators. */
    virtual QString location() const { return {}; }

    /** Messages announced up front (generators), -1 when unknown (traces). */
    virtual qint64 expectedMessages() const { return -1; }

    /**
     * The same input cut into chunks that several threads can parse (parallel ingestion), or
     * nullptr when it can only be read in one stream (a .gz trace, a pipe).
     */
    virtual std::shared_ptr<ChunkedInput> chunkedInput() { return nullptr; }
    /**
     * Where the next message starts, in chunkedInput()'s units (message left 0: the caller
     * counts messages), or nullopt when the source stands where it cannot be resumed (inside
     * a line of words).
     */
    virtual std::optional<InputPosition> position() const { return std::nullopt; }
    /** Continues at @p position (the end of chunks already applied); false with @p error. */
    virtual bool seek(const InputPosition &position, QString *error)
    {
        Q_UNUSED(position)
        if (error)
            *error = QStringLiteral("this source cannot be positioned");
        return false;
    }

protected:
    QString m_error;
};

} // namespace partlab
