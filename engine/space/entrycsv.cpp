#include "entrycsv.h"

#include <QFile>
#include <QFileInfo>

#include <cmath>
#include <limits>

namespace partlab {

namespace {

/** Splits CSV text into records of fields; reports the line each record starts on. */
class RecordReader
{
public:
    explicit RecordReader(const QByteArray &data) : m_data(data)
    {
        if (m_data.startsWith("\xEF\xBB\xBF"))
            m_pos = 3;
    }

    /** Next record; false at the end or on error (then error() is set). */
    bool next(QStringList &fields, qint64 &line)
    {
        fields.clear();
        // Skip blank lines between records.
        while (m_pos < m_data.size() && (m_data[m_pos] == '\n' || m_data[m_pos] == '\r')) {
            if (m_data[m_pos] == '\n')
                ++m_line;
            ++m_pos;
        }
        if (m_pos >= m_data.size())
            return false;
        line = m_line;
        const qsizetype start = m_pos;
        QByteArray field;
        bool quoted = false;
        bool wasQuoted = false;
        while (true) {
            if (m_pos - start > EntryCsv::kMaxRecordBytes) {
                m_error = QStringLiteral("%1: record longer than %2 bytes").arg(line).arg(EntryCsv::kMaxRecordBytes);
                return false;
            }
            if (m_pos >= m_data.size()) {
                if (quoted) {
                    m_error = QStringLiteral("%1: a quoted field is not closed").arg(line);
                    return false;
                }
                fields << QString::fromUtf8(field);
                return true;
            }
            const char c = m_data[m_pos++];
            if (quoted) {
                if (c == '"') {
                    if (m_pos < m_data.size() && m_data[m_pos] == '"') {
                        field += '"';
                        ++m_pos;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n')
                        ++m_line;
                    field += c;
                }
                continue;
            }
            if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = wasQuoted = true;
            } else if (c == ',') {
                fields << QString::fromUtf8(field);
                field.clear();
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && m_pos < m_data.size() && m_data[m_pos] == '\n')
                    ++m_pos;
                ++m_line;
                fields << QString::fromUtf8(field);
                return true;
            } else if (wasQuoted) {
                m_error = QStringLiteral("%1: text after a closing quote").arg(line);
                return false;
            } else {
                field += c;
            }
        }
    }

    const QString &error() const { return m_error; }

private:
    const QByteArray &m_data;
    qsizetype m_pos = 0;
    qint64 m_line = 1;
    QString m_error;
};

} // namespace

bool EntryCsv::parseField(const QString &text, ValueType type, Value &out, QString *error)
{
    bool ok = false;
    const QString t = text.trimmed();
    switch (type) {
    case ValueType::String:
        out = Value::string(text);
        return true;
    case ValueType::Int: {
        const int v = t.toInt(&ok);
        if (ok)
            out = Value::int32(v);
        break;
    }
    case ValueType::Long: {
        const qint64 v = t.toLongLong(&ok);
        if (ok)
            out = Value::int64(v);
        break;
    }
    case ValueType::Double: {
        const double v = t.toDouble(&ok);
        ok = ok && std::isfinite(v);
        if (ok)
            out = Value::real(v);
        break;
    }
    case ValueType::Bool:
        if (t == QLatin1String("true") || t == QLatin1String("false")) {
            out = Value::boolean(t == QLatin1String("true"));
            ok = true;
        }
        break;
    }
    if (!ok && error)
        *error = QStringLiteral("'%1' is not a valid %2").arg(text, valueTypeName(type));
    return ok;
}

std::optional<QList<CsvEntry>> EntryCsv::parse(const QByteArray &data, const QString &name, const TypeDescriptor &type,
                                               QString *error)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = QStringLiteral("%1:%2").arg(name, message);
        return std::nullopt;
    };
    RecordReader reader(data);
    QStringList header;
    qint64 line = 0;
    if (!reader.next(header, line))
        return fail(reader.error().isEmpty() ? QStringLiteral("1: empty file (expected a header row of property names)")
                                             : reader.error());
    QList<ValueType> columnTypes;
    for (QString &column : header) {
        column = column.trimmed();
        const auto t = type.propertyType(column);
        if (!t)
            return fail(QStringLiteral("%1: column '%2' is not a property of type '%3'").arg(line).arg(column, type.name()));
        if (header.count(column) > 1)
            return fail(QStringLiteral("%1: column '%2' appears twice").arg(line).arg(column));
        columnTypes << *t;
    }
    QList<CsvEntry> rows;
    QStringList fields;
    while (reader.next(fields, line)) {
        if (fields.size() != header.size())
            return fail(QStringLiteral("%1: %2 fields, the header has %3").arg(line).arg(fields.size()).arg(header.size()));
        CsvEntry row{line, Entry(type.name())};
        for (int i = 0; i < fields.size(); ++i) {
            if (fields[i].isEmpty())
                continue; // null
            Value v;
            QString problem;
            if (!parseField(fields[i], columnTypes[i], v, &problem))
                return fail(QStringLiteral("%1: column '%2': %3").arg(line).arg(header[i], problem));
            row.entry.setValue(header[i], v);
        }
        rows << row;
    }
    if (!reader.error().isEmpty())
        return fail(reader.error());
    return rows;
}

std::optional<QList<CsvEntry>> EntryCsv::read(const QString &path, const TypeDescriptor &type, QString *error)
{
    // A script names the file: refuse what is not a plain file (/dev/zero never ends, a FIFO
    // blocks the whole script until someone writes to it), and read one byte past the limit at most.
    const QFileInfo info(path);
    if (info.exists() && !info.isDir() && !info.isFile()) {
        if (error)
            *error = QStringLiteral("%1: not a regular file (a device, a pipe or a socket)").arg(path);
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: cannot open: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray data = file.read(kMaxFileBytes + 1);
    if (data.size() > kMaxFileBytes) {
        if (error)
            *error = QStringLiteral("%1: larger than %2 MiB").arg(path).arg(kMaxFileBytes >> 20);
        return std::nullopt;
    }
    return parse(data, path, type, error);
}

} // namespace partlab
