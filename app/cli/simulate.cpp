// partlab-cli simulate: run a scenario or a CSV file through the partitioned state runtime.
#include "backendoptions.h"
#include "command.h"
#include "runoptions.h"

#include "runtime/simulationrunner.h"
#include "trace/csvsource.h"
#include "workload/scenario.h"
#include "workload/scenariosource.h"

#include <QFileInfo>

namespace partlab::cli {

namespace {

const QString kCommand = QStringLiteral("simulate");

int runSimulate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions({
        {QStringLiteral("scenario"), QStringLiteral("builtin:stocks (default), builtin:words, builtin:orders or a scenario JSON file."), QStringLiteral("S")},
        {QStringLiteral("input"), QStringLiteral("Read messages from a CSV file with a header row instead of a scenario."), QStringLiteral("FILE.csv")},
        {QStringLiteral("key"), QStringLiteral("CSV column holding the partition key (the key extractor)."), QStringLiteral("FIELD")},
        {QStringLiteral("value"), QStringLiteral("CSV column holding the value (default: every message counts 1)."), QStringLiteral("FIELD")},
        {QStringLiteral("volume"), QStringLiteral("CSV column holding the volume (vwap)."), QStringLiteral("FIELD")},
        {QStringLiteral("messages"), QStringLiteral("Number of messages (scenario), or stop after this many rows (CSV)."), QStringLiteral("M")},
        {QStringLiteral("seed"), QStringLiteral("Random seed of the scenario generator."), QStringLiteral("S")},
        {QStringLiteral("rate"), QStringLiteral("Messages per second (0 = as fast as possible, the default)."), QStringLiteral("R")},
        {QStringLiteral("resize-at"), QStringLiteral("Change the partition count live after MESSAGE messages, e.g. 100000:16,200000:4."), QStringLiteral("MESSAGE:N,...")},
    });
    addRuntimeOptions(parser);
    addBackendOptions(parser);
    if (const auto exit = parseArguments(parser, kCommand,
                                         QStringLiteral("Runs a partitioned state computation on a scenario or a CSV file and prints a summary."),
                                         arguments))
        return *exit;

    const bool fromCsv = parser.isSet(QStringLiteral("input"));
    if (fromCsv && parser.isSet(QStringLiteral("scenario")))
        return usageError(kCommand, QStringLiteral("--scenario and --input exclude each other"));
    if (!fromCsv) {
        for (const char *csvOnly : {"key", "value", "volume"}) {
            if (parser.isSet(QLatin1String(csvOnly)))
                return usageError(kCommand, QStringLiteral("--%1 applies to --input only").arg(QLatin1String(csvOnly)));
        }
    }

    RuntimeConfig config;
    QString error;
    std::unique_ptr<MessageSource> source;
    QString title;
    PacingOptions pacing;
    qint64 limit = -1;

    if (parser.isSet(QStringLiteral("messages"))) {
        const auto m = integerOption(parser, QStringLiteral("messages"), 0, qint64(1) << 50, &error);
        if (!m)
            return usageError(kCommand, error);
        limit = *m;
    }
    if (parser.isSet(QStringLiteral("rate"))) {
        const auto r = numberOption(parser, QStringLiteral("rate"), 0, 1e9, &error);
        if (!r)
            return usageError(kCommand, error);
        pacing.rate = *r;
    }

