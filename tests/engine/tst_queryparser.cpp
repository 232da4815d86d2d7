#include "space/queryparser.h"
#include "space/spacequery.h"

#include <QTest>

using namespace partlab;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

/** The tree in prefix form, e.g. OR(a=1,AND(b=2,c=3)), to compare shapes in one string. */
QString shape(const QueryCondition &c)
{
    if (c.kind == QueryCondition::Kind::Compare) {
        const QString literal = c.literal.type() == ValueType::String ? QStringLiteral("'%1'").arg(c.literal.toString())
                                                                      : c.literal.display();
        return c.property + compareOpText(c.op) + literal;
    }
    QStringList parts;
    for (const auto &child : c.children)
        parts << shape(*child);
    return (c.kind == QueryCondition::Kind::And ? QStringLiteral("AND(") : QStringLiteral("OR(")) + parts.join(QLatin1Char(','))
           + QLatin1Char(')');
}

TypeDescriptor orderType()
{
    TypeDefinition d;
    d.name = QStringLiteral("Order");
    d.properties = {{QStringLiteral("orderId"), ValueType::String},
                    {QStringLiteral("customerId"), ValueType::String},
                    {QStringLiteral("amount"), ValueType::Double},
                    {QStringLiteral("quantity"), ValueType::Int},
                    {QStringLiteral("paid"), ValueType::Bool}};
    d.id = QStringLiteral("orderId");
    d.routing = QStringLiteral("customerId");
    QString error;
    return *TypeDescriptor::create(d, &error);
}

Entry order(const char *id, const char *customer, double amount, int quantity)
{
    Entry e(QStringLiteral("Order"));
    e.setValue(QStringLiteral("orderId"), Value::string(s(id)));
    if (customer)
        e.setValue(QStringLiteral("customerId"), Value::string(s(customer)));
    e.setValue(QStringLiteral("amount"), Value::real(amount));
    e.setValue(QStringLiteral("quantity"), Value::int32(quantity));
    return e;
}

} // namespace

