#include "traceoptions.h"

#include "command.h"

#include <QFileInfo>
#include <QJsonArray>

namespace partlab::cli {

namespace {
const char *const kTraceOptions[] = {"format", "key", "value", "volume", "time", "on-error", "max-line-bytes"};
}

void addTraceReadOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("format"), QStringLiteral("Trace format: csv, jsonl, kv or words (default: from the file extension, ignoring .gz)."), QStringLiteral("F")},
        {QStringLiteral("key"), QStringLiteral("Field holding the partition key: a csv column or a jsonl path such as payload.symbol (default: 'key')."), QStringLiteral("FIELD")},
        {QStringLiteral("value"), QStringLiteral("Field holding the value (default: 'value' if present, else every message counts 1)."), QStringLiteral("FIELD")},
        {QStringLiteral("volume"), QStringLiteral("Field holding the volume for vwap (default: 'volume' if present, else 1)."), QStringLiteral("FIELD")},
        {QStringLiteral("time"), QStringLiteral("Field holding the timestamp: epoch ms, epoch us or ISO 8601 (default: 'time' if present)."), QStringLiteral("FIELD")},
        {QStringLiteral("on-error"), QStringLiteral("On a bad line: stop (default, exit 1) or skip (count it and report the first few)."), QStringLiteral("stop|skip")},
        {QStringLiteral("max-line-bytes"), QStringLiteral("Longest line (csv: record) accepted, default %1.").arg(TraceOptions::kDefaultMaxLineBytes), QStringLiteral("B")},
    });
}

bool traceReadOptionSet(const QCommandLineParser &parser, QString *option)
{
    for (const char *name : kTraceOptions) {
        if (parser.isSet(QLatin1String(name))) {
            *option = QLatin1String(name);
            return true;
        }
    }
    return false;
}

std::optional<TraceFormat> traceFormatFromOptions(const QCommandLineParser &parser, const QString &path, QString *usage)
{
    if (parser.isSet(QStringLiteral("format"))) {
        const QString name = parser.value(QStringLiteral("format"));
        const auto f = traceFormatFromName(name);
        if (!f)
            *usage = QStringLiteral("--format: unknown format '%1' (choose %2)").arg(name, traceFormatNames().join(QStringLiteral(", ")));
        return f;
    }
    const auto f = traceFormatFromPath(path);
    if (!f)
        *usage = QStringLiteral("%1: cannot tell the format from the name; give --format %2").arg(path, traceFormatNames().join(QLatin1Char('|')));
    return f;
}

std::unique_ptr<TraceSource> openTraceFromOptions(const QCommandLineParser &parser, const QString &path,
                                                  QString *usage, QString *error)
{
    TraceOptions options;
    options.fields.defaultNames = true;
    const auto format = traceFormatFromOptions(parser, path, usage);
    if (!format)
        return nullptr;
    options.format = *format;
    if (!traceFormatHasNamedFields(options.format)) {
        for (const char *field : {"key", "value", "volume", "time"}) {
            if (parser.isSet(QLatin1String(field))) {
                *usage = QStringLiteral("--%1 applies to csv and jsonl traces only (%2 columns are positional)")
                             .arg(QLatin1String(field), traceFormatName(options.format));
                return nullptr;
            }
        }
    }
    for (const char *field : {"key", "value", "volume", "time"}) {
        if (parser.isSet(QLatin1String(field)) && parser.value(QLatin1String(field)).isEmpty()) {
            *usage = QStringLiteral("--%1 needs a field name").arg(QLatin1String(field));
            return nullptr;
        }
    }
    options.fields.key = parser.value(QStringLiteral("key"));
    options.fields.value = parser.value(QStringLiteral("value"));
    options.fields.volume = parser.value(QStringLiteral("volume"));
    options.fields.time = parser.value(QStringLiteral("time"));
    if (parser.isSet(QStringLiteral("on-error"))) {
        const QString policy = parser.value(QStringLiteral("on-error"));
        if (policy == QLatin1String("skip"))
            options.onError = ErrorPolicy::Skip;
        else if (policy != QLatin1String("stop")) {
            *usage = QStringLiteral("--on-error must be stop or skip (got '%1')").arg(policy);
            return nullptr;
        }
    }
    if (!readIntegerOption(parser, QStringLiteral("max-line-bytes"), 16, qint64(1) << 30, options.maxLineBytes, usage))
        return nullptr;
    const QFileInfo info(path);
    if (!info.exists()) {
        *error = QStringLiteral("%1: no such file").arg(path);
        return nullptr;
    }
    if (info.isDir()) {
        *error = QStringLiteral("%1: is a directory, not a trace file").arg(path);
        return nullptr;
    }
    return TraceSource::open(path, options, error);
}

QJsonObject reportTraceReading(const QString &command, const TraceSource &source)
{
    const quint64 skipped = source.skippedLines();
    QJsonArray lines;
    for (qint64 line : source.firstSkippedLines())
        lines.append(double(line));
    if (skipped > 0) {
        QStringList numbers;
        for (qint64 line : source.firstSkippedLines())
            numbers << QString::number(line);
        QString text = QStringLiteral("partlab-cli %1: skipped %2 bad line%3 (first at line%4 %5%6):\n")
                           .arg(command).arg(skipped).arg(skipped == 1 ? QString() : QStringLiteral("s"))
                           .arg(numbers.size() == 1 ? QString() : QStringLiteral("s"), numbers.join(QStringLiteral(", ")),
                                skipped > quint64(numbers.size()) ? QStringLiteral(", ...") : QString());
        for (const QString &e : source.firstSkippedErrors())
            text += QStringLiteral("  %1\n").arg(e);
        printErr(text);
    }
    return QJsonObject{
        {QStringLiteral("trace"), source.path()},
        {QStringLiteral("format"), traceFormatName(source.options().format)},
        {QStringLiteral("skipped_lines"), double(skipped)},
        {QStringLiteral("first_skipped_lines"), lines},
    };
}

} // namespace partlab::cli
