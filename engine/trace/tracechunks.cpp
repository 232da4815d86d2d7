#include "tracechunks.h"

#include "inflatedstream.h"
#include "tracesource.h"

#include <limits>

namespace partlab {

namespace {

class TraceChunkParser final : public ChunkParser
{
public:
    TraceChunkParser(std::unique_ptr<TraceSource> reader, ErrorPolicy policy)
        : m_reader(std::move(reader))
        , m_policy(policy)
    {
    }

    ChunkResult parse(const ChunkTask &task, ChunkSink &sink) override
    {
        ChunkResult r;
        QString error;
        const bool positioned = task.exactStart ? m_reader->seek({0, task.begin, 1}, &error)
                                                : m_reader->seekToLineStart(task.begin, &error);
        if (!positioned) {
            r.failure = ChunkError{0, error};
            return r;
        }
        r.start = m_reader->resumePosition().offset;
        SourceMessage m;
        for (;;) {
            // A record belongs to the chunk its first byte lies in (after blank lines the
            // reader skips); inside a record (words of one line, a CSV resync) keep reading.
            if (m_reader->canResumeHere() && m_reader->resumePosition().offset >= task.end)
                break;
            const MessageSource::Status status = m_reader->next(m);
            if (status == MessageSource::Status::End) {
                r.atEnd = true;
                break;
            }
            if (status == MessageSource::Status::Error) {
                ChunkError e{m_reader->errorLine(), m_reader->errorReason()};
                if (m_policy == ErrorPolicy::Skip && !m_reader->errorIsFatal()) {
                    if (r.firstSkipped.size() < std::size_t(TraceOptions::kReportedBadLines))
                        r.firstSkipped.push_back(std::move(e));
                    ++r.skipped;
                    continue;
                }
                r.failure = std::move(e);
                return r;
            }
            ++r.messages;
            if (!sink.add(m.key, m.value, m.volume)) {
                r.stoppedBySink = true;
                break;
            }
        }
        const TracePosition end = m_reader->resumePosition();
        r.end = end.offset;
        r.taskEnd = task.end;
        r.lines = end.line - 1;
        return r;
    }

private:
    std::unique_ptr<TraceSource> m_reader;
    ErrorPolicy m_policy;
};

} // namespace

TraceChunkedInput::TraceChunkedInput(TraceSource &owner, qint64 fileSize, qint64 chunkBytes)
    : m_owner(owner)
    , m_path(owner.path())
    , m_options(owner.options())
    , m_fileSize(fileSize)
    , m_chunkBytes(qMax<qint64>(1, chunkBytes))
{
}

TraceChunkedInput::TraceChunkedInput(TraceSource &owner, std::shared_ptr<InflatedStream> stream, qint64 chunkBytes)
    // The decompressed length is unknown until the inflater reaches it: chunks run on until one
    // finds the end (a chunk past it finds nothing and is never applied).
    : TraceChunkedInput(owner, std::numeric_limits<qint64>::max() / 2, chunkBytes)
{
    m_stream = std::move(stream);
}

TraceChunkedInput::~TraceChunkedInput() = default;

std::unique_ptr<ChunkParser> TraceChunkedInput::createParser(QString *error) const
{
    TraceOptions options = m_options;
    options.onError = ErrorPolicy::Stop; // the parser applies the policy itself, per chunk
    std::unique_ptr<TraceSource> reader = TraceSource::open(m_path, options, error, m_stream);
    if (!reader)
        return nullptr;
    if (m_stream) // every parser opened later reads the header again: it stays in memory
        m_stream->pin(reader->resumePosition().offset);
    return std::make_unique<TraceChunkParser>(std::move(reader), m_options.onError);
}

void TraceChunkedInput::accept(const ChunkResult &result, qint64 lineBase)
{
    if (!m_stream) {
        m_owner.mergeChunk(result.skipped, result.firstSkipped, lineBase, result.end);
        return;
    }
    m_owner.mergeChunk(result.skipped, result.firstSkipped, lineBase, m_stream->compressedAt(result.end));
    // Later chunks read from the next task's start, less the byte before it (is it a line
    // start?), or from this chunk's end (parsed again there when their guess was wrong).
    m_stream->release(qMin(result.end, result.taskEnd) - 1);
}

QString TraceChunkedInput::describe(const ChunkError &error, qint64 lineBase) const
{
    if (error.line <= 0)
        return QStringLiteral("%1: %2").arg(m_path, error.reason);
    return QStringLiteral("%1:%2: %3").arg(m_path).arg(lineBase + error.line - 1).arg(error.reason);
}

} // namespace partlab
