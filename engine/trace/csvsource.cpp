#include "csvsource.h"

#include "fieldparse.h"

namespace partlab {

namespace {
constexpr qint64 kReadChunk = 1 << 20;
}

CsvSource::CsvSource(const QString &path, const FieldMapping &mapping, qsizetype maxRecordBytes)
    : m_path(path)
    , m_mapping(mapping)
    , m_maxRecordBytes(maxRecordBytes)
    , m_file(path)
{
}

std::unique_ptr<CsvSource> CsvSource::open(const QString &path, const FieldMapping &mapping, QString *error,
                                           qsizetype maxRecordBytes)
{
    std::unique_ptr<CsvSource> s(new CsvSource(path, mapping, maxRecordBytes));
    auto failWith = [&](const QString &message) -> std::unique_ptr<CsvSource> {
        if (error)
            *error = message;
        return nullptr;
    };
    if (!s->m_file.open(QIODevice::ReadOnly))
        return failWith(QStringLiteral("%1: cannot open: %2").arg(path, s->m_file.errorString()));
    s->m_totalBytes = s->m_file.size();
    if (!s->readRecord()) {
        if (s->m_failed)
            return failWith(s->m_error);
        return failWith(QStringLiteral("%1: the file is empty: a header row is needed").arg(path));
    }
    for (std::size_t i = 0; i < s->m_fields.size(); ++i) {
        std::string_view name = s->m_fields[i];
        if (i == 0 && name.substr(0, 3) == "\xEF\xBB\xBF")
            name.remove_prefix(3);
        s->m_header << QString::fromUtf8(name.data(), qsizetype(name.size())).trimmed();
    }
    auto column = [&](const QString &name, const char *role, int &index) {
        if (name.isEmpty())
            return true;
        index = int(s->m_header.indexOf(name));
        if (index < 0) {
            if (error)
                *error = QStringLiteral("%1:1: no column named '%2' for the %3 (columns: %4)")
                             .arg(path, name, QLatin1String(role), s->m_header.join(QStringLiteral(", ")));
            return false;
        }
        return true;
    };
    if (mapping.key.isEmpty())
        return failWith(QStringLiteral("%1: no key field given (the key extractor needs one, e.g. --key symbol)").arg(path));
    if (!column(mapping.key, "key", s->m_keyIndex) || !column(mapping.value, "value", s->m_valueIndex)
        || !column(mapping.volume, "volume", s->m_volumeIndex) || !column(mapping.time, "timestamp", s->m_timeIndex))
        return nullptr;
    return s;
}

bool CsvSource::fail(qint64 line, const QString &reason)
{
    m_failed = true;
    m_error = QStringLiteral("%1:%2: %3").arg(m_path).arg(line).arg(reason);
    return false;
}

CsvSource::ParseResult CsvSource::parseRecord()
{
    const char *data = m_buffer.constData();
    const qsizetype size = m_buffer.size();
    qsizetype i = m_pos;
    qint64 newlines = 0;
    m_fields.clear();
    std::size_t quotedCount = 0;

    // Blank lines between records are skipped.
    while (i < size && (data[i] == '\n' || data[i] == '\r')) {
        if (data[i] == '\n')
            ++m_line;
        ++i;
    }
    m_pos = i;
    if (i >= size)
        return m_eof ? ParseResult::End : ParseResult::NeedMore;

    for (;;) {
        if (i - m_pos > m_maxRecordBytes) {
            fail(m_line, QStringLiteral("record longer than %1 bytes (is this a CSV file?)").arg(m_maxRecordBytes));
            return ParseResult::Error;
        }
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
                        return ParseResult::NeedMore;
                    fail(m_line, QStringLiteral("unterminated quoted field (the quote opened on this line is never closed)"));
                    return ParseResult::Error;
                }
                const char c = data[i];
                if (c == '"') {
                    if (i + 1 >= size && !m_eof)
                        return ParseResult::NeedMore;
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
                fail(m_line, QStringLiteral("unexpected character after a closing quote in field %1").arg(m_fields.size()));
                return ParseResult::Error;
            }
        } else {
            const qsizetype start = i;
            while (i < size && data[i] != ',' && data[i] != '\n' && data[i] != '\r') {
                if (data[i] == '"') {
                    fail(m_line, QStringLiteral("a quote inside an unquoted field %1 (quote the whole field)").arg(m_fields.size() + 1));
                    return ParseResult::Error;
                }
                ++i;
            }
            if (i >= size && !m_eof)
                return ParseResult::NeedMore;
            m_fields.emplace_back(data + start, std::size_t(i - start));
        }
        if (i >= size) { // last record without a final newline
            m_recordLine = m_line;
            m_line += newlines;
            m_pos = i;
            return ParseResult::Record;
        }
        if (data[i] == ',') {
            ++i;
            continue;
        }
        // End of record: LF or CRLF (a lone CR too).
        if (data[i] == '\r') {
            if (i + 1 >= size && !m_eof)
                return ParseResult::NeedMore;
            if (i + 1 < size && data[i + 1] == '\n')
                ++i;
        }
        ++i;
        m_recordLine = m_line;
        m_line += newlines + 1;
        m_pos = i;
        return ParseResult::Record;
    }
}

