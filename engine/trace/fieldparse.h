#pragma once

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

} // namespace partlab
