#pragma once

#include "model/value.h"

#include <QList>
#include <QString>

#include <memory>
#include <vector>

namespace partlab {

/** The comparison operators of Partlab's SQL-like queries. */
enum class CompareOp { Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual };

/** "=", "<>", "<", "<=", ">", ">=". */
QString compareOpText(CompareOp op);

/**
 * A node of a parsed WHERE clause: a comparison `property op literal`, or AND / OR of children.
 *
 * Trees are immutable once built and shared through std::shared_ptr<const>, so one query can be
 * evaluated by every partition in parallel without copies or locks.
 */
struct QueryCondition
{
    enum class Kind { Compare, And, Or };

    Kind kind = Kind::Compare;
    QString property;              ///< Compare
    CompareOp op = CompareOp::Equal; ///< Compare
    Value literal;                 ///< Compare
    int position = 0;              ///< 1-based column of the property in the query text (0 = template)
    std::vector<std::shared_ptr<const QueryCondition>> children; ///< And / Or
};

/** One ORDER BY term. */
struct OrderTerm
{
    QString property;
    bool ascending = true;
    int position = 0; ///< 1-based column in the query text
};

} // namespace partlab