bool CsvSource::readRecord()
{
    if (m_failed)
        return false;
    for (;;) {
        const ParseResult r = parseRecord();
        if (r == ParseResult::Record) {
            m_consumedBytes = m_file.pos() - (m_buffer.size() - m_pos);
            return true;
        }
        if (r == ParseResult::End || r == ParseResult::Error) {
            m_consumedBytes = m_totalBytes;
            return false;
        }
        // NeedMore: keep the unparsed tail, read the next chunk and parse the record again.
        m_buffer.remove(0, m_pos);
        m_pos = 0;
        if (m_buffer.size() > m_maxRecordBytes + 4)
            return fail(m_line, QStringLiteral("record longer than %1 bytes (is this a CSV file?)").arg(m_maxRecordBytes));
        const QByteArray more = m_file.read(kReadChunk);
        if (more.isEmpty()) {
            if (m_file.error() != QFileDevice::NoError)
                return fail(m_line, QStringLiteral("read error: %1").arg(m_file.errorString()));
            m_eof = true;
        }
        m_buffer.append(more);
    }
}

MessageSource::Status CsvSource::next(SourceMessage &out)
{
    if (!readRecord())
        return m_failed ? Status::Error : Status::End;
    if (qsizetype(m_fields.size()) != m_header.size()) {
        fail(m_recordLine, QStringLiteral("expected %1 fields (as in the header), found %2")
                               .arg(m_header.size()).arg(m_fields.size()));
        return Status::Error;
    }
    auto numberAt = [&](int index, const QString &name, double &target) {
        if (!parseNumber(m_fields[std::size_t(index)], target)) {
            const std::string_view raw = m_fields[std::size_t(index)];
            return fail(m_recordLine, QStringLiteral("column '%1': '%2' is not a number")
                                          .arg(name, QString::fromUtf8(raw.data(), qsizetype(qMin<std::size_t>(raw.size(), 40)))));
        }
        return true;
    };
    out.key = m_fields[std::size_t(m_keyIndex)];
    out.value = 1.0;
    out.volume = 1.0;
    out.timeUs = -1;
    if (m_valueIndex >= 0 && !numberAt(m_valueIndex, m_mapping.value, out.value))
        return Status::Error;
    if (m_volumeIndex >= 0 && !numberAt(m_volumeIndex, m_mapping.volume, out.volume))
        return Status::Error;
    if (m_timeIndex >= 0 && !parseTimestampUs(m_fields[std::size_t(m_timeIndex)], out.timeUs)) {
        fail(m_recordLine, QStringLiteral("column '%1': not a timestamp (epoch ms, epoch us or ISO 8601)").arg(m_mapping.time));
        return Status::Error;
    }
    return Status::Message;
}

} // namespace partlab
