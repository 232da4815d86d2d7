#pragma once

#include "querycondition.h"

#include "model/entry.h"
#include "model/typedescriptor.h"

#include <QList>
#include <QString>

#include <optional>

namespace partlab {

/**
 * A query bound to one entry type: a template or an SQL-like condition, plus ORDER BY.
 *
 * Both kinds become one condition tree (a template is an AND of equalities over its set
 * properties), so every partition evaluates them alike and the proxy asks one question to
 * route them: fixedValues(routingProperty). Immutable and cheap to copy (the tree is shared),
 * hence safe to hand to several partitions at once.
 */
class SpaceQuery
{
public:
    /** Matches every entry of @p type. */
    static SpaceQuery all(const TypeDescriptor &type);

    /** A template: set properties must be equal, unset ones are wildcards. */
    static std::optional<SpaceQuery> fromTemplate(const TypeDescriptor &type, const Entry &templ, QString *error);

    /**
     * An SQL-like query (see QueryParser) checked against @p type: properties must exist and
     * literals must suit the property types (numbers for numeric properties, 'text' for strings,
     * true/false for booleans). Errors carry the position in @p sql.
     */
    static std::optional<SpaceQuery> fromSql(const TypeDescriptor &type, const QString &sql, QString *error);

    const QString &typeName() const { return m_typeName; }
    bool matches(const Entry &entry) const;
    /** The condition tree (nullptr: every entry of the type), for the partitions' planner. */
    const QueryCondition *where() const { return m_where.get(); }

    /**
     * The values @p property must equal in every matching entry, or nullopt when the query leaves
     * it open. `p = a` fixes {a}; AND intersects what its parts fix; OR fixes the union only when
     * every branch fixes it. An empty list means no entry can match.
     */
    std::optional<QList<Value>> fixedValues(const QString &property) const;

    const QList<OrderTerm> &orderBy() const { return m_orderBy; }
    /** True when @p a sorts before @p b under ORDER BY (false for ties and without ORDER BY). */
    bool orderedBefore(const Entry &a, const Entry &b) const;
    /** Stable sort by ORDER BY (ties keep their order, so FIFO order survives). */
    void sort(QList<Entry> &entries) const;

    /** The query as the user wrote it, for reports. */
    QString text() const;

private:
    QString m_typeName;
    std::shared_ptr<const QueryCondition> m_where;
    QList<OrderTerm> m_orderBy;
    QString m_text;          ///< SQL as written (a template's text is made by text())
    bool m_template = false;
};

} // namespace partlab
