#pragma once

#include "model/entry.h"
#include "model/typedescriptor.h"

#include <QList>
#include <QString>

#include <optional>

namespace partlab {

/** One CSV record as an entry, with the line it starts on (for error messages). */
struct CsvEntry
{
    qint64 line = 0;
    Entry entry;
};

/**
 * Reads entries of one type from a CSV file for the initial load.
 *
 * The header row names properties of the type (any order, a subset is fine); each record becomes
 * an entry, fields parsed by property type (int, long, double: C-locale numbers; bool: true/false;
 * string: as is). An empty field is null. RFC 4180 quoting ("" escapes, line breaks inside
 * quotes), LF or CRLF, a UTF-8 byte-order mark is skipped. Errors name the file and line.
 */
class EntryCsv
{
public:
    static constexpr qint64 kMaxFileBytes = qint64(256) << 20;
    static constexpr qsizetype kMaxRecordBytes = 1 << 20;

    /** Every record of @p path, or nullopt with @p error ("FILE:LINE: ..."). */
    static std::optional<QList<CsvEntry>> read(const QString &path, const TypeDescriptor &type, QString *error);

    /** Same, from CSV text in memory (@p name stands for the file in messages). */
    static std::optional<QList<CsvEntry>> parse(const QByteArray &data, const QString &name,
                                                const TypeDescriptor &type, QString *error);

    /** Parses one field as a value of @p type; false with @p error when it does not fit. */
    static bool parseField(const QString &text, ValueType type, Value &out, QString *error);
};

} // namespace partlab
