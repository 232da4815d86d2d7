#include "consoleanswer.h"

#include "model/numberformat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace partlab {

namespace {

constexpr int kMaxEntryLines = 20;
/** Partitions whose plan the console lists (the rest are summed up in one line). */
constexpr int kMaxPlanLines = 16;

QString valueText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 15);
    if (value.isNull())
        return QStringLiteral("null");
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
}

QString entryText(const QJsonObject &entry)
{
    QStringList parts;
    for (auto it = entry.constBegin(); it != entry.constEnd(); ++it)
        parts << QStringLiteral("%1: %2").arg(it.key(), valueText(it.value()));
    return QStringLiteral("{%1}").arg(parts.join(QStringLiteral(", ")));
}

} // namespace

ConsoleAnswer ConsoleAnswer::fromScriptAnswer(const QByteArray &line)
{
    ConsoleAnswer a;
    const QJsonObject o = QJsonDocument::fromJson(line).object();
    a.ok = o.value(QStringLiteral("ok")).toBool();
    a.op = o.value(QStringLiteral("op")).toString();
    for (const QJsonValue &p : o.value(QStringLiteral("partitions")).toArray())
        a.partitions << p.toInt();
    a.error = o.value(QStringLiteral("error")).toString();
    const QJsonValue resultValue = o.value(QStringLiteral("result"));
    const QJsonObject r = resultValue.toObject();
    a.broadcast = r.value(QStringLiteral("broadcast")).toBool();
    if (!a.ok)
        return a;
    const QString &op = a.op;
    if (op == QLatin1String("write") || op == QLatin1String("update")) {
        a.lines << (r.value(QStringLiteral("updated")).toBool()
                        ? tr("Updated the entry with id %1 on partition %2.")
                        : tr("Written to partition %2 (id %1)."))
                       .arg(valueText(r.value(QStringLiteral("id"))))
                       .arg(r.value(QStringLiteral("partition")).toInt());
    } else if (op == QLatin1String("read") || op == QLatin1String("take") || op == QLatin1String("readById")
               || op == QLatin1String("takeById")) {
        const QJsonValue entry = r.value(QStringLiteral("entry"));
        if (entry.isObject())
            a.lines << (op.startsWith(QLatin1String("take")) ? tr("Took %1") : tr("Found %1")).arg(entryText(entry.toObject()));
        else if (r.value(QStringLiteral("timedOut")).toBool())
            a.lines << tr("Nothing matched before the timeout.");
        else
            a.lines << tr("No entry matches.");
    } else if (op == QLatin1String("readMultiple") || op == QLatin1String("takeMultiple")) {
        const QJsonArray entries = r.value(QStringLiteral("entries")).toArray();
        a.lines << (op == QLatin1String("takeMultiple") ? tr("Took %n entry(s):", nullptr, int(entries.size()))
                                                         : tr("Found %n entry(s):", nullptr, int(entries.size())));
        for (qsizetype i = 0; i < entries.size() && i < kMaxEntryLines; ++i)
            a.lines << QStringLiteral("  ") + entryText(entries[i].toObject());
        if (entries.size() > kMaxEntryLines)
            a.lines << tr("  … and %n more", nullptr, int(entries.size() - kMaxEntryLines));
    } else if (op == QLatin1String("count")) {
        a.lines << tr("Count: %1").arg(r.value(QStringLiteral("count")).toInteger());
    } else if (op == QLatin1String("clear")) {
        a.lines << tr("Removed %n entry(s).", nullptr, int(r.value(QStringLiteral("count")).toInteger()));
    } else if (op == QLatin1String("clean")) {
        a.lines << tr("Removed %1 entries from partition %2 only: clean is not partition-aware.")
                       .arg(r.value(QStringLiteral("removed")).toInteger())
                       .arg(r.value(QStringLiteral("partition")).toInt());
    } else if (op == QLatin1String("stats")) {
        for (const QJsonValue &p : r.value(QStringLiteral("partitions")).toArray()) {
            const QJsonObject s = p.toObject();
            QStringList byType;
            const QJsonObject types = s.value(QStringLiteral("byType")).toObject();
            for (auto it = types.constBegin(); it != types.constEnd(); ++it)
                byType << QStringLiteral("%1 %2").arg(it.key()).arg(it.value().toInteger());
            a.lines << tr("partition %1: %2 entries (%3)")
                           .arg(s.value(QStringLiteral("partition")).toInt())
                           .arg(s.value(QStringLiteral("entries")).toInteger())
                           .arg(byType.join(QStringLiteral(", ")));
        }
    } else if (op == QLatin1String("writeMultiple")) {
        a.lines << tr("Written %1, failed %2.").arg(r.value(QStringLiteral("written")).toInt()).arg(r.value(QStringLiteral("failed")).toInt());
    } else if (!resultValue.isNull()) {
        a.lines << QString::fromUtf8(resultValue.isObject() ? QJsonDocument(r).toJson(QJsonDocument::Compact) : line);
    }
    // The planner, per partition: which index it used and how much it looked at.
    const QJsonArray plans = r.value(QStringLiteral("plan")).toArray();
    for (qsizetype i = 0; i < plans.size() && i < kMaxPlanLines; ++i) {
        const QJsonObject plan = plans[i].toObject();
        a.plan << tr("partition %1: %2, %3 examined, %4 matched")
                       .arg(plan.value(QStringLiteral("partition")).toInt())
                       .arg(plan.value(QStringLiteral("access")).toString())
                       .arg(fmt::count(plan.value(QStringLiteral("examined")).toInteger()))
                       .arg(fmt::count(plan.value(QStringLiteral("matched")).toInteger()));
    }
    if (plans.size() > kMaxPlanLines)
        a.plan << tr("… and %n more partition(s)", nullptr, int(plans.size() - kMaxPlanLines));
    const QString fifo = r.value(QStringLiteral("fifo")).toString();
    if (!fifo.isEmpty())
        a.lines << fifo;
    return a;
}

QString ConsoleAnswer::routingText(int partitionCount) const
{
    if (partitions.isEmpty())
        return ok ? tr("no partition touched") : tr("nothing was sent to the space");
    if (broadcast)
        return tr("broadcast to all %1 partitions").arg(partitionCount);
    if (partitions.size() == 1)
        return tr("routed to partition %1").arg(partitions.first());
    QStringList list;
    for (int p : partitions)
        list << QString::number(p);
    return tr("sent to partitions %1").arg(list.join(QStringLiteral(", ")));
}

} // namespace partlab
