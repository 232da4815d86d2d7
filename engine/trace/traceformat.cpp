#include "traceformat.h"

#include <QFileInfo>

namespace partlab {

QString traceFormatName(TraceFormat format)
{
    switch (format) {
    case TraceFormat::Csv: return QStringLiteral("csv");
    case TraceFormat::Jsonl: return QStringLiteral("jsonl");
    case TraceFormat::Kv: return QStringLiteral("kv");
    case TraceFormat::Words: break;
    }
    return QStringLiteral("words");
}

std::optional<TraceFormat> traceFormatFromName(const QString &name)
{
    for (TraceFormat f : {TraceFormat::Csv, TraceFormat::Jsonl, TraceFormat::Kv, TraceFormat::Words}) {
        if (name == traceFormatName(f))
            return f;
    }
    return std::nullopt;
}

QStringList traceFormatNames()
{
    return {QStringLiteral("csv"), QStringLiteral("jsonl"), QStringLiteral("kv"), QStringLiteral("words")};
}

std::optional<TraceFormat> traceFormatFromPath(const QString &path)
{
    QString name = QFileInfo(path).fileName().toLower();
    if (name.endsWith(QLatin1String(".gz")))
        name.chop(3);
    const QString suffix = name.section(QLatin1Char('.'), -1);
    if (suffix == name)
        return std::nullopt;
    if (suffix == QLatin1String("csv"))
        return TraceFormat::Csv;
    if (suffix == QLatin1String("jsonl") || suffix == QLatin1String("ndjson") || suffix == QLatin1String("json"))
        return TraceFormat::Jsonl;
    if (suffix == QLatin1String("kv") || suffix == QLatin1String("tsv"))
        return TraceFormat::Kv;
    if (suffix == QLatin1String("txt") || suffix == QLatin1String("text") || suffix == QLatin1String("words")
        || suffix == QLatin1String("md"))
        return TraceFormat::Words;
    return std::nullopt;
}

bool traceFormatHasNamedFields(TraceFormat format)
{
    return format == TraceFormat::Csv || format == TraceFormat::Jsonl;
}

} // namespace partlab
