#include "scriptrunner.h"

#include "spacejson.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace partlab {

namespace {

/** What each partition's planner did: {"partition": 3, "access": "index customerId", "examined": 12, "matched": 3}. */
QJsonArray planJson(const QList<QueryPlanReport> &plans)
{
    QJsonArray out;
    for (const QueryPlanReport &plan : plans)
        out << QJsonObject{{QStringLiteral("partition"), plan.partition},
                           {QStringLiteral("access"), plan.access},
                           {QStringLiteral("examined"), plan.examined},
                           {QStringLiteral("matched"), plan.matched}};
    return out;
}

QJsonArray partitionsJson(const QList<int> &partitions)
{
    QJsonArray array;
    for (int p : partitions)
        array << p;
    return array;
}

QByteArray compact(const QJsonValue &value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    // A scalar: wrap it in an array and strip the brackets.
    QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return text.mid(1, text.size() - 2);
}

std::optional<WriteMode> writeModeFrom(const QJsonValue &value, WriteMode fallback, QString *error)
{
    if (value.isUndefined() || value.isNull())
        return fallback;
    const QString name = value.toString();
    if (name == QLatin1String("writeOnly"))
        return WriteMode::WriteOnly;
    if (name == QLatin1String("updateOnly"))
        return WriteMode::UpdateOnly;
    if (name == QLatin1String("updateOrWrite"))
        return WriteMode::UpdateOrWrite;
    *error = QStringLiteral("\"mode\" is writeOnly, updateOnly or updateOrWrite");
    return std::nullopt;
}

} // namespace

SpaceScriptRunner::SpaceScriptRunner(SpaceProxy &proxy, const QString &baseDirectory)
    : m_proxy(proxy), m_baseDirectory(baseDirectory)
{
}

SpaceScriptRunner::~SpaceScriptRunner()
{
    // The listeners only hold the inbox (shared), but unsubscribing keeps the proxy clean for its
    // next user (the GUI console keeps a proxy longer than a script).
    for (quint64 id : m_subscriptions)
        m_proxy.unsubscribe(id);
}

void SpaceScriptRunner::run(QIODevice &input, const std::function<void(const QByteArray &)> &output)
{
    qint64 lineNumber = 0;
    while (true) {
        QByteArray line = input.readLine(kMaxLineBytes + 2);
        if (line.isEmpty())
            break;
        ++lineNumber;
        if (!line.endsWith('\n') && line.size() > kMaxLineBytes) {
            // Too long: skip the rest of the line without holding it in memory.
            while (true) {
                const QByteArray rest = input.readLine(64 * 1024);
                if (rest.isEmpty() || rest.endsWith('\n'))
                    break;
            }
            Answer answer;
            answer.error = QStringLiteral("line longer than %1 bytes, skipped").arg(kMaxLineBytes);
            ++m_operations;
            ++m_failures;
            output(serialise(lineNumber, answer, {}));
            continue;
        }
        const QByteArray answer = runLine(lineNumber, line);
        if (!answer.isEmpty())
            output(answer);
    }
}

QByteArray SpaceScriptRunner::runLine(qint64 lineNumber, const QByteArray &rawLine)
{
    const QByteArray line = rawLine.trimmed();
    if (line.isEmpty())
        return QByteArray();
    ++m_operations;
    Answer answer;
    if (line.size() > kMaxLineBytes) {
        answer.error = QStringLiteral("line longer than %1 bytes, skipped").arg(kMaxLineBytes);
    } else if (SpaceJson::nestingDepth(line) > kMaxJsonDepth) {
        answer.error = QStringLiteral("JSON nested deeper than %1 levels").arg(kMaxJsonDepth);
    } else {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            answer.error = QStringLiteral("invalid JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString());
        } else if (!document.isObject()) {
            answer.error = QStringLiteral("a line must be a JSON object with an \"op\"");
        } else {
            answer = execute(document.object());
        }
    }
    if (!answer.ok)
        ++m_failures;
    std::vector<SpaceEvent> events;
    {
        std::lock_guard lock(m_inbox->mutex);
        events.swap(m_inbox->events);
    }
    // writeMultiple delivers from several pool threads: order events by partition, keeping each
    // partition's own order, so the output is the same run after run.
    std::stable_sort(events.begin(), events.end(),
                     [](const SpaceEvent &a, const SpaceEvent &b) { return a.partition < b.partition; });
    return serialise(lineNumber, answer, events);
}

