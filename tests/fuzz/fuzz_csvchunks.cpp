// Fuzz target: parallel ingestion of a csv trace (TraceChunkedInput + StateRuntime::ingest).
// Invariant: a chunked parse equals a sequential parse of the same bytes. The first input byte
// picks the chunk size (1 + byte % 64: boundaries everywhere, inside quoted fields, between CR
// and LF, in blank lines), the error policy (bit 6) and whether the file is gzip-compressed (bit 7:
// then one thread inflates it in blocks of 1-16 bytes, InflatedStream, while the workers parse);
// the rest is the file. Checked: the same
// keys with the same message count and sum per key; the same first error ("FILE:LINE: reason")
// under Stop; the same skipped count and reported bad lines under Skip.
#include "tracefuzz.h"

#include "runtime/runtimeconfig.h"
#include "runtime/stateruntime.h"
#include "trace/inflatedstream.h"
#include "trace/tracechunks.h"

#include <zlib.h>

#include <cmath>
#include <map>
#include <string>

namespace {

using namespace partlab;

struct Fold
{
    quint64 count = 0;
    double sum = 0.0;
};

TraceOptions csvOptions(ErrorPolicy policy)
{
    TraceOptions options;
    options.format = TraceFormat::Csv;
    options.fields = FieldMapping{QStringLiteral("symbol"), QStringLiteral("price"), QStringLiteral("volume"), {}};
    options.onError = policy;
    options.maxLineBytes = 512; // small, so records too long are reached (and cross chunks)
    return options;
}

/** One gzip member of @p bytes. */
QByteArray gzip(const char *bytes, qint64 size)
{
    z_stream z{};
    if (deflateInit2(&z, 1, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&z, uLong(size))), '\0');
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(bytes));
    z.avail_in = uInt(size);
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    const int r = deflate(&z, Z_FINISH);
    out.resize(qsizetype(z.total_out));
    deflateEnd(&z);
    return r == Z_STREAM_END ? out : QByteArray();
}

bool sameSum(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

int fuzzChunks(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const qint64 chunkBytes = 1 + data[0] % 64;
    const ErrorPolicy policy = (data[0] & 0x40) ? ErrorPolicy::Skip : ErrorPolicy::Stop;
    const bool compressed = (data[0] & 0x80) != 0;
    const char *file = reinterpret_cast<const char *>(data + 1);
    const qint64 fileSize = qint64(size - 1);
    const QByteArray gz = compressed ? gzip(file, fileSize) : QByteArray();
    if (compressed && gz.isEmpty())
        return 0;

    const QString path = fuzz::scratchPath("csvchunks");
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        if (compressed ? f.write(gz) != gz.size() : f.write(file, fileSize) != fileSize)
            return 0;
    }
    const TraceOptions options = csvOptions(policy);

    // 1. Sequential reference: one reader, folded on this thread.
    std::map<std::string, Fold> expected;
    quint64 expectedMessages = 0;
    QString expectedError;
    quint64 expectedSkipped = 0;
    QStringList expectedSkippedErrors;
    {
        QString error;
        std::unique_ptr<TraceSource> source = TraceSource::open(path, options, &error);
        if (!source) {
            QFile::remove(path);
            return 0; // bad header: nothing to chunk
        }
        SourceMessage m;
        for (;;) {
            const MessageSource::Status s = source->next(m);
            if (s == MessageSource::Status::End)
                break;
            if (s == MessageSource::Status::Error) {
                expectedError = source->errorString();
                fuzz::check(!expectedError.isEmpty());
                break;
            }
            Fold &f = expected[std::string(m.key)];
            ++f.count;
            f.sum += m.value;
            ++expectedMessages;
        }
        expectedSkipped = source->skippedLines();
        expectedSkippedErrors = source->firstSkippedErrors();
    }

    // 2. Chunked: two workers parse tiny chunks and apply them to three partitions.
    QString error;
    std::unique_ptr<TraceSource> source = TraceSource::open(path, options, &error);
    fuzz::check(source != nullptr); // the same bytes opened a moment ago
    const std::optional<InputPosition> start = source->position();
    fuzz::check(start.has_value()); // right after the header
    RuntimeConfig config;
    config.computation = Computation::Sum;
    config.workers = 2;
    config.partitionerOptions.partitions = 3;
    std::unique_ptr<StateRuntime> runtime = StateRuntime::create(config, &error);
    fuzz::check(runtime != nullptr);
    std::shared_ptr<InflatedStream> stream;
    if (compressed) {
        stream = InflatedStream::start(path, &error, 64, 1 + data[0] % 16);
        fuzz::check(stream != nullptr);
    }
    TraceChunkedInput input = compressed ? TraceChunkedInput(*source, stream, chunkBytes) : TraceChunkedInput(*source, fileSize, chunkBytes);
    IngestRequest request;
    request.start = *start;
    request.start.message = 0;
    const std::optional<IngestResult> result = runtime->ingest(input, request, {}, &error);
    fuzz::check(result.has_value()); // every parser opens the file the owner opened
    runtime->drain();
    const std::vector<KeyResult> state = runtime->collectState();

    // 3. Compare.
    fuzz::check(state.size() == expected.size());
    for (const KeyResult &k : state) {
        const auto it = expected.find(k.key);
        fuzz::check(it != expected.end());
        fuzz::check(k.count == it->second.count);
        fuzz::check(sameSum(k.value, it->second.sum));
    }
    fuzz::check(result->messages == expectedMessages);
    fuzz::check(result->error == expectedError);
    if (expectedError.isEmpty())
        fuzz::check(result->atEnd);
    fuzz::check(source->skippedLines() == expectedSkipped);
    fuzz::check(source->firstSkippedErrors() == expectedSkippedErrors);
    if (policy == ErrorPolicy::Stop)
        fuzz::check(expectedSkipped == 0);

    runtime.reset();
    source.reset();
    QFile::remove(path);
    return 0;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzzChunks(data, size);
}
