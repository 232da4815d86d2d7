#include "inputoptions.h"

#include "command.h"
#include "traceoptions.h"
#include "workload/scenario.h"
#include "workload/scenariosource.h"

#include <QFileInfo>

#include <limits>

namespace partlab::cli {

void addInputOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("scenario"), QStringLiteral("builtin:stocks (default), builtin:words, builtin:orders or a scenario JSON file."), QStringLiteral("S")},
        {QStringLiteral("input"), QStringLiteral("Read messages from a trace (csv, jsonl, kv, words; .gz too)."), QStringLiteral("FILE")},
        {QStringLiteral("seed"), QStringLiteral("Random seed of the scenario generator."), QStringLiteral("S")},
        {QStringLiteral("messages"), QStringLiteral("Number of messages to generate (scenarios)."), QStringLiteral("M")},
    });
    addTraceReadOptions(parser);
}

std::optional<int> openInput(const QCommandLineParser &parser, const QString &command, InputChoice &choice,
                             const QString &positional)
{
    QString error;
    for (const char *option : {"scenario", "input"}) {
        if (parser.isSet(QLatin1String(option)) && parser.value(QLatin1String(option)).isEmpty())
            return usageError(command, QStringLiteral("--%1 needs a value").arg(QLatin1String(option)));
    }
    QString scenarioSpec = parser.value(QStringLiteral("scenario"));
    QString inputPath = parser.value(QStringLiteral("input"));
    if (!positional.isEmpty()) {
        if (positional.startsWith(QLatin1String("builtin:")))
            scenarioSpec = positional;
        else
            inputPath = positional;
    }
    if (!inputPath.isEmpty() && !scenarioSpec.isEmpty())
        return usageError(command, QStringLiteral("a scenario and an input file exclude each other"));
    if (!inputPath.isEmpty()) {
        if (parser.isSet(QStringLiteral("seed")) || parser.isSet(QStringLiteral("messages")))
            return usageError(command, QStringLiteral("--seed and --messages apply to scenarios only"));
        QString usage;
        auto trace = openTraceFromOptions(parser, inputPath, &usage, &error);
        if (!trace) {
            if (!usage.isEmpty())
                return usageError(command, usage);
            printErr(QStringLiteral("partlab-cli %1: %2\n").arg(command, error));
            return ExitUsage;
        }
        choice.source = std::move(trace);
        choice.title = inputPath;
        return std::nullopt;
    }
    QString option;
    if (traceReadOptionSet(parser, &option))
        return usageError(command, QStringLiteral("--%1 applies to trace input only").arg(option));
    if (scenarioSpec.isEmpty())
        scenarioSpec = QStringLiteral("builtin:stocks");
    auto scenario = resolveScenario(scenarioSpec, &error);
    if (!scenario)
        return usageError(command, error);
    if (!readIntegerOption(parser, QStringLiteral("seed"), 0, std::numeric_limits<qint64>::max(), scenario->seed, &error))
        return usageError(command, error);
    if (!readIntegerOption(parser, QStringLiteral("messages"), 0, qint64(1) << 50, scenario->messages, &error))
        return usageError(command, error);
    choice.source = std::make_unique<ScenarioSource>(*scenario);
    choice.title = scenarioSpec;
    return std::nullopt;
}

} // namespace partlab::cli