QByteArray SpaceScriptRunner::serialise(qint64 line, const Answer &answer, const std::vector<SpaceEvent> &events) const
{
    // Written by hand to keep the documented key order (QJsonObject sorts keys).
    QByteArray out = "{\"line\":" + QByteArray::number(line) + ",\"op\":";
    out += answer.op.isEmpty() ? QByteArray("null") : compact(QJsonValue(answer.op));
    out += ",\"ok\":" + QByteArray(answer.ok ? "true" : "false");
    out += ",\"partitions\":" + compact(partitionsJson(answer.partitions));
    out += ",\"result\":" + compact(answer.result);
    out += ",\"error\":" + (answer.ok ? QByteArray("null") : compact(QJsonValue(answer.error)));
    if (!events.empty()) {
        QJsonArray notifications;
        for (const SpaceEvent &event : events) {
            notifications << QJsonObject{{QStringLiteral("subscription"), qint64(event.subscription)},
                                         {QStringLiteral("event"), spaceEventKindName(event.kind)},
                                         {QStringLiteral("partition"), event.partition},
                                         {QStringLiteral("entry"), SpaceJson::entryToJson(event.entry)}};
        }
        out += ",\"notifications\":" + compact(notifications);
    }
    out += '}';
    return out;
}

SpaceScriptRunner::Answer SpaceScriptRunner::execute(const QJsonObject &command)
{
    Answer answer;
    const QJsonValue opValue = command.value(QStringLiteral("op"));
    if (!opValue.isString()) {
        answer.error = QStringLiteral("missing \"op\" (a string)");
        return answer;
    }
    const QString op = opValue.toString();
    if (op == QLatin1String("defineType"))
        answer = defineType(command);
    else if (op == QLatin1String("write") || op == QLatin1String("update"))
        answer = write(command, op);
    else if (op == QLatin1String("writeMultiple"))
        answer = writeMultiple(command);
    else if (op == QLatin1String("read") || op == QLatin1String("take") || op == QLatin1String("readMultiple")
             || op == QLatin1String("takeMultiple"))
        answer = read(command, op);
    else if (op == QLatin1String("readById") || op == QLatin1String("takeById"))
        answer = byId(command, op);
    else if (op == QLatin1String("count") || op == QLatin1String("clear"))
        answer = countOrClear(command, op);
    else if (op == QLatin1String("subscribe"))
        answer = subscribe(command);
    else if (op == QLatin1String("load"))
        answer = load(command);
    else if (op == QLatin1String("unsubscribe")) {
        const OperationReport report = m_proxy.unsubscribe(quint64(command.value(QStringLiteral("subscription")).toInteger()));
        answer.ok = report.ok;
        answer.error = report.error;
        answer.partitions = report.partitions;
    } else if (op == QLatin1String("clean")) {
        const CountResult r = m_proxy.clean();
        answer.ok = r.ok;
        answer.partitions = r.partitions;
        answer.result = QJsonObject{{QStringLiteral("removed"), r.count}, {QStringLiteral("partition"), m_proxy.defaultPartition()}};
    } else if (op == QLatin1String("snapshot")) {
        QString error;
        const auto query = queryOf(command, &error);
        if (!query) {
            answer.error = error;
        } else {
            const SnapshotResult r = m_proxy.snapshot(*query);
            answer.ok = r.ok;
            answer.error = r.error;
            answer.partitions = r.partitions;
            answer.result = QJsonObject{{QStringLiteral("snapshot"), qint64(r.snapshot)},
                                        {QStringLiteral("partition"), m_proxy.defaultPartition()}};
        }
    } else if (op == QLatin1String("stats")) {
        QJsonArray partitions;
        for (const SpacePartitionStats &s : m_proxy.stats()) {
            QJsonObject byType;
            for (auto it = s.entriesByType.cbegin(); it != s.entriesByType.cend(); ++it)
                byType.insert(it.key(), it.value());
            partitions << QJsonObject{{QStringLiteral("partition"), s.partition},
                                      {QStringLiteral("entries"), s.entries},
                                      {QStringLiteral("byType"), byType}};
        }
        answer.ok = true;
        answer.result = QJsonObject{{QStringLiteral("partitions"), partitions}};
    } else {
        answer.error = QStringLiteral("unknown op '%1'").arg(op);
    }
    answer.op = op;
    return answer;
}

std::shared_ptr<const TypeDescriptor> SpaceScriptRunner::typeOf(const QJsonObject &command, QString *error) const
{
    const QJsonValue name = command.value(QStringLiteral("type"));
    if (!name.isString()) {
        *error = QStringLiteral("missing \"type\"");
        return nullptr;
    }
    auto type = m_proxy.type(name.toString());
    if (!type)
        *error = QStringLiteral("unknown type '%1' (define it first)").arg(name.toString());
    return type;
}

