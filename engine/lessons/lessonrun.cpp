#include "lessonrun.h"

#include "model/numberformat.h"
#include "workload/scenario.h"
#include "workload/scenariosource.h"

namespace partlab {

namespace {

/** A key extractor other than the scenario's own: maps every message's key through a function. */
class ExtractedKeySource final : public MessageSource
{
public:
    ExtractedKeySource(MessageSource &inner, std::function<std::string(std::string_view)> extractor)
        : m_inner(inner)
        , m_extractor(std::move(extractor))
    {
    }

    Status next(SourceMessage &out) override
    {
        const Status s = m_inner.next(out);
        if (s == Status::Message) {
            m_key = m_extractor(out.key);
            out.key = m_key;
        }
        return s;
    }

private:
    MessageSource &m_inner;
    std::function<std::string(std::string_view)> m_extractor;
    std::string m_key;
};

} // namespace

std::optional<RunSummary> runLessonPreset(const LessonPreset &preset, QString *error,
                                          const std::function<std::string(std::string_view)> &keyExtractor,
                                          std::vector<ResizeReport> *resizes, quint64 resizeAt, int resizeTo)
{
    auto scenario = resolveScenario(preset.scenario, error);
    if (!scenario)
        return std::nullopt;
    scenario->messages = preset.messages;
    RuntimeConfig config;
    config.partitioner = preset.partitioner;
    config.partitionerOptions.partitions = preset.partitions;
    config.workers = preset.workers;
    config.mode = *runtimeModeFromName(preset.mode);
    config.computation = preset.computation.isEmpty() ? scenario->computation : *computationFromName(preset.computation);
    auto runtime = StateRuntime::create(config, error);
    if (!runtime)
        return std::nullopt;
    ScenarioSource generated(*scenario);
    std::optional<ExtractedKeySource> extracted;
    MessageSource *source = &generated;
    if (keyExtractor) {
        extracted.emplace(generated, keyExtractor);
        source = &*extracted;
    }
    SimulationRunner runner(*runtime, *source);
    if (resizeTo > 0)
        runner.scheduleResize(resizeAt, resizeTo);
    if (!runner.run()) {
        if (error)
            *error = runner.error();
        return std::nullopt;
    }
    if (resizes)
        *resizes = runner.resizeReports();
    return SimulationRunner::summarize(*runtime, runner.elapsedSeconds());
}

QString lessonRate(double perSecond)
{
    return fmt::rate(perSecond);
}

} // namespace partlab
