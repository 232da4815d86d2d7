#pragma once

#include "runtime/runtimeconfig.h"
#include "runtime/simulationrunner.h"

#include <QCommandLineParser>
#include <QJsonObject>

#include <optional>
#include <utility>
#include <vector>

namespace partlab::cli {

/**
 * The runtime options `simulate` and `replay` share: --computation, --partitions,
 * --partitioner, --workers, --mode, --max-keys, --json, --state-out.
 */
void addRuntimeOptions(QCommandLineParser &parser);

/**
 * Applies the options the user gave on top of @p config (values from a scenario or defaults).
 * Returns a one-line error naming the option on a bad value.
 */
QString applyRuntimeOptions(const QCommandLineParser &parser, RuntimeConfig &config);

/** The JSON summary shared by simulate and replay. */
QJsonObject summaryJson(const RunSummary &summary, const StateRuntime &runtime);

/** The readable table printed without --json. @p title names the run. */
QString summaryTable(const RunSummary &summary, const StateRuntime &runtime, const QString &title);

/** Parses "MESSAGE:N[,MESSAGE:N...]" for --resize-at. */
std::optional<std::vector<std::pair<quint64, int>>> parseResizeSchedule(const QString &text, QString *error);

/** {"resizes": [{at, from, to, keys_moved, bytes_moved, pause_ms}]}, empty without resizes. */
QJsonObject resizeJson(const std::vector<ResizeReport> &reports);

/**
 * Prints the summary (JSON or table) and writes --state-out if given.
 * Returns the exit code (ExitFailure if the state file cannot be written).
 */
int reportRun(const QCommandLineParser &parser, const QString &command, const RunSummary &summary,
              const StateRuntime &runtime, const QString &title, const QJsonObject &extra = {});

} // namespace partlab::cli
