#pragma once

#include "model/messagesource.h"
#include "traceformat.h"
#include "traceinput.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <string_view>
#include <vector>

namespace partlab {

/**
 * Where a reader can continue: the byte of the (decompressed) stream the next record starts at
 * and its line number. Taken between two messages (TraceSource::resumePosition()) and handed to
 * TraceSource::seek() of a reader of the same file and options.
 */
using TracePosition = InputPosition;

/**
 * Base of the trace readers (csv, jsonl, kv, words): streams the file through one fixed-size
 * buffer (constant memory whatever the file size), frames lines, applies the error policy and
 * publishes progress. A bad line is "FILE:LINE: reason"; with ErrorPolicy::Skip it is counted
 * and the first few are kept for the report, so nothing is skipped silently.
 */
class TraceSource : public MessageSource
{
public:
    /**
     * Opens a trace of any format; nullptr with @p error ("FILE[:LINE]: reason") on failure.
     * With @p shared, a gzip file is read through that stream (a chunk parser of a .gz trace).
     */
    static std::unique_ptr<TraceSource> open(const QString &path, const TraceOptions &options, QString *error,
                                             std::shared_ptr<InflatedStream> shared = {});

    ~TraceSource() override;

    Status next(SourceMessage &out) final;

    /** Any thread: file bytes consumed so far (updated once per buffer refill). */
    qint64 bytesRead() const override { return m_progress.load(std::memory_order_relaxed); }
    qint64 bytesTotal() const override { return m_input.fileSize(); }

    /** How often a seek inflated this .gz trace from its start again (0 for a plain file). */
    int decoderRestarts() const { return m_input.decoderRestarts(); }

    /** "FILE:LINE" of the message last returned by next(). */
    QString location() const override { return QStringLiteral("%1:%2").arg(m_path).arg(m_messageLine); }

    const QString &path() const { return m_path; }
    const TraceOptions &options() const { return m_options; }
    /** Line where the message last returned by next() starts. */
    qint64 messageLine() const { return m_messageLine; }

    /**
     * True when the reader stands between two records, so that resumePosition() is a place
     * seek() can come back to (false e.g. in the middle of a line of words, or after a broken
     * CSV quote that still has to skip the rest of its line).
     */
    virtual bool canResumeHere() const { return true; }
    /** The stream position of the next record (message left 0: the caller counts messages). */
    TracePosition resumePosition() const { return {0, m_bufferBase + m_pos, m_nextLine}; }
    /**
     * Continues at @p position (from resumePosition() of a reader of the same file and options):
     * the next message is the one that followed it there. False with @p error if the file
     * cannot be positioned there.
     */
    bool seek(const TracePosition &position, QString *error) override;
    std::optional<InputPosition> position() const override;
    /**
     * Chunks of the file for parallel ingestion. A gzip stream cannot be entered in the middle:
     * a .gz trace is inflated by one thread of its own (InflatedStream) and its chunks parsed
     * from there. nullptr for an empty file, or a .gz whose inflater cannot start (one thread then).
     */
    std::shared_ptr<ChunkedInput> chunkedInput() override;
    /**
     * Continues at the first line start at or after @p offset, counting lines from 1 there
     * (a chunk parser's guessed start). False with @p error when the file cannot be positioned.
     */
    bool seekToLineStart(qint64 offset, QString *error);

    /** The last error next() returned: its line (0: not about a line), reason, and whether
        reading cannot go on after it (an I/O error) rather than one bad record. */
    qint64 errorLine() const { return m_badLine; }
    const QString &errorReason() const { return m_badReason; }
    bool errorIsFatal() const { return m_lastFatal; }
    /** Adds what a chunk parser skipped (lines already absolute) and the file bytes read so far. */
    void mergeChunk(quint64 skipped, const std::vector<ChunkError> &firstSkipped, qint64 lineBase, qint64 fileBytes);

    /** Bad lines skipped under ErrorPolicy::Skip (producer thread, or after the run). */
    quint64 skippedLines() const { return m_skipped; }
    /** "FILE:LINE: reason" of the first TraceOptions::kReportedBadLines skipped lines. */
    const QStringList &firstSkippedErrors() const { return m_firstSkippedErrors; }
    const std::vector<qint64> &firstSkippedLines() const { return m_firstSkippedLines; }

protected:
    TraceSource(const QString &path, const TraceOptions &options);

    /** What one parse step found. Bad and Fatal carry m_badLine and m_badReason. */
    enum class Read { Message, End, Bad, Fatal };

    /** Parses the next message; the subclass's whole job. */
    virtual Read read(SourceMessage &out) = 0;
    /** Called once after the file is open (csv reads its header); Fatal stops open(). */
    virtual Read start() { return Read::Message; }
    /** After seek(): forget what was parsed of the old position (the header stays). */
    virtual void resetAfterSeek() {}

    Read bad(qint64 line, const QString &reason);
    Read fatal(qint64 line, const QString &reason);

    enum class Fill { More, End, Error };
    /** Drops the bytes before m_pos and appends the next chunk of the file. */
    Fill fill();

    /**
     * The next line (without its LF or CRLF) at m_messageLine. A line longer than maxLineBytes
     * is a Bad line; with Skip the rest of it is read and dropped without keeping it.
     */
    Read nextLine(std::string_view &line);

    /** With Skip after a bad record: drops the rest of the physical line the error was found on. */
    Read skipToLineEnd();

    const char *bufferData() const { return m_data.get(); }
    qsizetype bufferSize() const { return m_size; }

    QString m_path;
    TraceOptions m_options;
    qsizetype m_pos = 0;     ///< parse position in the buffer
    bool m_eof = false;      ///< the file has no more bytes after the buffer
    qint64 m_nextLine = 1;   ///< line the next record starts on
    qint64 m_messageLine = 0;
    qint64 m_badLine = 0;
    QString m_badReason;

private:
    TraceInput m_input;
    std::unique_ptr<char[]> m_data;
    qsizetype m_capacity = 0;
    qsizetype m_size = 0;
    qint64 m_bufferBase = 0; ///< stream offset of the buffer's first byte
    std::atomic<qint64> m_progress{0};
    quint64 m_skipped = 0;
    bool m_lastFatal = false;
    QStringList m_firstSkippedErrors;
    std::vector<qint64> m_firstSkippedLines;
};

} // namespace partlab
