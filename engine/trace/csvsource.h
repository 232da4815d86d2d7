#pragma once

#include "tracesource.h"

#include <QStringList>

#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace partlab {

/**
 * Streams a CSV file with a header row (RFC 4180: quoted fields, "" escapes, CRLF or LF, line
 * breaks inside quotes). Blank lines are skipped; a UTF-8 byte-order mark is ignored. Bad
 * records name the line they start on; after a broken quote the reader resumes at the next line.
 */
class CsvSource final : public TraceSource
{
public:
    static constexpr qsizetype kDefaultMaxRecordBytes = TraceOptions::kDefaultMaxLineBytes;

    /** Opens @p path with exactly the columns in @p mapping; nullptr with @p error on failure. */
    static std::unique_ptr<CsvSource> open(const QString &path, const FieldMapping &mapping, QString *error,
                                           qsizetype maxRecordBytes = kDefaultMaxRecordBytes);

    const QStringList &header() const { return m_header; }
    /** Line where the last record returned by next() starts. */
    qint64 recordLine() const { return messageLine(); }
    /** Not while the rest of a line with a broken quote still has to be skipped. */
    bool canResumeHere() const override { return !m_resync; }

protected:
    Read start() override;
    Read read(SourceMessage &out) override;
    void resetAfterSeek() override { m_resync = false; }

private:
    friend class TraceSource;
    CsvSource(const QString &path, const TraceOptions &options);

    enum class Parse { Record, NeedMore, End, Bad };
    Parse parseRecord();
    Read readRecord();
    Read badFraming(qsizetype position, qint64 newlines, const QString &reason);
    bool resolveColumns();

    std::vector<std::string_view> m_fields;
    std::deque<std::string> m_unquoted; ///< fields that had quotes (a deque: views into it stay valid as it grows)
    QStringList m_header;
    bool m_resync = false; ///< drop the rest of the current line before the next record
    int m_keyIndex = -1, m_valueIndex = -1, m_volumeIndex = -1, m_timeIndex = -1;
};

} // namespace partlab
