#pragma once

#include "model/messagesource.h"
#include "traceformat.h"

#include <QByteArray>
#include <QSaveFile>
#include <QString>

#include <memory>

namespace partlab {

/**
 * Records messages as a trace that the readers replay exactly: csv ("time,key,value,volume"),
 * jsonl ({"time":...,"key":...,"value":...,"volume":...}) or kv (key, value, volume, time
 * separated by tabs); gzip-compressed when the name ends in ".gz". Times are ISO 8601 UTC with
 * microseconds, numbers the shortest text that reads back to the same double, so a replay
 * computes the same state. The file appears only when finish() succeeds: a failed run leaves
 * no half-written trace behind.
 */
class TraceWriter
{
public:
    /** Opens @p path for writing; nullptr with @p error for words or an unwritable path. */
    static std::unique_ptr<TraceWriter> create(const QString &path, TraceFormat format, QString *error);
    ~TraceWriter();
    TraceWriter(const TraceWriter &) = delete;
    TraceWriter &operator=(const TraceWriter &) = delete;

    /** Appends one message (producer thread); false with errorString() when it cannot be written. */
    bool write(const SourceMessage &message);
    /** Flushes, ends the gzip stream and moves the file into place. */
    bool finish();

    QString errorString() const { return m_error; }
    quint64 messagesWritten() const { return m_written; }
    TraceFormat format() const { return m_format; }

private:
    struct Deflater;
    TraceWriter(const QString &path, TraceFormat format);
    bool flushBuffer(bool last);
    bool fail(const QString &reason);
    void appendCsvKey(std::string_view key);
    void appendJsonString(std::string_view text);

    QString m_path;
    TraceFormat m_format;
    QSaveFile m_file;
    QByteArray m_buffer;
    QByteArray m_compressed;
    std::unique_ptr<Deflater> m_deflater;
    QString m_error;
    quint64 m_written = 0;
    bool m_finished = false;
};

} // namespace partlab
