#include "value.h"

#include <cmath>

namespace partlab {

namespace {

// Rank of each kind of value in the total order of Value::compare().
int kindRank(const Value &v)
{
    if (v.isNull())
        return 0;
    switch (v.type()) {
    case ValueType::Int:
    case ValueType::Long:
    case ValueType::Double:
        return 1;
    case ValueType::String:
        return 2;
    case ValueType::Bool:
        return 3;
    }
    return 4;
}

template<typename T>
int threeWay(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

} // namespace

QString valueTypeName(ValueType type)
{
    switch (type) {
    case ValueType::String:
        return QStringLiteral("string");
    case ValueType::Int:
        return QStringLiteral("int");
    case ValueType::Long:
        return QStringLiteral("long");
    case ValueType::Double:
        return QStringLiteral("double");
    case ValueType::Bool:
        return QStringLiteral("bool");
    }
    return QString();
}

std::optional<ValueType> valueTypeFromName(const QString &name)
{
    for (ValueType t : {ValueType::String, ValueType::Int, ValueType::Long, ValueType::Double, ValueType::Bool}) {
        if (name == valueTypeName(t))
            return t;
    }
    return std::nullopt;
}

ValueType Value::type() const
{
    switch (m_data.index()) {
    case 1:
    case 6:
        return ValueType::String;
    case 2:
        return ValueType::Int;
    case 3:
        return ValueType::Long;
    case 4:
        return ValueType::Double;
    default:
        return ValueType::Bool;
    }
}

bool Value::isNumber() const
{
    return m_data.index() >= 2 && m_data.index() <= 4;
}

QString Value::toString() const
{
    if (const ShortText *s = std::get_if<ShortText>(&m_data))
        return QString(reinterpret_cast<const QChar *>(s->units), s->size);
    if (const QString *s = std::get_if<QString>(&m_data))
        return *s;
    return QString();
}

QStringView Value::text() const
{
    if (const ShortText *s = std::get_if<ShortText>(&m_data))
        return QStringView(s->units, s->size);
    if (const QString *s = std::get_if<QString>(&m_data))
        return QStringView(*s);
    return {};
}

qint64 Value::toInt64() const
{
    if (const qint32 *i = std::get_if<qint32>(&m_data))
        return *i;
    if (const qint64 *l = std::get_if<qint64>(&m_data))
        return *l;
    return 0;
}

double Value::toDouble() const
{
    if (const double *d = std::get_if<double>(&m_data))
        return *d;
    return double(toInt64());
}

bool Value::toBool() const
{
    const bool *b = std::get_if<bool>(&m_data);
    return b && *b;
}

QString Value::display() const
{
    switch (m_data.index()) {
    case 0:
        return QStringLiteral("null");
    case 1:
    case 6:
        return toString();
    case 2:
    case 3:
        return QString::number(toInt64());
    case 4:
        return QString::number(toDouble(), 'g', 17);
    default:
        return toBool() ? QStringLiteral("true") : QStringLiteral("false");
    }
}

int Value::compareAny(const Value &a, const Value &b)
{
    const int ra = kindRank(a), rb = kindRank(b);
    if (ra != rb)
        return threeWay(ra, rb);
    switch (ra) {
    case 0:
        return 0;
    case 1: {
        const bool aDouble = a.type() == ValueType::Double, bDouble = b.type() == ValueType::Double;
        if (!aDouble && !bDouble)
            return threeWay(a.toInt64(), b.toInt64());
        // NaN never enters the space (JSON has none); compare as doubles otherwise.
        return threeWay(a.toDouble(), b.toDouble());
    }
    case 2:
        return threeWay(QtPrivate::compareStrings(a.text(), b.text(), Qt::CaseSensitive), 0); // no copies: the hot path of every index
    default:
        return threeWay(int(a.toBool()), int(b.toBool()));
    }
}

size_t qHash(const Value &value, size_t seed) noexcept
{
    if (value.isNull())
        return seed;
    switch (value.type()) {
    case ValueType::String:
        return qHash(value.text(), seed); // the same hash as the QString's, without copying it
    case ValueType::Int:
    case ValueType::Long:
        return ::qHash(value.toInt64(), seed);
    case ValueType::Double: {
        // An integral double equals the integer of the same value: hash them alike.
        const double d = value.toDouble();
        double whole = 0;
        if (std::modf(d, &whole) == 0.0 && std::fabs(d) < 9.2e18)
            return ::qHash(qint64(d), seed);
        return ::qHash(d, seed);
    }
    case ValueType::Bool:
        return ::qHash(int(value.toBool()) + 7, seed);
    }
    return seed;
}

} // namespace partlab
