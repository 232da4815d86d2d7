#pragma once

#include "trace/tracesource.h"

#include <QCommandLineParser>
#include <QJsonObject>

#include <memory>

namespace partlab::cli {

/**
 * The trace-reading options `replay` and `simulate --input` share: --format, --key, --value,
 * --volume, --time, --on-error, --max-line-bytes.
 */
void addTraceReadOptions(QCommandLineParser &parser);

/** True if any option that only makes sense with a trace was given (named in @p option). */
bool traceReadOptionSet(const QCommandLineParser &parser, QString *option);

/**
 * Checks the trace options and opens @p path. On a bad option: nullptr, @p usage set (exit 2).
 * On an input error (missing file, bad header): nullptr, @p error set ("FILE[:LINE]: reason", exit 1).
 */
std::unique_ptr<TraceSource> openTraceFromOptions(const QCommandLineParser &parser, const QString &path,
                                                  QString *usage, QString *error);

/**
 * Says on stderr how many bad lines --on-error skip skipped and which (nothing when none), and
 * returns the JSON fields for the summary: trace, format, skipped_lines, first_skipped_lines.
 */
QJsonObject reportTraceReading(const QString &command, const TraceSource &source);

} // namespace partlab::cli
