#pragma once

#include "trace/tracesource.h"

#include <QCommandLineParser>
#include <QJsonObject>

#include <memory>
#include <optional>

namespace partlab::cli {

/**
 * The trace-reading options `replay` and `simulate --input` share: --format, --key, --value,
 * --volume, --time, --on-error, --max-line-bytes.
 */
void addTraceReadOptions(QCommandLineParser &parser);

/** True if any option that only makes sense with a trace was given (named in @p option). */
bool traceReadOptionSet(const QCommandLineParser &parser, QString *option);

/** The format --format names, else the one the file name implies; nullopt with @p usage set. */
std::optional<TraceFormat> traceFormatFromOptions(const QCommandLineParser &parser, const QString &path, QString *usage);

/**
 * Checks the trace options and opens @p path. On a bad option: nullptr, @p usage set. When the
 * file cannot be opened as asked (missing, no such column, empty, bad header): nullptr, @p error
 * set ("FILE[:LINE]: reason"). Both exit 2: nothing ran yet. Bad lines found while running exit 1.
 */
std::unique_ptr<TraceSource> openTraceFromOptions(const QCommandLineParser &parser, const QString &path,
                                                  QString *usage, QString *error);

/**
 * Says on stderr how many bad lines --on-error skip skipped and which (nothing when none), and
 * returns the JSON fields for the summary: trace, format, skipped_lines, first_skipped_lines.
 */
QJsonObject reportTraceReading(const QString &command, const TraceSource &source);

} // namespace partlab::cli
