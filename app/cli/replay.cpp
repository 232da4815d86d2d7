// partlab-cli replay: run a recorded message trace through the partitioned state runtime, as
// fast as possible or paced by its timestamps.
#include "backendoptions.h"
#include "command.h"
#include "runoptions.h"
#include "traceoptions.h"

#include "runtime/runplan.h"

namespace partlab::cli {

namespace {

const QString kCommand = QStringLiteral("replay");

int runReplay(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The trace: csv, jsonl, kv or words, optionally .gz."));
    addTraceReadOptions(parser);
    parser.addOption({QStringLiteral("speed"),
                      QStringLiteral("max (default): as fast as possible; a factor: the recorded gaps between timestamps divided by it (1 = real time)."),
                      QStringLiteral("max|FACTOR")});
    addRuntimeOptions(parser);
    addBackendOptions(parser);
    if (const auto exit = parseArguments(parser, kCommand,
                                         QStringLiteral("Replays a message trace through a partitioned state computation and prints a summary (as simulate)."),
                                         arguments, true))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usageError(kCommand, QStringLiteral("no trace file given"));
    if (positional.size() > 1)
        return usageError(kCommand, QStringLiteral("unexpected argument '%1' (one trace file at a time)").arg(positional[1]));
    const QString path = positional.first();

    PacingOptions pacing;
    if (parser.isSet(QStringLiteral("speed")) && parser.value(QStringLiteral("speed")) != QLatin1String("max")) {
        QString error;
        const auto speed = numberOption(parser, QStringLiteral("speed"), 1e-6, 1e6, &error);
        if (!speed)
            return usageError(kCommand, QStringLiteral("%1, or max").arg(error));
        pacing.speed = *speed;
    }
    RuntimeConfig config;
    QString usage = applyRuntimeOptions(parser, config);
    if (!usage.isEmpty())
        return usageError(kCommand, usage);

    QString error;
    std::unique_ptr<TraceSource> source = openTraceFromOptions(parser, path, &usage, &error);
    if (!source) {
        if (!usage.isEmpty())
            return usageError(kCommand, usage);
        printErr(QStringLiteral("partlab-cli %1: %2\n").arg(kCommand, error));
        return ExitUsage; // nothing ran: the trace cannot be read as asked
    }
    RunPlan plan;
    plan.config = config;
    plan.source = source.get();
    plan.pacing = pacing;
    const std::unique_ptr<PreparedRun> run = PreparedRun::create(std::move(plan), &error);
    if (!run)
        return usageError(kCommand, error);

    int backendExit = ExitOk;
    const auto cluster = ClusterBackendRun::create(parser, kCommand, config.computation, &backendExit);
    if (backendExit != ExitOk)
        return backendExit;
    bool anyTimestamp = false;
    if (pacing.speed > 0.0 || cluster) { // only paced runs and cluster runs pay for the observer
        run->runner().setMessageObserver([&anyTimestamp, c = cluster.get()](const SourceMessage &m) {
            anyTimestamp = anyTimestamp || m.timeUs >= 0;
            return !c || c->observe(m);
        });
    }
    const RunOutcome outcome = run->run();
    QJsonObject extra = reportTraceReading(kCommand, *source);
    extra.insert(QStringLiteral("ingested_in_parallel"), double(outcome.parallelMessages));
    extra.insert(QStringLiteral("chunks_reparsed"), double(outcome.reparsedChunks));
    if (!outcome.ok && cluster) // the cluster's own failure, if any, is reported first
        return cluster->finish(parser, false, outcome.error, RunSummary(), run->runtime(), QString(), extra);
    if (!outcome.ok) {
        printErr(QStringLiteral("partlab-cli %1: %2\n").arg(kCommand, outcome.error));
        return ExitFailure;
    }
    if (pacing.speed > 0.0 && !anyTimestamp && outcome.messagesSubmitted > 0)
        printErr(QStringLiteral("partlab-cli %1: note: no message had a timestamp (see --time), so --speed had no effect\n").arg(kCommand));
    const RunSummary &summary = outcome.summary;
    QString title = QStringLiteral("Partlab replay: %1 (%2").arg(path, traceFormatName(source->options().format));
    if (pacing.speed > 0.0)
        title += QStringLiteral(", speed %1").arg(pacing.speed);
    if (source->skippedLines() > 0)
        title += QStringLiteral(", %1 bad line%2 skipped").arg(source->skippedLines()).arg(source->skippedLines() == 1 ? QString() : QStringLiteral("s"));
    title += QLatin1Char(')');
    if (cluster)
        return cluster->finish(parser, true, QString(), summary, run->runtime(), title, extra);
    return reportRun(parser, kCommand, summary, run->runtime(), title, extra);
}

} // namespace

PARTLAB_CLI_COMMAND("replay", "Replay a message trace (csv, jsonl, kv, words; .gz) through the runtime", runReplay);

} // namespace partlab::cli
