#pragma once

// Prints a parsed query back as query text, in a canonical form that the parser must read back
// to the same tree: the "an accepted query re-parses the same" invariant of fuzz_query, also used
// by tst_queryparser. Compound children are parenthesised only where the grammar needs it (an
// AND inside an OR binds tighter by itself), so the printed text nests no deeper than the input.
#include "space/queryparser.h"

#include <QStringList>

namespace partlab::fuzz {

inline QString printLiteral(const Value &v)
{
    switch (v.type()) {
    case ValueType::String: {
        QString text = v.toString();
        text.replace(QLatin1Char('\''), QStringLiteral("''"));
        return QLatin1Char('\'') + text + QLatin1Char('\'');
    }
    case ValueType::Bool:
        return v.toBool() ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
    case ValueType::Int:
    case ValueType::Long:
        return QString::number(v.toInt64());
    case ValueType::Double: {
        QString text = QString::number(v.toDouble(), 'g', 17);
        if (!text.contains(QLatin1Char('.')) && !text.contains(QLatin1Char('e')))
            text += QStringLiteral(".0"); // keep it a real number: "-0" would read back as the long 0
        return text;
    }
    }
    return QString();
}

inline QString printCondition(const QueryCondition &c)
{
    if (c.kind == QueryCondition::Kind::Compare)
        return QStringLiteral("%1 %2 %3").arg(c.property, compareOpText(c.op), printLiteral(c.literal));
    QStringList parts;
    for (const auto &child : c.children) {
        const bool bare = child->kind == QueryCondition::Kind::Compare
                          || (c.kind == QueryCondition::Kind::Or && child->kind == QueryCondition::Kind::And);
        parts << (bare ? printCondition(*child) : QLatin1Char('(') + printCondition(*child) + QLatin1Char(')'));
    }
    return parts.join(c.kind == QueryCondition::Kind::And ? QStringLiteral(" AND ") : QStringLiteral(" OR "));
}

inline QString printQuery(const ParsedQuery &query)
{
    QString text = query.where ? printCondition(*query.where) : QString();
    if (!query.orderBy.isEmpty()) {
        QStringList terms;
        for (const OrderTerm &t : query.orderBy)
            terms << t.property + (t.ascending ? QStringLiteral(" ASC") : QStringLiteral(" DESC"));
        text += (text.isEmpty() ? QString() : QStringLiteral(" ")) + QStringLiteral("ORDER BY ") + terms.join(QStringLiteral(", "));
    }
    return text;
}

} // namespace partlab::fuzz
