#pragma once
// Helpers shared by the trace reader tests (header only, included by tst_*.cpp).

#include "trace/tracesource.h"

#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <zlib.h>

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

/** One gzip member of @p data, made with zlib directly (independent of TraceWriter). */
inline QByteArray gzip(const QByteArray &data)
{
    z_stream z{};
    if (deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        qFatal("deflateInit2");
    QByteArray out(int(deflateBound(&z, uLong(data.size()))), '\0');
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    z.avail_in = uInt(data.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    if (deflate(&z, Z_FINISH) != Z_STREAM_END)
        qFatal("deflate");
    out.resize(qsizetype(z.total_out));
    deflateEnd(&z);
    return out;
}

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
