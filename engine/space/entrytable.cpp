#include "entrytable.h"

#include <algorithm>
#include <limits>

namespace partlab {

namespace {

constexpr qint64 kUnbounded = std::numeric_limits<qint64>::max();

bool isRange(CompareOp op)
{
    return op == CompareOp::Less || op == CompareOp::LessEqual || op == CompareOp::Greater || op == CompareOp::GreaterEqual;
}

/** The tighter of two lower (@p lower) or upper bounds. */
RangeBound tighter(const RangeBound &a, const RangeBound &b, bool lower)
{
    if (a.value.isNull())
        return b;
    if (b.value.isNull())
        return a;
    const int order = Value::compare(a.value, b.value);
    if (order == 0)
        return {a.value, a.inclusive && b.inclusive};
    return (order > 0) == lower ? a : b;
}

} // namespace

QString QueryPlanReport::describe() const
{
    return QStringLiteral("partition %1: %2, %3 examined, %4 matched").arg(partition).arg(access).arg(examined).arg(matched);
}

// --- PropertyIndex ---------------------------------------------------------------------------

void PropertyIndex::insert(const Value &value, quint64 sequence)
{
    if (value.isNull())
        return;
    auto [it, added] = m_ordered.try_emplace(value);
    if (added)
        m_equal.insert(value, &it->second);
    if (it->second.insert(sequence).second)
        ++m_indexed;
}

void PropertyIndex::erase(const Value &value, quint64 sequence)
{
    if (value.isNull())
        return;
    const auto it = m_ordered.find(value);
    if (it == m_ordered.end())
        return;
    if (it->second.erase(sequence) > 0)
        --m_indexed;
    if (it->second.empty()) {
        m_equal.remove(it->first);
        m_ordered.erase(it);
    }
}

void PropertyIndex::clear()
{
    m_equal.clear();
    m_ordered.clear();
    m_indexed = 0;
}

const PropertyIndex::Postings *PropertyIndex::equal(const Value &value) const
{
    return m_equal.value(value, nullptr);
}

PropertyIndex::Ordered::const_iterator PropertyIndex::lowerEnd(const RangeBound &low) const
{
    if (low.value.isNull())
        return m_ordered.begin();
    return low.inclusive ? m_ordered.lower_bound(low.value) : m_ordered.upper_bound(low.value);
}

PropertyIndex::Ordered::const_iterator PropertyIndex::upperEnd(const RangeBound &high) const
{
    if (high.value.isNull())
        return m_ordered.end();
    return high.inclusive ? m_ordered.upper_bound(high.value) : m_ordered.lower_bound(high.value);
}

qint64 PropertyIndex::countRange(const RangeBound &low, const RangeBound &high, qint64 cap) const
{
    if (low.value.isNull() && high.value.isNull())
        return m_indexed;
    qint64 n = 0;
    walk(low, high, false, [&](const Value &, const Postings &postings) {
        n += qint64(postings.size());
        return n <= cap;
    });
    return n;
}

// --- EntryTable ------------------------------------------------------------------------------

EntryTable::EntryTable(std::shared_ptr<const TypeDescriptor> type)
    : m_type(std::move(type))
{
    // The routing property and every declared index; the id has its own unique index.
    QStringList properties = m_type->indexed();
    if (!m_type->routingProperty().isEmpty())
        properties.prepend(m_type->routingProperty());
    for (const QString &property : properties) {
        if (property != m_type->idProperty() || !m_type->hasId())
            m_indexes.try_emplace(property);
    }
}

std::optional<quint64> EntryTable::sequenceOfId(const Value &id) const
{
    const auto it = m_byId.constFind(id);
    if (it == m_byId.constEnd())
        return std::nullopt;
    return it.value();
}

const Entry *EntryTable::find(quint64 sequence) const
{
    const auto it = m_entries.find(sequence);
    return it == m_entries.end() ? nullptr : &it->second;
}

void EntryTable::insert(quint64 sequence, const Entry &entry)
{
    const auto [it, added] = m_entries.emplace(sequence, entry);
    if (!added)
        return;
    if (m_type->hasId())
        m_byId.insert(entry.value(m_type->idProperty()), sequence);
    for (auto &[property, index] : m_indexes)
        index.insert(entry.valueRef(property), sequence);
}

void EntryTable::replace(quint64 sequence, const Entry &entry)
{
    const auto it = m_entries.find(sequence);
    if (it == m_entries.end()) {
        insert(sequence, entry);
        return;
    }
    for (auto &[property, index] : m_indexes) {
        const Value &before = it->second.valueRef(property), &after = entry.valueRef(property);
        if (before.isNull() != after.isNull() || (!before.isNull() && Value::compare(before, after) != 0)) {
            index.erase(before, sequence);
            index.insert(after, sequence);
        }
    }
    it->second = entry;
}

void EntryTable::erase(quint64 sequence)
{
    const auto it = m_entries.find(sequence);
    if (it == m_entries.end())
        return;
    if (m_type->hasId())
        m_byId.remove(it->second.valueRef(m_type->idProperty()));
    for (auto &[property, index] : m_indexes)
        index.erase(it->second.valueRef(property), sequence);
    m_entries.erase(it);
}

void EntryTable::clear()
{
    m_entries.clear();
    m_byId.clear();
    for (auto &[property, index] : m_indexes)
        index.clear();
}

QStringList EntryTable::indexedProperties() const
{
    QStringList names;
    for (const auto &[property, index] : m_indexes)
        names << property;
    return names;
}

const PropertyIndex *EntryTable::index(const QString &property) const
{
    const auto it = m_indexes.find(property);
    return it == m_indexes.end() ? nullptr : &it->second;
}

std::optional<EntryTable::Path> EntryTable::pathFor(const QueryCondition &c, qint64 cap) const
{
    switch (c.kind) {
    case QueryCondition::Kind::And:
        return andPath(c, cap, nullptr);
    case QueryCondition::Kind::Or: {
        Path path;
        path.kind = Path::Kind::Union;
        for (const auto &child : c.children) {
            std::optional<Path> part = pathFor(*child, cap);
            if (!part)
                return std::nullopt; // one branch needs a scan: so does the whole OR
            path.estimate += part->estimate;
            path.parts.push_back(std::move(*part));
        }
        return path;
    }
    case QueryCondition::Kind::Compare:
        break;
    }
    if (m_type->hasId() && c.property == m_type->idProperty() && c.op == CompareOp::Equal) {
        Path path;
        path.kind = Path::Kind::Id;
        path.property = c.property;
        path.value = c.literal;
        path.estimate = m_byId.contains(c.literal) ? 1 : 0;
        return path;
    }
    const PropertyIndex *idx = index(c.property);
    if (!idx)
        return std::nullopt;
    Path path;
    path.property = c.property;
    if (c.op == CompareOp::Equal) {
        path.kind = Path::Kind::Equal;
        path.value = c.literal;
        const PropertyIndex::Postings *postings = idx->equal(c.literal);
        path.estimate = postings ? qint64(postings->size()) : 0;
        return path;
    }
    if (!isRange(c.op))
        return std::nullopt; // <> selects nearly everything: a scan is cheaper
    path.kind = Path::Kind::Range;
    if (c.op == CompareOp::Greater || c.op == CompareOp::GreaterEqual)
        path.low = {c.literal, c.op == CompareOp::GreaterEqual};
    else
        path.high = {c.literal, c.op == CompareOp::LessEqual};
    path.estimate = idx->countRange(path.low, path.high, cap);
    return path;
}

std::optional<EntryTable::Path> EntryTable::andPath(const QueryCondition &c, qint64 cap, Plan *plan) const
{
    std::optional<Path> best;
    const auto consider = [&](std::optional<Path> path) {
        if (path && (!best || path->estimate < best->estimate))
            best = std::move(path);
    };
    // Equalities first (their estimates are exact and free), then the ranges, each property's
    // bounds merged into one interval (a >= 10 AND a < 20), estimated no further than the best.
    std::map<QString, std::pair<RangeBound, RangeBound>> ranges;
    std::vector<const QueryCondition *> others;
    for (const auto &child : c.children) {
        if (child->kind == QueryCondition::Kind::Compare && isRange(child->op) && index(child->property)) {
            auto &[low, high] = ranges[child->property];
            if (child->op == CompareOp::Greater || child->op == CompareOp::GreaterEqual)
                low = tighter(low, {child->literal, child->op == CompareOp::GreaterEqual}, true);
            else
                high = tighter(high, {child->literal, child->op == CompareOp::LessEqual}, false);
        } else if (child->kind == QueryCondition::Kind::Compare) {
            std::optional<Path> path = pathFor(*child, cap);
            if (path && path->kind == Path::Kind::Equal && plan) {
                const PropertyIndex::Postings *postings = index(path->property)->equal(path->value);
                if (!postings)
                    plan->empty = true;
                else
                    plan->intersect.emplace_back(path->property, postings);
            }
            if (path && path->estimate == 0 && plan)
                plan->empty = true;
            consider(std::move(path));
        } else {
            others.push_back(child.get());
        }
    }
    for (const QueryCondition *other : others)
        consider(pathFor(*other, best ? best->estimate : cap));
    for (const auto &[property, bounds] : ranges) {
        Path path;
        path.kind = Path::Kind::Range;
        path.property = property;
        path.low = bounds.first;
        path.high = bounds.second;
        path.estimate = index(property)->countRange(path.low, path.high, best ? best->estimate : cap);
        consider(std::move(path));
    }
    if (plan && best && best->kind == Path::Kind::Equal) {
        // The chosen equality need not be intersected with itself.
        auto &list = plan->intersect;
        const auto self = std::find_if(list.begin(), list.end(), [&](const auto &item) { return item.first == best->property; });
        if (self != list.end())
            list.erase(self);
    }
    return best;
}

EntryTable::Plan EntryTable::plan(const QueryCondition *where) const
{
    Plan plan;
    if (!where)
        return plan;
    const qint64 scan = size();
    std::optional<Path> path = where->kind == QueryCondition::Kind::And ? andPath(*where, scan, &plan) : pathFor(*where, scan);
    if (path && path->estimate == 0 && path->kind != Path::Kind::Union)
        plan.empty = true;
    // An index that yields more than everything is no help (a capped range estimate); one that
    // yields everything still reads no more entries than a scan, and says which index answered.
    if (path && path->estimate <= scan)
        plan.path = std::move(path);
    if (!plan.path)
        plan.intersect.clear(); // a scan evaluates the whole condition anyway
    return plan;
}

void EntryTable::collect(const Path &path, std::vector<quint64> &out) const
{
    switch (path.kind) {
    case Path::Kind::Id:
        if (const auto sequence = sequenceOfId(path.value))
            out.push_back(*sequence);
        return;
    case Path::Kind::Equal:
        if (const PropertyIndex::Postings *postings = index(path.property)->equal(path.value))
            out.insert(out.end(), postings->begin(), postings->end());
        return;
    case Path::Kind::Range:
        index(path.property)->walk(path.low, path.high, false, [&](const Value &, const PropertyIndex::Postings &postings) {
            out.insert(out.end(), postings.begin(), postings.end());
            return true;
        });
        std::sort(out.begin(), out.end()); // back to FIFO order
        return;
    case Path::Kind::Union:
        for (const Path &part : path.parts)
            collect(part, out);
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return;
    }
}

QString EntryTable::describe(const Path &path)
{
    switch (path.kind) {
    case Path::Kind::Id:
        return QStringLiteral("id");
    case Path::Kind::Equal:
        return QStringLiteral("index %1").arg(path.property);
    case Path::Kind::Range:
        return QStringLiteral("range %1").arg(path.property);
    case Path::Kind::Union: {
        QStringList parts;
        for (const Path &part : path.parts)
            parts << describe(part);
        return QStringLiteral("union(%1)").arg(parts.join(QStringLiteral(", ")));
    }
    }
    return {};
}

namespace {

QString accessText(const QString &base, const std::vector<std::pair<QString, const PropertyIndex::Postings *>> &intersect)
{
    QString text = base;
    for (const auto &[property, postings] : intersect)
        text += QStringLiteral(" \u2229 %1").arg(property);
    return text;
}

} // namespace

bool EntryTable::orderedWalk(const SpaceQuery &query, const Plan &plan, int max, QList<quint64> &out,
                             QueryPlanReport *report) const
{
    const OrderTerm &term = query.orderBy().first();
    const PropertyIndex *idx = index(term.property);
    // Entries without the property would be missing from the walk: sort then.
    if (!idx || idx->indexed() != size())
        return false;
    RangeBound low, high;
    if (plan.path) {
        if (plan.path->kind != Path::Kind::Range || plan.path->property != term.property)
            return false; // another index narrows the candidates more: fetch, then sort them
        low = plan.path->low;
        high = plan.path->high;
    }
    qint64 examined = 0;
    idx->walk(low, high, !term.ascending, [&](const Value &, const PropertyIndex::Postings &postings) {
        QList<quint64> group; // one value of the first term: FIFO order, then the other terms
        for (quint64 sequence : postings) {
            if (std::any_of(plan.intersect.begin(), plan.intersect.end(), [&](const auto &item) { return !item.second->count(sequence); }))
                continue;
            const Entry &entry = m_entries.at(sequence);
            ++examined;
            if (query.matches(entry))
                group << sequence;
        }
        if (query.orderBy().size() > 1)
            std::stable_sort(group.begin(), group.end(), [&](quint64 a, quint64 b) {
                return query.orderedBefore(m_entries.at(a), m_entries.at(b));
            });
        out += group;
        return out.size() < max;
    });
    if (report) {
        report->access = accessText(QStringLiteral("ordered index %1").arg(term.property), plan.intersect);
        report->examined = examined;
        report->matched = out.size();
    }
    if (out.size() > max)
        out.resize(max);
    return true;
}

QList<quint64> EntryTable::match(const SpaceQuery &query, int max, QueryPlanReport *report) const
{
    QList<quint64> out;
    const Plan p = plan(query.where());
    if (p.empty) {
        if (report)
            report->access = p.path ? describe(*p.path) : QStringLiteral("index");
        return out;
    }
    const bool ordered = !query.orderBy().isEmpty();
    if (ordered && orderedWalk(query, p, max, out, report))
        return out;
    qint64 examined = 0;
    const auto consider = [&](quint64 sequence, const Entry &entry) {
        for (const auto &[property, postings] : p.intersect)
            if (!postings->count(sequence))
                return true; // not in every equality index: no need to look at the entry
        ++examined;
        if (query.matches(entry))
            out << sequence;
        return ordered || out.size() < max; // FIFO: the first max are the answer
    };
    if (!p.path) {
        for (const auto &[sequence, entry] : m_entries)
            if (!consider(sequence, entry))
                break;
    } else {
        std::vector<quint64> candidates;
        collect(*p.path, candidates);
        for (quint64 sequence : candidates)
            if (!consider(sequence, m_entries.at(sequence)))
                break;
    }
    if (report) {
        report->access = p.path ? accessText(describe(*p.path), p.intersect) : QStringLiteral("scan");
        report->examined = examined;
        report->matched = out.size();
    }
    if (ordered) {
        // Stable: entries that tie under ORDER BY stay in FIFO order.
        std::stable_sort(out.begin(), out.end(), [&](quint64 a, quint64 b) {
            return query.orderedBefore(m_entries.at(a), m_entries.at(b));
        });
        if (out.size() > max)
            out.resize(max);
    }
    return out;
}

qint64 EntryTable::count(const SpaceQuery &query, QueryPlanReport *report) const
{
    const QueryCondition *where = query.where();
    const auto answer = [&](const QString &access, qint64 n, qint64 examined) {
        if (report) {
            report->access = access;
            report->examined = examined;
            report->matched = n;
        }
        return n;
    };
    if (!where)
        return answer(QStringLiteral("count of type"), size(), 0);
    if (where->kind == QueryCondition::Kind::Compare && where->op == CompareOp::Equal) {
        // One value of one indexed property: its postings are the answer.
        if (m_type->hasId() && where->property == m_type->idProperty())
            return answer(QStringLiteral("id"), m_byId.contains(where->literal) ? 1 : 0, 0);
        if (const PropertyIndex *idx = index(where->property)) {
            const PropertyIndex::Postings *postings = idx->equal(where->literal);
            return answer(QStringLiteral("index %1 (count)").arg(where->property), postings ? qint64(postings->size()) : 0, 0);
        }
    }
    QueryPlanReport scratch;
    const qint64 n = match(query, std::numeric_limits<int>::max(), &scratch).size();
    return answer(scratch.access, n, scratch.examined);
}

QString EntryTable::verifyIndexes() const
{
    if (m_type->hasId()) {
        if (m_byId.size() != qsizetype(m_entries.size()))
            return QStringLiteral("id index holds %1 entries, the table %2").arg(m_byId.size()).arg(m_entries.size());
    }
    std::map<QString, qint64> withValue;
    for (const auto &[sequence, entry] : m_entries) {
        if (m_type->hasId() && sequenceOfId(entry.value(m_type->idProperty())) != sequence)
            return QStringLiteral("id %1 does not lead to sequence %2").arg(entry.value(m_type->idProperty()).display()).arg(sequence);
        for (const auto &[property, idx] : m_indexes) {
            const Value v = entry.value(property);
            if (v.isNull())
                continue;
            ++withValue[property];
            const PropertyIndex::Postings *postings = idx.equal(v);
            if (!postings || !postings->count(sequence))
                return QStringLiteral("index %1 misses sequence %2 (value %3)").arg(property).arg(sequence).arg(v.display());
            bool inRange = false;
            const quint64 at = sequence; // (clang 14 does not capture structured bindings)
            idx.walk({v, true}, {v, true}, false, [&](const Value &, const PropertyIndex::Postings &p) {
                inRange = p.count(at) > 0;
                return false;
            });
            if (!inRange)
                return QStringLiteral("ordered index %1 misses sequence %2").arg(property).arg(sequence);
        }
    }
    for (const auto &[property, idx] : m_indexes) {
        if (idx.indexed() != withValue[property])
            return QStringLiteral("index %1 holds %2 entries, %3 have a value").arg(property).arg(idx.indexed()).arg(withValue[property]);
    }
    return {};
}

} // namespace partlab
