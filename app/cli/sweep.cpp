// partlab-cli sweep: the partition-count advisor.
#include "command.h"
#include "inputoptions.h"

#include "advisor/partitionsweep.h"
#include "model/limits.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <unistd.h>

namespace partlab::cli {

namespace {

const QString kCommand = QStringLiteral("sweep");

/** "2..256" or "16". */
bool parseRange(const QString &text, int &from, int &to)
{
    const QStringList parts = text.split(QStringLiteral(".."));
    bool ok1 = false, ok2 = false;
    from = parts.value(0).trimmed().toInt(&ok1);
    to = parts.size() == 2 ? parts[1].trimmed().toInt(&ok2) : from;
    if (parts.size() == 1)
        ok2 = ok1;
    return parts.size() <= 2 && ok1 && ok2 && from >= 1 && to <= limits::kMaxPartitions && from <= to;
}

int runSweep(const QStringList &arguments)
{
    QCommandLineParser parser;
    addInputOptions(parser);
    parser.addOptions({
        {QStringLiteral("partitioners"), QStringLiteral("Comma-separated partitioners to compare (default: all)."), QStringLiteral("P,...")},
        {QStringLiteral("partitions"), QStringLiteral("Range of partition counts, e.g. 2..256 (default 2..64)."), QStringLiteral("FROM..TO")},
        {QStringLiteral("workers"), QStringLiteral("Workers for the expected speed-up (default: cores)."), QStringLiteral("W")},
        {QStringLiteral("target-skew"), QStringLiteral("Skew the recommendation must reach (default 1.25)."), QStringLiteral("S")},
        {QStringLiteral("max-keys"), QStringLiteral("Stop with an error past this many distinct keys (default %1).").arg(limits::kDefaultSweepMaxKeys), QStringLiteral("K")},
        {QStringLiteral("json"), QStringLiteral("Print rows and recommendations as JSON.")},
    });
    if (const auto exit = parseArguments(parser, kCommand,
                                         QStringLiteral("Computes skew, movement and speed-up per partitioner and partition count, and recommends a count."),
                                         arguments))
        return *exit;

    QString error;
    SweepOptions options;
    options.partitioners = partitionerNames();
    options.workers = qMax(1, QThread::idealThreadCount());
    if (parser.isSet(QStringLiteral("partitioners")))
        options.partitioners = parser.value(QStringLiteral("partitioners")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (parser.isSet(QStringLiteral("partitions"))
        && !parseRange(parser.value(QStringLiteral("partitions")), options.minPartitions, options.maxPartitions))
        return usageError(kCommand, QStringLiteral("--partitions must be a range FROM..TO within 1..%1 (got '%2')")
                                        .arg(limits::kMaxPartitions)
                                        .arg(parser.value(QStringLiteral("partitions"))));
    if (!readIntegerOption(parser, QStringLiteral("workers"), 1, 1024, options.workers, &error))
        return usageError(kCommand, error);
    if (parser.isSet(QStringLiteral("target-skew"))) {
        const auto s = numberOption(parser, QStringLiteral("target-skew"), 1.0, 1e6, &error);
        if (!s)
            return usageError(kCommand, error);
        options.targetSkew = *s;
    }
    quint64 maxKeys = limits::kDefaultSweepMaxKeys;
    if (!readIntegerOption(parser, QStringLiteral("max-keys"), 1, 1'000'000'000, maxKeys, &error))
        return usageError(kCommand, error);
    InputChoice input;
    if (const auto exit = openInput(parser, kCommand, input))
        return *exit;
    auto keys = countKeys(*input.source, maxKeys, &error);
    if (!keys) {
        printErr(QStringLiteral("partlab-cli %1: %2\n").arg(kCommand, error));
        return ExitFailure;
    }
    PartitionSweep sweep(std::move(*keys), options);
    error = sweep.validate();
    if (!error.isEmpty())
        return usageError(kCommand, error);

    const bool interactive = isatty(STDERR_FILENO);
    const std::vector<SweepRow> rows = sweep.run([&](int done, int total) {
        if (interactive)
            printErr(QStringLiteral("\rsweeping: %1/%2 layouts").arg(done).arg(total));
    });
    if (interactive)
        printErr(QStringLiteral("\r%1\r").arg(QString(40, QLatin1Char(' '))));
    const std::vector<SweepRecommendation> advice = sweep.recommend(rows);

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray rowArray;
        for (const SweepRow &r : rows) {
            rowArray.append(QJsonObject{{QStringLiteral("partitioner"), r.partitioner},
                                        {QStringLiteral("partitions"), r.partitions},
                                        {QStringLiteral("skew"), r.skew},
                                        {QStringLiteral("max_share"), r.maxShare},
                                        {QStringLiteral("keys_moved"), double(r.keysMoved)},
                                        {QStringLiteral("moved_fraction"), r.movedFraction},
                                        {QStringLiteral("speedup"), r.speedup},
                                        {QStringLiteral("empty_partitions"), r.emptyPartitions}});
        }
        QJsonArray recommendations;
        for (const SweepRecommendation &r : advice) {
            recommendations.append(QJsonObject{{QStringLiteral("partitioner"), r.partitioner},
                                               {QStringLiteral("partitions"), r.partitions},
                                               {QStringLiteral("reason"), r.reason}});
        }
        const QJsonObject o{{QStringLiteral("input"), input.title},
                            {QStringLiteral("keys"), double(sweep.keys().size())},
                            {QStringLiteral("workers"), options.workers},
                            {QStringLiteral("target_skew"), options.targetSkew},
                            {QStringLiteral("rows"), rowArray},
                            {QStringLiteral("recommendations"), recommendations}};
        printOut(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
        return ExitOk;
    }
    QString t = QStringLiteral("Partition-count sweep of %1 (%2 distinct keys, speed-up on %3 workers)\n\n")
                    .arg(input.title).arg(sweep.keys().size()).arg(options.workers);
    t += QStringLiteral("partitioner   N      skew  max share  keys moved  moved   speed-up\n");
    for (const SweepRow &r : rows) {
        t += QStringLiteral("%1 %2 %3 %4% %5 %6% %7\n")
                 .arg(r.partitioner, -11).arg(r.partitions, 3).arg(r.skew, 9, 'f', 3).arg(100.0 * r.maxShare, 9, 'f', 2)
                 .arg(r.keysMoved, 11).arg(100.0 * r.movedFraction, 6, 'f', 1).arg(r.speedup, 10, 'f', 2);
    }
    t += QStringLiteral("\nRecommendation (target skew %1):\n").arg(options.targetSkew);
    for (const SweepRecommendation &r : advice)
        t += QStringLiteral("  %1: %2\n").arg(r.partitioner, -10).arg(r.reason);
    printOut(t);
    return ExitOk;
}

} // namespace

PARTLAB_CLI_COMMAND("sweep", "Advise a partition count: skew, movement, speed-up per partitioner and N", runSweep);

} // namespace partlab::cli
