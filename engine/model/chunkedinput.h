#pragma once

#include <QString>
#include <QtGlobal>

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace partlab {

/**
 * Where a source can continue: the message number, the unit the next message starts at (a byte
 * of the decompressed stream for traces, the message number for generators) and its line.
 */
struct InputPosition
{
    quint64 message = 0; ///< messages before this position (0-based number of the next one)
    qint64 offset = 0;
    qint64 line = 1;
};

/** Receives one chunk's messages in input order (the runtime routes and buckets them). */
class ChunkSink
{
public:
    virtual ~ChunkSink() = default;
    /** False: stop parsing this chunk (the runtime's key limit was hit). */
    virtual bool add(std::string_view key, double value, double volume) = 0;
};

/**
 * One piece of the input, by position: the parser starts at the first record at or after
 * begin (at begin itself when exactStart) and reads every record that starts before end.
 */
struct ChunkTask
{
    qint64 begin = 0;
    qint64 end = 0;
    bool exactStart = false;
};

/** A bad record of a chunk; line counts from the chunk's first line (1). */
struct ChunkError
{
    qint64 line = 0; ///< 0 when the error is not about a line (an I/O error)
    QString reason;
};

/** What parsing a chunk found. */
struct ChunkResult
{
    qint64 start = 0;   ///< where its first record starts
    qint64 end = 0;     ///< where the record after its last one starts (the next chunk's start)
    qint64 taskEnd = 0; ///< the end of the task it parsed (the chunks after it read from there on)
    qint64 lines = 0;   ///< line breaks between start and end
    quint64 messages = 0;
    bool atEnd = false;           ///< nothing follows: the input ends here
    bool stoppedBySink = false;   ///< the sink refused a message
    std::optional<ChunkError> failure; ///< parsing stopped at this error (fail policy, or fatal)
    quint64 skipped = 0;               ///< bad records skipped (skip policy)
    std::vector<ChunkError> firstSkipped; ///< the first few of them
};

/** Parses chunks of one input; one per thread (it owns a reader and its buffer). */
class ChunkParser
{
public:
    virtual ~ChunkParser() = default;
    virtual ChunkResult parse(const ChunkTask &task, ChunkSink &sink) = 0;
};

/**
 * An input that any thread can read a piece of: a trace file cut at record boundaries, or a
 * generator whose chunk j depends only on (seed, j). The runtime's workers parse chunks in
 * parallel and apply them in input order (StateRuntime::ingest).
 */
class ChunkedInput
{
public:
    virtual ~ChunkedInput() = default;

    /** A parser for one thread; nullptr with @p error when the input cannot be opened again. */
    virtual std::unique_ptr<ChunkParser> createParser(QString *error) const = 0;
    /** Nominal size of a chunk, in position units. */
    virtual qint64 chunkUnits() const = 0;
    /** Messages in a chunk, where the input knows it (generators); 0 when it does not (files). */
    virtual qint64 messagesPerChunk() const { return 0; }
    /** Position just past the input's end. */
    virtual qint64 endUnits() const = 0;
    /**
     * True when a chunk starts exactly at its begin (generators, in-memory inputs). False for
     * files: a guessed start (the first line start at or after begin) is confirmed by the end of
     * the chunk before it, and the chunk is parsed again from there when they differ.
     */
    virtual bool exactBoundaries() const = 0;
    /** True when the keys a parser hands to the sink stay valid as long as the input lives. */
    virtual bool stableKeys() const { return false; }
    /** Called in input order for each chunk that is applied; @p lineBase is its first line. */
    virtual void accept(const ChunkResult &result, qint64 lineBase) { Q_UNUSED(result) Q_UNUSED(lineBase) }
    /** The error text for @p error of a chunk whose first line is @p lineBase ("FILE:LINE: reason"). */
    virtual QString describe(const ChunkError &error, qint64 lineBase) const
    {
        Q_UNUSED(lineBase)
        return error.reason;
    }
};

} // namespace partlab
