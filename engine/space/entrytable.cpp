#include "entrytable.h"

#include <QVarLengthArray>

#include <algorithm>
#include <limits>

namespace partlab {

namespace {

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

std::ptrdiff_t EntryTable::rowOf(quint64 sequence) const
{
    const std::size_t n = m_rows.size();
    if (n == 0 || sequence < m_rows.front().sequence || sequence > m_rows.back().sequence)
        return -1;
    // Sequences ascend by at least one per row, so the row is at most (sequence - first) in:
    // with nothing taken in between (the usual case) that is where it is.
    const std::size_t high = std::size_t(std::min<quint64>(n - 1, sequence - m_rows.front().sequence));
    if (m_rows[high].sequence == sequence)
        return std::ptrdiff_t(high);
    std::size_t low = high, step = 1;
    while (low > 0 && m_rows[low].sequence > sequence) {
        low = low > step ? low - step : 0;
        step *= 2;
    }
    const auto first = m_rows.begin() + std::ptrdiff_t(low), last = m_rows.begin() + std::ptrdiff_t(high) + 1;
    const auto it = std::lower_bound(first, last, sequence, [](const Row &row, quint64 s) { return row.sequence < s; });
    return it != last && it->sequence == sequence ? std::ptrdiff_t(it - m_rows.begin()) : -1;
}

EntryTable::Layout EntryTable::makeLayout(const std::shared_ptr<const Entry::Shape> &shape)
{
    Layout layout;
    layout.shape = layout.store = shape;
    layout.indexAt.assign(std::size_t(shape->names.size()), nullptr);
    for (qsizetype i = 0; i < shape->names.size(); ++i) {
        const QString &name = shape->names[i];
        if (m_type->hasId() && name == m_type->idProperty())
            layout.idAt = int(i);
        const auto it = m_indexes.find(name);
        if (it != m_indexes.end())
            layout.indexAt[std::size_t(i)] = &it->second;
    }
    return layout;
}

const EntryTable::Layout &EntryTable::layoutOf(const Entry &entry, Layout &scratch)
{
    const auto &shape = entry.shape();
    for (const Layout &layout : m_layouts)
        if (layout.shape == shape)
            return layout;
    // Each writing thread builds its entries through shapes of its own: remember each of them
    // (by pointer, the cheap test above), all leading to one stored shape.
    const Layout *equal = nullptr;
    for (const Layout &layout : m_layouts)
        if (layout.shape->sameAs(*shape)) {
            equal = &layout;
            break;
        }
    Layout made = equal ? *equal : makeLayout(shape);
    made.shape = shape;
    if (int(m_layouts.size()) < kMaxLayouts) {
        m_layouts.push_back(std::move(made));
        return m_layouts.back();
    }
    if (!equal) {
        scratch = std::move(made); // a type written with many different sets of properties
        return scratch;
    }
    // Writers come and go (a bench or a load generator starts new threads): the newest takes the
    // place of an older one, never of the first, whose stored shape idOf() looks for.
    Layout &replaced = m_layouts[m_nextLayout];
    m_nextLayout = m_nextLayout + 1 < m_layouts.size() ? m_nextLayout + 1 : 1;
    replaced = std::move(made);
    return replaced;
}

const Value &EntryTable::idOf(const Entry::Data *entry) const
{
    if (!m_layouts.empty() && entry->shape == m_layouts.front().store && m_layouts.front().idAt >= 0)
        return entry->values()[m_layouts.front().idAt];
    // By name: the reference points into the allocation, which the table's row keeps.
    return Entry::sharing(entry).valueRef(m_type->idProperty());
}

namespace {

constexpr int kSequenceBits = 40;
constexpr quint64 kTagMask = (quint64(1) << (64 - kSequenceBits)) - 1;

} // namespace

std::size_t EntryTable::idSlotHash(quint64 slot) const
{
    // The slot keeps the hash's low 24 bits: enough to place it in a table of up to 2^24 slots.
    if (m_ids.capacity() <= (std::size_t(1) << (64 - kSequenceBits)))
        return std::size_t(slot >> kSequenceBits);
    return std::size_t(indexHash(idOf(at(slot & kSequenceMask))));
}

const quint64 *EntryTable::idSlot(const Value &id, quint64 hash) const
{
    if (id.isNull())
        return nullptr;
    const quint64 tag = hash & kTagMask;
    return m_ids.find(std::size_t(hash), [&](const quint64 &s) {
        return (s >> kSequenceBits) == tag && Value::equal(idOf(m_ids.payload(&s)), id);
    });
}

std::optional<quint64> EntryTable::sequenceOfId(const Value &id, quint64 hash) const
{
    const quint64 *slot = idSlot(id, hash);
    if (!slot)
        return std::nullopt;
    return *slot & kSequenceMask;
}

Entry EntryTable::entryOfId(const Value &id, quint64 *sequence) const
{
    const quint64 *slot = id.isNull() ? nullptr : idSlot(id, indexHash(id));
    if (!slot)
        return Entry();
    *sequence = *slot & kSequenceMask;
    return Entry::sharing(m_ids.payload(slot));
}

const Entry *EntryTable::find(quint64 sequence) const
{
    const std::ptrdiff_t row = rowOf(sequence);
    if (row < 0 || m_rows[std::size_t(row)].entry.isNull())
        return nullptr;
    return &m_rows[std::size_t(row)].entry;
}

void EntryTable::insert(quint64 sequence, const Entry &entry, std::optional<quint64> idHash)
{
    Q_ASSERT(sequence <= kMaxSequence);
    Q_ASSERT(m_rows.empty() || sequence > m_rows.back().sequence);
    if (sequence > kMaxSequence || (!m_rows.empty() && sequence <= m_rows.back().sequence))
        return;
    Layout scratch;
    const Layout &layout = layoutOf(entry, scratch);
    // Index first: each index hands back its stored value, so equal strings share one buffer.
    QVarLengthArray<Value, 16> keys(qsizetype(layout.indexAt.size()));
    for (std::size_t i = 0; i < layout.indexAt.size(); ++i)
        if (PropertyIndex *index = layout.indexAt[i])
            keys[qsizetype(i)] = index->insert(entry.propertyValue(int(i)), sequence);
    m_rows.push_back({sequence, entry.compacted(layout.store, [&](int i, const Value &) -> const Value * {
                          const Value &key = keys[i];
                          return key.isNull() ? nullptr : &key;
                      })});
    ++m_live;
    if (m_type->hasId()) {
        const quint64 hash = idHash ? *idHash : indexHash(idOf(m_rows.back().entry));
        m_ids.insert(std::size_t(hash), ((hash & kTagMask) << kSequenceBits) | sequence,
                     [this](quint64 slot) { return idSlotHash(slot); }, m_rows.back().entry.data());
    }
}

std::optional<quint64> EntryTable::prefetchInsert(const Entry &entry) const
{
    if (!m_type->hasId())
        return std::nullopt;
    const Layout *layout = nullptr;
    for (const Layout &known : m_layouts)
        if (known.shape == entry.shape()) {
            layout = &known;
            break;
        }
    const Value &id = layout && layout->idAt >= 0 ? entry.propertyValue(layout->idAt) : entry.valueRef(m_type->idProperty());
    if (id.isNull())
        return std::nullopt;
    const quint64 idHash = indexHash(id);
    m_ids.prefetch(std::size_t(idHash));
    if (!layout)
        return idHash;
    QVarLengthArray<quint64, 16> hashes(qsizetype(layout->indexAt.size()));
    for (int step = 0; step < 3; ++step)
        for (std::size_t i = 0; i < layout->indexAt.size(); ++i)
            if (const PropertyIndex *index = layout->indexAt[i]) {
                const Value &value = entry.propertyValue(int(i));
                if (step == 0)
                    hashes[qsizetype(i)] = value.isNull() ? 0 : indexHash(value);
                index->prefetch(value, hashes[qsizetype(i)], step);
            }
    return idHash;
}

void EntryTable::replace(quint64 sequence, const Entry &entry)
{
    const std::ptrdiff_t row = rowOf(sequence);
    if (row < 0 || m_rows[std::size_t(row)].entry.isNull()) {
        insert(sequence, entry);
        return;
    }
    Entry &stored = m_rows[std::size_t(row)].entry;
    for (auto &[property, index] : m_indexes) {
        const Value &before = stored.valueRef(property), &after = entry.valueRef(property);
        if (before.isNull() != after.isNull() || (!before.isNull() && !Value::equal(before, after))) {
            index.erase(before, sequence);
            index.insert(after, sequence);
        }
    }
    Layout scratch;
    const Layout &layout = layoutOf(entry, scratch);
    stored = entry.compacted(layout.store, [&](int i, const Value &value) -> const Value * {
        const PropertyIndex *index = layout.indexAt[std::size_t(i)];
        return index ? index->key(value) : nullptr;
    });
    if (m_type->hasId()) { // same id, same slot: it points at the new allocation
        const quint64 hash = indexHash(idOf(stored));
        const quint64 mine = ((hash & kTagMask) << kSequenceBits) | sequence;
        if (quint64 *slot = m_ids.find(std::size_t(hash), [&](quint64 s) { return s == mine; }))
            m_ids.payload(slot) = stored.data();
    }
}

void EntryTable::erase(quint64 sequence)
{
    const std::ptrdiff_t row = rowOf(sequence);
    if (row < 0 || m_rows[std::size_t(row)].entry.isNull())
        return;
    Entry &entry = m_rows[std::size_t(row)].entry;
    if (m_type->hasId()) {
        const quint64 hash = indexHash(idOf(entry));
        const quint64 mine = ((hash & kTagMask) << kSequenceBits) | sequence;
        if (quint64 *slot = m_ids.find(std::size_t(hash), [&](quint64 s) { return s == mine; }))
            m_ids.erase(slot, [this](quint64 s) { return idSlotHash(s); });
    }
    Layout scratch;
    const Layout &layout = layoutOf(entry, scratch);
    for (std::size_t i = 0; i < layout.indexAt.size(); ++i)
        if (PropertyIndex *index = layout.indexAt[i])
            index->erase(entry.propertyValue(int(i)), sequence);
    entry = Entry();
    --m_live;
    const std::size_t dead = m_rows.size() - std::size_t(m_live);
    if (dead > 32 && dead > std::size_t(m_live))
        compactRows();
}

void EntryTable::compactRows()
{
    // Sequences stay as they are (the indexes hold them): only the taken rows go.
    m_rows.erase(std::remove_if(m_rows.begin(), m_rows.end(), [](const Row &row) { return row.entry.isNull(); }), m_rows.end());
    if (m_rows.capacity() > 2 * m_rows.size() + 64)
        m_rows.shrink_to_fit();
}

void EntryTable::clear()
{
    m_rows.clear();
    m_rows.shrink_to_fit();
    m_live = 0;
    m_ids.clear();
    for (auto &[property, index] : m_indexes)
        index.clear();
}

EntryTable::Footprint EntryTable::footprint() const
{
    return {m_rows.capacity() * sizeof(Row), m_ids.bytes()};
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
        path.estimate = sequenceOfId(c.literal) ? 1 : 0;
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
            if (std::any_of(plan.intersect.begin(), plan.intersect.end(), [&](const auto &item) { return !item.second->contains(sequence); }))
                continue;
            const Entry &entry = at(sequence);
            ++examined;
            if (query.matches(entry))
                group << sequence;
        }
        if (query.orderBy().size() > 1)
            std::stable_sort(group.begin(), group.end(), [&](quint64 a, quint64 b) {
                return query.orderedBefore(at(a), at(b));
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
            if (!postings->contains(sequence))
                return true; // not in every equality index: no need to look at the entry
        ++examined;
        if (query.matches(entry))
            out << sequence;
        return ordered || out.size() < max; // FIFO: the first max are the answer
    };
    if (!p.path) {
        forEach(consider);
    } else {
        std::vector<quint64> candidates;
        collect(*p.path, candidates);
        for (quint64 sequence : candidates)
            if (!consider(sequence, at(sequence)))
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
            return query.orderedBefore(at(a), at(b));
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
            return answer(QStringLiteral("id"), sequenceOfId(where->literal) ? 1 : 0, 0);
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
    if (m_type->hasId() && m_ids.size() != std::size_t(m_live))
        return QStringLiteral("id index holds %1 entries, the table %2").arg(m_ids.size()).arg(m_live);
    qint64 live = 0;
    std::map<QString, qint64> withValue;
    QString problem;
    quint64 previous = 0;
    for (const Row &row : m_rows) {
        if (row.sequence <= previous)
            return QStringLiteral("rows out of FIFO order at sequence %1").arg(row.sequence);
        previous = row.sequence;
        if (row.entry.isNull())
            continue;
        ++live;
        const quint64 sequence = row.sequence;
        const Entry &entry = row.entry;
        if (find(sequence) != &entry)
            return QStringLiteral("sequence %1 does not lead to its row").arg(sequence);
        if (m_type->hasId()) {
            quint64 found = 0;
            const Entry byId = entryOfId(entry.value(m_type->idProperty()), &found);
            if (byId.data() != entry.data() || found != sequence)
                return QStringLiteral("id %1 does not lead to sequence %2 and its entry").arg(entry.value(m_type->idProperty()).display()).arg(sequence);
        }
        for (const auto &[property, idx] : m_indexes) {
            const Value v = entry.value(property);
            if (v.isNull())
                continue;
            ++withValue[property];
            const PropertyIndex::Postings *postings = idx.equal(v);
            if (!postings || !postings->contains(sequence))
                return QStringLiteral("index %1 misses sequence %2 (value %3)").arg(property).arg(sequence).arg(v.display());
            bool inRange = false;
            idx.walk({v, true}, {v, true}, false, [&](const Value &, const PropertyIndex::Postings &p) {
                inRange = p.contains(sequence);
                return false;
            });
            if (!inRange)
                return QStringLiteral("ordered index %1 misses sequence %2").arg(property).arg(sequence);
        }
    }
    if (live != m_live)
        return QStringLiteral("%1 entries counted as %2").arg(live).arg(m_live);
    for (const auto &[property, idx] : m_indexes) {
        if (idx.indexed() != withValue[property])
            return QStringLiteral("index %1 holds %2 entries, %3 have a value").arg(property).arg(idx.indexed()).arg(withValue[property]);
        const QString inner = idx.verify();
        if (!inner.isEmpty())
            return QStringLiteral("index %1: %2").arg(property, inner);
    }
    return {};
}

} // namespace partlab
