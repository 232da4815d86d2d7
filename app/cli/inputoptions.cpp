#include "inputoptions.h"

#include "command.h"
#include "trace/csvsource.h"
#include "workload/scenario.h"
#include "workload/scenariosource.h"

#include <QFileInfo>

#include <limits>

namespace partlab::cli {

void addInputOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("scenario"), QStringLiteral("builtin:stocks (default), builtin:words, builtin:orders or a scenario JSON file."), QStringLiteral("S")},
        {QStringLiteral("input"), QStringLiteral("Read messages from a CSV file with a header row."), QStringLiteral("FILE.csv")},
        {QStringLiteral("key"), QStringLiteral("CSV column holding the partition key."), QStringLiteral("FIELD")},
        {QStringLiteral("value"), QStringLiteral("CSV column holding the value (default: every message counts 1)."), QStringLiteral("FIELD")},
        {QStringLiteral("seed"), QStringLiteral("Random seed of the scenario generator."), QStringLiteral("S")},
        {QStringLiteral("messages"), QStringLiteral("Number of messages to generate (scenarios)."), QStringLiteral("M")},
    });
}

std::optional<int> openInput(const QCommandLineParser &parser, const QString &command, InputChoice &choice,
                             const QString &positional)
{
    QString error;
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
        if (!parser.isSet(QStringLiteral("key")))
            return usageError(command, QStringLiteral("a CSV input needs --key FIELD (the column with the partition key)"));
        if (!QFileInfo(inputPath).isFile())
            return usageError(command, QStringLiteral("%1: no such file").arg(inputPath));
        if (parser.isSet(QStringLiteral("seed")) || parser.isSet(QStringLiteral("messages")))
            return usageError(command, QStringLiteral("--seed and --messages apply to scenarios only"));
        FieldMapping mapping;
        mapping.key = parser.value(QStringLiteral("key"));
        mapping.value = parser.value(QStringLiteral("value"));
        auto csv = CsvSource::open(inputPath, mapping, &error);
        if (!csv) {
            printErr(QStringLiteral("partlab-cli %1: %2\n").arg(command, error));
            return ExitUsage;
        }
        choice.source = std::move(csv);
        choice.title = inputPath;
        return std::nullopt;
    }
    for (const char *csvOnly : {"key", "value"}) {
        if (parser.isSet(QLatin1String(csvOnly)))
            return usageError(command, QStringLiteral("--%1 applies to CSV input only").arg(QLatin1String(csvOnly)));
    }
    if (scenarioSpec.isEmpty())
        scenarioSpec = QStringLiteral("builtin:stocks");
    auto scenario = resolveScenario(scenarioSpec, &error);
    if (!scenario)
        return usageError(command, error);
    if (parser.isSet(QStringLiteral("seed"))) {
        const auto s = integerOption(parser, QStringLiteral("seed"), 0, std::numeric_limits<qint64>::max(), &error);
        if (!s)
            return usageError(command, error);
        scenario->seed = quint64(*s);
    }
    if (parser.isSet(QStringLiteral("messages"))) {
        const auto m = integerOption(parser, QStringLiteral("messages"), 0, qint64(1) << 50, &error);
        if (!m)
            return usageError(command, error);
        scenario->messages = quint64(*m);
    }
    choice.source = std::make_unique<ScenarioSource>(*scenario);
    choice.title = scenarioSpec;
    return std::nullopt;
}

} // namespace partlab::cli
