#pragma once

// Shared body of the trace reader fuzz targets: the bytes become a file (in /dev/shm when it
// exists), which is read to the end under both error policies. Invariants checked beyond "no
// crash": a Stop run ends at the first error with a FILE:LINE message; a Skip run never reports an
// error and counts what it skipped; both see the same messages before the first bad line.
#include "trace/tracesource.h"

#include <QDir>
#include <QFile>

#include <cstdlib>
#include <unistd.h>

namespace partlab::fuzz {

inline QString scratchPath(const char *format)
{
    static const QString dir = QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath();
    return QStringLiteral("%1/partlab-fuzz-%2-%3.%4").arg(dir).arg(getpid()).arg(QLatin1String(format)).arg(QLatin1String(format));
}

inline void check(bool condition)
{
    if (!condition)
        std::abort();
}

inline int fuzzTrace(TraceFormat format, const char *extension, FieldMapping fields, const uint8_t *data, size_t size)
{
    const QString path = scratchPath(extension);
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        f.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    quint64 stopMessages = 0, skipMessages = 0;
    for (ErrorPolicy policy : {ErrorPolicy::Stop, ErrorPolicy::Skip}) {
        TraceOptions options;
        options.format = format;
        options.fields = fields;
        options.onError = policy;
        options.maxLineBytes = 512; // small, so the fuzzer reaches the long-line paths
        QString error;
        auto source = TraceSource::open(path, options, &error);
        if (!source) {
            check(!error.isEmpty() && error.startsWith(path));
            break; // the header (csv) is bad: same for both policies
        }
        SourceMessage m;
        quint64 &count = policy == ErrorPolicy::Stop ? stopMessages : skipMessages;
        for (;;) {
            const MessageSource::Status s = source->next(m);
            if (s == MessageSource::Status::End)
                break;
            if (s == MessageSource::Status::Error) {
                check(source->errorString().startsWith(path + QLatin1Char(':')));
                // Skip only stops for what cannot be skipped (a broken gzip stream, a read error).
                break;
            }
            check(m.key.size() <= size);
            ++count;
        }
        if (policy == ErrorPolicy::Skip)
            check(source->skippedLines() >= source->firstSkippedLines().size());
    }
    check(skipMessages >= stopMessages); // skipping can only let more messages through
    QFile::remove(path);
    return 0;
}

} // namespace partlab::fuzz
