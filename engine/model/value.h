#pragma once

#include <QHashFunctions>
#include <QString>
#include <QtGlobal>

#include <optional>
#include <variant>

namespace partlab {

/** The property types an entry type can declare, as in XAP's Java classes (String, Integer, Long, Double, Boolean). */
enum class ValueType { String, Int, Long, Double, Bool };

/** "string", "int", "long", "double", "bool": the names used in scripts and the GUI. */
QString valueTypeName(ValueType type);

/** The type called @p name (see valueTypeName()), nullopt for anything else. */
std::optional<ValueType> valueTypeFromName(const QString &name);

/**
 * One property value of an entry: null or a typed scalar.
 *
 * The type is part of the value because routing depends on it: XAP routes an Integer by its
 * value, a Long by "precise long routing" and a String by String.hashCode().
 */
class Value
{
public:
    Value() = default;

    static Value string(const QString &text) { return Value(Data(std::in_place_index<1>, text)); }
    static Value int32(qint32 v) { return Value(Data(std::in_place_index<2>, v)); }
    static Value int64(qint64 v) { return Value(Data(std::in_place_index<3>, v)); }
    static Value real(double v) { return Value(Data(std::in_place_index<4>, v)); }
    static Value boolean(bool v) { return Value(Data(std::in_place_index<5>, v)); }

    bool isNull() const { return m_data.index() == 0; }
    /** The type of a non-null value. */
    ValueType type() const;
    bool isNumber() const;

    QString toString() const;  ///< the text of a String value (empty otherwise)
    /** The text of a String value without a copy (empty otherwise): for comparisons and hashing. */
    QStringView text() const;
    qint64 toInt64() const;    ///< Int or Long (0 otherwise)
    double toDouble() const;   ///< any number as double
    bool toBool() const;       ///< Bool (false otherwise)

    /** Human-readable text: strings as they are, numbers in C locale, "null" for null. */
    QString display() const;

    /**
     * Total order used by ORDER BY and by <, <=, >, >=: null first, then numbers (compared by
     * value across int/long/double), then strings (UTF-16 code units, like Java's compareTo), then
     * booleans (false < true). Returns <0, 0 or >0.
     */
    static int compare(const Value &a, const Value &b)
    {
        // Inline for two numbers of one kind (an index compares a value with its neighbours,
        // nearly always of the same type); everything else in value.cpp.
        if (a.m_data.index() == b.m_data.index()) {
            if (const double *x = std::get_if<double>(&a.m_data)) {
                const double y = *std::get_if<double>(&b.m_data);
                return *x < y ? -1 : (y < *x ? 1 : 0);
            }
            if (const qint64 *x = std::get_if<qint64>(&a.m_data)) {
                const qint64 y = *std::get_if<qint64>(&b.m_data);
                return *x < y ? -1 : (y < *x ? 1 : 0);
            }
        }
        return compareAny(a, b);
    }

    /**
     * compare(a, b) == 0, faster for two strings (lengths first, then the code units, with no
     * ordering worked out): the indexes' hash hits and id checks test equality only.
     */
    static bool equal(const Value &a, const Value &b)
    {
        if (a.m_data.index() == b.m_data.index()) {
            if (const QString *x = std::get_if<QString>(&a.m_data))
                return *x == *std::get_if<QString>(&b.m_data);
        }
        return compare(a, b) == 0;
    }

    /** Equal values: same kind of value and same content (an int 3 equals a long 3). */
    friend bool operator==(const Value &a, const Value &b) { return equal(a, b); }
    friend bool operator!=(const Value &a, const Value &b) { return !equal(a, b); }

private:
    static int compareAny(const Value &a, const Value &b);

    using Data = std::variant<std::monostate, QString, qint32, qint64, double, bool>;
    explicit Value(Data data) : m_data(std::move(data)) {}

    Data m_data;
};

/** Hash consistent with operator== (numbers that compare equal hash alike). */
size_t qHash(const Value &value, size_t seed = 0) noexcept;

} // namespace partlab

// A variant of scalars and a QString (itself relocatable) holds no pointer into itself: Qt's
// containers may move Values with memmove (the space's index leaves shift them on every insert).
Q_DECLARE_TYPEINFO(partlab::Value, Q_RELOCATABLE_TYPE);
