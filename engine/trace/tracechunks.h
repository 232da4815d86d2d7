#pragma once

#include "model/chunkedinput.h"
#include "traceformat.h"

#include <QString>

#include <memory>

namespace partlab {

class InflatedStream;
class TraceSource;

/**
 * A trace file cut into byte ranges for parallel ingestion. Each parser is a reader of its own
 * (file handle, buffer) on the same file and options. A chunk other than the first starts at the
 * first line start at or after its begin: right for every line-based format, and for CSV unless a
 * quoted field holds a line break there, which the chunk before it finds out (the runtime then
 * parses the chunk again from the true record boundary).
 *
 * A .gz trace is cut the same way in the decompressed stream, which one thread inflates
 * (InflatedStream) while the parsers read it; its length is known only at its end, so the chunks
 * run on until one of them finds the end. Each accepted chunk releases the bytes no later chunk
 * reads, so memory stays bounded.
 */
class TraceChunkedInput final : public ChunkedInput
{
public:
    /** 512 KiB: about 12 k stock ticks of CSV, small enough to pause promptly. */
    static constexpr qint64 kChunkBytes = qint64(1) << 19;

    TraceChunkedInput(TraceSource &owner, qint64 fileSize, qint64 chunkBytes = kChunkBytes);
    /** A gzip trace, inflated by @p stream. */
    TraceChunkedInput(TraceSource &owner, std::shared_ptr<InflatedStream> stream, qint64 chunkBytes = kChunkBytes);
    ~TraceChunkedInput() override;

    std::unique_ptr<ChunkParser> createParser(QString *error) const override;
    qint64 chunkUnits() const override { return m_chunkBytes; }
    qint64 endUnits() const override { return m_fileSize; }
    bool exactBoundaries() const override { return false; }
    void accept(const ChunkResult &result, qint64 lineBase) override;
    QString describe(const ChunkError &error, qint64 lineBase) const override;

private:
    TraceSource &m_owner;
    QString m_path;
    TraceOptions m_options;
    qint64 m_fileSize;
    qint64 m_chunkBytes;
    std::shared_ptr<InflatedStream> m_stream; ///< .gz only
};

} // namespace partlab
