#include "consolecommand.h"

#include "spaceproxy.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace partlab {

namespace {

/** One word of a command: `name=value` or a bare word; quoted text may hold spaces. */
struct Word
{
    QString name;  ///< empty for a bare word
    QString value;
    bool quoted = false;
};

const QStringList &operations()
{
    static const QStringList names = {QStringLiteral("write"), QStringLiteral("update"), QStringLiteral("read"),
                                      QStringLiteral("take"), QStringLiteral("readMultiple"), QStringLiteral("takeMultiple"),
                                      QStringLiteral("readById"), QStringLiteral("takeById"), QStringLiteral("count"),
                                      QStringLiteral("clear"), QStringLiteral("stats"), QStringLiteral("clean")};
    return names;
}

/** Splits @p text into words; false when a quote is left open. */
bool splitWords(const QString &text, QList<Word> &words)
{
    Word word;
    bool inWord = false;
    QString *target = &word.value;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isSpace()) {
            if (inWord)
                words << word;
            word = Word();
            target = &word.value;
            inWord = false;
            continue;
        }
        inWord = true;
        if (c == QLatin1Char('=') && word.name.isEmpty() && !word.quoted && target == &word.value) {
            word.name = word.value;
            word.value.clear();
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            const qsizetype end = text.indexOf(c, i + 1);
            if (end < 0)
                return false;
            *target += text.mid(i + 1, end - i - 1);
            word.quoted = true;
            i = end;
            continue;
        }
        *target += c;
    }
    if (inWord)
        words << word;
    return true;
}

/** The position of the keyword WHERE (outside quotes), or -1. */
qsizetype wherePosition(const QString &text)
{
    static const QRegularExpression where(QStringLiteral("\\bwhere\\b"), QRegularExpression::CaseInsensitiveOption);
    QChar quote;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
            continue;
        }
        const auto match = where.match(text, i, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
        if (match.hasMatch() && (i == 0 || text[i - 1].isSpace()))
            return i;
    }
    return -1;
}

} // namespace

