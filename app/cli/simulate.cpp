// partlab-cli simulate: run a scenario or a trace file through the partitioned state runtime,
// optionally recording every message as a trace, optionally also on a Redis Cluster.
#include "backendoptions.h"
#include "command.h"
#include "runoptions.h"
#include "traceoptions.h"

#include "runtime/runplan.h"
#include "trace/csvsource.h"
#include "trace/tracewriter.h"
#include "workload/scenario.h"
#include "workload/scenariosource.h"

namespace partlab::cli {

namespace {

const QString kCommand = QStringLiteral("simulate");

int runSimulate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions({
        {QStringLiteral("scenario"), QStringLiteral("builtin:stocks (default), builtin:words, builtin:orders or a scenario JSON file."), QStringLiteral("S")},
        {QStringLiteral("input"), QStringLiteral("Read messages from a trace file (csv with a header row, jsonl, kv, words; .gz) instead of a scenario."), QStringLiteral("FILE")},
        {QStringLiteral("messages"), QStringLiteral("Number of messages (scenario), or stop after this many messages (--input)."), QStringLiteral("M")},
        {QStringLiteral("seed"), QStringLiteral("Random seed of the scenario generator."), QStringLiteral("S")},
        {QStringLiteral("rate"), QStringLiteral("Messages per second (0 = as fast as possible, the default)."), QStringLiteral("R")},
        {QStringLiteral("record"), QStringLiteral("Record every message (time, key, value, volume) to this trace file; replay it with partlab-cli replay."), QStringLiteral("FILE")},
        {QStringLiteral("record-format"), QStringLiteral("Format of --record: csv, jsonl or kv (default: from the extension, ignoring .gz; .gz compresses)."), QStringLiteral("F")},
        {QStringLiteral("resize-at"), QStringLiteral("Change the partition count live after MESSAGE messages, e.g. 100000:16,200000:4."), QStringLiteral("MESSAGE:N,...")},
    });
    addTraceReadOptions(parser);
    addRuntimeOptions(parser);
    addBackendOptions(parser);
    if (const auto exit = parseArguments(parser, kCommand,
                                         QStringLiteral("Runs a partitioned state computation on a scenario or a trace file and prints a summary."),
                                         arguments))
        return *exit;

    const bool fromTrace = parser.isSet(QStringLiteral("input"));
    if (fromTrace && parser.isSet(QStringLiteral("scenario")))
        return usageError(kCommand, QStringLiteral("--scenario and --input exclude each other"));
    QString traceOption;
    if (!fromTrace && traceReadOptionSet(parser, &traceOption))
        return usageError(kCommand, QStringLiteral("--%1 applies to --input only").arg(traceOption));

    std::unique_ptr<TraceWriter> recorder;
    QString recordPath;
    TraceFormat recordFormat = TraceFormat::Csv;
    if (parser.isSet(QStringLiteral("record-format")) && !parser.isSet(QStringLiteral("record")))
        return usageError(kCommand, QStringLiteral("--record-format applies to --record only"));
    if (parser.isSet(QStringLiteral("record"))) {
        recordPath = parser.value(QStringLiteral("record"));
        if (recordPath.isEmpty())
            return usageError(kCommand, QStringLiteral("--record needs a file name"));
        std::optional<TraceFormat> format = traceFormatFromPath(recordPath);
        if (parser.isSet(QStringLiteral("record-format"))) {
            format = traceFormatFromName(parser.value(QStringLiteral("record-format")));
            if (!format)
                return usageError(kCommand, QStringLiteral("--record-format: unknown format '%1' (choose csv, jsonl or kv)")
                                                .arg(parser.value(QStringLiteral("record-format"))));
        }
        if (!format)
            return usageError(kCommand, QStringLiteral("--record: cannot tell the format of '%1' from its name; give --record-format csv|jsonl|kv").arg(recordPath));
        if (*format == TraceFormat::Words)
            return usageError(kCommand, QStringLiteral("--record: the words format keeps no values; record as csv, jsonl or kv"));
        recordFormat = *format;
    }

    RuntimeConfig config;
    QString error;
    std::unique_ptr<MessageSource> source;
    QString title;
    PacingOptions pacing;
    qint64 limit = -1;

    if (!readIntegerOption(parser, QStringLiteral("messages"), 0, qint64(1) << 50, limit, &error))
        return usageError(kCommand, error);
    if (parser.isSet(QStringLiteral("rate"))) {
        const auto r = numberOption(parser, QStringLiteral("rate"), 0, 1e9, &error);
        if (!r)
            return usageError(kCommand, error);
        pacing.rate = *r;
    }

