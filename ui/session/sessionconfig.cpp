#include "sessionconfig.h"

#include "trace/traceinput.h"
#include "workload/scenariosource.h"

#include <QFile>
#include <QFileInfo>

#include <cmath>

namespace partlab {

SessionConfig SessionConfig::forBuiltinScenario(const QString &name)
{
    SessionConfig c;
    if (const auto spec = ScenarioSpec::builtin(name))
        c.applyScenario(*spec, QStringLiteral("builtin:%1").arg(name));
    return c;
}

void SessionConfig::applyScenario(const ScenarioSpec &spec, const QString &origin)
{
    source = Source::Scenario;
    scenarioOrigin = origin;
    scenario = {spec.generator, spec.distribution, spec.keys, spec.seed};
    runtime.computation = spec.computation;
    runtime.partitioner = spec.partitioner;
    runtime.partitionerOptions.partitions = spec.partitions;
    runtime.workers = spec.workers;
    // A scenario made for batch runs (rate 0, a few hundred thousand messages) is over before
    // anything can be watched: the GUI keeps its live rate unless the file asks for one.
    if (spec.rate > 0.0)
        rate = spec.rate;
}

QString SessionConfig::validate() const
{
    if (source == Source::Trace) {
        if (tracePath.isEmpty())
            return tr("Choose a CSV trace file.");
        if (!QFileInfo(tracePath).isFile())
            return tr("The trace file %1 does not exist.").arg(tracePath);
        if (traceFields.key.isEmpty())
            return tr("Choose the CSV column that holds the partition key.");
        if (computationNeedsVolume(runtime.computation) && traceFields.volume.isEmpty())
            return tr("The vwap computation needs a volume column.");
    } else {
        const QString problem = scenarioSpec().validate();
        if (!problem.isEmpty())
            return tr("The scenario cannot run: %1").arg(problem);
    }
    if (!(rate >= 0.0) || std::isinf(rate))
        return tr("The message rate must be a positive number.");
    const QString problem = runtime.validate();
    if (!problem.isEmpty())
        return tr("The runtime cannot start: %1").arg(problem);
    if (!partitionerNames().contains(runtime.partitioner))
        return tr("Unknown partitioner %1.").arg(runtime.partitioner);
    return {};
}

std::unique_ptr<MessageSource> SessionConfig::createSource(QString *error) const
{
    if (source == Source::Trace)
        return CsvSource::open(tracePath, traceFields, error);
    return std::make_unique<ScenarioSource>(scenarioSpec());
}

ScenarioSpec SessionConfig::scenarioSpec() const
{
    ScenarioSpec spec;
    spec.name = sourceLabel();
    spec.generator = scenario.generator;
    spec.distribution = scenario.distribution;
    spec.keys = scenario.keys;
    spec.seed = scenario.seed;
    // "No limit" for a generator: more messages than any session will see.
    spec.messages = messageLimit > 0 ? messageLimit : (quint64(1) << 50);
    spec.rate = rate;
    spec.partitions = runtime.partitions();
    spec.workers = runtime.workers;
    spec.computation = runtime.computation;
    spec.partitioner = runtime.partitioner;
    return spec;
}

QString SessionConfig::sourceLabel() const
{
    if (source == Source::Trace)
        return QFileInfo(tracePath).fileName();
    return scenarioOrigin.startsWith(QLatin1String("builtin:")) ? scenarioOrigin : QFileInfo(scenarioOrigin).fileName();
}

} // namespace partlab
