#include "tracesource.h"

#include "csvsource.h"
#include "inflatedstream.h"
#include "jsonlsource.h"
#include "kvsource.h"
#include "tracechunks.h"
#include "wordsource.h"

#include <cstring>

namespace partlab {

namespace {
constexpr qsizetype kReadChunk = 1 << 18;
constexpr qsizetype kInitialLineRoom = 1 << 20;
}

TraceSource::TraceSource(const QString &path, const TraceOptions &options)
    : m_path(path)
    , m_options(options)
{
    m_options.maxLineBytes = qBound<qsizetype>(16, m_options.maxLineBytes, qsizetype(1) << 30);
    // Room for a line of up to 1 MiB plus one chunk; a longer limit grows the buffer only when a
    // line needs it (so --max-line-bytes 1G costs nothing until such a line comes).
    m_capacity = qMin<qsizetype>(m_options.maxLineBytes, kInitialLineRoom) + kReadChunk + 16;
    m_data.reset(new char[std::size_t(m_capacity)]);
}

TraceSource::~TraceSource() = default;

std::unique_ptr<TraceSource> TraceSource::open(const QString &path, const TraceOptions &options, QString *error,
                                               std::shared_ptr<InflatedStream> shared)
{
    std::unique_ptr<TraceSource> source;
    switch (options.format) {
    case TraceFormat::Csv: source.reset(new CsvSource(path, options)); break;
    case TraceFormat::Jsonl: source.reset(new JsonlSource(path, options)); break;
    case TraceFormat::Kv: source.reset(new KvSource(path, options)); break;
    case TraceFormat::Words: source.reset(new WordSource(path, options)); break;
    }
    QString openError;
    if (!(shared ? source->m_input.openShared(path, std::move(shared), &openError) : source->m_input.open(path, &openError))) {
        if (error)
            *error = openError;
        return nullptr;
    }
    if (source->start() != Read::Message) {
        if (error)
            *error = source->m_badLine > 0 ? QStringLiteral("%1:%2: %3").arg(path).arg(source->m_badLine).arg(source->m_badReason)
                                           : QStringLiteral("%1: %2").arg(path, source->m_badReason);
        return nullptr;
    }
    return source;
}

MessageSource::Status TraceSource::next(SourceMessage &out)
{
    for (;;) {
        const Read r = read(out);
        if (r == Read::Message)
            return Status::Message;
        if (r == Read::End)
            return Status::End;
        const QString where = m_badLine > 0 ? QStringLiteral("%1:%2: ").arg(m_path).arg(m_badLine)
                                            : QStringLiteral("%1: ").arg(m_path);
        m_lastFatal = r == Read::Fatal;
        if (r == Read::Bad && m_options.onError == ErrorPolicy::Skip) {
            if (m_skipped < quint64(TraceOptions::kReportedBadLines)) {
                m_firstSkippedErrors << where + m_badReason;
                m_firstSkippedLines.push_back(m_badLine);
            }
            ++m_skipped;
            continue;
        }
        m_error = where + m_badReason;
        return Status::Error;
    }
}

bool TraceSource::seek(const TracePosition &position, QString *error)
{
    QString seekError;
    if (!m_input.seek(position.offset, &seekError)) {
        if (error)
            *error = seekError;
        return false;
    }
    m_pos = 0;
    m_size = 0;
    m_eof = false;
    m_bufferBase = position.offset;
    m_nextLine = position.line;
    m_messageLine = 0;
    m_progress.store(m_input.fileBytesRead(), std::memory_order_relaxed);
    resetAfterSeek();
    return true;
}

std::optional<InputPosition> TraceSource::position() const
{
    if (!canResumeHere())
        return std::nullopt;
    return resumePosition();
}

std::shared_ptr<ChunkedInput> TraceSource::chunkedInput()
{
    if (m_input.fileSize() <= 0)
        return nullptr;
    if (!m_input.isCompressed())
        return std::make_shared<TraceChunkedInput>(*this, m_input.fileSize());
    QString error;
    std::shared_ptr<InflatedStream> stream = InflatedStream::start(m_path, &error);
    if (!stream)
        return nullptr;
    m_input.follow(stream); // between phases, this reader goes on from the stream too
    return std::make_shared<TraceChunkedInput>(*this, std::move(stream));
}

bool TraceSource::seekToLineStart(qint64 offset, QString *error)
{
    if (offset <= 0)
        return seek({0, 0, 1}, error);
    if (!seek({0, offset - 1, 1}, error))
        return false;
    // The byte before the chunk: if it ends a line, the chunk starts with a line; otherwise the
    // rest of that line belongs to the chunk before.
    const Read r = skipToLineEnd();
    if (r == Read::Fatal) {
        if (error)
            *error = m_badReason;
        return false;
    }
    m_nextLine = 1;
    return true;
}

void TraceSource::mergeChunk(quint64 skipped, const std::vector<ChunkError> &firstSkipped, qint64 lineBase, qint64 fileBytes)
{
    for (const ChunkError &e : firstSkipped) {
        if (m_firstSkippedLines.size() >= std::size_t(TraceOptions::kReportedBadLines))
            break;
        const qint64 line = e.line > 0 ? lineBase + e.line - 1 : 0;
        m_firstSkippedErrors << (line > 0 ? QStringLiteral("%1:%2: %3").arg(m_path).arg(line).arg(e.reason)
                                          : QStringLiteral("%1: %2").arg(m_path, e.reason));
        m_firstSkippedLines.push_back(line);
    }
    m_skipped += skipped;
    m_progress.store(qMin(fileBytes, m_input.fileSize()), std::memory_order_relaxed);
}

TraceSource::Read TraceSource::bad(qint64 line, const QString &reason)
{
    m_badLine = line;
    m_badReason = reason;
    return Read::Bad;
}

TraceSource::Read TraceSource::fatal(qint64 line, const QString &reason)
{
    m_badLine = line;
    m_badReason = reason;
    m_eof = true;
    m_pos = m_size; // nothing more is read after a fatal error
    return Read::Fatal;
}

TraceSource::Fill TraceSource::fill()
{
    if (m_pos > 0) {
        m_bufferBase += m_pos;
        std::memmove(m_data.get(), m_data.get() + m_pos, std::size_t(m_size - m_pos));
        m_size -= m_pos;
        m_pos = 0;
        // Reading through a parallel replay's stream: the next phase starts at a record boundary
        // not below this one (its first chunk may look at the byte before).
        m_input.releaseBelow(m_bufferBase - 1);
    }
    if (m_eof)
        return Fill::End;
    const qsizetype maxCapacity = m_options.maxLineBytes + kReadChunk + 16;
    if (m_capacity - m_size < kReadChunk && m_capacity < maxCapacity) {
        // A line longer than the initial room but within the limit: grow, at most to the limit.
        const qsizetype grown = qMin(maxCapacity, qMax(m_capacity * 2, m_size + kReadChunk));
        std::unique_ptr<char[]> bigger(new char[std::size_t(grown)]);
        std::memcpy(bigger.get(), m_data.get(), std::size_t(m_size));
        m_data = std::move(bigger);
        m_capacity = grown;
    }
    const qint64 room = qMin<qint64>(kReadChunk, m_capacity - m_size);
    if (room <= 0) { // callers keep at most maxLineBytes unparsed; this is a safety net
        fatal(m_nextLine, QStringLiteral("internal error: read buffer full"));
        return Fill::Error;
    }
    const qint64 n = m_input.read(m_data.get() + m_size, room);
    m_progress.store(m_input.fileBytesRead(), std::memory_order_relaxed);
    if (n < 0) {
        // "FILE: reason" already names the file: keep only the reason.
        QString reason = m_input.errorString();
        if (reason.startsWith(m_path + QStringLiteral(": ")))
            reason = reason.mid(m_path.size() + 2);
        fatal(0, reason);
        return Fill::Error;
    }
    if (n == 0) {
        m_eof = true;
        return Fill::End;
    }
    m_size += qsizetype(n);
    return Fill::More;
}

TraceSource::Read TraceSource::nextLine(std::string_view &line)
{
    for (;;) {
        const char *start = m_data.get() + m_pos;
        const qsizetype available = m_size - m_pos;
        const void *newline = std::memchr(start, '\n', std::size_t(available));
        qsizetype length = -1;
        if (newline) {
            length = static_cast<const char *>(newline) - start;
            m_pos += length + 1;
        } else if (available > m_options.maxLineBytes) {
            length = available; // too long: reported below
        } else if (m_eof) {
            if (available == 0)
                return Read::End;
            length = available; // last line without a final newline
            m_pos += length;
        } else {
            if (fill() == Fill::Error)
                return Read::Fatal;
            continue;
        }
        m_messageLine = m_nextLine++;
        if (length > m_options.maxLineBytes) {
            if (!newline && m_options.onError == ErrorPolicy::Skip) {
                // Drop the rest of the line chunk by chunk: memory stays bounded.
                for (;;) {
                    m_pos = m_size;
                    const Fill f = fill();
                    if (f == Fill::Error)
                        return Read::Fatal;
                    if (f == Fill::End)
                        break;
                    if (const void *nl = std::memchr(m_data.get(), '\n', std::size_t(m_size))) {
                        m_pos = static_cast<const char *>(nl) - m_data.get() + 1;
                        break;
                    }
                }
            }
            return bad(m_messageLine, QStringLiteral("line longer than %1 bytes (raise --max-line-bytes, or is this a %2 file?)")
                                          .arg(m_options.maxLineBytes).arg(traceFormatName(m_options.format)));
        }
        if (length > 0 && start[length - 1] == '\r')
            --length;
        line = std::string_view(start, std::size_t(length));
        return Read::Message;
    }
}

TraceSource::Read TraceSource::skipToLineEnd()
{
    for (;;) {
        const char *start = m_data.get() + m_pos;
        if (const void *nl = std::memchr(start, '\n', std::size_t(m_size - m_pos))) {
            m_pos += static_cast<const char *>(nl) - start + 1;
            ++m_nextLine;
            return Read::Message;
        }
        m_pos = m_size;
        const Fill f = fill();
        if (f == Fill::Error)
            return Read::Fatal;
        if (f == Fill::End)
            return Read::End;
    }
}

} // namespace partlab
