#pragma once

#include "querycondition.h"

#include <QString>

#include <optional>

namespace partlab {

/** The syntax tree of a query, before it is checked against an entry type. */
struct ParsedQuery
{
    std::shared_ptr<const QueryCondition> where; ///< null = every entry matches
    QList<OrderTerm> orderBy;
};

/**
 * Parses Partlab's SQL-like queries, the WHERE part of XAP's SQLQuery:
 *
 *     query      := [ or ] [ ORDER BY term { , term } ]
 *     or         := and { OR and }
 *     and        := primary { AND primary }
 *     primary    := ( or ) | property op literal
 *     op         := = | <> | != | < | <= | > | >=
 *     literal    := 'text' ('' escapes a quote) | number | true | false
 *     term       := property [ ASC | DESC ]
 *
 * AND binds tighter than OR; keywords are case-insensitive. Literals stay untyped here (a number
 * is a long or a double); SpaceQuery binds them to the property types. Errors say what was
 * expected and the 1-based position in the text. Input is bounded (length and nesting), so a
 * hostile query gets an error, never a stack overflow.
 */
class QueryParser
{
public:
    static constexpr int kMaxLength = 64 * 1024;
    static constexpr int kMaxDepth = 64;

    /** The parsed query, or nullopt with @p error ("position N: ...") and @p errorPosition. */
    static std::optional<ParsedQuery> parse(const QString &text, QString *error, int *errorPosition = nullptr);
};

} // namespace partlab