std::optional<SpaceQuery> SpaceScriptRunner::queryOf(const QJsonObject &command, QString *error) const
{
    const auto type = typeOf(command, error);
    if (!type)
        return std::nullopt;
    const bool hasTemplate = command.contains(QStringLiteral("template"));
    const bool hasSql = command.contains(QStringLiteral("sql"));
    const bool hasSnapshot = command.contains(QStringLiteral("snapshot"));
    if (int(hasTemplate) + int(hasSql) + int(hasSnapshot) > 1) {
        *error = QStringLiteral("give one of \"template\", \"sql\" and \"snapshot\"");
        return std::nullopt;
    }
    if (hasSql) {
        const QJsonValue sql = command.value(QStringLiteral("sql"));
        if (!sql.isString()) {
            *error = QStringLiteral("\"sql\" must be a string");
            return std::nullopt;
        }
        return SpaceQuery::fromSql(*type, sql.toString(), error);
    }
    if (hasSnapshot) {
        auto query = m_proxy.snapshotQuery(quint64(command.value(QStringLiteral("snapshot")).toInteger()));
        if (!query || query->typeName() != type->name()) {
            *error = QStringLiteral("no snapshot %1 of type '%2'").arg(command.value(QStringLiteral("snapshot")).toInteger()).arg(type->name());
            return std::nullopt;
        }
        return query;
    }
    if (!hasTemplate)
        return SpaceQuery::all(*type);
    const QJsonValue templ = command.value(QStringLiteral("template"));
    if (!templ.isObject()) {
        *error = QStringLiteral("\"template\" must be an object of property values");
        return std::nullopt;
    }
    Entry entry;
    if (!SpaceJson::entryFromJson(*type, templ.toObject(), entry, error))
        return std::nullopt;
    return SpaceQuery::fromTemplate(*type, entry, error);
}

SpaceScriptRunner::Answer SpaceScriptRunner::defineType(const QJsonObject &command)
{
    Answer answer;
    TypeDefinition definition;
    definition.name = command.value(QStringLiteral("type")).toString();
    const QJsonValue properties = command.value(QStringLiteral("properties"));
    if (!properties.isObject()) {
        answer.error = QStringLiteral("\"properties\" must be an object of name: type (string, int, long, double, bool)");
        return answer;
    }
    const QJsonObject object = properties.toObject();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const auto type = valueTypeFromName(it.value().toString());
        if (!type) {
            answer.error = QStringLiteral("property '%1': unknown type %2 (string, int, long, double, bool)")
                               .arg(it.key(), QString::fromUtf8(compact(it.value())));
            return answer;
        }
        definition.properties << PropertyDescriptor{it.key(), *type};
    }
    definition.id = command.value(QStringLiteral("id")).toString();
    definition.autoGenerateId = command.value(QStringLiteral("autoGenerateId")).toBool();
    definition.routing = command.value(QStringLiteral("routing")).toString();
    definition.fifo = command.value(QStringLiteral("fifo")).toBool();
    const QJsonValue indexed = command.value(QStringLiteral("indexed"));
    if (!indexed.isUndefined() && !indexed.isArray()) {
        answer.error = QStringLiteral("\"indexed\" must be an array of property names");
        return answer;
    }
    for (const QJsonValue &name : indexed.toArray())
        definition.indexed << name.toString();
    const TypeResult r = m_proxy.defineType(definition);
    answer.ok = r.ok;
    answer.error = r.error;
    answer.partitions = r.partitions;
    if (r.ok) {
        answer.result = QJsonObject{{QStringLiteral("type"), definition.name},
                                    {QStringLiteral("routing"), r.routing.property},
                                    {QStringLiteral("rule"), routingRuleName(r.routing.rule)}};
    }
    return answer;
}

SpaceScriptRunner::Answer SpaceScriptRunner::write(const QJsonObject &command, const QString &op)
{
    Answer answer;
    const auto type = typeOf(command, &answer.error);
    if (!type)
        return answer;
    const auto mode = writeModeFrom(command.value(QStringLiteral("mode")),
                                    op == QLatin1String("update") ? WriteMode::UpdateOnly : WriteMode::WriteOnly, &answer.error);
    if (!mode)
        return answer;
    const QJsonValue json = command.value(QStringLiteral("entry"));
    Entry entry;
    if (!json.isObject()) {
        answer.error = QStringLiteral("\"entry\" must be an object of property values");
        return answer;
    }
    if (!SpaceJson::entryFromJson(*type, json.toObject(), entry, &answer.error))
        return answer;
    const WriteResult r = m_proxy.write(entry, *mode);
    answer.ok = r.ok;
    answer.error = r.error;
    answer.partitions = r.partitions;
    if (r.ok) {
        answer.result = QJsonObject{{QStringLiteral("partition"), r.partition},
                                    {QStringLiteral("id"), SpaceJson::valueToJson(r.id)},
                                    {QStringLiteral("updated"), r.updated}};
    }
    return answer;
}

