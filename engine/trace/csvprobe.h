#pragma once

#include "traceformat.h"

#include <QString>
#include <QStringList>

namespace partlab {

/**
 * What the first records of a CSV trace say before anything runs: its columns, its first real
 * problem ("FILE:LINE: reason", empty when the sample reads cleanly), and a guess of the key,
 * value, volume and time columns. The GUI shows the problem first (not a later consequence such
 * as "vwap needs a volume column") and lets the user pick a key column when none is guessed.
 */
struct CsvProbe
{
    /** Records read to check the file and to tell numbers and timestamps from keys. */
    static constexpr int kSampleRecords = 200;

    QStringList header;
    QString error;
    /** key stays empty when no column is key-like: the user must choose. */
    FieldMapping guess;
};

/**
 * Reads the header and up to CsvProbe::kSampleRecords records of @p path (plain or .gz).
 *
 * The key is guessed only from key-like names (key, symbol, ticker, word, customer, user, id,
 * ... : the exact name or a name ending in one, such as customerId), never from a time column
 * (a time-like name or values that are all timestamps) and never from a column of plain numbers
 * unless its name says it is an id (id, customerId, user_id: ids are often numbers).
 */
CsvProbe probeCsv(const QString &path);

/** The column names of a CSV file's header row (plain or .gz), or an empty list and @p error. */
QStringList readCsvHeader(const QString &path, QString *error);

} // namespace partlab
