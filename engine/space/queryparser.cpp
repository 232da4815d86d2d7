#include "queryparser.h"

#include <cmath>
#include <limits>

namespace partlab {

QString compareOpText(CompareOp op)
{
    switch (op) {
    case CompareOp::Equal:
        return QStringLiteral("=");
    case CompareOp::NotEqual:
        return QStringLiteral("<>");
    case CompareOp::Less:
        return QStringLiteral("<");
    case CompareOp::LessEqual:
        return QStringLiteral("<=");
    case CompareOp::Greater:
        return QStringLiteral(">");
    case CompareOp::GreaterEqual:
        return QStringLiteral(">=");
    }
    return QString();
}

namespace {

struct Token
{
    enum class Kind { Identifier, Keyword, String, Number, Operator, LeftParen, RightParen, Comma, End };
    Kind kind = Kind::End;
    QString text;   ///< identifier / keyword (upper case) / operator / string content
    Value number;   ///< Number
    int position = 0;
};

class Parser
{
public:
    explicit Parser(const QString &text) : m_text(text) {}

    std::optional<ParsedQuery> run()
    {
        if (m_text.size() > QueryParser::kMaxLength)
            return fail(1, QStringLiteral("the query is longer than %1 characters").arg(QueryParser::kMaxLength));
        if (!tokenize())
            return std::nullopt;
        ParsedQuery query;
        if (!isKeyword(QStringLiteral("ORDER")) && peek().kind != Token::Kind::End) {
            query.where = parseOr(0);
            if (!query.where)
                return std::nullopt;
        }
        if (isKeyword(QStringLiteral("ORDER"))) {
            next();
            if (!isKeyword(QStringLiteral("BY")))
                return fail(peek().position, QStringLiteral("expected BY after ORDER, got %1").arg(describe(peek())));
            next();
            while (true) {
                const Token t = next();
                if (t.kind != Token::Kind::Identifier)
                    return fail(t.position, QStringLiteral("expected a property to order by, got %1").arg(describe(t)));
                OrderTerm term{t.text, true, t.position};
                if (isKeyword(QStringLiteral("ASC"))) {
                    next();
                } else if (isKeyword(QStringLiteral("DESC"))) {
                    next();
                    term.ascending = false;
                }
                query.orderBy << term;
                if (peek().kind != Token::Kind::Comma)
                    break;
                next();
            }
        }
        if (peek().kind != Token::Kind::End)
            return fail(peek().position, QStringLiteral("unexpected %1").arg(describe(peek())));
        return query;
    }

    QString error;
    int errorPosition = 0;

private:
    std::nullopt_t fail(int position, const QString &message)
    {
        if (error.isEmpty()) {
            errorPosition = position;
            error = QStringLiteral("position %1: %2").arg(position).arg(message);
        }
        return std::nullopt;
    }

    bool failed(int position, const QString &message)
    {
        fail(position, message);
        return false;
    }

    static QString describe(const Token &t)
    {
        switch (t.kind) {
        case Token::Kind::End:
            return QStringLiteral("the end of the query");
        case Token::Kind::String:
            return QStringLiteral("'%1'").arg(t.text);
        case Token::Kind::Number:
            return QStringLiteral("number %1").arg(t.number.display());
        default:
            return QStringLiteral("'%1'").arg(t.text);
        }
    }

    static bool isKeywordText(const QString &upper)
    {
        static const QStringList keywords = {QStringLiteral("AND"), QStringLiteral("OR"), QStringLiteral("ORDER"),
                                             QStringLiteral("BY"), QStringLiteral("ASC"), QStringLiteral("DESC"),
                                             QStringLiteral("TRUE"), QStringLiteral("FALSE")};
        return keywords.contains(upper);
    }

