#include "kvsource.h"

#include "fieldparse.h"

#include <QByteArrayView>

namespace partlab {

KvSource::KvSource(const QString &path, const TraceOptions &options)
    : TraceSource(path, options)
{
}

TraceSource::Read KvSource::read(SourceMessage &out)
{
    std::string_view line;
    do {
        const Read r = nextLine(line);
        if (r != Read::Message)
            return r;
    } while (line.empty());

    std::string_view columns[4];
    int count = 0;
    for (;;) {
        const std::size_t tab = line.find('\t');
        if (count == 4)
            return bad(m_messageLine, QStringLiteral("more than 4 tab-separated columns (key, value, volume, time)"));
        columns[count++] = line.substr(0, tab);
        if (tab == std::string_view::npos)
            break;
        line.remove_prefix(tab + 1);
    }
    const std::string_view key = columns[0];
    if (key.empty())
        return bad(m_messageLine, QStringLiteral("empty key"));
    if (!QByteArrayView(key.data(), qsizetype(key.size())).isValidUtf8())
        return bad(m_messageLine, QStringLiteral("the key is not valid UTF-8"));
    out.key = key;
    out.value = 1.0;
    out.volume = 1.0;
    out.timeUs = -1;
    if (count > 1 && !parseNumber(columns[1], out.value))
        return bad(m_messageLine, QStringLiteral("value '%1' is not a number").arg(quoteForError(columns[1])));
    if (count > 2 && !parseNumber(columns[2], out.volume))
        return bad(m_messageLine, QStringLiteral("volume '%1' is not a number").arg(quoteForError(columns[2])));
    if (count > 3 && !columns[3].empty() && !parseTimestampUs(columns[3], out.timeUs))
        return bad(m_messageLine, QStringLiteral("'%1' is not a timestamp (epoch ms, epoch us or ISO 8601)").arg(quoteForError(columns[3])));
    return Read::Message;
}

} // namespace partlab
