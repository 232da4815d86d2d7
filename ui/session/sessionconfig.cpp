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
    scenario = spec;
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
        const QString problem = scenario.validate();
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
    ScenarioSpec spec = scenario;
    // "No limit" for a generator: more messages than any session will see.
    spec.messages = messageLimit > 0 ? messageLimit : (quint64(1) << 50);
    spec.rate = rate;
    return std::make_unique<ScenarioSource>(spec);
}

QString SessionConfig::sourceLabel() const
{
    if (source == Source::Trace)
        return QFileInfo(tracePath).fileName();
    return scenarioOrigin.startsWith(QLatin1String("builtin:")) ? scenarioOrigin : QFileInfo(scenarioOrigin).fileName();
}

bool SessionConfig::operator==(const SessionConfig &o) const
{
    const auto sameSpec = [](const ScenarioSpec &a, const ScenarioSpec &b) {
        return a.name == b.name && a.generator == b.generator && a.distribution.kind == b.distribution.kind
               && a.distribution.zipfExponent == b.distribution.zipfExponent
               && a.distribution.hotKeyShare == b.distribution.hotKeyShare && a.keys == b.keys && a.seed == b.seed;
    };
    const auto sameRuntime = [](const RuntimeConfig &a, const RuntimeConfig &b) {
        return a.mode == b.mode && a.computation == b.computation && a.partitioner == b.partitioner
               && a.partitions() == b.partitions() && a.workers == b.workers && a.maxKeys == b.maxKeys;
    };
    return source == o.source && scenarioOrigin == o.scenarioOrigin && sameSpec(scenario, o.scenario)
           && tracePath == o.tracePath && traceFields.key == o.traceFields.key
           && traceFields.value == o.traceFields.value && traceFields.volume == o.traceFields.volume
           && rate == o.rate && messageLimit == o.messageLimit && sameRuntime(runtime, o.runtime)
           && fifoCapacity == o.fifoCapacity;
}

QStringList readCsvHeader(const QString &path, QString *error)
{
    // Through TraceInput, as CsvSource reads it: a .csv.gz trace shows its real columns, not
    // the compressed bytes of its first "line".
    TraceInput input;
    if (!input.open(path, error))
        return {};
    // The first record is the header; CsvSource parses it properly once a key column exists.
    QByteArray head(1 << 20, Qt::Uninitialized);
    qint64 got = 0;
    while (got < head.size()) {
        const qint64 n = input.read(head.data() + got, head.size() - got);
        if (n <= 0)
            break; // the end, or damage CsvSource reports when the run starts
        got += n;
        if (QByteArrayView(head.constData() + got - n, n).contains('\n'))
            break;
    }
    head.truncate(got);
    const qsizetype end = head.indexOf('\n');
    QByteArray line = (end < 0 ? head : head.left(end)).trimmed();
    if (line.startsWith("\xEF\xBB\xBF"))
        line.remove(0, 3);
    QStringList columns;
    for (const QByteArray &field : line.split(',')) {
        QByteArray f = field.trimmed();
        if (f.size() >= 2 && f.startsWith('"') && f.endsWith('"'))
            f = f.mid(1, f.size() - 2).replace("\"\"", "\"");
        columns << QString::fromUtf8(f);
    }
    if (line.isEmpty() || columns.isEmpty()) {
        if (error)
            *error = SessionConfig::tr("%1 has no header row.").arg(path);
        return {};
    }
    return columns;
}

} // namespace partlab
