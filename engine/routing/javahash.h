#pragma once

#include <QtGlobal>

#include <limits>
#include <string_view>

namespace partlab {

/**
 * Java's String.hashCode() for a UTF-8 encoded string: s[0]*31^(n-1) + ... + s[n-1] over the
 * UTF-16 code units Java would hold after decoding the bytes with `new String(bytes, UTF_8)`.
 * A supplementary character (4-byte UTF-8) counts as a surrogate pair, i.e. two units; a
 * malformed sequence decodes to U+FFFD, one unit per maximal invalid subpart, as Java does.
 */
qint32 javaStringHashCode(std::string_view utf8);

/** Java's Long.hashCode(): (int)(value ^ (value >>> 32)). */
inline qint32 javaLongHashCode(qint64 value)
{
    const quint64 u = static_cast<quint64>(value);
    return static_cast<qint32>(static_cast<quint32>(u ^ (u >> 32)));
}

/** XAP's safeAbs for int: Math.abs, except Integer.MIN_VALUE maps to Integer.MAX_VALUE. */
inline qint32 safeAbs32(qint32 v)
{
    if (v == std::numeric_limits<qint32>::min())
        return std::numeric_limits<qint32>::max();
    return v < 0 ? -v : v;
}

/** XAP's safeAbs for long: Long.MIN_VALUE maps to Long.MAX_VALUE. */
inline qint64 safeAbs64(qint64 v)
{
    if (v == std::numeric_limits<qint64>::min())
        return std::numeric_limits<qint64>::max();
    return v < 0 ? -v : v;
}

} // namespace partlab