SpaceScriptRunner::Answer SpaceScriptRunner::writeMultiple(const QJsonObject &command)
{
    Answer answer;
    const auto type = typeOf(command, &answer.error);
    if (!type)
        return answer;
    const auto mode = writeModeFrom(command.value(QStringLiteral("mode")), WriteMode::WriteOnly, &answer.error);
    if (!mode)
        return answer;
    const QJsonValue json = command.value(QStringLiteral("entries"));
    if (!json.isArray()) {
        answer.error = QStringLiteral("\"entries\" must be an array of entries");
        return answer;
    }
    QList<Entry> entries;
    const QJsonArray array = json.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        Entry entry;
        QString problem = QStringLiteral("not an object");
        if (!array[i].isObject() || !SpaceJson::entryFromJson(*type, array[i].toObject(), entry, &problem)) {
            answer.error = QStringLiteral("entry %1: %2; nothing was written").arg(i).arg(problem);
            return answer;
        }
        entries << entry;
    }
    const WriteMultipleResult r = m_proxy.writeMultiple(entries, *mode);
    answer.ok = r.ok;
    answer.error = r.error;
    answer.partitions = r.partitions;
    QJsonArray groups, outcomes;
    for (const GroupReport &g : r.groups)
        groups << QJsonObject{{QStringLiteral("partition"), g.partition}, {QStringLiteral("size"), g.size}};
    for (const EntryOutcome &o : r.entries) {
        QJsonObject outcome{{QStringLiteral("ok"), o.ok}, {QStringLiteral("partition"), o.partition}};
        if (!o.id.isNull())
            outcome.insert(QStringLiteral("id"), SpaceJson::valueToJson(o.id));
        if (!o.ok)
            outcome.insert(QStringLiteral("error"), o.error);
        outcomes << outcome;
    }
    answer.result = QJsonObject{{QStringLiteral("groups"), groups},
                                {QStringLiteral("written"), r.written},
                                {QStringLiteral("failed"), r.failed},
                                {QStringLiteral("entries"), outcomes}};
    return answer;
}

SpaceScriptRunner::Answer SpaceScriptRunner::read(const QJsonObject &command, const QString &op)
{
    Answer answer;
    const auto query = queryOf(command, &answer.error);
    if (!query)
        return answer;
    const bool multiple = op.endsWith(QLatin1String("Multiple"));
    const bool take = op.startsWith(QLatin1String("take"));
    ReadResult r;
    if (multiple) {
        const QJsonValue maxValue = command.value(QStringLiteral("max"));
        qint64 max = SpaceProxy::kUnlimited;
        if (!maxValue.isUndefined()) {
            max = maxValue.toInteger(-1);
            if (max < 1 || max > SpaceProxy::kUnlimited) {
                answer.error = QStringLiteral("\"max\" must be a whole number of at least 1");
                return answer;
            }
        }
        r = take ? m_proxy.takeMultiple(*query, int(max)) : m_proxy.readMultiple(*query, int(max));
    } else {
        const qint64 timeout = command.value(QStringLiteral("timeout_ms")).toInteger(-1);
        if (command.contains(QStringLiteral("timeout_ms")) && (timeout < 0 || timeout > kMaxTimeoutMs)) {
            answer.error = QStringLiteral("\"timeout_ms\" must be a whole number from 0 to %1").arg(kMaxTimeoutMs);
            return answer;
        }
        const std::chrono::milliseconds wait(std::max<qint64>(timeout, 0));
        r = take ? m_proxy.take(*query, wait) : m_proxy.read(*query, wait);
    }
    answer.ok = r.ok;
    answer.error = r.error;
    answer.partitions = r.partitions;
    if (!r.ok)
        return answer;
    QJsonObject result{{QStringLiteral("broadcast"), r.broadcast}};
    if (multiple) {
        QJsonArray entries;
        for (const Entry &e : r.entries)
            entries << SpaceJson::entryToJson(e);
        result.insert(QStringLiteral("entries"), entries);
        result.insert(QStringLiteral("count"), entries.size());
    } else {
        result.insert(QStringLiteral("entry"), r.entries.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                                   : QJsonValue(SpaceJson::entryToJson(r.entries.first())));
        if (r.timedOut)
            result.insert(QStringLiteral("timedOut"), true);
    }
    if (!r.fifoNote.isEmpty())
        result.insert(QStringLiteral("fifo"), r.fifoNote);
    result.insert(QStringLiteral("plan"), planJson(r.plans));
    answer.result = result;
    return answer;
}

