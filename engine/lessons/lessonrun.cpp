#include "lessonrun.h"

#include "model/numberformat.h"
#include "runtime/runplan.h"
#include "workload/scenario.h"
#include "workload/scenariosource.h"

namespace partlab {

namespace {

/** A key extractor other than the scenario's own: maps every message's key through a function. */
class ExtractedKeySource final : public MessageSource
{
public:
    ExtractedKeySource(std::unique_ptr<MessageSource> inner, std::function<std::string(std::string_view)> extractor)
        : m_inner(std::move(inner))
        , m_extractor(std::move(extractor))
    {
    }

    Status next(SourceMessage &out) override
    {
        const Status s = m_inner->next(out);
        if (s == Status::Message) {
            m_key = m_extractor(out.key);
            out.key = m_key;
        }
        return s;
    }

private:
    std::unique_ptr<MessageSource> m_inner;
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
    RunPlan plan;
    plan.config.computation = scenario->computation; // unless the preset names its own
    preset.applyTo(plan.config);
    plan.ownedSource = std::make_unique<ScenarioSource>(*scenario);
    if (keyExtractor)
        plan.ownedSource = std::make_unique<ExtractedKeySource>(std::move(plan.ownedSource), keyExtractor);
    if (resizeTo > 0)
        plan.resizes.emplace_back(resizeAt, resizeTo);
    RunOutcome outcome = runPlan(std::move(plan));
    if (!outcome.ok) {
        if (error)
            *error = outcome.error;
        return std::nullopt;
    }
    if (resizes)
        *resizes = std::move(outcome.resizes);
    return std::move(outcome.summary);
}

QString lessonRate(double perSecond)
{
    return fmt::rate(perSecond);
}

} // namespace partlab
