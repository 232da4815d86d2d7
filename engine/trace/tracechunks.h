#pragma once

#include "model/chunkedinput.h"
#include "traceformat.h"

#include <QString>

namespace partlab {

class TraceSource;

/**
 * A trace file cut into byte ranges for parallel ingestion. Each parser is a reader of its own
 * (file handle, buffer) on the same file and options. A chunk other than the first starts at the
 * first line start at or after its begin: right for every line-based format, and for CSV unless a
 * quoted field holds a line break there, which the chunk before it finds out (the runtime then
 * parses the chunk again from the true record boundary).
 */
class TraceChunkedInput final : public ChunkedInput
{
public:
    /** 512 KiB: about 12 k stock ticks of CSV, small enough to pause promptly. */
    static constexpr qint64 kChunkBytes = qint64(1) << 19;

    TraceChunkedInput(TraceSource &owner, qint64 fileSize, qint64 chunkBytes = kChunkBytes);

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
};

} // namespace partlab