SpaceScriptRunner::Answer SpaceScriptRunner::byId(const QJsonObject &command, const QString &op)
{
    Answer answer;
    const auto type = typeOf(command, &answer.error);
    if (!type)
        return answer;
    if (!type->hasId()) {
        answer.error = QStringLiteral("type '%1' has no id property").arg(type->name());
        return answer;
    }
    Value id, routing;
    if (!SpaceJson::valueFromJson(type->idProperty(), *type->propertyType(type->idProperty()),
                                  command.value(QStringLiteral("id")), id, &answer.error))
        return answer;
    if (!SpaceJson::valueFromJson(type->routingProperty(), *type->propertyType(type->routingProperty()),
                                  command.value(QStringLiteral("routing")), routing, &answer.error))
        return answer;
    const ReadResult r = op == QLatin1String("takeById") ? m_proxy.takeById(type->name(), id, routing)
                                                         : m_proxy.readById(type->name(), id, routing);
    answer.ok = r.ok;
    answer.error = r.error;
    answer.partitions = r.partitions;
    if (r.ok) {
        answer.result = QJsonObject{{QStringLiteral("broadcast"), r.broadcast},
                                    {QStringLiteral("entry"), r.entries.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                                                  : QJsonValue(SpaceJson::entryToJson(r.entries.first()))},
                                    {QStringLiteral("plan"), planJson(r.plans)}};
    }
    return answer;
}

SpaceScriptRunner::Answer SpaceScriptRunner::countOrClear(const QJsonObject &command, const QString &op)
{
    Answer answer;
    const auto query = queryOf(command, &answer.error);
    if (!query)
        return answer;
    const CountResult r = op == QLatin1String("clear") ? m_proxy.clear(*query) : m_proxy.count(*query);
    answer.ok = r.ok;
    answer.error = r.error;
    answer.partitions = r.partitions;
    if (r.ok)
        answer.result = QJsonObject{{QStringLiteral("count"), r.count}, {QStringLiteral("broadcast"), r.broadcast},
                                    {QStringLiteral("plan"), planJson(r.plans)}};
    return answer;
}

SpaceScriptRunner::Answer SpaceScriptRunner::subscribe(const QJsonObject &command)
{
    Answer answer;
    const auto query = queryOf(command, &answer.error);
    if (!query)
        return answer;
    // The listener holds the inbox, not the runner: an event in flight can never reach a dead runner.
    std::shared_ptr<Inbox> inbox = m_inbox;
    const SubscribeResult r = m_proxy.subscribe(*query, [inbox](const SpaceEvent &event) {
        std::lock_guard lock(inbox->mutex);
        inbox->events.push_back(event);
    });
    answer.ok = r.ok;
    answer.error = r.error;
    answer.partitions = r.partitions;
    if (r.ok) {
        m_subscriptions.push_back(r.subscription);
        answer.result = QJsonObject{{QStringLiteral("subscription"), qint64(r.subscription)},
                                    {QStringLiteral("broadcast"), r.broadcast}};
    }
    return answer;
}

SpaceScriptRunner::Answer SpaceScriptRunner::load(const QJsonObject &command)
{
    Answer answer;
    const auto type = typeOf(command, &answer.error);
    if (!type)
        return answer;
    const QJsonValue file = command.value(QStringLiteral("file"));
    if (!file.isString() || file.toString().isEmpty()) {
        answer.error = QStringLiteral("missing \"file\" (a CSV file with a header row of property names)");
        return answer;
    }
    const QString path = QDir(m_baseDirectory).filePath(file.toString());
    const LoadResult r = m_proxy.load(type->name(), path);
    answer.ok = r.ok;
    answer.error = r.error;
    answer.partitions = r.partitions;
    if (r.ok) {
        QJsonArray perPartition;
        for (const LoadPartitionReport &p : r.perPartition) {
            perPartition << QJsonObject{{QStringLiteral("partition"), p.partition},
                                        {QStringLiteral("scanned"), p.scanned},
                                        {QStringLiteral("kept"), p.kept}};
        }
        answer.result = QJsonObject{{QStringLiteral("rows"), r.rows}, {QStringLiteral("perPartition"), perPartition}};
    }
    return answer;
}

} // namespace partlab
