#include "csvprobe.h"

#include "csvsource.h"
#include "fieldparse.h"
#include "traceinput.h"

#include <QCoreApplication>
#include <QStringDecoder>

namespace partlab {

namespace {

/** Key-like names, best first: an exact name, or (for the longer ones) the end of a name. */
const char *const kKeyNames[] = {"key", "symbol", "ticker", "word", "customer", "customerid", "customer_id",
                                 "user", "userid", "user_id", "account", "accountid", "account_id", "device",
                                 "deviceid", "device_id", "session", "sessionid", "session_id", "order_id",
                                 "orderid", "product", "sku", "name", "id"};
const char *const kValueNames[] = {"value", "price", "amount", "total"};
const char *const kVolumeNames[] = {"volume", "quantity", "qty", "shares", "size"};
const char *const kTimeNames[] = {"time", "timestamp", "ts", "date", "datetime", "event_time", "created_at"};

bool nameIs(const QString &column, const char *name)
{
    return column.compare(QLatin1String(name), Qt::CaseInsensitive) == 0;
}

template <std::size_t N>
QString firstNamed(const QStringList &header, const char *const (&names)[N])
{
    for (const char *name : names) {
        for (const QString &column : header) {
            if (nameIs(column, name))
                return column;
        }
    }
    return {};
}

bool timeLikeName(const QString &column)
{
    for (const char *name : kTimeNames) {
        if (nameIs(column, name) || column.endsWith(QLatin1Char('_') + QLatin1String(name), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

/** id, customerId, user_id, ...: ids are often numbers, and still keys. */
bool idLikeName(const QString &column)
{
    return nameIs(column, "id") || column.endsWith(QLatin1String("_id"), Qt::CaseInsensitive)
           || (column.size() > 2 && column.endsWith(QLatin1String("Id")));
}

/** How the sampled values of one column look. */
struct ColumnSample
{
    int values = 0;
    bool allNumbers = true;
    bool allTimestamps = true;
};

/** Reads up to kSampleRecords values of @p column (as the key: the one field CsvSource returns as text). */
ColumnSample sampleColumn(const QString &path, const QString &column)
{
    ColumnSample s;
    FieldMapping mapping;
    mapping.key = column;
    QString error;
    std::unique_ptr<CsvSource> source = CsvSource::open(path, mapping, &error);
    if (!source)
        return s;
    SourceMessage m;
    while (s.values < CsvProbe::kSampleRecords && source->next(m) == MessageSource::Status::Message) {
        ++s.values;
        double number = 0.0;
        qint64 us = 0;
        s.allNumbers = s.allNumbers && parseNumber(m.key, number);
        s.allTimestamps = s.allTimestamps && parseTimestampUs(m.key, us);
    }
    return s;
}

/** The first key-like column that is neither a time column nor plain numbers (unless it is an id). */
QString guessKey(const QString &path, const QStringList &header)
{
    QStringList candidates;
    for (const char *name : kKeyNames) {
        for (const QString &column : header) {
            const bool exact = nameIs(column, name);
            const bool suffix = qstrlen(name) >= 4 && column.size() > qsizetype(qstrlen(name))
                                && column.endsWith(QLatin1String(name), Qt::CaseInsensitive);
            if ((exact || suffix) && !candidates.contains(column) && !timeLikeName(column))
                candidates << column;
        }
    }
    for (const QString &column : candidates) {
        const ColumnSample s = sampleColumn(path, column);
        if (s.values > 0 && s.allTimestamps && !s.allNumbers)
            continue; // ISO dates under a key-like name
        if (s.values > 0 && s.allNumbers && !idLikeName(column))
            continue; // a measurement, not a key
        return column;
    }
    return {};
}

/** The first error reading up to kSampleRecords records with @p mapping, or an empty string. */
QString sampleError(const QString &path, const FieldMapping &mapping)
{
    QString error;
    std::unique_ptr<CsvSource> source = CsvSource::open(path, mapping, &error);
    if (!source)
        return error;
    SourceMessage m;
    for (int i = 0; i < CsvProbe::kSampleRecords; ++i) {
        const MessageSource::Status status = source->next(m);
        if (status == MessageSource::Status::Error)
            return source->errorString();
        if (status == MessageSource::Status::End)
            break;
    }
    return {};
}

} // namespace

QStringList readCsvHeader(const QString &path, QString *error)
{
    // Through TraceInput, as CsvSource reads it: a .csv.gz trace shows its real columns, not
    // the compressed bytes of its first "line".
    TraceInput input;
    if (!input.open(path, error))
        return {};
    QByteArray head(1 << 20, Qt::Uninitialized);
    qint64 got = 0;
    while (got < head.size()) {
        const qint64 n = input.read(head.data() + got, head.size() - got);
        if (n <= 0)
            break; // the end, or damage CsvSource reports when the run starts
        got += n;
        if (QByteArrayView(head.constData() + got - n, n).contains('\n'))
            break;
    }
    head.truncate(got);
    const qsizetype end = head.indexOf('\n');
    QByteArray line = (end < 0 ? head : head.left(end)).trimmed();
    if (line.startsWith("\xEF\xBB\xBF"))
        line.remove(0, 3);
    if (line.isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("CsvProbe", "%1:1: the file has no header row").arg(path);
        return {};
    }
    // A header of control bytes or broken UTF-8 is not a CSV header: say so instead of showing
    // its "columns" as mojibake.
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8(line);
    bool control = false;
    for (const QChar c : text)
        control = control || (c.unicode() < 0x20 && c != QLatin1Char('\t'));
    if (utf8.hasError() || control) {
        if (error)
            *error = QCoreApplication::translate("CsvProbe", "%1:1: the header row is not text (binary data or not UTF-8): %2")
                         .arg(path, quoteForError(std::string_view(line.constData(), std::size_t(line.size()))));
        return {};
    }
    QStringList columns;
    for (const QByteArray &field : line.split(',')) {
        QByteArray f = field.trimmed();
        if (f.size() >= 2 && f.startsWith('"') && f.endsWith('"'))
            f = f.mid(1, f.size() - 2).replace("\"\"", "\"");
        columns << QString::fromUtf8(f);
    }
    return columns;
}

CsvProbe probeCsv(const QString &path)
{
    CsvProbe probe;
    probe.header = readCsvHeader(path, &probe.error);
    if (probe.header.isEmpty())
        return probe;
    probe.guess.key = guessKey(path, probe.header);
    probe.guess.value = firstNamed(probe.header, kValueNames);
    probe.guess.volume = firstNamed(probe.header, kVolumeNames);
    for (const QString &column : probe.header) {
        if (timeLikeName(column)) {
            probe.guess.time = column;
            break;
        }
    }
    // The first real problem of the sample, with the file's own line numbers: read as the run
    // will read it (the guessed columns), or, with no key guessed, with the first column that
    // reads cleanly as a key (a problem every column shows, such as a wrong field count, is the
    // file's; an empty field in one column is not).
    std::vector<FieldMapping> mappings;
    if (!probe.guess.key.isEmpty()) {
        FieldMapping m = probe.guess;
        m.time.clear();
        mappings.push_back(m);
    } else {
        for (const QString &column : probe.header) {
            FieldMapping m;
            m.key = column;
            mappings.push_back(m);
        }
    }
    QString firstError;
    for (const FieldMapping &mapping : mappings) {
        QString error = sampleError(path, mapping);
        if (error.isEmpty())
            return probe;
        if (firstError.isEmpty())
            firstError = error;
    }
    probe.error = firstError;
    return probe;
}

} // namespace partlab
