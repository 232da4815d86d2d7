#include "jsonlsource.h"

#include "fieldparse.h"

#include <QByteArrayView>

namespace partlab {

JsonlSource::JsonlSource(const QString &path, const TraceOptions &options)
    : TraceSource(path, options)
{
}

TraceSource::Read JsonlSource::start()
{
    const FieldMapping &m = m_options.fields;
    const QString given[FieldCount] = {m.key, m.value, m.volume, m.time};
    const char *const defaults[FieldCount] = {"key", "value", "volume", "time"};
    for (int i = 0; i < FieldCount; ++i) {
        m_required[i] = !given[i].isEmpty();
        m_names[i] = m_required[i] ? given[i] : (m.defaultNames ? QString::fromLatin1(defaults[i]) : QString());
        if (!m_names[i].isEmpty() && m_names[i].split(QLatin1Char('.')).contains(QString()))
            return fatal(0, QStringLiteral("bad field path '%1' (empty segment)").arg(m_names[i]));
    }
    if (m_names[KeyField].isEmpty())
        return fatal(0, QStringLiteral("no key field given (the key extractor needs one, e.g. --key symbol or --key payload.symbol)"));
    m_required[KeyField] = true;
    m_scanner.setPaths(QStringList(std::begin(m_names), std::end(m_names)));
    return Read::Message;
}

bool JsonlSource::numberField(FieldIndex index, double &target)
{
    const JsonFieldScanner::Field &f = m_scanner.field(index);
    if (f.kind == JsonFieldScanner::Kind::Missing && !m_required[index])
        return true;
    if (f.kind == JsonFieldScanner::Kind::Number || f.kind == JsonFieldScanner::Kind::String) {
        if (parseNumber(f.text, target))
            return true;
        bad(m_messageLine, QStringLiteral("field '%1': '%2' is not a finite number").arg(m_names[index], quoteForError(f.text)));
        return false;
    }
    if (f.kind == JsonFieldScanner::Kind::Missing)
        bad(m_messageLine, QStringLiteral("no field '%1'").arg(m_names[index]));
    else
        bad(m_messageLine, QStringLiteral("field '%1' is %2, not a number").arg(m_names[index], JsonFieldScanner::kindName(f.kind)));
    return false;
}

TraceSource::Read JsonlSource::read(SourceMessage &out)
{
    std::string_view line;
    for (;;) {
        const Read r = nextLine(line);
        if (r != Read::Message)
            return r;
        if (line.find_first_not_of(" \t\r") != std::string_view::npos)
            break;
    }
    if (!QByteArrayView(line.data(), qsizetype(line.size())).isValidUtf8())
        return bad(m_messageLine, QStringLiteral("not valid UTF-8"));
    QString reason;
    if (!m_scanner.scan(line, &reason))
        return bad(m_messageLine, reason);

    using Kind = JsonFieldScanner::Kind;
    const JsonFieldScanner::Field &key = m_scanner.field(KeyField);
    if (key.kind == Kind::Missing)
        return bad(m_messageLine, QStringLiteral("no field '%1' (the key)").arg(m_names[KeyField]));
    if (key.kind != Kind::String && key.kind != Kind::Number)
        return bad(m_messageLine, QStringLiteral("key field '%1' is %2, not a string or a number")
                                      .arg(m_names[KeyField], JsonFieldScanner::kindName(key.kind)));
    if (key.text.empty())
        return bad(m_messageLine, QStringLiteral("key field '%1': empty key").arg(m_names[KeyField]));
    out.key = key.text;
    out.value = 1.0;
    out.volume = 1.0;
    out.timeUs = -1;
    if (!numberField(ValueField, out.value) || !numberField(VolumeField, out.volume))
        return Read::Bad;
    const JsonFieldScanner::Field &time = m_scanner.field(TimeField);
    switch (time.kind) {
    case Kind::Missing:
        if (m_required[TimeField])
            return bad(m_messageLine, QStringLiteral("no field '%1' (the timestamp)").arg(m_names[TimeField]));
        break;
    case Kind::Null:
        break;
    case Kind::String:
        if (time.text.empty())
            break;
        [[fallthrough]];
    case Kind::Number:
        if (!parseTimestampUs(time.text, out.timeUs))
            return bad(m_messageLine, QStringLiteral("field '%1': '%2' is not a timestamp (epoch ms, epoch us or ISO 8601)")
                                          .arg(m_names[TimeField], quoteForError(time.text)));
        break;
    default:
        return bad(m_messageLine, QStringLiteral("field '%1' is %2, not a timestamp")
                                      .arg(m_names[TimeField], JsonFieldScanner::kindName(time.kind)));
    }
    return Read::Message;
}

} // namespace partlab