    if (fromCsv) {
        if (!parser.isSet(QStringLiteral("key")))
            return usageError(kCommand, QStringLiteral("--input needs --key FIELD (the column with the partition key)"));
        const QString path = parser.value(QStringLiteral("input"));
        if (!QFileInfo(path).isFile())
            return usageError(kCommand, QStringLiteral("--input: %1: no such file").arg(path));
        FieldMapping mapping;
        mapping.key = parser.value(QStringLiteral("key"));
        mapping.value = parser.value(QStringLiteral("value"));
        mapping.volume = parser.value(QStringLiteral("volume"));
        if (parser.isSet(QStringLiteral("seed")))
            return usageError(kCommand, QStringLiteral("--seed applies to scenarios only"));
        auto csv = CsvSource::open(path, mapping, &error);
        if (!csv) {
            printErr(QStringLiteral("partlab-cli %1: %2\n").arg(kCommand, error));
            return ExitUsage;
        }
        source = std::move(csv);
        title = QStringLiteral("Partlab simulate: %1").arg(path);
    } else {
        const QString spec = parser.isSet(QStringLiteral("scenario")) ? parser.value(QStringLiteral("scenario"))
                                                                       : QStringLiteral("builtin:stocks");
        auto scenario = resolveScenario(spec, &error);
        if (!scenario)
            return usageError(kCommand, QStringLiteral("--scenario: %1").arg(error));
        if (parser.isSet(QStringLiteral("seed"))) {
            const auto s = integerOption(parser, QStringLiteral("seed"), 0, std::numeric_limits<qint64>::max(), &error);
            if (!s)
                return usageError(kCommand, error);
            scenario->seed = quint64(*s);
        }
        if (limit >= 0)
            scenario->messages = quint64(limit);
        if (!parser.isSet(QStringLiteral("rate")))
            pacing.rate = scenario->rate;
        config.computation = scenario->computation;
        config.partitioner = scenario->partitioner;
        config.partitionerOptions.partitions = scenario->partitions;
        config.workers = scenario->workers;
        source = std::make_unique<ScenarioSource>(*scenario);
        title = QStringLiteral("Partlab simulate: %1 (%2 keys, %3, seed %4)")
                    .arg(spec).arg(scenario->keys)
                    .arg(KeyDistributionSpec::kindName(scenario->distribution.kind)).arg(scenario->seed);
    }

    error = applyRuntimeOptions(parser, config);
    if (!error.isEmpty())
        return usageError(kCommand, error);
    if (computationNeedsVolume(config.computation) && fromCsv && !parser.isSet(QStringLiteral("volume")))
        return usageError(kCommand, QStringLiteral("--computation vwap needs --volume FIELD with --input"));

    auto runtime = StateRuntime::create(config, &error);
    if (!runtime)
        return usageError(kCommand, error);
    SimulationRunner runner(*runtime, *source, pacing);
    if (fromCsv && limit >= 0)
        runner.setMessageLimit(quint64(limit));
    if (parser.isSet(QStringLiteral("resize-at"))) {
        const auto schedule = parseResizeSchedule(parser.value(QStringLiteral("resize-at")), &error);
        if (!schedule)
            return usageError(kCommand, error);
        for (const auto &[at, n] : *schedule)
            runner.scheduleResize(at, n);
    }
    int backendExit = ExitOk;
    const auto cluster = ClusterBackendRun::create(parser, kCommand, config.computation, &backendExit);
    if (backendExit != ExitOk)
        return backendExit;
    if (cluster)
        runner.setMessageObserver([&cluster](const SourceMessage &m) { return cluster->observe(m); });
    const bool ok = runner.run();
    if (cluster) {
        const RunSummary summary = ok ? SimulationRunner::summarize(*runtime, runner.elapsedSeconds()) : RunSummary();
        return cluster->finish(parser, ok, runner.error(), summary, *runtime, title, resizeJson(runner.resizeReports()));
    }
    if (!ok) {
        printErr(QStringLiteral("partlab-cli %1: %2\n").arg(kCommand, runner.error()));
        return ExitFailure;
    }
    const RunSummary summary = SimulationRunner::summarize(*runtime, runner.elapsedSeconds());
    return reportRun(parser, kCommand, summary, *runtime, title, resizeJson(runner.resizeReports()));
}

} // namespace

PARTLAB_CLI_COMMAND("simulate", "Run a scenario or CSV through the partitioned state runtime", runSimulate);

} // namespace partlab::cli
