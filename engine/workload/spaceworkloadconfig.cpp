#include "spaceworkloadconfig.h"

#include "model/limits.h"
#include "routing/partitioner.h"

#include <cmath>

namespace partlab {

namespace {

const QString kCustomer = QStringLiteral("Customer");
const QString kOrder = QStringLiteral("Order");

const char *const kOpNames[kSpaceOpCount] = {"write", "writeMultiple", "update", "read", "take",
                                              "readMultiple", "count", "clear", "blockingTake"};

} // namespace

QString spaceOpName(SpaceOp op)
{
    const int index = int(op);
    return index >= 0 && index < kSpaceOpCount ? QString::fromLatin1(kOpNames[index]) : QString();
}

std::optional<SpaceOp> spaceOpFromName(const QString &name)
{
    for (int i = 0; i < kSpaceOpCount; ++i) {
        if (name == QLatin1String(kOpNames[i]))
            return SpaceOp(i);
    }
    return std::nullopt;
}

SpaceWorkloadConfig::SpaceWorkloadConfig()
{
    mix = *mixFromText(defaultMixText(), nullptr);
}

QString SpaceWorkloadConfig::defaultMixText()
{
    return QStringLiteral("write=30,writeMultiple=5,update=5,read=25,take=10,readMultiple=10,count=5,clear=5,blockingTake=5");
}

std::optional<std::array<double, kSpaceOpCount>> SpaceWorkloadConfig::mixFromText(const QString &text, QString *error)
{
    std::array<double, kSpaceOpCount> weights{};
    std::array<bool, kSpaceOpCount> seen{};
    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    double total = 0.0;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return fail(QStringLiteral("'%1' is not op=weight").arg(part.trimmed()));
        const QString name = part.left(eq).trimmed();
        const auto op = spaceOpFromName(name);
        if (!op) {
            QStringList names;
            for (const char *n : kOpNames)
                names << QString::fromLatin1(n);
            return fail(QStringLiteral("unknown operation '%1' (choose from %2)").arg(name, names.join(QStringLiteral(", "))));
        }
        if (seen[int(*op)])
            return fail(QStringLiteral("'%1' is given twice").arg(name));
        bool ok = false;
        const double weight = part.mid(eq + 1).trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(weight) || weight < 0 || weight > 1e6)
            return fail(QStringLiteral("the weight of '%1' must be a number from 0 to 1000000, not '%2'")
                            .arg(name, part.mid(eq + 1).trimmed()));
        seen[int(*op)] = true;
        weights[int(*op)] = weight;
        total += weight;
    }
    if (total <= 0.0)
        return fail(QStringLiteral("the mix needs at least one operation with a weight above 0"));
    return weights;
}

QString SpaceWorkloadConfig::mixToText(const std::array<double, kSpaceOpCount> &mix)
{
    QStringList parts;
    for (int i = 0; i < kSpaceOpCount; ++i) {
        if (mix[std::size_t(i)] > 0)
            parts << QStringLiteral("%1=%2").arg(spaceOpName(SpaceOp(i))).arg(mix[std::size_t(i)]);
    }
    return parts.join(QLatin1Char(','));
}

QStringList SpaceWorkloadConfig::routingCandidates(const QString &typeName)
{
    if (typeName == kCustomer)
        return {QStringLiteral("customerId"), QStringLiteral("name"), QStringLiteral("region"), QStringLiteral("visits")};
    if (typeName == kOrder)
        return {QStringLiteral("orderId"), QStringLiteral("customerId"), QStringLiteral("amount"), QStringLiteral("status")};
    return {};
}

QString SpaceWorkloadConfig::defaultRouting(const QString &typeName)
{
    return typeName == kCustomer || typeName == kOrder ? QStringLiteral("customerId") : QString();
}

