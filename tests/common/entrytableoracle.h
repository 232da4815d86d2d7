#pragma once
// The oracle for the space's indexes and planner (header only): an Order type with indexed and
// unindexed properties, and the answer a full scan gives. tst_entrytable and fuzz_spaceindex
// compare EntryTable's planned answers with it.

#include "space/entrytable.h"

#include <algorithm>
#include <memory>

namespace partlab::test {

/** Order: orderId (id), customerId (routing), amount (long, indexed), status (indexed), note (not indexed). */
inline std::shared_ptr<const TypeDescriptor> indexedOrderType()
{
    TypeDefinition d;
    d.name = QStringLiteral("Order");
    d.properties = {{QStringLiteral("orderId"), ValueType::String}, {QStringLiteral("customerId"), ValueType::String},
                    {QStringLiteral("amount"), ValueType::Long},    {QStringLiteral("status"), ValueType::String},
                    {QStringLiteral("note"), ValueType::String}};
    d.id = QStringLiteral("orderId");
    d.routing = QStringLiteral("customerId");
    d.indexed = {QStringLiteral("amount"), QStringLiteral("status")};
    QString error;
    return std::make_shared<const TypeDescriptor>(*TypeDescriptor::create(d, &error));
}

/** What a full scan returns: matches in FIFO order, stably sorted by ORDER BY, the first @p max. */
inline QList<quint64> scanAnswer(const EntryTable &table, const SpaceQuery &query, int max)
{
    QList<quint64> out;
    table.forEach([&](quint64 sequence, const Entry &entry) {
        if (query.matches(entry))
            out << sequence;
        return true;
    });
    std::stable_sort(out.begin(), out.end(), [&](quint64 a, quint64 b) {
        return query.orderedBefore(table.at(a), table.at(b));
    });
    if (out.size() > max)
        out.resize(max);
    return out;
}

} // namespace partlab::test
