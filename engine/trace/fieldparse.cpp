#include "fieldparse.h"

#include <QDate>
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

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

/** @p count digits at @p pos of @p t as a number, or -1. */
int digitsAt(std::string_view t, std::size_t pos, std::size_t count)
{
    if (pos + count > t.size())
        return -1;
    int v = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (!isDigit(t[i]))
            return -1;
        v = v * 10 + (t[i] - '0');
    }
    return v;
}

/** Leap years in [1, year] of the proleptic Gregorian calendar. */
qint64 leapYearsThrough(qint64 year)
{
    return year / 4 - year / 100 + year / 400;
}

/**
 * Days from 1970-01-01 to a valid date of year >= 1, by counting: whole years, their leap
 * days, whole months of the year, days. (QDate gives the same but costs a call per field.)
 */
qint64 daysSinceEpoch(int year, int month, int day)
{
    static const int daysBeforeMonth[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return 365 * qint64(year - 1970) + (leapYearsThrough(year - 1) - leapYearsThrough(1969))
           + daysBeforeMonth[month - 1] + (leap && month > 2 ? 1 : 0) + day - 1;
}

bool isValidDate(int year, int month, int day)
{
    static const int monthDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1 || month < 1 || month > 12 || day < 1)
        return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= monthDays[month - 1] + (leap && month == 2 ? 1 : 0);
}

enum class IsoResult { Ok, Invalid, OtherShape };

/**
 * The shape recordings and most logs use, parsed without QDateTime (which costs microseconds
 * per call, too slow for millions of lines): YYYY-MM-DD(T| )HH:MM:SS[.fraction][Z|+HH:MM|-HH:MM].
 */
IsoResult parseIsoFast(std::string_view t, qint64 &out)
{
    const int year = digitsAt(t, 0, 4), month = digitsAt(t, 5, 2), day = digitsAt(t, 8, 2);
    const int hour = digitsAt(t, 11, 2), minute = digitsAt(t, 14, 2), second = digitsAt(t, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || t[4] != '-' || t[7] != '-'
        || (t[10] != 'T' && t[10] != ' ') || t[13] != ':' || t[16] != ':')
        return IsoResult::OtherShape;
    std::size_t i = 19;
    qint64 fractionUs = 0;
    if (i < t.size() && (t[i] == '.' || t[i] == ',')) {
        ++i;
        const std::size_t first = i;
        qint64 scale = 100000;
        while (i < t.size() && isDigit(t[i])) {
            fractionUs += (t[i] - '0') * scale; // digits past microseconds are dropped
            scale /= 10;
            ++i;
        }
        if (i == first)
            return IsoResult::Invalid;
    }
    qint64 offsetMinutes = 0;
    if (i < t.size()) {
        if (t[i] == 'Z' && i + 1 == t.size()) {
            ++i;
        } else if (t[i] == '+' || t[i] == '-') {
            const int sign = t[i] == '-' ? -1 : 1;
            const int oh = digitsAt(t, i + 1, 2);
            int om = -1;
            if (i + 6 == t.size() && t[i + 3] == ':')
                om = digitsAt(t, i + 4, 2);
            else if (i + 5 == t.size())
                om = digitsAt(t, i + 3, 2);
            else if (i + 3 == t.size())
                om = 0;
            if (oh < 0 || om < 0 || oh > 23 || om > 59)
                return IsoResult::Invalid;
            offsetMinutes = sign * (oh * 60 + om);
            i = t.size();
        } else {
            return IsoResult::Invalid;
        }
    }
    if (i != t.size() || !isValidDate(year, month, day) || hour > 23 || minute > 59 || second > 59)
        return IsoResult::Invalid;
    const qint64 days = daysSinceEpoch(year, month, day);
    const qint64 seconds = days * 86400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60;
    out = seconds * 1000000 + fractionUs;
    return IsoResult::Ok;
}

void appendDigits(QByteArray &out, qint64 value, int width)
{
    char buf[24];
    int n = 0;
    do {
        buf[n++] = char('0' + value % 10);
        value /= 10;
    } while (value > 0 || n < width);
    while (n > 0)
        out.append(buf[--n]);
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
    if (!(first == '-' || first == '.' || isDigit(first)))
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
    if (text.size() >= 19 && text[4] == '-') { // the common ISO shape first: no digit count needed
        switch (parseIsoFast(text, out)) {
        case IsoResult::Ok: return true;
        case IsoResult::Invalid: return false;
        case IsoResult::OtherShape: break;
        }
    }
    std::size_t digits = 0;
    bool allDigits = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (isDigit(c))
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
    switch (parseIsoFast(text, out)) {
    case IsoResult::Ok: return true;
    case IsoResult::Invalid: return false;
    case IsoResult::OtherShape: break;
    }
    // Other ISO 8601 shapes (a date alone, no seconds): QDateTime, slower but complete.
    const QString iso = QString::fromUtf8(text.data(), qsizetype(text.size()));
    QDateTime dt = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!dt.isValid())
        return false;
    if (dt.timeSpec() == Qt::LocalTime) // no zone given: UTC, so traces replay the same anywhere
        dt.setTimeZone(QTimeZone::utc());
    out = dt.toMSecsSinceEpoch() * 1000;
    return true;
}

QByteArray formatTimestampIso(qint64 timeUs)
{
    qint64 seconds = timeUs / 1000000;
    qint64 micros = timeUs % 1000000;
    if (micros < 0) { // floor division: times before 1970 too
        micros += 1000000;
        --seconds;
    }
    qint64 days = seconds / 86400;
    qint64 secondOfDay = seconds % 86400;
    if (secondOfDay < 0) {
        secondOfDay += 86400;
        --days;
    }
    const QDate date = QDate::fromJulianDay(QDate(1970, 1, 1).toJulianDay() + days);
    QByteArray out;
    out.reserve(28);
    if (date.year() < 0)
        out.append('-');
    appendDigits(out, std::abs(date.year()), 4);
    out.append('-');
    appendDigits(out, date.month(), 2);
    out.append('-');
    appendDigits(out, date.day(), 2);
    out.append('T');
    appendDigits(out, secondOfDay / 3600, 2);
    out.append(':');
    appendDigits(out, secondOfDay / 60 % 60, 2);
    out.append(':');
    appendDigits(out, secondOfDay % 60, 2);
    out.append('.');
    appendDigits(out, micros, 6);
    out.append('Z');
    return out;
}

void appendNumber(QByteArray &out, double value)
{
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, value);
    out.append(buf, qsizetype(r.ptr - buf));
}

QString quoteForError(std::string_view text)
{
    const std::size_t limit = 40;
    QByteArray bytes(text.data(), qsizetype(qMin(text.size(), limit)));
    for (char &c : bytes) {
        if (quint8(c) < 0x20 || c == 0x7f)
            c = '?';
    }
    QString s = QString::fromUtf8(bytes);
    if (text.size() > limit)
        s += QStringLiteral("...");
    return s;
}

} // namespace partlab
