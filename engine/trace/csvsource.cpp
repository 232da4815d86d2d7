#include "csvsource.h"

#include "fieldparse.h"

#include <QByteArrayView>

#include <algorithm>

namespace partlab {

CsvSource::CsvSource(const QString &path, const TraceOptions &options)
    : TraceSource(path, options)
{
}

std::unique_ptr<CsvSource> CsvSource::open(const QString &path, const FieldMapping &mapping, QString *error,
                                           qsizetype maxRecordBytes)
{
    TraceOptions options;
    options.format = TraceFormat::Csv;
    options.fields = mapping;
    options.maxLineBytes = maxRecordBytes;
    std::unique_ptr<TraceSource> source = TraceSource::open(path, options, error);
    return std::unique_ptr<CsvSource>(static_cast<CsvSource *>(source.release()));
}

TraceSource::Read CsvSource::start()
{
    const Read r = readRecord();
    if (r == Read::Fatal)
        return r;
    if (r == Read::End)
        return fatal(0, QStringLiteral("the file is empty: a header row is needed"));
    if (r == Read::Bad)
        return fatal(m_badLine, QStringLiteral("bad header row: %1").arg(m_badReason));
    for (std::size_t i = 0; i < m_fields.size(); ++i) {
        std::string_view name = m_fields[i];
        if (i == 0 && name.substr(0, 3) == "\xEF\xBB\xBF")
            name.remove_prefix(3);
        m_header << QString::fromUtf8(name.data(), qsizetype(name.size())).trimmed();
    }
    return resolveColumns() ? Read::Message : Read::Fatal;
}

bool CsvSource::resolveColumns()
{
    const FieldMapping &m = m_options.fields;
    // The header comes from the file: show it tamed (control characters as '?', long names cut,
    // at most 20 columns), so a binary or quoted-newline header still gives a one-line error.
    QStringList shown;
    for (const QString &name : m_header) {
        if (shown.size() == 20) {
            shown << QStringLiteral("... (%1 columns)").arg(m_header.size());
            break;
        }
        const QByteArray bytes = name.toUtf8();
        shown << quoteForError(std::string_view(bytes.constData(), std::size_t(bytes.size())));
    }
    const QString columns = shown.join(QStringLiteral(", "));
    auto column = [&](const QString &given, QLatin1String fallback, QLatin1String role, int &index) {
        if (given.isEmpty()) {
            if (m.defaultNames)
                index = int(m_header.indexOf(QString(fallback)));
            return true;
        }
        index = int(m_header.indexOf(given));
        if (index < 0) {
            fatal(1, QStringLiteral("no column named '%1' for the %2 (columns: %3)").arg(given, role, columns));
            return false;
        }
        return true;
    };
    if (!column(m.key, QLatin1String("key"), QLatin1String("key"), m_keyIndex)
        || !column(m.value, QLatin1String("value"), QLatin1String("value"), m_valueIndex)
        || !column(m.volume, QLatin1String("volume"), QLatin1String("volume"), m_volumeIndex)
        || !column(m.time, QLatin1String("time"), QLatin1String("timestamp"), m_timeIndex))
        return false;
    if (m_keyIndex < 0) {
        fatal(0, QStringLiteral("no key field given (the key extractor needs one, e.g. --key symbol; columns: %1)").arg(columns));
        return false;
    }
    return true;
}

TraceSource::Read CsvSource::badFraming(qsizetype position, qint64 newlines, const QString &reason)
{
    const qint64 line = m_nextLine;
    m_pos = position;
    m_nextLine += newlines;
    m_resync = true;
    return bad(line, reason);
}

CsvSource::Parse CsvSource::parseRecord()
{
    const char *data = bufferData();
    const qsizetype size = bufferSize();
    qsizetype i = m_pos;
    qint64 newlines = 0;
    m_fields.clear();
    std::size_t quotedCount = 0;

    // Blank lines between records are skipped.
    while (i < size && (data[i] == '\n' || data[i] == '\r')) {
        if (data[i] == '\n')
            ++m_nextLine;
        ++i;
    }
    m_pos = i;
    if (i >= size)
        return m_eof ? Parse::End : Parse::NeedMore;

    for (;;) {
        if (i < size && data[i] == '"') {
            // Quoted field: "" is an escaped quote; commas and line breaks are data.
            if (quotedCount == m_unquoted.size())
                m_unquoted.emplace_back();
            std::string &field = m_unquoted[quotedCount++];
            field.clear();
            ++i;
            for (;;) {
                if (i >= size) {
                    if (!m_eof)
                        return Parse::NeedMore;
                    badFraming(size, newlines, QStringLiteral("unterminated quoted field (the quote opened in this record is never closed)"));
                    return Parse::Bad;
                }
                const char c = data[i];
                if (c == '"') {
                    if (i + 1 >= size && !m_eof)
                        return Parse::NeedMore;
                    if (i + 1 < size && data[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                if (c == '\n')
                    ++newlines;
                field += c;
                ++i;
            }
            m_fields.emplace_back(field);
            if (i < size && data[i] != ',' && data[i] != '\n' && data[i] != '\r') {
                badFraming(i, newlines, QStringLiteral("unexpected character after a closing quote in field %1").arg(m_fields.size()));
                return Parse::Bad;
            }
        } else {
            const qsizetype start = i;
            while (i < size) {
                const char c = data[i];
                if (c == ',' || c == '\n' || c == '\r')
                    break;
                if (c == '"') {
                    badFraming(i, newlines, QStringLiteral("a quote inside unquoted field %1 (quote the whole field)").arg(m_fields.size() + 1));
                    return Parse::Bad;
                }
                ++i;
            }
            if (i >= size && !m_eof)
                return Parse::NeedMore;
            m_fields.emplace_back(data + start, std::size_t(i - start));
        }
        if (i >= size) { // last record without a final newline
            m_messageLine = m_nextLine;
            m_nextLine += newlines;
            m_pos = i;
            return Parse::Record;
        }
        if (data[i] == ',') {
            ++i;
            continue;
        }
        // End of record: LF or CRLF (a lone CR too).
        if (data[i] == '\r') {
            if (i + 1 >= size && !m_eof)
                return Parse::NeedMore;
            if (i + 1 < size && data[i + 1] == '\n')
                ++i;
        }
        ++i;
        m_messageLine = m_nextLine;
        m_nextLine += newlines + 1;
        m_pos = i;
        return Parse::Record;
    }
}

TraceSource::Read CsvSource::readRecord()
{
    for (;;) {
        const qsizetype recordStart = m_pos;
        const Parse p = parseRecord();
        if (p == Parse::Record) {
            if (m_pos - recordStart > m_options.maxLineBytes)
                return bad(m_messageLine, QStringLiteral("record longer than %1 bytes (raise --max-line-bytes)").arg(m_options.maxLineBytes));
            return Read::Message;
        }
        if (p == Parse::End)
            return Read::End;
        if (p == Parse::Bad)
            return Read::Bad;
        // NeedMore: keep the unparsed record, read the next chunk and parse it again.
        if (bufferSize() - m_pos > m_options.maxLineBytes) {
            const qint64 line = m_nextLine;
            m_nextLine += std::count(bufferData() + m_pos, bufferData() + bufferSize(), '\n');
            m_pos = bufferSize();
            m_resync = true;
            return bad(line, QStringLiteral("record longer than %1 bytes (raise --max-line-bytes, or is this a CSV file?)")
                                 .arg(m_options.maxLineBytes));
        }
        if (fill() == Fill::Error)
            return Read::Fatal;
    }
}

TraceSource::Read CsvSource::read(SourceMessage &out)
{
    if (m_resync) {
        m_resync = false;
        const Read r = skipToLineEnd();
        if (r != Read::Message)
            return r;
    }
    const Read r = readRecord();
    if (r != Read::Message)
        return r;
    if (qsizetype(m_fields.size()) != m_header.size())
        return bad(m_messageLine, QStringLiteral("expected %1 fields (as in the header), found %2")
                                      .arg(m_header.size()).arg(m_fields.size()));
    const std::string_view key = m_fields[std::size_t(m_keyIndex)];
    if (key.empty())
        return bad(m_messageLine, QStringLiteral("column '%1': empty key").arg(m_header[m_keyIndex]));
    if (!QByteArrayView(key.data(), qsizetype(key.size())).isValidUtf8())
        return bad(m_messageLine, QStringLiteral("column '%1': the key is not valid UTF-8").arg(m_header[m_keyIndex]));
    out.key = key;
    out.value = 1.0;
    out.volume = 1.0;
    out.timeUs = -1;
    auto number = [&](int index, double &target) {
        return index < 0 || parseNumber(m_fields[std::size_t(index)], target);
    };
    auto notNumber = [&](int index) {
        return bad(m_messageLine, QStringLiteral("column '%1': '%2' is not a number")
                                      .arg(m_header[index], quoteForError(m_fields[std::size_t(index)])));
    };
    if (!number(m_valueIndex, out.value))
        return notNumber(m_valueIndex);
    if (!number(m_volumeIndex, out.volume))
        return notNumber(m_volumeIndex);
    if (m_timeIndex >= 0) {
        const std::string_view time = m_fields[std::size_t(m_timeIndex)];
        if (!time.empty() && !parseTimestampUs(time, out.timeUs))
            return bad(m_messageLine, QStringLiteral("column '%1': '%2' is not a timestamp (epoch ms, epoch us or ISO 8601)")
                                          .arg(m_header[m_timeIndex], quoteForError(time)));
    }
    return Read::Message;
}

} // namespace partlab
