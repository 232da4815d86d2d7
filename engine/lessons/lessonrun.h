#pragma once

#include "lesson.h"
#include "runtime/simulationrunner.h"

#include <functional>
#include <optional>
#include <string>

namespace partlab {

/** Runs a lesson preset through the state runtime and returns its summary (nullopt on error). */
std::optional<RunSummary> runLessonPreset(const LessonPreset &preset, QString *error,
                                          const std::function<std::string(std::string_view)> &keyExtractor = {},
                                          std::vector<ResizeReport> *resizes = nullptr, quint64 resizeAt = 0,
                                          int resizeTo = 0);

/** "1.23 M msg/s" style, in the default locale (fmt::rate). */
QString lessonRate(double perSecond);

} // namespace partlab
