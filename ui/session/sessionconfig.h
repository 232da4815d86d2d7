#pragma once

#include "model/limits.h"
#include "runtime/runtimeconfig.h"
#include "trace/csvsource.h"
#include "workload/scenario.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace partlab {

class MessageSource;

/**
 * What a scenario generator draws from: the part of a ScenarioSpec that SessionConfig does not
 * hold elsewhere (the spec's messages, rate, partitions, workers, computation and partitioner are
 * SessionConfig::messageLimit, ::rate and ::runtime), so every value has one place.
 */
struct GeneratorSettings
{
    ScenarioSpec::Generator generator = ScenarioSpec::Generator::Stocks;
    KeyDistributionSpec distribution;
    quint32 keys = 200;
    quint64 seed = 1;

    friend bool operator==(const GeneratorSettings &, const GeneratorSettings &) = default;
};

/**
 * Everything the configuration dock edits: where messages come from (a scenario generator or a
 * CSV trace), how fast, and the runtime they are fed to. Plain data; SimulationSession turns it
 * into a StateRuntime, a MessageSource and a SimulationRunner.
 */
struct SessionConfig
{
    Q_DECLARE_TR_FUNCTIONS(SessionConfig)

public:
    enum class Source { Scenario, Trace };

    /** The GUI's partition range: 1024 bars stay readable (scrolled or grouped). */
    static constexpr int kMaxPartitions = 1024;

    Source source = Source::Scenario;
    /** "builtin:NAME" or a scenario JSON file: where `scenario` was loaded from. */
    QString scenarioOrigin = QStringLiteral("builtin:stocks");
    /** Generator, key distribution, key count and seed of the scenario. */
    GeneratorSettings scenario;
    QString tracePath;
    FieldMapping traceFields;
    /** Messages per second, 0 = as fast as possible. */
    double rate = 20'000.0;
    /** Stop after this many messages, 0 = until the source ends (scenarios: practically never). */
    quint64 messageLimit = 10'000'000;
    RuntimeConfig runtime;
    /** Messages each partition remembers for the FIFO view by default. */
    static constexpr int kDefaultFifoCapacity = limits::kDefaultFifoCapacity;
    /** Messages each partition remembers for the FIFO view (0 = no FIFO hook). */
    int fifoCapacity = kDefaultFifoCapacity;

    /** The built-in scenario @p name with the GUI's defaults (a live rate instead of full speed). */
    static SessionConfig forBuiltinScenario(const QString &name);
    /** Copies a scenario's generator, distribution and suggested runtime settings into this config. */
    void applyScenario(const ScenarioSpec &spec, const QString &origin);

    /** A translated sentence for the first value that cannot work, or an empty string. */
    QString validate() const;
    /** The scenario a run generates: scenario, rate and messageLimit together. */
    ScenarioSpec scenarioSpec() const;
    /** Opens the message source; nullptr with @p error on failure. */
    std::unique_ptr<MessageSource> createSource(QString *error) const;
    /** Short description for titles and the status bar ("builtin:stocks", "trades.csv"). */
    QString sourceLabel() const;

    /**
     * Field by field, nested structs included (defaulted, never hand-listed: a field added
     * later is compared too, so SimulationSession::setConfig() never drops a change as "equal").
     */
    friend bool operator==(const SessionConfig &, const SessionConfig &) = default;
};

} // namespace partlab
