#pragma once

#include "entry.h"
#include "value.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

#include <optional>

namespace partlab {

/** A declared property: name and type. */
struct PropertyDescriptor
{
    QString name;
    ValueType type = ValueType::String;

    friend bool operator==(const PropertyDescriptor &, const PropertyDescriptor &) = default;
};

/** What a user declares for an entry type (script `defineType`, GUI dialog); validated by TypeDescriptor::create(). */
struct TypeDefinition
{
    QString name;
    QList<PropertyDescriptor> properties; ///< in declaration order
    QString id;                           ///< id property, empty = none
    bool autoGenerateId = false;          ///< the space generates the id (string ids only, as in XAP)
    QStringList indexed;
    QString routing;                      ///< explicit routing property, empty = implicit
    bool fifo = false;

    friend bool operator==(const TypeDefinition &, const TypeDefinition &) = default;
};

/** Which of XAP's rules chose a type's routing property. */
enum class RoutingRule { Explicit, Id, FirstIndexed, FirstProperty };

/** "explicit", "id", "first-indexed", "first-property". */
QString routingRuleName(RoutingRule rule);

/** The routing property of a type and the rule that chose it. */
struct RoutingResolution
{
    QString property; ///< empty only for a type without properties
    RoutingRule rule = RoutingRule::FirstProperty;
};

/**
 * A validated entry type: properties, id, indexes, routing property and FIFO flag.
 *
 * Immutable once created, so the proxy and every partition can share one instance between
 * threads.
 */
class TypeDescriptor
{
public:
    /**
     * XAP's routing-property resolution: the explicit routing property; else the id property;
     * else the first indexed property in alphabetical order; else the first property in
     * alphabetical order. "Alphabetical" is Java's String.compareTo (UTF-16 code units, so
     * upper case sorts before lower case). Does not validate the definition.
     */
    static RoutingResolution resolveRouting(const TypeDefinition &definition);

    /** Checks @p definition (names, types, references); nullopt with a one-line @p error otherwise. */
    static std::optional<TypeDescriptor> create(const TypeDefinition &definition, QString *error);

    const QString &name() const { return m_definition.name; }
    const TypeDefinition &definition() const { return m_definition; }
    const QList<PropertyDescriptor> &properties() const { return m_definition.properties; }
    std::optional<ValueType> propertyType(const QString &property) const;
    bool hasProperty(const QString &property) const { return propertyType(property).has_value(); }

    const QString &idProperty() const { return m_definition.id; }
    bool hasId() const { return !m_definition.id.isEmpty(); }
    bool autoGenerateId() const { return m_definition.autoGenerateId; }
    const QStringList &indexed() const { return m_definition.indexed; }
    bool fifo() const { return m_definition.fifo; }

    const QString &routingProperty() const { return m_routing.property; }
    RoutingRule routingRule() const { return m_routing.rule; }

    /**
     * True when the routing property is the auto-generated id: such entries are written to a
     * partition chosen round-robin, and the id then carries that partition.
     */
    bool routesByAutoId() const { return m_definition.autoGenerateId && m_routing.property == m_definition.id; }

    /** Empty when @p entry fits this type (known properties, right value types), else the reason. */
    /** Empty when @p value (null or not) may be the value of @p property, else why not. */
    QString validateValue(const QString &property, const Value &value) const;
    QString validate(const Entry &entry) const;

private:
    TypeDefinition m_definition;
    RoutingResolution m_routing;
    std::vector<std::pair<QString, ValueType>> m_byName; ///< the properties sorted by name: every write looks its values up
};

} // namespace partlab
