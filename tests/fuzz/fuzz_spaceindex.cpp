// Fuzz target: the space's per-partition indexes and planner (engine/space/entrytable). The input
// is a program: each byte picks an operation (write, update, take by sequence, query, clear by
// query) and the next bytes its values, from small domains so that values repeat and ranges
// overlap. Invariants: every query's answer (each of three max values) and count equal a full
// scan with a stable ORDER BY sort, and after every change every index agrees with the entries.
#include "entrytableoracle.h"

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <vector>

namespace {

using namespace partlab;

void check(bool condition)
{
    if (!condition)
        std::abort();
}

class Program
{
public:
    Program(const uint8_t *data, size_t size) : m_data(data), m_size(size) {}
    bool done() const { return m_at >= m_size; }
    int next(int n) { return m_at < m_size ? int(m_data[m_at++] % unsigned(n)) : 0; }

private:
    const uint8_t *m_data;
    size_t m_size;
    size_t m_at = 0;
};

const char *const kStatuses[] = {"new", "paid", "shipped"};
const char *const kOps[] = {"=", "<>", "<", "<=", ">", ">="};

Entry entry(Program &p, quint64 id)
{
    Entry e(QStringLiteral("Order"));
    e.setValue(QStringLiteral("orderId"), Value::string(QStringLiteral("o%1").arg(id)));
    if (p.next(8)) // sometimes null: a routing index must cope (the proxy would refuse the write)
        e.setValue(QStringLiteral("customerId"), Value::string(QStringLiteral("c%1").arg(p.next(8))));
    e.setValue(QStringLiteral("amount"), Value::int64(p.next(32)));
    if (const int s = p.next(4); s < 3)
        e.setValue(QStringLiteral("status"), Value::string(QString::fromLatin1(kStatuses[s])));
    if (p.next(4) == 0)
        e.setValue(QStringLiteral("note"), Value::string(QStringLiteral("n%1").arg(p.next(3))));
    return e;
}

QString term(Program &p, quint64 ids)
{
    const QString op = QString::fromLatin1(kOps[p.next(6)]);
    switch (p.next(5)) {
    case 0: return QStringLiteral("customerId %1 'c%2'").arg(op).arg(p.next(8));
    case 1: return QStringLiteral("amount %1 %2").arg(op).arg(p.next(34) - 1);
    case 2: return QStringLiteral("status %1 '%2'").arg(op, QString::fromLatin1(kStatuses[p.next(3)]));
    case 3: return QStringLiteral("note %1 'n%2'").arg(op).arg(p.next(3));
    default: return QStringLiteral("orderId = 'o%1'").arg(p.next(int(std::min<quint64>(ids + 2, 250))));
    }
}

SpaceQuery query(Program &p, const TypeDescriptor &type, quint64 ids)
{
    QString text;
    if (p.next(4)) {
        text = term(p, ids);
        for (int n = p.next(4); n > 0; --n)
            text += (p.next(3) ? QStringLiteral(" AND ") : QStringLiteral(" OR ")) + term(p, ids);
    }
    if (p.next(2)) {
        const char *by[] = {"amount", "status", "customerId", "orderId", "note"};
        text += QStringLiteral(" ORDER BY %1%2").arg(QString::fromLatin1(by[p.next(5)]), p.next(2) ? QStringLiteral(" DESC") : QString());
        if (p.next(2))
            text += QStringLiteral(", %1").arg(QString::fromLatin1(by[p.next(5)]));
    }
    QString error;
    const auto q = SpaceQuery::fromSql(type, text.trimmed(), &error);
    check(q.has_value()); // every generated text is valid SQL for the type
    return *q;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const std::shared_ptr<const TypeDescriptor> type = test::indexedOrderType();
    EntryTable table(type);
    Program p(data, size);
    quint64 next = 1;
    std::vector<quint64> live;
    while (!p.done()) {
        const int op = p.next(5);
        if (op == 0 || live.empty()) {
            table.insert(next, entry(p, next));
            live.push_back(next++);
        } else if (op == 1) {
            const quint64 sequence = live[std::size_t(p.next(int(live.size())))];
            const QString id = table.find(sequence)->value(QStringLiteral("orderId")).toString();
            Entry e = entry(p, 0);
            e.setValue(QStringLiteral("orderId"), Value::string(id)); // an update keeps the id
            table.replace(sequence, e);
        } else if (op == 2) {
            const std::size_t at = std::size_t(p.next(int(live.size())));
            table.erase(live[at]);
            live.erase(live.begin() + std::ptrdiff_t(at));
        } else if (op == 3) {
            const SpaceQuery q = query(p, *type, next);
            for (int max : {1, 4, std::numeric_limits<int>::max()}) {
                QueryPlanReport report;
                check(table.match(q, max, &report) == test::scanAnswer(table, q, max));
                check(report.examined <= table.size());
            }
            check(table.count(q) == test::scanAnswer(table, q, std::numeric_limits<int>::max()).size());
        } else {
            const SpaceQuery q = query(p, *type, next);
            for (quint64 sequence : table.match(q, std::numeric_limits<int>::max())) {
                table.erase(sequence);
                live.erase(std::find(live.begin(), live.end(), sequence));
            }
        }
        check(table.verifyIndexes().isEmpty());
    }
    return 0;
}
