#pragma once
// Helpers shared by the trace reader tests (header only, included by tst_*.cpp).

#include "trace/tracesource.h"

#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <string>
#include <vector>

namespace partlab::testing {

/** One message as a test compares it: the key copied out of the reader's buffer. */
struct ReadMessage
{
    std::string key;
    double value = 0;
    double volume = 0;
    qint64 timeUs = -1;
    qint64 line = 0;
};

/** Everything a reader produced: the messages, and the error if it stopped on one. */
struct ReadResult
{
    bool opened = false;
    QString openError;
    std::vector<ReadMessage> messages;
    bool failed = false;
    QString error;
    quint64 skipped = 0;
    std::vector<qint64> skippedLines;
    QStringList skippedErrors;
};

inline QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write test file");
    return path;
}

inline ReadResult readAll(const QString &path, const TraceOptions &options)
{
    ReadResult r;
    std::unique_ptr<TraceSource> source = TraceSource::open(path, options, &r.openError);
    if (!source)
        return r;
    r.opened = true;
    SourceMessage m;
    for (;;) {
        const MessageSource::Status s = source->next(m);
        if (s == MessageSource::Status::End)
            break;
        if (s == MessageSource::Status::Error) {
            r.failed = true;
            r.error = source->errorString();
            break;
        }
        r.messages.push_back({std::string(m.key), m.value, m.volume, m.timeUs, source->messageLine()});
    }
    r.skipped = source->skippedLines();
    r.skippedLines = source->firstSkippedLines();
    r.skippedErrors = source->firstSkippedErrors();
    return r;
}

inline TraceOptions optionsFor(TraceFormat format, const QString &key = {}, const QString &value = {},
                               const QString &volume = {}, const QString &time = {})
{
    TraceOptions o;
    o.format = format;
    o.fields.key = key;
    o.fields.value = value;
    o.fields.volume = volume;
    o.fields.time = time;
    return o;
}

} // namespace partlab::testing
