#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace partlab {

/** The trace file formats Partlab reads (all four) and records (all but words). */
enum class TraceFormat { Csv, Jsonl, Kv, Words };

/** What a reader does with a bad line: stop the run (the default) or skip it and count it. */
enum class ErrorPolicy { Stop, Skip };

QString traceFormatName(TraceFormat format);
std::optional<TraceFormat> traceFormatFromName(const QString &name);
QStringList traceFormatNames();

/**
 * The format a file name implies, ignoring a final ".gz": .csv; .jsonl, .ndjson, .json;
 * .kv, .tsv; .txt, .text, .words, .md. nullopt when the extension says nothing.
 */
std::optional<TraceFormat> traceFormatFromPath(const QString &path);

/** Formats whose messages are picked from named fields (csv columns, jsonl paths). */
bool traceFormatHasNamedFields(TraceFormat format);

/** Which input fields make the message: the key extractor and the value fields, by name. */
struct FieldMapping
{
    QString key;    ///< the partition key (csv column or jsonl path such as payload.symbol)
    QString value;  ///< empty = every message has value 1 (counting)
    QString volume; ///< vwap's volume
    QString time;   ///< timestamp (epoch ms/us or ISO 8601)
    /**
     * When set, a field left empty above falls back to the field named "key", "value", "volume"
     * or "time" if the trace has one: what `simulate --record` writes, so a recording replays
     * without options.
     */
    bool defaultNames = false;

    /** Field by field (defaulted: a new field can never be left out). */
    friend bool operator==(const FieldMapping &, const FieldMapping &) = default;
};

/** Everything that says how to read one trace. */
struct TraceOptions
{
    static constexpr qsizetype kDefaultMaxLineBytes = 1 << 20;
    /** How many bad lines are reported one by one with --on-error skip (the rest are counted). */
    static constexpr int kReportedBadLines = 5;

    TraceFormat format = TraceFormat::Csv;
    FieldMapping fields;
    ErrorPolicy onError = ErrorPolicy::Stop;
    /** Longest line (csv: record) accepted; longer is a bad line, so binary input cannot eat memory. */
    qsizetype maxLineBytes = kDefaultMaxLineBytes;
};

} // namespace partlab
