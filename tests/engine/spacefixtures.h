#pragma once
// Shared set-up for the space tests (header only; not a test itself).

#include "space/spaceproxy.h"

#include <QString>

#include <memory>

namespace partlab::testing {

inline QString s(const char *text)
{
    return QString::fromUtf8(text);
}

/**
 * A proxy over @p partitions with Customer (id customerId) and Order (id orderId, routing
 * customerId), routed by @p partitioner.
 */
inline std::unique_ptr<SpaceProxy> ordersSpace(int partitions, bool fifo = false, const QString &partitioner = QStringLiteral("xap"))
{
    QString error;
    auto proxy = SpaceProxy::create(partitions, partitioner, &error);
    TypeDefinition customer;
    customer.name = QStringLiteral("Customer");
    customer.properties = {{QStringLiteral("customerId"), ValueType::String}, {QStringLiteral("name"), ValueType::String}};
    customer.id = QStringLiteral("customerId");
    proxy->defineType(customer);
    TypeDefinition order;
    order.name = QStringLiteral("Order");
    order.properties = {{QStringLiteral("orderId"), ValueType::String},
                        {QStringLiteral("customerId"), ValueType::String},
                        {QStringLiteral("amount"), ValueType::Double}};
    order.id = QStringLiteral("orderId");
    order.routing = QStringLiteral("customerId");
    order.indexed = {QStringLiteral("amount")};
    order.fifo = fifo;
    proxy->defineType(order);
    return proxy;
}

inline Entry order(const QString &id, const QString &customer, double amount)
{
    Entry e(QStringLiteral("Order"));
    e.setValue(QStringLiteral("orderId"), Value::string(id));
    if (!customer.isEmpty())
        e.setValue(QStringLiteral("customerId"), Value::string(customer));
    e.setValue(QStringLiteral("amount"), Value::real(amount));
    return e;
}

inline Entry customer(const QString &id, const QString &name)
{
    Entry e(QStringLiteral("Customer"));
    e.setValue(QStringLiteral("customerId"), Value::string(id));
    e.setValue(QStringLiteral("name"), Value::string(name));
    return e;
}

/** Template of @p type with one property set. */
inline Entry templ(const QString &type, const QString &property, const Value &value)
{
    Entry e(type);
    e.setValue(property, value);
    return e;
}

inline QStringList ids(const QList<Entry> &entries, const QString &property = QStringLiteral("orderId"))
{
    QStringList result;
    for (const Entry &e : entries)
        result << e.value(property).display();
    return result;
}

inline QList<int> allPartitions(int n)
{
    QList<int> all;
    for (int p = 0; p < n; ++p)
        all << p;
    return all;
}

} // namespace partlab::testing
