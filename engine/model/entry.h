#pragma once

#include "value.h"

#include <QMap>
#include <QString>

namespace partlab {

/**
 * One space entry (or a template): a type name and its property values.
 *
 * An unset property is null. As a template, set properties must match by equality and unset
 * ones are wildcards, exactly as XAP matches a template object.
 */
class Entry
{
public:
    Entry() = default;
    explicit Entry(const QString &typeName) : m_typeName(typeName) {}

    const QString &typeName() const { return m_typeName; }
    void setTypeName(const QString &name) { m_typeName = name; }

    /** The value of @p property, null when unset. */
    Value value(const QString &property) const { return m_values.value(property); }
    /** The same without a copy (a shared null when unset): queries and indexes read every entry. */
    const Value &valueRef(const QString &property) const
    {
        static const Value null;
        const auto it = m_values.constFind(property);
        return it == m_values.constEnd() ? null : it.value();
    }
    /** Sets @p property; a null value unsets it. */
    void setValue(const QString &property, const Value &value);
    bool has(const QString &property) const { return m_values.contains(property); }

    /** The set properties, by name (sorted, which keeps output deterministic). */
    const QMap<QString, Value> &values() const { return m_values; }

    friend bool operator==(const Entry &a, const Entry &b)
    {
        return a.m_typeName == b.m_typeName && a.m_values == b.m_values;
    }

private:
    QString m_typeName;
    QMap<QString, Value> m_values;
};

} // namespace partlab
