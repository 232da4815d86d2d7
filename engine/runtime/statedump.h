#pragma once

#include "stateruntime.h"

#include <QByteArray>
#include <QString>

#include <string_view>
#include <vector>

class QIODevice;

namespace partlab {

/** A double as printf("%.17g") prints it in the C locale (round-trips exactly); "nan" for NaN. */
QByteArray formatStateValue(double value);

/** Hex SHA-256 over "key\tvalue\n" lines of @p state, which must be sorted by key. */
QString stateChecksum(const std::vector<KeyResult> &state);

/** Writes "key\tpartition\tvalue\n" lines (the --state-out format); tab, newline, CR and
 * backslash in keys are written as \\t \\n \\r \\\\. */
bool writeStateTsv(QIODevice &device, const std::vector<KeyResult> &state);

/**
 * Appends @p key as --state-out (and `route`) write it: a tab, newline, CR or backslash inside it
 * becomes \t, \n, \r or \\, so a key holding a tab cannot pass for two columns; keys without
 * them, nearly all, are copied as they are. @p out needs append(std::string_view) and append(char).
 */
template<typename Out>
void appendEscapedKey(Out &out, std::string_view key)
{
    if (key.find_first_of("\t\n\r\\") == std::string_view::npos) {
        out.append(key);
        return;
    }
    for (const char c : key) {
        switch (c) {
        case '\t': out.append(std::string_view("\\t")); break;
        case '\n': out.append(std::string_view("\\n")); break;
        case '\r': out.append(std::string_view("\\r")); break;
        case '\\': out.append(std::string_view("\\\\")); break;
        default: out.append(c);
        }
    }
}

} // namespace partlab
