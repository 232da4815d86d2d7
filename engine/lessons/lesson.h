#pragma once

#include "runtime/runtimeconfig.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

namespace partlab {

/** The configuration a lesson step loads into the GUI (and uses itself when it runs). */
struct LessonPreset
{
    QString scenario = QStringLiteral("builtin:stocks");
    QString partitioner = QStringLiteral("xap");
    int partitions = 4;
    int workers = 2;
    RuntimeMode mode = RuntimeMode::Partitioned;
    std::optional<Computation> computation; ///< nullopt: the scenario's own
    quint64 messages = 200'000;
    double rate = 0.0;   ///< messages per second in the GUI, 0 = as fast as possible
    bool space = false;  ///< the step works on the partitioned space (query console) instead

    /**
     * Sets the preset's runtime settings on @p config (partitioner, N, workers, mode, and the
     * computation where the preset names one); everything else in @p config stays.
     */
    void applyTo(RuntimeConfig &config) const;
};

/** What a step observed on the real engine: lines to read and named numbers to check. */
struct LessonObservation
{
    bool ok = true;
    QStringList lines;
    std::vector<std::pair<QString, double>> numbers;

    double number(const QString &name, double fallback = -1) const
    {
        for (const auto &[n, v] : numbers) {
            if (n == name)
                return v;
        }
        return fallback;
    }
};

/** One step: what to read, what configuration to load, what to watch, and a run on the engine. */
struct LessonStep
{
    QString title;
    QString text;
    QString watch; ///< what to look at in the GUI while it runs
    LessonPreset preset;
    std::function<LessonObservation()> run;
    /** Space steps: the operations run() executes, as `partlab-cli space` script lines (JSON). */
    QStringList spaceScript;
};

/** A guided lesson: a short series of steps driven by the real engine (no canned results). */
struct Lesson
{
    QString id;
    QString title;
    QString teaches;
    std::vector<LessonStep> steps;
};

/** Every lesson, in teaching order. Texts go through QCoreApplication::translate("Lesson", ...). */
std::vector<Lesson> allLessons();

/** The lesson called @p id, or nullptr. */
const Lesson *findLesson(const std::vector<Lesson> &lessons, const QString &id);

} // namespace partlab
