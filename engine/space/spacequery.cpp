#include "spacequery.h"

#include "queryparser.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace partlab {

namespace {

bool evaluate(const QueryCondition &c, const Entry &entry)
{
    switch (c.kind) {
    case QueryCondition::Kind::And:
        return std::all_of(c.children.begin(), c.children.end(), [&](const auto &child) { return evaluate(*child, entry); });
    case QueryCondition::Kind::Or:
        return std::any_of(c.children.begin(), c.children.end(), [&](const auto &child) { return evaluate(*child, entry); });
    case QueryCondition::Kind::Compare:
        break;
    }
    const Value &v = entry.valueRef(c.property);
    if (v.isNull())
        return false; // SQL: a comparison with null is never true
    const int order = Value::compare(v, c.literal);
    switch (c.op) {
    case CompareOp::Equal:
        return order == 0;
    case CompareOp::NotEqual:
        return order != 0;
    case CompareOp::Less:
        return order < 0;
    case CompareOp::LessEqual:
        return order <= 0;
    case CompareOp::Greater:
        return order > 0;
    case CompareOp::GreaterEqual:
        return order >= 0;
    }
    return false;
}

std::optional<QList<Value>> fixed(const QueryCondition &c, const QString &property)
{
    switch (c.kind) {
    case QueryCondition::Kind::Compare:
        if (c.property == property && c.op == CompareOp::Equal)
            return QList<Value>{c.literal};
        return std::nullopt;
    case QueryCondition::Kind::And: {
        std::optional<QList<Value>> result;
        for (const auto &child : c.children) {
            const auto values = fixed(*child, property);
            if (!values)
                continue;
            if (!result) {
                result = values;
                continue;
            }
            QList<Value> both;
            for (const Value &v : *result) {
                if (values->contains(v))
                    both << v;
            }
            result = both;
        }
        return result;
    }
    case QueryCondition::Kind::Or: {
        QList<Value> all;
        for (const auto &child : c.children) {
            const auto values = fixed(*child, property);
            if (!values)
                return std::nullopt;
            for (const Value &v : *values) {
                if (!all.contains(v))
                    all << v;
            }
        }
        return all;
    }
    }
    return std::nullopt;
}

/** Gives an untyped SQL literal the type of its property; empty string on success, else the reason. */
QString bindLiteral(const QueryCondition &c, ValueType type, Value &out)
{
    const Value &literal = c.literal;
    auto mismatch = [&](const QString &what) {
        return QStringLiteral("position %1: property '%2' is %3, so compare it with %4 (got %5)")
            .arg(c.position).arg(c.property, valueTypeName(type), what,
                                 literal.type() == ValueType::String ? QStringLiteral("'%1'").arg(literal.toString())
                                                                     : literal.display());
    };
    switch (type) {
    case ValueType::String:
        if (literal.type() != ValueType::String)
            return mismatch(QStringLiteral("a quoted 'text'"));
        out = literal;
        return QString();
    case ValueType::Bool:
        if (literal.type() != ValueType::Bool)
            return mismatch(QStringLiteral("true or false"));
        out = literal;
        return QString();
    case ValueType::Double:
        if (!literal.isNumber())
            return mismatch(QStringLiteral("a number"));
        out = Value::real(literal.toDouble());
        return QString();
    case ValueType::Int:
    case ValueType::Long:
        if (!literal.isNumber())
            return mismatch(QStringLiteral("a number"));
        if (literal.type() == ValueType::Double) {
            out = literal; // `count > 2.5` is meaningful; Value::compare compares numbers by value
        } else if (type == ValueType::Int && literal.toInt64() >= std::numeric_limits<qint32>::min()
                   && literal.toInt64() <= std::numeric_limits<qint32>::max()) {
            out = Value::int32(qint32(literal.toInt64()));
        } else {
            out = Value::int64(literal.toInt64());
        }
        return QString();
    }
    return QString();
}

std::shared_ptr<const QueryCondition> bind(const TypeDescriptor &type, const QueryCondition &c, QString *error)
{
    auto node = std::make_shared<QueryCondition>(c);
    if (c.kind == QueryCondition::Kind::Compare) {
        const auto propertyType = type.propertyType(c.property);
        if (!propertyType) {
            *error = QStringLiteral("position %1: type '%2' has no property '%3'").arg(c.position).arg(type.name(), c.property);
            return nullptr;
        }
        const QString problem = bindLiteral(c, *propertyType, node->literal);
        if (!problem.isEmpty()) {
            *error = problem;
            return nullptr;
        }
        return node;
    }
    node->children.clear();
    for (const auto &child : c.children) {
        auto bound = bind(type, *child, error);
        if (!bound)
            return nullptr;
        node->children.push_back(bound);
    }
    return node;
}

} // namespace