std::optional<QByteArray> ConsoleCommand::toScriptLine(const QString &input, const SpaceProxy &space, QString *error)
{
    const QString text = input.trimmed();
    const auto fail = [&](const QString &message) -> std::optional<QByteArray> {
        *error = message;
        return std::nullopt;
    };
    if (text.isEmpty())
        return fail(tr("Type an operation, for example: read Order customerId=c1"));
    if (text.startsWith(QLatin1Char('{')))
        return text.toUtf8(); // a script line as it is

    QJsonObject command;
    QString op, typeName, sql, body;
    bool hasSql = false;
    static const QRegularExpression select(
        QStringLiteral("^select\\s+(\\*|count\\s*\\(\\s*\\*\\s*\\))\\s+from\\s+(\\S+)(.*)$"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    const auto selectMatch = select.match(text);
    if (selectMatch.hasMatch()) {
        op = selectMatch.captured(1) == QLatin1String("*") ? QStringLiteral("readMultiple") : QStringLiteral("count");
        typeName = selectMatch.captured(2);
        QString rest = selectMatch.captured(3).trimmed();
        static const QRegularExpression limit(QStringLiteral("\\s*\\blimit\\s+(\\d+)\\s*$"), QRegularExpression::CaseInsensitiveOption);
        const auto limitMatch = limit.match(rest);
        if (limitMatch.hasMatch()) {
            if (op == QLatin1String("count"))
                return fail(tr("LIMIT does not apply to count(*)."));
            command.insert(QStringLiteral("max"), limitMatch.captured(1).toInt());
            rest.truncate(limitMatch.capturedStart());
        }
        if (rest.startsWith(QLatin1String("where "), Qt::CaseInsensitive)) {
            sql = rest.mid(6).trimmed();
            hasSql = true;
        } else if (rest.startsWith(QLatin1String("order "), Qt::CaseInsensitive)) {
            sql = rest;
            hasSql = true;
        } else if (!rest.isEmpty()) {
            return fail(tr("After FROM %1 expected WHERE, ORDER BY or LIMIT, not '%2'.").arg(typeName, rest));
        }
    } else {
        const qsizetype where = wherePosition(text);
        body = where < 0 ? text : text.left(where);
        if (where >= 0) {
            sql = text.mid(where + 5).trimmed();
            hasSql = true;
            if (sql.isEmpty())
                return fail(tr("WHERE needs a condition, for example: where amount > 100"));
        }
    }

    QList<Word> words;
    if (!splitWords(body, words))
        return fail(tr("A quote is not closed."));
    if (op.isEmpty()) {
        if (words.isEmpty() || !words.first().name.isEmpty())
            return fail(tr("Start with an operation, for example: read Order customerId=c1"));
        const QString word = words.takeFirst().value;
        for (const QString &name : operations()) {
            if (name.compare(word, Qt::CaseInsensitive) == 0)
                op = name;
        }
        if (op.isEmpty()) {
            return fail(tr("'%1' is not an operation. Use write, update, read, take, readMultiple, takeMultiple, "
                           "readById, takeById, count, clear, stats, clean or an SQL query (select * from Order where …).")
                            .arg(word));
        }
    }
    command.insert(QStringLiteral("op"), op);
    if (op == QLatin1String("stats") || op == QLatin1String("clean")) {
        if (!words.isEmpty() || hasSql)
            return fail(tr("%1 takes no arguments.").arg(op));
        return QJsonDocument(command).toJson(QJsonDocument::Compact);
    }
    if (typeName.isEmpty()) {
        if (words.isEmpty() || !words.first().name.isEmpty())
            return fail(tr("Which entry type? For example: %1 Order …").arg(op));
        typeName = words.takeFirst().value;
    }
    const auto type = space.type(typeName);
    if (!type)
        return fail(tr("The space has no type '%1' (it has %2).").arg(typeName, space.typeNames().join(QStringLiteral(", "))));
    command.insert(QStringLiteral("type"), typeName);
    QStringList propertyNames;
    for (const PropertyDescriptor &p : type->properties())
        propertyNames << p.name;

    const bool isWrite = op == QLatin1String("write") || op == QLatin1String("update");
    const bool byId = op.endsWith(QLatin1String("ById"));
    const bool multiple = op.endsWith(QLatin1String("Multiple"));
    const bool single = op == QLatin1String("read") || op == QLatin1String("take");
    if (hasSql && (isWrite || byId))
        return fail(tr("%1 takes property values (name=value), not a WHERE condition.").arg(op));

    /** A typed JSON value for @p property from the text @p value. */
    const auto typed = [&](const QString &property, const Word &word, QJsonValue &out) -> bool {
        const ValueType valueType = *type->propertyType(property);
        bool ok = true;
        switch (valueType) {
        case ValueType::String:
            out = word.value;
            break;
        case ValueType::Int:
        case ValueType::Long:
            out = QJsonValue(word.value.toLongLong(&ok));
            break;
        case ValueType::Double:
            out = word.value.toDouble(&ok);
            break;
        case ValueType::Bool:
            ok = word.value == QLatin1String("true") || word.value == QLatin1String("false");
            out = word.value == QLatin1String("true");
            break;
        }
        if (!ok || (word.quoted && valueType != ValueType::String)) {
            *error = tr("'%1' is not a valid %2 for %3.").arg(word.value, valueTypeName(valueType), property);
            return false;
        }
        return true;
    };

    QJsonObject values;
    for (const Word &word : std::as_const(words)) {
        if (word.name.isEmpty()) {
            if (byId && !command.contains(QStringLiteral("id"))) {
                QJsonValue id;
                if (!typed(type->idProperty(), word, id))
                    return std::nullopt;
                command.insert(QStringLiteral("id"), id);
                continue;
            }
            return fail(tr("Did not understand '%1': write properties as name=value, or a condition after WHERE.").arg(word.value));
        }
        const bool isProperty = type->hasProperty(word.name);
        bool number = false;
        const qint64 n = word.value.toLongLong(&number);
        if (!isProperty && word.name == QLatin1String("max") && multiple) {
            if (!number || n < 1)
                return fail(tr("max must be a whole number of at least 1."));
            command.insert(QStringLiteral("max"), n);
        } else if (!isProperty && word.name == QLatin1String("timeout") && single) {
            // Capped: a console operation should not wait for minutes (the window closes without it).
            if (!number || n < 0 || n > 60'000)
                return fail(tr("timeout is in milliseconds: a whole number from 0 to 60000."));
            command.insert(QStringLiteral("timeout_ms"), n);
        } else if (!isProperty && word.name == QLatin1String("mode") && isWrite) {
            command.insert(QStringLiteral("mode"), word.value);
        } else if (!isProperty && word.name == QLatin1String("routing") && byId) {
            QJsonValue routing;
            if (!typed(type->routingProperty(), word, routing))
                return std::nullopt;
            command.insert(QStringLiteral("routing"), routing);
        } else if (!isProperty && word.name == QLatin1String("id") && byId) {
            QJsonValue id;
            if (!typed(type->idProperty(), word, id))
                return std::nullopt;
            command.insert(QStringLiteral("id"), id);
        } else if (!isProperty) {
            return fail(tr("Type %1 has no property '%2' (it has %3).").arg(typeName, word.name, propertyNames.join(QStringLiteral(", "))));
        } else if (byId) {
            return fail(tr("%1 takes the id and optionally routing=value, not other properties.").arg(op));
        } else {
            QJsonValue value;
            if (!typed(word.name, word, value))
                return std::nullopt;
            values.insert(word.name, value);
        }
    }
    if (byId && !command.contains(QStringLiteral("id")))
        return fail(tr("%1 needs the id, for example: %1 %2 o1").arg(op, typeName));
    if (isWrite) {
        if (values.isEmpty())
            return fail(tr("%1 needs property values, for example: %1 Order orderId=o1 customerId=c1 amount=10").arg(op));
        command.insert(QStringLiteral("entry"), values);
    } else if (hasSql) {
        if (!values.isEmpty())
            return fail(tr("Give either property values or a WHERE condition, not both."));
        command.insert(QStringLiteral("sql"), sql);
    } else if (!values.isEmpty()) {
        command.insert(QStringLiteral("template"), values);
    }
    return QJsonDocument(command).toJson(QJsonDocument::Compact);
}

} // namespace partlab
