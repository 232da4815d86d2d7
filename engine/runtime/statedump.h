#pragma once

#include "stateruntime.h"

#include <QByteArray>
#include <QString>

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

} // namespace partlab
