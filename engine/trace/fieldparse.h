#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <string_view>

namespace partlab {

/**
 * Parses a finite decimal number ("12", "-3.5", "+1e3", surrounding spaces allowed) without
 * locale influence. Returns false for anything else (empty, "abc", "1,5", "inf", "nan").
 */
bool parseNumber(std::string_view text, double &out);

/**
 * Parses a timestamp into microseconds since the epoch: an integer of epoch milliseconds, or of
 * epoch microseconds when it has 16 or more digits, or ISO 8601 ("2026-01-01T09:30:00.250Z";
 * without a zone it is UTC). Returns false for anything else.
 */
bool parseTimestampUs(std::string_view text, qint64 &out);

/** ISO 8601 in UTC with microseconds ("2026-01-01T09:30:00.250000Z"): what recordings hold. */
QByteArray formatTimestampIso(qint64 timeUs);

/** Shortest text that parses back to exactly @p value (std::to_chars, locale-free). */
void appendNumber(QByteArray &out, double value);

/** Up to 40 characters of @p text for an error message, control bytes shown as '?'. */
QString quoteForError(std::string_view text);

} // namespace partlab
