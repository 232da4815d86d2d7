#pragma once

#include "routingkey.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <string_view>

namespace partlab {

/**
 * How a key is written on the command line or in a key file: UTF-8 text, the exact bytes in
 * hex, or a Java Integer / Long / unsigned 64-bit number in decimal.
 */
enum class KeyFormat { Text, Hex, Int32, Int64, UInt64 };

/** "text", "hex", "i32", "i64", "u64". */
QStringList keyFormatNames();
std::optional<KeyFormat> keyFormatFromName(const QString &name);

/**
 * Reads one key written in @p format into @p out. Text is taken as it is; hex needs an even
 * number of hex digits (either case; the empty string is the empty key) and decodes into
 * @p storage, which must outlive @p out; numbers are decimal with an optional sign, no spaces,
 * and must fit their type (u64 takes no sign). Locale-independent (std::from_chars).
 * Returns false and a one-line reason in @p error for malformed input.
 */
bool parseKey(std::string_view text, KeyFormat format, std::string &storage, RoutingKey &out, QString *error);

} // namespace partlab
