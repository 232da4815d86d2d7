#include "spacejson.h"

#include <QJsonArray>

#include <limits>

namespace partlab {

QJsonValue SpaceJson::valueToJson(const Value &value)
{
    if (value.isNull())
        return QJsonValue(QJsonValue::Null);
    switch (value.type()) {
    case ValueType::String:
        return value.toString();
    case ValueType::Int:
    case ValueType::Long:
        return QJsonValue(value.toInt64());
    case ValueType::Double:
        return value.toDouble();
    case ValueType::Bool:
        return value.toBool();
    }
    return QJsonValue(QJsonValue::Null);
}

QJsonObject SpaceJson::entryToJson(const Entry &entry)
{
    QJsonObject object;
    for (int i = 0; i < entry.propertyCount(); ++i)
        object.insert(entry.propertyName(i), valueToJson(entry.propertyValue(i)));
    return object;
}

bool SpaceJson::valueFromJson(const QString &property, ValueType type, const QJsonValue &json, Value &out, QString *error)
{
    if (json.isNull() || json.isUndefined()) {
        out = Value();
        return true;
    }
    auto fail = [&](const QString &expected) {
        if (error)
            *error = QStringLiteral("property '%1' is %2: expected %3").arg(property, valueTypeName(type), expected);
        return false;
    };
    switch (type) {
    case ValueType::String:
        if (!json.isString())
            return fail(QStringLiteral("a JSON string"));
        out = Value::string(json.toString());
        return true;
    case ValueType::Bool:
        if (!json.isBool())
            return fail(QStringLiteral("true or false"));
        out = Value::boolean(json.toBool());
        return true;
    case ValueType::Double:
        if (!json.isDouble())
            return fail(QStringLiteral("a number"));
        out = Value::real(json.toDouble());
        return true;
    case ValueType::Int:
    case ValueType::Long: {
        if (!json.isDouble())
            return fail(QStringLiteral("a whole number"));
        // toInteger() returns its default for a non-integral number: two defaults tell them apart.
        const qint64 a = json.toInteger(0), b = json.toInteger(1);
        if (a != b)
            return fail(QStringLiteral("a whole number"));
        if (type == ValueType::Int) {
            if (a < std::numeric_limits<qint32>::min() || a > std::numeric_limits<qint32>::max())
                return fail(QStringLiteral("a whole number in 32-bit range"));
            out = Value::int32(qint32(a));
        } else {
            out = Value::int64(a);
        }
        return true;
    }
    }
    return false;
}

bool SpaceJson::entryFromJson(const TypeDescriptor &type, const QJsonObject &json, Entry &out, QString *error)
{
    out = Entry(type.name());
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        const auto propertyType = type.propertyType(it.key());
        if (!propertyType) {
            if (error)
                *error = QStringLiteral("type '%1' has no property '%2'").arg(type.name(), it.key());
            return false;
        }
        Value v;
        if (!valueFromJson(it.key(), *propertyType, it.value(), v, error))
            return false;
        out.setValue(it.key(), v);
    }
    return true;
}

int SpaceJson::nestingDepth(const QByteArray &json)
{
    int depth = 0, deepest = 0;
    bool inString = false, escaped = false;
    for (const char c : json) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return deepest;
}

} // namespace partlab
