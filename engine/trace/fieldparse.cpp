#include "fieldparse.h"

#include <QDateTime>
#include <QTimeZone>

#include <charconv>
#include <cmath>
#include <limits>

namespace partlab {

namespace {
std::string_view trimmed(std::string_view t)
{
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t'))
        t.remove_prefix(1);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t'))
        t.remove_suffix(1);
    return t;
}
} // namespace

bool parseNumber(std::string_view text, double &out)
{
    text = trimmed(text);
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    if (text.empty())
        return false;
    const char first = text.front();
    // from_chars would accept "inf" and "nan": a price or a count is never either.
    if (!(first == '-' || first == '.' || (first >= '0' && first <= '9')))
        return false;
    double v = 0;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    if (r.ec != std::errc() || r.ptr != text.data() + text.size() || !std::isfinite(v))
        return false;
    out = v;
    return true;
}

bool parseTimestampUs(std::string_view text, qint64 &out)
{
    text = trimmed(text);
    if (text.empty())
        return false;
    std::size_t digits = 0;
    bool allDigits = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9')
            ++digits;
        else if (!(i == 0 && c == '-'))
            allDigits = false;
    }
    if (allDigits && digits > 0) {
        qint64 v = 0;
        const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
        if (r.ec != std::errc() || r.ptr != text.data() + text.size())
            return false;
        if (digits >= 16) {
            out = v;
            return true;
        }
        if (v > std::numeric_limits<qint64>::max() / 1000 || v < std::numeric_limits<qint64>::min() / 1000)
            return false;
        out = v * 1000;
        return true;
    }
    const QString iso = QString::fromUtf8(text.data(), qsizetype(text.size()));
    QDateTime dt = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!dt.isValid())
        return false;
    if (dt.timeSpec() == Qt::LocalTime) // no zone given: UTC, so traces replay the same anywhere
        dt.setTimeZone(QTimeZone::utc());
    out = dt.toMSecsSinceEpoch() * 1000;
    // Sub-millisecond digits ("...:00.250123Z") are kept when present.
    const qsizetype dot = iso.indexOf(QLatin1Char('.'));
    if (dot > 0) {
        qsizetype end = dot + 1;
        while (end < iso.size() && iso[end].isDigit())
            ++end;
        const QString fraction = iso.mid(dot + 1, end - dot - 1);
        if (fraction.size() > 3)
            out += fraction.mid(3, 3).leftJustified(3, QLatin1Char('0')).toLongLong();
    }
    return true;
}

} // namespace partlab
