#pragma once

#include "tracesource.h"

#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace partlab {

/**
 * A seek table for a trace: one pass records where every k-th message starts (its byte offset
 * in the decompressed stream and its line), so a player can jump to any message by reopening
 * the file, seeking to the nearest recorded position at or before it and skipping the few
 * messages in between. Also counts the messages and notes the first and last timestamps.
 *
 * Positions are taken only where the reader stands between records (TraceSource::canResumeHere):
 * for csv, jsonl and kv exactly every k-th message; for words the first line start after it.
 */
class TraceIndex
{
public:
    static constexpr quint64 kDefaultEvery = 4096;

    /**
     * Reads @p path once and indexes every @p every-th message. @p progress(bytesRead,
     * bytesTotal) is called on the calling thread every few thousand messages; returning false
     * cancels. Returns nullopt with @p error on a bad file or line, or with an empty @p error
     * when cancelled.
     */
    static std::optional<TraceIndex> build(const QString &path, const TraceOptions &options, quint64 every,
                                           const std::function<bool(qint64, qint64)> &progress, QString *error);

    const QString &path() const { return m_path; }
    const TraceOptions &options() const { return m_options; }
    quint64 every() const { return m_every; }
    /** Messages in the trace (bad lines skipped under ErrorPolicy::Skip are not messages). */
    quint64 messageCount() const { return m_messages; }
    /** Recorded positions, ascending; the first is message 0. */
    const std::vector<TracePosition> &positions() const { return m_positions; }
    /** Event time of the first and last timestamped message, -1 when the trace has none. */
    qint64 firstTimeUs() const { return m_firstTimeUs; }
    qint64 lastTimeUs() const { return m_lastTimeUs; }

    /** The recorded position nearest at or before @p message. */
    TracePosition nearest(quint64 message) const;

    /**
     * Reopens the trace so that its next message is number @p message (0-based; messageCount()
     * gives a source at its end). nullptr with @p error when the file changed or cannot be read.
     */
    std::unique_ptr<TraceSource> openAt(quint64 message, QString *error) const;

private:
    QString m_path;
    TraceOptions m_options;
    quint64 m_every = kDefaultEvery;
    quint64 m_messages = 0;
    qint64 m_firstTimeUs = -1;
    qint64 m_lastTimeUs = -1;
    std::vector<TracePosition> m_positions;
};

} // namespace partlab