bool SpaceWorkloadConfig::routingFromText(const QString &text, QMap<QString, QString> &routing, QString *error)
{
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        const QString type = part.left(eq).trimmed();
        const QString property = eq < 0 ? QString() : part.mid(eq + 1).trimmed();
        if (eq <= 0 || property.isEmpty()) {
            if (error)
                *error = QStringLiteral("'%1' is not Type=property (e.g. Order=customerId)").arg(part.trimmed());
            return false;
        }
        const QStringList candidates = routingCandidates(type);
        if (candidates.isEmpty()) {
            if (error)
                *error = QStringLiteral("unknown type '%1' (the workload has Customer and Order)").arg(type);
            return false;
        }
        if (!candidates.contains(property)) {
            if (error)
                *error = QStringLiteral("type %1 has no property '%2' (choose from %3)")
                             .arg(type, property, candidates.join(QStringLiteral(", ")));
            return false;
        }
        routing.insert(type, property);
    }
    return true;
}

QString SpaceWorkloadConfig::routingOf(const QString &typeName) const
{
    return routing.value(typeName, defaultRouting(typeName));
}

TypeDefinition SpaceWorkloadConfig::customerType() const
{
    TypeDefinition type;
    type.name = kCustomer;
    type.properties = {{QStringLiteral("customerId"), ValueType::String},
                       {QStringLiteral("name"), ValueType::String},
                       {QStringLiteral("region"), ValueType::String},
                       {QStringLiteral("visits"), ValueType::Int}};
    type.id = QStringLiteral("customerId");
    const QString property = routingOf(kCustomer);
    // Routed by its id, Customer needs no explicit routing: XAP's "id" rule picks it.
    type.routing = property == type.id ? QString() : property;
    type.indexed = {QStringLiteral("name")};
    return type;
}

TypeDefinition SpaceWorkloadConfig::orderType() const
{
    TypeDefinition type;
    type.name = kOrder;
    type.properties = {{QStringLiteral("orderId"), ValueType::String},
                       {QStringLiteral("customerId"), ValueType::String},
                       {QStringLiteral("amount"), ValueType::Double},
                       {QStringLiteral("status"), ValueType::String}};
    type.id = QStringLiteral("orderId");
    type.routing = routingOf(kOrder);
    type.indexed = {QStringLiteral("amount")};
    return type;
}

QString SpaceWorkloadConfig::problem() const
{
    if (partitions < 1 || partitions > limits::kMaxSpacePartitions)
        return QStringLiteral("partitions must be from 1 to %1 (got %2)").arg(limits::kMaxSpacePartitions).arg(partitions);
    if (const QString unknown = unknownPartitionerError(partitioner); !unknown.isEmpty())
        return unknown;
    if (clients < 1 || clients > 64)
        return QStringLiteral("clients must be from 1 to 64 (got %1)").arg(clients);
    if (operations < 0)
        return QStringLiteral("operations must not be negative");
    if (!(rate >= 0.0) || !std::isfinite(rate))
        return QStringLiteral("the rate must be 0 (as fast as possible) or a positive number");
    double total = 0.0;
    for (double w : mix) {
        if (!(w >= 0.0) || !std::isfinite(w))
            return QStringLiteral("mix weights must be numbers of at least 0");
        total += w;
    }
    if (total <= 0.0)
        return QStringLiteral("the mix needs at least one operation with a weight above 0");
    if (batchSize < 1 || batchSize > 10'000)
        return QStringLiteral("the writeMultiple batch size must be from 1 to 10000 (got %1)").arg(batchSize);
    if (blockingTimeoutMs < 1 || blockingTimeoutMs > 10'000)
        return QStringLiteral("the blocking take timeout must be from 1 to 10000 ms (got %1)").arg(blockingTimeoutMs);
    if (multipleMax < 1)
        return QStringLiteral("the readMultiple max must be at least 1");
    if (!(routedShare >= 0.0 && routedShare <= 1.0))
        return QStringLiteral("the routed share must be from 0 to 1");
    if (!(orderShare >= 0.0 && orderShare <= 1.0))
        return QStringLiteral("the Order share must be from 0 to 1");
    if (customers < 1)
        return QStringLiteral("there must be at least one customer");
    for (auto it = routing.cbegin(); it != routing.cend(); ++it) {
        if (!routingCandidates(it.key()).contains(it.value()))
            return QStringLiteral("type %1 cannot be routed by '%2'").arg(it.key(), it.value());
    }
    return QString();
}

} // namespace partlab