    bool tokenize()
    {
        const qsizetype n = m_text.size();
        qsizetype i = 0;
        while (i < n) {
            const QChar c = m_text.at(i);
            const int position = int(i) + 1;
            if (c.isSpace()) {
                ++i;
                continue;
            }
            Token t;
            t.position = position;
            if (c.isLetter() || c == QLatin1Char('_')) {
                qsizetype j = i;
                while (j < n && (m_text.at(j).isLetterOrNumber() || m_text.at(j) == QLatin1Char('_')))
                    ++j;
                const QString word = m_text.mid(i, j - i);
                const QString upper = word.toUpper();
                if (isKeywordText(upper)) {
                    t.kind = Token::Kind::Keyword;
                    t.text = upper;
                } else {
                    t.kind = Token::Kind::Identifier;
                    t.text = word;
                }
                i = j;
            } else if (c.isDigit() || ((c == QLatin1Char('-') || c == QLatin1Char('+') || c == QLatin1Char('.'))
                                       && i + 1 < n && (m_text.at(i + 1).isDigit() || m_text.at(i + 1) == QLatin1Char('.')))) {
                qsizetype j = i + 1;
                bool isReal = c == QLatin1Char('.');
                while (j < n) {
                    const QChar d = m_text.at(j);
                    if (d.isDigit()) {
                        ++j;
                    } else if (d == QLatin1Char('.')) {
                        isReal = true;
                        ++j;
                    } else if ((d == QLatin1Char('e') || d == QLatin1Char('E'))) {
                        isReal = true;
                        ++j;
                        if (j < n && (m_text.at(j) == QLatin1Char('-') || m_text.at(j) == QLatin1Char('+')))
                            ++j;
                    } else {
                        break;
                    }
                }
                const QString literal = m_text.mid(i, j - i);
                bool ok = false;
                t.kind = Token::Kind::Number;
                t.text = literal;
                if (isReal) {
                    const double d = literal.toDouble(&ok);
                    if (!ok || !std::isfinite(d))
                        return failed(position, QStringLiteral("invalid number '%1'").arg(literal));
                    t.number = Value::real(d);
                } else {
                    const qint64 v = literal.toLongLong(&ok);
                    if (!ok)
                        return failed(position, QStringLiteral("number '%1' does not fit in a long").arg(literal));
                    t.number = Value::int64(v);
                }
                i = j;
            } else if (c == QLatin1Char('\'')) {
                qsizetype j = i + 1;
                QString content;
                bool closed = false;
                while (j < n) {
                    if (m_text.at(j) == QLatin1Char('\'')) {
                        if (j + 1 < n && m_text.at(j + 1) == QLatin1Char('\'')) {
                            content += QLatin1Char('\'');
                            j += 2;
                            continue;
                        }
                        closed = true;
                        ++j;
                        break;
                    }
                    content += m_text.at(j);
                    ++j;
                }
                if (!closed)
                    return failed(position, QStringLiteral("unterminated string (a quote inside a string is written '')"));
                t.kind = Token::Kind::String;
                t.text = content;
                i = j;
            } else if (c == QLatin1Char('(') || c == QLatin1Char(')') || c == QLatin1Char(',')) {
                t.kind = c == QLatin1Char('(') ? Token::Kind::LeftParen
                         : c == QLatin1Char(')') ? Token::Kind::RightParen : Token::Kind::Comma;
                t.text = c;
                ++i;
            } else if (c == QLatin1Char('=') || c == QLatin1Char('<') || c == QLatin1Char('>') || c == QLatin1Char('!')) {
                QString op = c;
                if (i + 1 < n) {
                    const QChar d = m_text.at(i + 1);
                    if ((c == QLatin1Char('<') && (d == QLatin1Char('=') || d == QLatin1Char('>')))
                        || ((c == QLatin1Char('>') || c == QLatin1Char('!')) && d == QLatin1Char('=')))
                        op += d;
                }
                if (op == QLatin1String("!"))
                    return failed(position, QStringLiteral("unknown operator '!' (use <> or !=)"));
                t.kind = Token::Kind::Operator;
                t.text = op;
                i += op.size();
            } else {
                return failed(position, QStringLiteral("unexpected character '%1'").arg(c));
            }
            m_tokens.push_back(t);
        }
        Token end;
        end.position = int(n) + 1;
        m_tokens.push_back(end);
        return true;
    }

    const Token &peek() const { return m_tokens[m_index]; }
    Token next()
    {
        const Token t = m_tokens[m_index];
        if (m_index + 1 < m_tokens.size())
            ++m_index;
        return t;
    }
    bool isKeyword(const QString &word) const { return peek().kind == Token::Kind::Keyword && peek().text == word; }

