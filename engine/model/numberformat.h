#pragma once

#include <QString>

namespace partlab {

/**
 * The one place numbers become text for people: counts, decimals, percentages and rates in the
 * GUI and in the lesson texts, all in the default QLocale (the GUI sets it to the chosen language;
 * partlab-cli keeps the C locale so its output stays the same on every machine). Units and the
 * position of the percent sign are translatable ("Format" context), so German reads "29,6 %"
 * and "12,3 k Nachr./s" while English reads "29.6%" and "12.3 k msg/s".
 */
namespace fmt {

/** 12,345 / 12.345: a count with the locale's group separator. */
QString count(qint64 value);
QString count(quint64 value);
inline QString count(int value) { return count(qint64(value)); }
/** A decimal with a fixed number of digits after the locale's decimal point. */
QString decimal(double value, int decimals);
/** The shortest text that reads back as the same value: "1.5", "0.001", "1e+06" (German "1,5"). */
QString shortest(double value);
/** A fraction (0.296) as a percentage ("29.6%", German "29,6 %"). */
QString percent(double fraction, int decimals = 1);
/** Messages per second, scaled: "950 msg/s", "12.3 k msg/s", "1.25 M msg/s". */
QString rate(double perSecond);

} // namespace fmt
} // namespace partlab