SpaceQuery SpaceQuery::all(const TypeDescriptor &type)
{
    SpaceQuery q;
    q.m_typeName = type.name();
    return q;
}

std::optional<SpaceQuery> SpaceQuery::fromTemplate(const TypeDescriptor &type, const Entry &templ, QString *error)
{
    Entry typed = templ;
    typed.setTypeName(type.name());
    const QString problem = type.validate(typed);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    SpaceQuery q = all(type);
    q.m_template = true; // its text is written when asked for (every routed read builds one)
    std::vector<std::shared_ptr<const QueryCondition>> equalities;
    for (int i = 0; i < templ.propertyCount(); ++i) {
        auto node = std::make_shared<QueryCondition>();
        node->property = templ.propertyName(i);
        node->literal = templ.propertyValue(i);
        equalities.push_back(node);
    }
    if (equalities.size() == 1) {
        q.m_where = equalities.front();
    } else if (!equalities.empty()) {
        auto node = std::make_shared<QueryCondition>();
        node->kind = QueryCondition::Kind::And;
        node->children = std::move(equalities);
        q.m_where = node;
    }
    return q;
}

QString SpaceQuery::text() const
{
    if (!m_template)
        return m_text;
    QStringList parts;
    const auto add = [&](const QueryCondition &c) { parts << QStringLiteral("%1 = %2").arg(c.property, c.literal.display()); };
    if (m_where && m_where->kind == QueryCondition::Kind::Compare)
        add(*m_where);
    else if (m_where)
        for (const auto &child : m_where->children)
            add(*child);
    return QStringLiteral("template {%1}").arg(parts.join(QStringLiteral(", ")));
}

std::optional<SpaceQuery> SpaceQuery::fromSql(const TypeDescriptor &type, const QString &sql, QString *error)
{
    QString problem;
    const auto parsed = QueryParser::parse(sql, &problem);
    if (!parsed) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    SpaceQuery q = all(type);
    if (parsed->where) {
        q.m_where = bind(type, *parsed->where, &problem);
        if (!q.m_where) {
            if (error)
                *error = problem;
            return std::nullopt;
        }
    }
    for (const OrderTerm &term : parsed->orderBy) {
        if (!type.hasProperty(term.property)) {
            if (error)
                *error = QStringLiteral("position %1: type '%2' has no property '%3' to order by")
                             .arg(term.position).arg(type.name(), term.property);
            return std::nullopt;
        }
    }
    q.m_orderBy = parsed->orderBy;
    q.m_text = sql;
    return q;
}

bool SpaceQuery::matches(const Entry &entry) const
{
    if (entry.typeName() != m_typeName)
        return false;
    return !m_where || evaluate(*m_where, entry);
}

std::optional<QList<Value>> SpaceQuery::fixedValues(const QString &property) const
{
    if (!m_where)
        return std::nullopt;
    return fixed(*m_where, property);
}

bool SpaceQuery::orderedBefore(const Entry &a, const Entry &b) const
{
    for (const OrderTerm &term : m_orderBy) {
        const int order = Value::compare(a.valueRef(term.property), b.valueRef(term.property));
        if (order != 0)
            return term.ascending ? order < 0 : order > 0;
    }
    return false;
}

void SpaceQuery::sort(QList<Entry> &entries) const
{
    if (m_orderBy.isEmpty())
        return;
    std::stable_sort(entries.begin(), entries.end(), [this](const Entry &a, const Entry &b) { return orderedBefore(a, b); });
}

} // namespace partlab
