#pragma once

#include <QHashFunctions>
#include <QString>
#include <QtGlobal>

#include <cstring>
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
 *
 * A string of up to kInlineUnits UTF-16 code units (most ids and routing keys: "o123456",
 * "c42", "paid") is kept inside the value itself, in the 24 bytes a QString takes; a longer one
 * is a QString. Which of the two a string uses depends on its length only, so equal strings are
 * always held alike, and an index or id check compares a short key without reading any other
 * memory (a QString's characters are a separate allocation: one cache miss per comparison in a
 * space of a million entries). text() of a short string points into the value: it is valid as
 * long as the value is neither destroyed nor changed nor moved.
 */
class Value
{
public:
    Value() = default;

    /** Strings longer than this are QStrings; shorter ones sit inside the value. */
    static constexpr int kInlineUnits = 11;

    static Value string(const QString &text)
    {
        return text.size() <= kInlineUnits ? inlineString(text) : Value(Data(std::in_place_index<1>, text));
    }
    /** The same from a view: a short string needs no allocation at all. */
    static Value string(QStringView text)
    {
        return text.size() <= kInlineUnits ? inlineString(text) : Value(Data(std::in_place_index<1>, text.toString()));
    }
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
            if (const ShortText *x = std::get_if<ShortText>(&a.m_data))
                return *x == *std::get_if<ShortText>(&b.m_data);
            if (const QString *x = std::get_if<QString>(&a.m_data))
                return *x == *std::get_if<QString>(&b.m_data);
        } else if (a.isText() && b.isText()) {
            return false; // one short, one long: lengths differ
        }
        return compare(a, b) == 0;
    }

    /** Equal values: same kind of value and same content (an int 3 equals a long 3). */
    friend bool operator==(const Value &a, const Value &b) { return equal(a, b); }
    friend bool operator!=(const Value &a, const Value &b) { return !equal(a, b); }

private:
    static int compareAny(const Value &a, const Value &b);

    /** A string of at most kInlineUnits code units, the unused ones zero (so equality is 24 bytes). */
    struct ShortText
    {
        char16_t units[kInlineUnits];
        quint16 size;
        friend bool operator==(const ShortText &a, const ShortText &b) { return std::memcmp(&a, &b, sizeof(ShortText)) == 0; }
    };
    static_assert(sizeof(ShortText) == 24, "no padding: equality compares every byte");

    static Value inlineString(QStringView text)
    {
        ShortText t{};
        if (!text.isEmpty()) // an empty view may have no data at all
            std::memcpy(t.units, text.utf16(), std::size_t(text.size()) * sizeof(char16_t));
        t.size = quint16(text.size());
        return Value(Data(std::in_place_index<6>, t));
    }
    bool isText() const { return m_data.index() == 1 || m_data.index() == 6; }

    // Index 1 and 6 are both String (long and short); the order of the others is type()'s.
    using Data = std::variant<std::monostate, QString, qint32, qint64, double, bool, ShortText>;
    explicit Value(Data data) : m_data(std::move(data)) {}

    Data m_data;
};

static_assert(sizeof(Value) == 32, "a short string's 24 bytes and the kind: what a QString and the kind took before");

/** Hash consistent with operator== (numbers that compare equal hash alike). */
size_t qHash(const Value &value, size_t seed = 0) noexcept;

} // namespace partlab

// A variant of scalars and a QString (itself relocatable) holds no pointer into itself: Qt's
// containers may move Values with memmove (the space's index leaves shift them on every insert).
Q_DECLARE_TYPEINFO(partlab::Value, Q_RELOCATABLE_TYPE);
