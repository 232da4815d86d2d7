// partlab-cli layout: what each partition owns (slot ranges, key groups, token ranges, rules).
#include "command.h"
#include "routing/partitionerargs.h"

#include "routing/elasticsearchpartitioner.h"
#include "routing/flinkpartitioner.h"
#include "routing/partitioner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace partlab::cli {

namespace {

const QString kCommand = QStringLiteral("layout");

int runLayout(const QStringList &arguments)
{
    QCommandLineParser parser;
    addPartitionerOptions(parser);
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object instead of tab-separated lines.")});
    if (const auto exit = parseArguments(parser, kCommand,
                                         QStringLiteral("Prints partition<TAB>ranges: what each partition owns (Redis slot "
                                                        "ranges, Flink key groups, ring / Cassandra token ranges, Wallaroo MD5 "
                                                        "intervals, or the rule of a modulo partitioner)."),
                                         arguments))
        return *exit;

    if (!parser.isSet(QStringLiteral("partitioner")))
        return usageError(kCommand, QStringLiteral("--partitioner NAME is required (one of: %1)")
                                        .arg(partitionerNames().join(QStringLiteral(", "))));
    const QString name = parser.value(QStringLiteral("partitioner"));
    if (const QString problem = partitionerOptionError(name); !problem.isEmpty())
        return usageError(kCommand, problem);
    PartitionerOptions options;
    QString error = readPartitionerOptions(parser, name, options);
    if (!error.isEmpty())
        return usageError(kCommand, error);
    const auto partitioner = createPartitioner(name, options, &error);
    if (!partitioner)
        return usageError(kCommand, error);

    const PartitionLayout layout = partitioner->layout();
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject root;
        root.insert(QStringLiteral("partitioner"), name);
        root.insert(QStringLiteral("partitions"), partitioner->partitionCount());
        root.insert(QStringLiteral("unit"), layout.unit);
        if (const auto *flink = dynamic_cast<const FlinkPartitioner *>(partitioner.get()))
            root.insert(QStringLiteral("max_parallelism"), flink->maxParallelism());
        if (const auto *es = dynamic_cast<const ElasticsearchPartitioner *>(partitioner.get())) {
            root.insert(QStringLiteral("routing_num_shards"), es->routingNumShards());
            root.insert(QStringLiteral("routing_factor"), es->routingFactor());
        }
        QJsonArray owned;
        for (std::size_t p = 0; p < layout.owned.size(); ++p) {
            QJsonObject row;
            row.insert(QStringLiteral("partition"), int(p));
            row.insert(QStringLiteral("ranges"), QJsonArray::fromStringList(layout.owned[p]));
            owned.append(row);
        }
        root.insert(QStringLiteral("owned"), owned);
        printOut(QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented)));
        return ExitOk;
    }
    QString text = QStringLiteral("partition\t%1\n").arg(layout.unit);
    for (std::size_t p = 0; p < layout.owned.size(); ++p)
        text += QStringLiteral("%1\t%2\n").arg(p).arg(layout.owned[p].join(QLatin1Char(',')));
    printOut(text);
    return ExitOk;
}

} // namespace

PARTLAB_CLI_COMMAND("layout", "Print what each partition owns (slot ranges, key groups, token ranges)", runLayout);

} // namespace partlab::cli
