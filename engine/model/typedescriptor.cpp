#include "typedescriptor.h"

#include <QSet>

#include <algorithm>

namespace partlab {

namespace {

bool validName(const QString &name)
{
    if (name.isEmpty() || name.size() > 128)
        return false;
    if (!(name.front().isLetter() || name.front() == QLatin1Char('_')))
        return false;
    return std::all_of(name.begin(), name.end(),
                       [](QChar c) { return c.isLetterOrNumber() || c == QLatin1Char('_'); });
}

QString firstAlphabetically(QStringList names)
{
    // QString's operator< compares UTF-16 code units, exactly like Java's String.compareTo.
    std::sort(names.begin(), names.end());
    return names.isEmpty() ? QString() : names.first();
}

} // namespace

QString routingRuleName(RoutingRule rule)
{
    switch (rule) {
    case RoutingRule::Explicit:
        return QStringLiteral("explicit");
    case RoutingRule::Id:
        return QStringLiteral("id");
    case RoutingRule::FirstIndexed:
        return QStringLiteral("first-indexed");
    case RoutingRule::FirstProperty:
        return QStringLiteral("first-property");
    }
    return QString();
}

RoutingResolution TypeDescriptor::resolveRouting(const TypeDefinition &definition)
{
    if (!definition.routing.isEmpty())
        return {definition.routing, RoutingRule::Explicit};
    if (!definition.id.isEmpty())
        return {definition.id, RoutingRule::Id};
    if (!definition.indexed.isEmpty())
        return {firstAlphabetically(definition.indexed), RoutingRule::FirstIndexed};
    QStringList names;
    for (const PropertyDescriptor &p : definition.properties)
        names << p.name;
    return {firstAlphabetically(names), RoutingRule::FirstProperty};
}

std::optional<TypeDescriptor> TypeDescriptor::create(const TypeDefinition &definition, QString *error)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = QStringLiteral("type '%1': %2").arg(definition.name, message);
        return std::nullopt;
    };
    if (!validName(definition.name))
        return fail(QStringLiteral("a type name is a letter or '_' followed by letters, digits or '_' (at most 128)"));
    if (definition.properties.isEmpty())
        return fail(QStringLiteral("declare at least one property"));
    if (definition.properties.size() > 256)
        return fail(QStringLiteral("at most 256 properties"));
    QSet<QString> seen;
    for (const PropertyDescriptor &p : definition.properties) {
        if (!validName(p.name))
            return fail(QStringLiteral("invalid property name '%1'").arg(p.name));
        if (seen.contains(p.name))
            return fail(QStringLiteral("property '%1' is declared twice").arg(p.name));
        seen.insert(p.name);
    }
    TypeDescriptor type;
    type.m_definition = definition;
    for (const PropertyDescriptor &p : definition.properties)
        type.m_byName.emplace_back(p.name, p.type);
    std::sort(type.m_byName.begin(), type.m_byName.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    if (!definition.id.isEmpty()) {
        const auto idType = type.propertyType(definition.id);
        if (!idType)
            return fail(QStringLiteral("id property '%1' is not a declared property").arg(definition.id));
        if (definition.autoGenerateId && *idType != ValueType::String)
            return fail(QStringLiteral("an auto-generated id must be a string property ('%1' is %2)")
                            .arg(definition.id, valueTypeName(*idType)));
    } else if (definition.autoGenerateId) {
        return fail(QStringLiteral("autoGenerateId needs an id property"));
    }
    for (const QString &name : definition.indexed) {
        if (!seen.contains(name))
            return fail(QStringLiteral("indexed property '%1' is not a declared property").arg(name));
    }
    if (!definition.routing.isEmpty() && !seen.contains(definition.routing))
        return fail(QStringLiteral("routing property '%1' is not a declared property").arg(definition.routing));
    type.m_definition.indexed.removeDuplicates();
    type.m_routing = resolveRouting(type.m_definition);
    return type;
}

std::optional<ValueType> TypeDescriptor::propertyType(const QString &property) const
{
    const auto it = std::lower_bound(m_byName.begin(), m_byName.end(), property,
                                     [](const auto &p, const QString &name) { return p.first < name; });
    if (it == m_byName.end() || it->first != property)
        return std::nullopt;
    return it->second;
}

QString TypeDescriptor::validateValue(const QString &property, const Value &value) const
{
    const auto declared = propertyType(property);
    if (!declared)
        return QStringLiteral("type '%1' has no property '%2'").arg(name(), property);
    if (!value.isNull() && value.type() != *declared)
        return QStringLiteral("property '%1.%2' is %3, not %4")
            .arg(name(), property, valueTypeName(*declared), valueTypeName(value.type()));
    return QString();
}

QString TypeDescriptor::validate(const Entry &entry) const
{
    if (entry.typeName() != name())
        return QStringLiteral("entry of type '%1' given to type '%2'").arg(entry.typeName(), name());
    for (int i = 0; i < entry.propertyCount(); ++i) {
        QString problem = validateValue(entry.propertyName(i), entry.propertyValue(i));
        if (!problem.isEmpty())
            return problem;
    }
    return QString();
}

} // namespace partlab