    std::shared_ptr<const QueryCondition> combine(QueryCondition::Kind kind,
                                                  std::vector<std::shared_ptr<const QueryCondition>> parts)
    {
        if (parts.size() == 1)
            return parts.front();
        auto node = std::make_shared<QueryCondition>();
        node->kind = kind;
        node->children = std::move(parts);
        return node;
    }

    std::shared_ptr<const QueryCondition> parseOr(int depth)
    {
        std::vector<std::shared_ptr<const QueryCondition>> parts;
        auto first = parseAnd(depth);
        if (!first)
            return nullptr;
        parts.push_back(first);
        while (isKeyword(QStringLiteral("OR"))) {
            next();
            auto more = parseAnd(depth);
            if (!more)
                return nullptr;
            parts.push_back(more);
        }
        return combine(QueryCondition::Kind::Or, std::move(parts));
    }

    std::shared_ptr<const QueryCondition> parseAnd(int depth)
    {
        std::vector<std::shared_ptr<const QueryCondition>> parts;
        auto first = parsePrimary(depth);
        if (!first)
            return nullptr;
        parts.push_back(first);
        while (isKeyword(QStringLiteral("AND"))) {
            next();
            auto more = parsePrimary(depth);
            if (!more)
                return nullptr;
            parts.push_back(more);
        }
        return combine(QueryCondition::Kind::And, std::move(parts));
    }

    std::shared_ptr<const QueryCondition> parsePrimary(int depth)
    {
        const Token t = next();
        if (t.kind == Token::Kind::LeftParen) {
            if (depth + 1 > QueryParser::kMaxDepth) {
                fail(t.position, QStringLiteral("parentheses nested deeper than %1").arg(QueryParser::kMaxDepth));
                return nullptr;
            }
            auto inner = parseOr(depth + 1);
            if (!inner)
                return nullptr;
            const Token close = next();
            if (close.kind != Token::Kind::RightParen) {
                fail(close.position, QStringLiteral("expected ')' to close the '(' at position %1, got %2")
                                         .arg(t.position).arg(describe(close)));
                return nullptr;
            }
            return inner;
        }
        if (t.kind != Token::Kind::Identifier) {
            fail(t.position, QStringLiteral("expected a property name or '(', got %1").arg(describe(t)));
            return nullptr;
        }
        const Token op = next();
        if (op.kind != Token::Kind::Operator) {
            fail(op.position, QStringLiteral("expected a comparison (=, <>, <, <=, >, >=) after '%1', got %2")
                                  .arg(t.text, describe(op)));
            return nullptr;
        }
        const Token literal = next();
        auto node = std::make_shared<QueryCondition>();
        node->property = t.text;
        node->position = t.position;
        if (op.text == QLatin1String("="))
            node->op = CompareOp::Equal;
        else if (op.text == QLatin1String("<>") || op.text == QLatin1String("!="))
            node->op = CompareOp::NotEqual;
        else if (op.text == QLatin1String("<"))
            node->op = CompareOp::Less;
        else if (op.text == QLatin1String("<="))
            node->op = CompareOp::LessEqual;
        else if (op.text == QLatin1String(">"))
            node->op = CompareOp::Greater;
        else
            node->op = CompareOp::GreaterEqual;
        if (literal.kind == Token::Kind::String) {
            node->literal = Value::string(literal.text);
        } else if (literal.kind == Token::Kind::Number) {
            node->literal = literal.number;
        } else if (literal.kind == Token::Kind::Keyword
                   && (literal.text == QLatin1String("TRUE") || literal.text == QLatin1String("FALSE"))) {
            node->literal = Value::boolean(literal.text == QLatin1String("TRUE"));
        } else {
            fail(literal.position, QStringLiteral("expected a value ('text', a number, true or false) after '%1 %2', got %3")
                                       .arg(t.text, op.text, describe(literal)));
            return nullptr;
        }
        return node;
    }

    const QString &m_text;
    std::vector<Token> m_tokens;
    std::size_t m_index = 0;
};

} // namespace

std::optional<ParsedQuery> QueryParser::parse(const QString &text, QString *error, int *errorPosition)
{
    Parser parser(text);
    auto result = parser.run();
    if (!result) {
        if (error)
            *error = parser.error;
        if (errorPosition)
            *errorPosition = parser.errorPosition;
    }
    return result;
}

} // namespace partlab
