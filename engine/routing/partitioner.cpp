#include "partitioner.h"

#include "xappartitioner.h"

#include <QCoreApplication>

#include <functional>

namespace partlab {

namespace {

struct Entry
{
    const char *name;
    const char *description;
    std::function<std::unique_ptr<Partitioner>(const PartitionerOptions &)> create;
};

// The registry: one row per partitioner. Order = order shown to users.
const std::vector<Entry> &registry()
{
    static const std::vector<Entry> entries = {
        {"xap", QT_TRANSLATE_NOOP("Partitioner", "GigaSpaces XAP: safeAbs(hashCode) % N (Java String.hashCode)"),
         [](const PartitionerOptions &o) { return std::make_unique<XapPartitioner>(o); }},
    };
    return entries;
}

const Entry *find(const QString &name)
{
    for (const Entry &e : registry()) {
        if (name == QLatin1String(e.name))
            return &e;
    }
    return nullptr;
}

} // namespace

RouteExplanation Partitioner::explain(const RoutingKey &key) const
{
    RouteExplanation e;
    e.partition = partition(key);
    e.hash = e.partition;
    return e;
}

QStringList partitionerNames()
{
    QStringList names;
    for (const Entry &e : registry())
        names << QLatin1String(e.name);
    return names;
}

QString partitionerDescription(const QString &name)
{
    const Entry *e = find(name);
    return e ? QCoreApplication::translate("Partitioner", e->description) : QString();
}

std::unique_ptr<Partitioner> createPartitioner(const QString &name, const PartitionerOptions &options,
                                               QString *error)
{
    const Entry *e = find(name);
    if (!e) {
        if (error)
            *error = QStringLiteral("unknown partitioner '%1' (choose one of: %2)")
                         .arg(name, partitionerNames().join(QStringLiteral(", ")));
        return nullptr;
    }
    if (options.partitions < 1) {
        if (error)
            *error = QStringLiteral("the number of partitions must be at least 1 (got %1)").arg(options.partitions);
        return nullptr;
    }
    return e->create(options);
}

} // namespace partlab
