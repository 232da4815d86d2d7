#pragma once

#include "keydistribution.h"

#include "model/typedescriptor.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace partlab {

/** The operations a space workload mixes, in the order reports list them. */
enum class SpaceOp { Write, WriteMultiple, Update, Read, Take, ReadMultiple, Count, Clear, BlockingTake };

inline constexpr int kSpaceOpCount = 9;

/** "write", "writeMultiple", "update", "read", "take", "readMultiple", "count", "clear", "blockingTake". */
QString spaceOpName(SpaceOp op);
std::optional<SpaceOp> spaceOpFromName(const QString &name);
inline SpaceOp spaceOpAt(int index) { return SpaceOp(index); }

/**
 * What a space workload does: the space (partitions, partitioner, routing property per type), the
 * clients, how many operations, the key distribution over customers and the operation mix.
 *
 * The entry types are fixed and modelled on XAP's routing example: Customer (id customerId) and
 * Order (id orderId) with Order routed by customerId, so a customer and its orders share a
 * partition. The routing property of each type can be changed (setRouting), e.g. Order by
 * orderId, to compare what it does to the same traffic.
 */
struct SpaceWorkloadConfig
{
    int partitions = 4;
    QString partitioner = QStringLiteral("xap");
    int clients = 2;
    /** Operations over all clients; 0 = until stop() (the GUI). */
    qint64 operations = 10'000;
    quint64 seed = 1;
    /** Operations per second over all clients; 0 = as fast as possible. */
    double rate = 0.0;

    /** Relative weights, indexed by SpaceOp; they need not sum to 100. */
    std::array<double, kSpaceOpCount> mix{};
    int batchSize = 10;          ///< entries per writeMultiple
    int blockingTimeoutMs = 10;  ///< timeout of a blocking take
    int multipleMax = 10;        ///< max of a readMultiple
    /**
     * Share of read/take/readMultiple/count/clear operations whose query names a customer (the
     * key); the others use a condition without one (Order: an amount band, Customer: a name) and
     * are broadcast unless that property happens to be the routing property.
     */
    double routedShare = 0.9;
    /** Share of operations on Order entries (the rest on Customer entries). */
    double orderShare = 0.8;
    quint32 customers = 1000;
    KeyDistributionSpec distribution;

    /** Explicit routing property per type name; a type not listed uses Customer/Order's default. */
    QMap<QString, QString> routing;

    SpaceWorkloadConfig();

    /** The routing property @p typeName uses in this configuration. */
    QString routingOf(const QString &typeName) const;

    /** The two entry types with the configured routing properties. */
    TypeDefinition customerType() const;
    TypeDefinition orderType() const;

    /** Empty when the configuration can run, else the reason in one line. */
    QString problem() const;

    /** The default mix as text (see mixFromText). */
    static QString defaultMixText();
    /** "write=40,read=30,...": every op named at most once; ops left out get weight 0. */
    static std::optional<std::array<double, kSpaceOpCount>> mixFromText(const QString &text, QString *error);
    static QString mixToText(const std::array<double, kSpaceOpCount> &mix);
    /** "Order=customerId,Customer=name" into @p routing (checked against the types' properties). */
    static bool routingFromText(const QString &text, QMap<QString, QString> &routing, QString *error);

    /** The properties a type's routing can be set to, in declaration order. */
    static QStringList routingCandidates(const QString &typeName);
    static QString defaultRouting(const QString &typeName);
};

} // namespace partlab