    TraceSource *trace = nullptr;
    if (fromTrace) {
        const QString path = parser.value(QStringLiteral("input"));
        if (parser.isSet(QStringLiteral("seed")))
            return usageError(kCommand, QStringLiteral("--seed applies to scenarios only"));
        QString usage;
        const auto format = traceFormatFromOptions(parser, path, &usage);
        if (!format)
            return usageError(kCommand, QStringLiteral("--input: %1").arg(usage));
        // simulate names its key explicitly (replay defaults to a field called "key").
        if (traceFormatHasNamedFields(*format) && !parser.isSet(QStringLiteral("key")))
            return usageError(kCommand, QStringLiteral("--input needs --key FIELD (the column with the partition key)"));
        auto opened = openTraceFromOptions(parser, path, &usage, &error);
        if (!opened) {
            if (!usage.isEmpty())
                return usageError(kCommand, QStringLiteral("--input: %1").arg(usage));
            printErr(QStringLiteral("partlab-cli %1: %2\n").arg(kCommand, error));
            return ExitUsage;
        }
        trace = opened.get();
        source = std::move(opened);
        title = QStringLiteral("Partlab simulate: %1").arg(path);
    } else {
        const QString spec = parser.isSet(QStringLiteral("scenario")) ? parser.value(QStringLiteral("scenario"))
                                                                       : QStringLiteral("builtin:stocks");
        auto scenario = resolveScenario(spec, &error);
        if (!scenario)
            return usageError(kCommand, QStringLiteral("--scenario: %1").arg(error));
        if (!readIntegerOption(parser, QStringLiteral("seed"), 0, std::numeric_limits<qint64>::max(), scenario->seed, &error))
            return usageError(kCommand, error);
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
    if (computationNeedsVolume(config.computation) && fromTrace && !parser.isSet(QStringLiteral("volume"))) {
        const auto *csv = dynamic_cast<const CsvSource *>(trace);
        if (csv && !csv->header().contains(QStringLiteral("volume")))
            return usageError(kCommand, QStringLiteral("--computation vwap needs --volume FIELD with --input"));
    }

    RunPlan plan;
    plan.config = config;
    plan.ownedSource = std::move(source);
    plan.pacing = pacing;
    if (fromTrace && limit >= 0)
        plan.messageLimit = quint64(limit);
    const std::unique_ptr<PreparedRun> run = PreparedRun::create(std::move(plan), &error);
    if (!run)
        return usageError(kCommand, error);
    if (!recordPath.isEmpty()) {
        recorder = TraceWriter::create(recordPath, recordFormat, &error);
        if (!recorder) {
            printErr(QStringLiteral("partlab-cli %1: %2\n").arg(kCommand, error));
            return ExitFailure;
        }
    }
    if (parser.isSet(QStringLiteral("resize-at"))) {
        const auto schedule = parseResizeSchedule(parser.value(QStringLiteral("resize-at")), &error);
        if (!schedule)
            return usageError(kCommand, error);
        for (const auto &[at, n] : *schedule)
            run->runner().scheduleResize(at, n);
    }
    int backendExit = ExitOk;
    const auto cluster = ClusterBackendRun::create(parser, kCommand, config.computation, &backendExit);
    if (backendExit != ExitOk)
        return backendExit;
    if (recorder || cluster) {
        run->runner().setMessageObserver([w = recorder.get(), c = cluster.get()](const SourceMessage &m) {
            return (!w || w->write(m)) && (!c || c->observe(m));
        });
    }
    const RunOutcome outcome = run->run();
    QJsonObject extra = resizeJson(outcome.resizes);
    extra.insert(QStringLiteral("ingested_in_parallel"), double(outcome.parallelMessages));
    if (trace) {
        const QJsonObject traceFields = reportTraceReading(kCommand, *trace);
        for (auto it = traceFields.begin(); it != traceFields.end(); ++it)
            extra.insert(it.key(), it.value());
    }
    QString failure;
    if (!outcome.ok)
        failure = recorder && !recorder->errorString().isEmpty() ? recorder->errorString() : outcome.error;
    else if (recorder && !recorder->finish())
        failure = recorder->errorString();
    if (cluster) { // the cluster's own failure, if any, is reported first
        const RunSummary summary = failure.isEmpty() ? outcome.summary : RunSummary();
        return cluster->finish(parser, failure.isEmpty(), failure, summary, run->runtime(), title, extra);
    }
    if (!failure.isEmpty()) {
        printErr(QStringLiteral("partlab-cli %1: %2\n").arg(kCommand, failure));
        return ExitFailure;
    }
    return reportRun(parser, kCommand, outcome.summary, run->runtime(), title, extra);
}

} // namespace

PARTLAB_CLI_COMMAND("simulate", "Run a scenario or a trace through the partitioned state runtime", runSimulate);

} // namespace partlab::cli
