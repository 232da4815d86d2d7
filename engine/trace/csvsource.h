#pragma once

#include "model/messagesource.h"

#include <QFile>
#include <QString>

#include <memory>
#include <string>
#include <vector>

namespace partlab {

/** Which input fields make the message: the key extractor and the value fields, by name. */
struct FieldMapping
{
    QString key;    ///< required: the partition key
    QString value;  ///< optional: empty = every message has value 1 (counting)
    QString volume; ///< optional: vwap's volume
    QString time;   ///< optional: timestamp (epoch ms/us or ISO 8601)
};

/**
 * Streams a CSV file with a header row (RFC 4180: quoted fields, "" escapes, CRLF or LF, line
 * breaks inside quotes) in constant memory. Errors name the file and the line the bad record
 * starts on. Blank lines are skipped; a UTF-8 byte-order mark is ignored.
 */
class CsvSource final : public MessageSource
{
public:
    static constexpr qsizetype kDefaultMaxRecordBytes = 1 << 20;

    /** Opens @p path and reads the header; nullptr with @p error ("FILE:LINE: ...") on failure. */
    static std::unique_ptr<CsvSource> open(const QString &path, const FieldMapping &mapping, QString *error,
                                           qsizetype maxRecordBytes = kDefaultMaxRecordBytes);

    Status next(SourceMessage &out) override;
    qint64 bytesRead() const override { return m_consumedBytes; }
    qint64 bytesTotal() const override { return m_totalBytes; }

    QString location() const override { return QStringLiteral("%1:%2").arg(m_path).arg(m_recordLine); }

    const QStringList &header() const { return m_header; }
    /** Line number where the last record returned by next() starts. */
    qint64 recordLine() const { return m_recordLine; }

private:
    CsvSource(const QString &path, const FieldMapping &mapping, qsizetype maxRecordBytes);

    enum class ParseResult { Record, NeedMore, End, Error };
    ParseResult parseRecord();
    bool readRecord(); // parseRecord() with refills; false on End or Error (m_error set on Error)
    bool fail(qint64 line, const QString &reason);

    QString m_path;
    FieldMapping m_mapping;
    qsizetype m_maxRecordBytes;
    QFile m_file;
    qint64 m_totalBytes = 0;
    qint64 m_consumedBytes = 0;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    bool m_eof = false;
    bool m_failed = false;
    qint64 m_line = 1;       ///< line where the next record starts
    qint64 m_recordLine = 0;
    std::vector<std::string_view> m_fields;
    std::vector<std::string> m_unquoted; ///< storage for fields that had quotes
    QStringList m_header;
    int m_keyIndex = -1, m_valueIndex = -1, m_volumeIndex = -1, m_timeIndex = -1;
};

} // namespace partlab