/** The SQL-like query language: grammar, precedence, errors with positions, routing analysis. */
class TestQueryParser : public QObject
{
    Q_OBJECT

private slots:
    void parses_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("expectedShape");
        QTest::newRow("single") << s("amount > 10") << s("amount>10");
        // AND binds tighter than OR, as in SQL.
        QTest::newRow("precedence") << s("a = 1 OR b = 2 AND c = 3") << s("OR(a=1,AND(b=2,c=3))");
        QTest::newRow("precedence left") << s("a = 1 AND b = 2 OR c = 3") << s("OR(AND(a=1,b=2),c=3)");
        QTest::newRow("parentheses") << s("(a = 1 OR b = 2) AND c = 3") << s("AND(OR(a=1,b=2),c=3)");
        QTest::newRow("nested parentheses") << s("((a = 1))") << s("a=1");
        QTest::newRow("operators") << s("a <> 1 and b != 2 and c <= 3 and d >= 4 and e < 5")
                                   << s("AND(a<>1,b<>2,c<=3,d>=4,e<5)");
        QTest::newRow("keywords any case") << s("a = 1 oR b = 2") << s("OR(a=1,b=2)");
        QTest::newRow("quote escape") << s("name = 'O''Brien'") << s("name='O'Brien'");
        QTest::newRow("negative and real") << s("x > -2.5e1 AND y = +3") << s("AND(x>-25,y=3)");
        QTest::newRow("booleans") << s("paid = TRUE") << s("paid=true");
    }

    void parses()
    {
        QFETCH(QString, query);
        QFETCH(QString, expectedShape);
        QString error;
        const auto parsed = QueryParser::parse(query, &error);
        QVERIFY2(parsed, qPrintable(error));
        QVERIFY(parsed->where);
        QCOMPARE(shape(*parsed->where), expectedShape);
    }

    void orderBy()
    {
        QString error;
        auto parsed = QueryParser::parse(QStringLiteral("amount > 1 ORDER BY customerId DESC, amount asc, orderId"), &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->orderBy.size(), 3);
        QCOMPARE(parsed->orderBy[0].property, QStringLiteral("customerId"));
        QVERIFY(!parsed->orderBy[0].ascending);
        QVERIFY(parsed->orderBy[1].ascending);
        QVERIFY(parsed->orderBy[2].ascending);
        parsed = QueryParser::parse(QStringLiteral("ORDER BY amount"), &error);
        QVERIFY(parsed);
        QVERIFY(!parsed->where); // no WHERE part: every entry matches
        QVERIFY(QueryParser::parse(QString(), &error));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("position");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing value") << s("amount >") << 9 << s("expected a value");
        QTest::newRow("missing operator") << s("amount 5") << 8 << s("expected a comparison");
        QTest::newRow("unclosed paren") << s("(a = 1 OR b = 2") << 16 << s("expected ')' to close the '(' at position 1");
        QTest::newRow("unterminated string") << s("a = 'abc") << 5 << s("unterminated string");
        QTest::newRow("trailing garbage") << s("a = 1 b = 2") << 7 << s("unexpected 'b'");
        QTest::newRow("order without by") << s("a = 1 ORDER a") << 13 << s("expected BY after ORDER");
        QTest::newRow("order by nothing") << s("ORDER BY") << 9 << s("expected a property to order by");
        QTest::newRow("bad character") << s("a = 1 ; drop") << 7 << s("unexpected character ';'");
        QTest::newRow("lonely bang") << s("a ! 1") << 3 << s("unknown operator '!'");
        QTest::newRow("huge number") << s("a = 99999999999999999999") << 5 << s("does not fit in a long");
        QTest::newRow("empty parens") << s("()") << 2 << s("expected a property name or '('");
        QTest::newRow("dangling and") << s("a = 1 AND") << 10 << s("expected a property name");
        QTest::newRow("too deep") << QString(70, QLatin1Char('(')) + s("a = 1") + QString(70, QLatin1Char(')')) << 65
                                  << s("nested deeper than 64");
    }

    void errors()
    {
        QFETCH(QString, query);
        QFETCH(int, position);
        QFETCH(QString, message);
        QString error;
        int errorPosition = -1;
        QVERIFY(!QueryParser::parse(query, &error, &errorPosition));
        QCOMPARE(errorPosition, position);
        QVERIFY2(error.startsWith(QStringLiteral("position %1: ").arg(position)), qPrintable(error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }

    void tooLong()
    {
        QString error;
        QVERIFY(!QueryParser::parse(QString(QueryParser::kMaxLength + 1, QLatin1Char(' ')), &error));
        QVERIFY(error.contains(QStringLiteral("longer than")));
    }

    void bindsToType_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("error");
        QTest::newRow("ok") << s("amount > 10 AND quantity = 2 AND customerId = 'c1' AND paid = false") << QString();
        QTest::newRow("unknown property") << s("amount > 1 OR colour = 'red'") << s("position 15: type 'Order' has no property 'colour'");
        QTest::newRow("string for number") << s("amount = 'ten'") << s("position 1: property 'amount' is double, so compare it with a number (got 'ten')");
        QTest::newRow("number for string") << s("customerId = 7") << s("position 1: property 'customerId' is string, so compare it with a quoted 'text' (got 7)");
        QTest::newRow("number for bool") << s("paid = 1") << s("position 1: property 'paid' is bool, so compare it with true or false (got 1)");
        QTest::newRow("unknown order") << s("ORDER BY colour") << s("position 10: type 'Order' has no property 'colour' to order by");
    }

    void bindsToType()
    {
        QFETCH(QString, query);
        QFETCH(QString, error);
        QString actual;
        const auto bound = SpaceQuery::fromSql(orderType(), query, &actual);
        QCOMPARE(bool(bound), error.isEmpty());
        QCOMPARE(actual, error);
    }

    void evaluates()
    {
        const TypeDescriptor type = orderType();
        QString error;
        const auto q = SpaceQuery::fromSql(type, QStringLiteral("(customerId = 'c1' OR amount >= 50) AND quantity <> 3"), &error);
        QVERIFY2(q, qPrintable(error));
        QVERIFY(q->matches(order("o1", "c1", 5, 1)));
        QVERIFY(!q->matches(order("o2", "c1", 5, 3)));
        QVERIFY(q->matches(order("o3", "c2", 50, 1)));
        QVERIFY(!q->matches(order("o4", "c2", 49.5, 1)));
        // A comparison with a missing (null) value is never true, not even <>.
        QVERIFY(!SpaceQuery::fromSql(type, QStringLiteral("customerId <> 'x'"), &error)->matches(order("o5", nullptr, 1, 1)));
        // int property compared with a real literal compares by value.
        QVERIFY(SpaceQuery::fromSql(type, QStringLiteral("quantity > 1.5"), &error)->matches(order("o6", "c", 1, 2)));
    }

    void sortsStably()
    {
        const auto q = SpaceQuery::fromSql(orderType(), QStringLiteral("ORDER BY amount DESC, customerId"), nullptr);
        QVERIFY(q);
        QList<Entry> entries{order("o1", "b", 10, 1), order("o2", "a", 20, 1), order("o3", "a", 10, 1), order("o4", "a", 10, 1)};
        q->sort(entries);
        QStringList ids;
        for (const Entry &e : entries)
            ids << e.value(QStringLiteral("orderId")).toString();
        // o3 and o4 tie on both keys and keep their order (FIFO survives ORDER BY ties).
        QCOMPARE(ids, (QStringList{QStringLiteral("o2"), QStringLiteral("o3"), QStringLiteral("o4"), QStringLiteral("o1")}));
    }

    void fixedRoutingValues_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("fixed");
        QTest::addColumn<QStringList>("values");
        QTest::newRow("equality") << s("customerId = 'c1'") << true << QStringList{s("c1")};
        QTest::newRow("and other") << s("amount > 3 AND customerId = 'c1'") << true << QStringList{s("c1")};
        QTest::newRow("or both fixed") << s("customerId = 'c1' OR customerId = 'c2'") << true << QStringList{s("c1"), s("c2")};
        QTest::newRow("or one open") << s("customerId = 'c1' OR amount > 3") << false << QStringList{};
        QTest::newRow("not equal") << s("customerId <> 'c1'") << false << QStringList{};
        QTest::newRow("range") << s("customerId > 'c1'") << false << QStringList{};
        QTest::newRow("contradiction") << s("customerId = 'a' AND customerId = 'b'") << true << QStringList{};
        QTest::newRow("narrowed") << s("(customerId = 'a' OR customerId = 'b') AND customerId = 'a'") << true << QStringList{s("a")};
        QTest::newRow("none") << s("ORDER BY amount") << false << QStringList{};
    }

    void fixedRoutingValues()
    {
        QFETCH(QString, query);
        QFETCH(bool, fixed);
        QFETCH(QStringList, values);
        QString error;
        const auto q = SpaceQuery::fromSql(orderType(), query, &error);
        QVERIFY2(q, qPrintable(error));
        const auto actual = q->fixedValues(QStringLiteral("customerId"));
        QCOMPARE(actual.has_value(), fixed);
        if (!fixed)
            return;
        QStringList texts;
        for (const Value &v : *actual)
            texts << v.toString();
        QCOMPARE(texts, values);
    }

    void templateQuery()
    {
        const TypeDescriptor type = orderType();
        Entry templ(QStringLiteral("Order"));
        templ.setValue(QStringLiteral("customerId"), Value::string(QStringLiteral("c1")));
        templ.setValue(QStringLiteral("quantity"), Value::int32(2));
        QString error;
        const auto q = SpaceQuery::fromTemplate(type, templ, &error);
        QVERIFY2(q, qPrintable(error));
        QVERIFY(q->matches(order("o1", "c1", 1, 2)));
        QVERIFY(!q->matches(order("o2", "c1", 1, 3)));
        QCOMPARE(q->fixedValues(QStringLiteral("customerId"))->size(), 1);
        QVERIFY(!q->fixedValues(QStringLiteral("orderId"))); // unset = wildcard
        QVERIFY(SpaceQuery::fromTemplate(type, Entry(QStringLiteral("Order")), &error)->matches(order("o3", "x", 0, 0)));
        templ.setValue(QStringLiteral("quantity"), Value::string(QStringLiteral("two")));
        QVERIFY(!SpaceQuery::fromTemplate(type, templ, &error));
        QCOMPARE(error, QStringLiteral("property 'Order.quantity' is int, not string"));
    }
};

QTEST_APPLESS_MAIN(TestQueryParser)
#include "tst_queryparser.moc"
