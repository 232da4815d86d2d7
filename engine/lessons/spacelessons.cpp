// Lessons on the partitioned space (XAP's routing rules). Each step is a short script in the
// `partlab-cli space` language, run on a real SpaceProxy; the observations are its results.
#include "lesson.h"

#include "space/scriptrunner.h"
#include "space/spaceproxy.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace partlab {

namespace {

constexpr int kPartitions = 4;

QString partitionsText(const QJsonArray &partitions)
{
    QStringList ids;
    for (const QJsonValue &v : partitions)
        ids << QString::number(v.toInt());
    if (partitions.size() == kPartitions)
        return QCoreApplication::translate("Lesson", "all %1 partitions (broadcast)").arg(kPartitions);
    if (partitions.size() == 1)
        return QCoreApplication::translate("Lesson", "partition %1 only (routed)").arg(ids.join(QString()));
    return QCoreApplication::translate("Lesson", "partitions %1").arg(ids.join(QStringLiteral(", ")));
}

/** One script result line as a sentence a student can read. */
QString describe(const QJsonObject &answer, const QString &scriptLine)
{
    const QJsonObject command = QJsonDocument::fromJson(scriptLine.toUtf8()).object();
    const QString op = answer[QStringLiteral("op")].toString();
    const QString where = partitionsText(answer[QStringLiteral("partitions")].toArray());
    if (!answer[QStringLiteral("ok")].toBool())
        return QCoreApplication::translate("Lesson", "%1 %2: refused: %3").arg(op, command[QStringLiteral("type")].toString(),
                                                                                answer[QStringLiteral("error")].toString());
    const QJsonValue result = answer[QStringLiteral("result")];
    if (op == QLatin1String("defineType")) {
        const QJsonObject r = result.toObject();
        return QCoreApplication::translate("Lesson", "defineType %1: routed by '%2' (rule: %3)")
            .arg(command[QStringLiteral("type")].toString(), r[QStringLiteral("routing")].toString(), r[QStringLiteral("rule")].toString());
    }
    QString what;
    if (command.contains(QStringLiteral("template")))
        what = QString::fromUtf8(QJsonDocument(command[QStringLiteral("template")].toObject()).toJson(QJsonDocument::Compact));
    else if (command.contains(QStringLiteral("sql")))
        what = QStringLiteral("\"%1\"").arg(command[QStringLiteral("sql")].toString());
    else if (command.contains(QStringLiteral("id")))
        what = QStringLiteral("id %1").arg(command[QStringLiteral("id")].toVariant().toString());
    else if (command.contains(QStringLiteral("entry")))
        what = QString::fromUtf8(QJsonDocument(command[QStringLiteral("entry")].toObject()).toJson(QJsonDocument::Compact));
    QString outcome;
    if (result.isObject()) {
        const QJsonObject r = result.toObject();
        if (r.contains(QStringLiteral("count")))
            outcome = QCoreApplication::translate("Lesson", "count %1").arg(r[QStringLiteral("count")].toInt());
        if (r.contains(QStringLiteral("entries")))
            outcome = QCoreApplication::translate("Lesson", "%n entries", nullptr, int(r[QStringLiteral("entries")].toArray().size()));
        if (r.contains(QStringLiteral("entry")))
            outcome = r[QStringLiteral("entry")].isNull() ? QCoreApplication::translate("Lesson", "no entry")
                                                          : QCoreApplication::translate("Lesson", "1 entry");
        if (r.value(QStringLiteral("timedOut")).toBool())
            outcome = QCoreApplication::translate("Lesson", "nothing arrived before the timeout");
        if (r.contains(QStringLiteral("fifo")))
            outcome += QStringLiteral(" (%1)").arg(r[QStringLiteral("fifo")].toString());
    } else if (result.isArray()) {
        outcome = QCoreApplication::translate("Lesson", "%n entries", nullptr, int(result.toArray().size()));
    }
    QString line = QCoreApplication::translate("Lesson", "%1 %2 %3 -> %4").arg(op, command[QStringLiteral("type")].toString(), what, where);
    if (!outcome.isEmpty())
        line += QStringLiteral(": ") + outcome;
    return line;
}

/** Runs @p setup (not shown) and @p script (shown) on a fresh space of kPartitions partitions. */
LessonObservation runScript(const QStringList &setup, const QStringList &script,
                            const std::function<void(const QList<QJsonObject> &, LessonObservation &)> &inspect = {})
{
    LessonObservation o;
    QString error;
    auto proxy = SpaceProxy::create(kPartitions, QStringLiteral("xap"), &error);
    if (!proxy) {
        o.ok = false;
        o.lines << error;
        return o;
    }
    SpaceScriptRunner runner(*proxy, QString());
    qint64 line = 0;
    for (const QString &s : setup)
        runner.runLine(++line, s.toUtf8());
    QList<QJsonObject> answers;
    for (const QString &s : script) {
        const QJsonObject answer = QJsonDocument::fromJson(runner.runLine(++line, s.toUtf8())).object();
        answers << answer;
        o.lines << describe(answer, s);
    }
    if (inspect)
        inspect(answers, o);
    return o;
}

QString j(const char *json)
{
    return QString::fromUtf8(json);
}

const QStringList kOrderTypes = {
    j(R"({"op":"defineType","type":"Customer","properties":{"customerId":"string","name":"string"},"id":"customerId"})"),
    j(R"({"op":"defineType","type":"Order","properties":{"orderId":"string","customerId":"string","amount":"double"},"id":"orderId","routing":"customerId","indexed":["amount"]})"),
};

LessonPreset spacePreset()
{
    LessonPreset p;
    p.space = true;
    p.partitions = kPartitions;
    return p;
}

LessonStep step(const char *title, const char *text, const char *watch, const QStringList &setup, const QStringList &script,
                const std::function<void(const QList<QJsonObject> &, LessonObservation &)> &inspect = {})
{
    LessonStep s;
    s.title = QCoreApplication::translate("Lesson", title);
    s.text = QCoreApplication::translate("Lesson", text);
    s.watch = QCoreApplication::translate("Lesson", watch);
    s.preset = spacePreset();
    s.spaceScript = setup + script;
    s.run = [setup, script, inspect] { return runScript(setup, script, inspect); };
    return s;
}

int touched(const QJsonObject &answer)
{
    return int(answer[QStringLiteral("partitions")].toArray().size());
}

Lesson routingProperty()
{
    Lesson l;
    l.id = QStringLiteral("routing-property");
    l.title = QCoreApplication::translate("Lesson", "The routing property and XAP's implicit rules");
    l.teaches = QCoreApplication::translate("Lesson", "Which property decides an entry's partition, and what happens when it is missing.");
    l.steps.push_back(step(
        QT_TRANSLATE_NOOP("Lesson", "An explicit routing property"),
        QT_TRANSLATE_NOOP("Lesson", "The proxy routes each entry by the hash code of its routing property: partition = "
                                    "safeAbs(value.hashCode()) % N. Order declares customerId as its routing property explicitly."),
        QT_TRANSLATE_NOOP("Lesson", "The rule each defineType reports."),
        {}, kOrderTypes));
    l.steps.push_back(step(
        QT_TRANSLATE_NOOP("Lesson", "Implicit rules"),
        QT_TRANSLATE_NOOP("Lesson", "Without an explicit routing property XAP takes the id property; without an id, the first "
                                    "indexed property in alphabetical order; without indexes, the first property in alphabetical "
                                    "order. Implicit routing is legal but confusing: declare it."),
        QT_TRANSLATE_NOOP("Lesson", "id, first-indexed and first-property in the results."),
        {},
        {j(R"({"op":"defineType","type":"Customer","properties":{"customerId":"string","name":"string"},"id":"customerId"})"),
         j(R"({"op":"defineType","type":"Tick","properties":{"symbol":"string","venue":"string","price":"double"},"indexed":["venue","price"]})"),
         j(R"({"op":"defineType","type":"Note","properties":{"text":"string","author":"string"}})")},
        [](const QList<QJsonObject> &answers, LessonObservation &o) {
            for (const QJsonObject &a : answers)
                o.numbers.emplace_back(a[QStringLiteral("result")].toObject()[QStringLiteral("routing")].toString(), 1.0);
        }));
    l.steps.push_back(step(
        QT_TRANSLATE_NOOP("Lesson", "A null routing value is an error"),
        QT_TRANSLATE_NOOP("Lesson", "An order without a customerId has no partition: the proxy refuses to write it and says which "
                                    "type and property are missing. Nothing is written."),
        QT_TRANSLATE_NOOP("Lesson", "The error, and the count that stays at 1."),
        kOrderTypes,
        {j(R"({"op":"write","type":"Order","entry":{"orderId":"o1","customerId":"c1","amount":10}})"),
         j(R"({"op":"write","type":"Order","entry":{"orderId":"o2","amount":20}})"),
         j(R"({"op":"count","type":"Order"})")},
        [](const QList<QJsonObject> &answers, LessonObservation &o) {
            o.numbers.emplace_back(QStringLiteral("null_refused"), answers[1][QStringLiteral("ok")].toBool() ? 0.0 : 1.0);
            o.numbers.emplace_back(QStringLiteral("count"), answers[2][QStringLiteral("result")].toObject()[QStringLiteral("count")].toDouble());
        }));
    return l;
}

const QStringList kSomeOrders = kOrderTypes + QStringList{
    j(R"({"op":"writeMultiple","type":"Order","entries":[{"orderId":"o1","customerId":"c1","amount":10},{"orderId":"o2","customerId":"c2","amount":20},{"orderId":"o3","customerId":"c1","amount":30},{"orderId":"o4","customerId":"c3","amount":40},{"orderId":"o5","customerId":"c4","amount":50}]})")};

Lesson routedVersusBroadcast()
{
    Lesson l;
    l.id = QStringLiteral("routed-vs-broadcast");
    l.title = QCoreApplication::translate("Lesson", "Routed vs broadcast queries");
    l.teaches = QCoreApplication::translate("Lesson", "Queries that fix the routing value go to one partition; the others go to all.");
    l.steps.push_back(step(
        QT_TRANSLATE_NOOP("Lesson", "Routed and broadcast reads"),
        QT_TRANSLATE_NOOP("Lesson", "A query that fixes customerId is sent only to that customer's partition. A query on amount "
                                    "does not say where the entries are, so the proxy broadcasts it and merges the answers."),
        QT_TRANSLATE_NOOP("Lesson", "One partition lit for the first query, all of them for the second."),
        kSomeOrders,
        {j(R"({"op":"readMultiple","type":"Order","template":{"customerId":"c1"}})"),
         j(R"({"op":"readMultiple","type":"Order","sql":"amount > 15 ORDER BY amount"})")},
        [](const QList<QJsonObject> &a, LessonObservation &o) {
            o.numbers = {{QStringLiteral("routed_partitions"), touched(a[0])}, {QStringLiteral("broadcast_partitions"), touched(a[1])}};
        }));
    l.steps.push_back(step(
        QT_TRANSLATE_NOOP("Lesson", "count and clear"),
        QT_TRANSLATE_NOOP("Lesson", "count and clear follow the same rule: routed when the template holds the routing value, "
                                    "broadcast otherwise."),
        QT_TRANSLATE_NOOP("Lesson", "Which partitions each count and clear touched."),
        kSomeOrders,
        {j(R"({"op":"count","type":"Order","template":{"customerId":"c1"}})"), j(R"({"op":"count","type":"Order"})"),
         j(R"({"op":"clear","type":"Order","sql":"amount < 25"})"), j(R"({"op":"count","type":"Order"})")}));
    l.steps.push_back(step(
        QT_TRANSLATE_NOOP("Lesson", "Blocking operations need a routing value"),
        QT_TRANSLATE_NOOP("Lesson", "A take that waits for a match (timeout > 0) cannot be broadcast: XAP refuses it without a "
                                    "routing value. With one, it waits on that partition until a match arrives or time runs out."),
        QT_TRANSLATE_NOOP("Lesson", "The refusal, then the routed wait that times out."),
        kOrderTypes,
        {j(R"({"op":"take","type":"Order","template":{"amount":99},"timeout_ms":100})"),
         j(R"({"op":"take","type":"Order","template":{"customerId":"c9"},"timeout_ms":100})")},
        [](const QList<QJsonObject> &a, LessonObservation &o) {
            o.numbers = {{QStringLiteral("broadcast_refused"), a[0][QStringLiteral("ok")].toBool() ? 0.0 : 1.0},
                         {QStringLiteral("routed_partitions"), touched(a[1])}};
        }));
    return l;
}

Lesson fifoPerPartition()
{
    Lesson l;
    l.id = QStringLiteral("fifo");
    l.title = QCoreApplication::translate("Lesson", "FIFO only per partition");
    l.teaches = QCoreApplication::translate("Lesson", "Why a FIFO type keeps write order inside a partition but not across them.");
    QStringList setup{j(R"({"op":"defineType","type":"Job","properties":{"jobId":"string","queue":"string","seq":"int"},"id":"jobId","routing":"queue","fifo":true})")};
    QStringList writes;
    const char *queues[] = {"q1", "q2", "q3", "q4"};
    for (int i = 1; i <= 12; ++i)
        writes << QStringLiteral(R"({"op":"write","type":"Job","entry":{"jobId":"j%1","queue":"%2","seq":%1}})").arg(i).arg(QLatin1String(queues[(i * 7) % 4]));
    l.steps.push_back(step(
        QT_TRANSLATE_NOOP("Lesson", "Write order within one partition"),
        QT_TRANSLATE_NOOP("Lesson", "Job is a FIFO type routed by its queue. Reading one queue goes to one partition, and the jobs "
                                    "come back in the order they were written."),
        QT_TRANSLATE_NOOP("Lesson", "seq rising in the result."),
        setup + writes, {j(R"({"op":"readMultiple","type":"Job","template":{"queue":"q1"}})")}));
    l.steps.push_back(step(
        QT_TRANSLATE_NOOP("Lesson", "A broadcast read is not globally FIFO"),
        QT_TRANSLATE_NOOP("Lesson", "Reading every job is a broadcast: each partition answers in its own write order and the proxy "
                                    "merges the answers partition by partition. Jobs written later can come first: FIFO inversions."),
        QT_TRANSLATE_NOOP("Lesson", "The inversions counted below and the proxy's FIFO note."),
        setup + writes, {j(R"({"op":"readMultiple","type":"Job"})")},
        [](const QList<QJsonObject> &a, LessonObservation &o) {
            QList<int> order;
            const QJsonValue result = a[0][QStringLiteral("result")];
            const QJsonArray entries = result.isArray() ? result.toArray() : result.toObject()[QStringLiteral("entries")].toArray();
            for (const QJsonValue &e : entries)
                order << e.toObject()[QStringLiteral("seq")].toInt();
            int inversions = 0;
            for (int i = 0; i < order.size(); ++i)
                for (int k = i + 1; k < order.size(); ++k)
                    inversions += order[i] > order[k];
            QStringList seq;
            for (int s : order)
                seq << QString::number(s);
            o.lines << QCoreApplication::translate("Lesson", "merged order of seq: %1").arg(seq.join(QLatin1Char(' ')));
            o.lines << QCoreApplication::translate("Lesson", "%n FIFO inversion(s) across partitions", nullptr, inversions);
            o.numbers = {{QStringLiteral("inversions"), inversions}, {QStringLiteral("entries"), order.size()}};
        }));
    return l;
}

Lesson coLocation()
{
    Lesson l;
    l.id = QStringLiteral("co-location");
    l.title = QCoreApplication::translate("Lesson", "Co-locating related data");
    l.teaches = QCoreApplication::translate("Lesson", "Routing a customer and its orders by the same value keeps them on one partition.");
    const QString customers = j(R"({"op":"writeMultiple","type":"Customer","entries":[{"customerId":"c1","name":"Ada"},{"customerId":"c2","name":"Bo"}]})");
    const QString orders = j(R"({"op":"writeMultiple","type":"Order","entries":[{"orderId":"o1","customerId":"c1","amount":10},{"orderId":"o2","customerId":"c1","amount":20},{"orderId":"o3","customerId":"c1","amount":30},{"orderId":"o4","customerId":"c2","amount":40}]})");
    l.steps.push_back(step(
        QT_TRANSLATE_NOOP("Lesson", "Customer and orders together"),
        QT_TRANSLATE_NOOP("Lesson", "Customer is routed by its id, customerId; Order is routed by customerId too. A customer's "
                                    "orders live on the customer's partition, so one routed query finds them all."),
        QT_TRANSLATE_NOOP("Lesson", "The same single partition for the customer and for its orders."),
        kOrderTypes + QStringList{customers, orders},
        {j(R"({"op":"readById","type":"Customer","id":"c1"})"), j(R"({"op":"readMultiple","type":"Order","template":{"customerId":"c1"}})")},
        [](const QList<QJsonObject> &a, LessonObservation &o) {
            const bool same = a[0][QStringLiteral("partitions")] == a[1][QStringLiteral("partitions")];
            o.numbers = {{QStringLiteral("same_partition"), same ? 1.0 : 0.0}, {QStringLiteral("order_partitions"), touched(a[1])}};
        }));
    const QStringList byOrderId{
        j(R"({"op":"defineType","type":"Customer","properties":{"customerId":"string","name":"string"},"id":"customerId"})"),
        j(R"({"op":"defineType","type":"Order","properties":{"orderId":"string","customerId":"string","amount":"double"},"id":"orderId"})")};
    l.steps.push_back(step(
        QT_TRANSLATE_NOOP("Lesson", "Without co-location"),
        QT_TRANSLATE_NOOP("Lesson", "If Order keeps its implicit routing (its id, orderId), a customer's orders scatter over the "
                                    "partitions. Finding them needs a broadcast, and a transaction over a customer and its orders "
                                    "would span partitions."),
        QT_TRANSLATE_NOOP("Lesson", "The order query now touches every partition."),
        byOrderId + QStringList{customers, orders},
        {j(R"({"op":"readMultiple","type":"Order","template":{"customerId":"c1"}})")},
        [](const QList<QJsonObject> &a, LessonObservation &o) {
            o.numbers = {{QStringLiteral("order_partitions"), touched(a[0])}};
        }));
    return l;
}

} // namespace

std::vector<Lesson> spaceLessons()
{
    return {routingProperty(), routedVersusBroadcast(), fifoPerPartition(), coLocation()};
}

} // namespace partlab
