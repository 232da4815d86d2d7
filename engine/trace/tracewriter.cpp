#include "tracewriter.h"

#include "fieldparse.h"

#include <QByteArrayView>

#include <zlib.h>

namespace partlab {

namespace {
constexpr qsizetype kFlushBytes = 1 << 16;
}

/** zlib's deflate state, writing a gzip header and trailer. */
struct TraceWriter::Deflater
{
    z_stream stream{};
    ~Deflater() { deflateEnd(&stream); }
};

TraceWriter::TraceWriter(const QString &path, TraceFormat format)
    : m_path(path)
    , m_format(format)
    , m_file(path)
{
}

TraceWriter::~TraceWriter()
{
    if (!m_finished)
        m_file.cancelWriting();
}

std::unique_ptr<TraceWriter> TraceWriter::create(const QString &path, TraceFormat format, QString *error)
{
    if (format == TraceFormat::Words) {
        *error = QStringLiteral("%1: cannot record in the words format (it keeps no values); use csv, jsonl or kv").arg(path);
        return nullptr;
    }
    std::unique_ptr<TraceWriter> w(new TraceWriter(path, format));
    if (!w->m_file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("%1: cannot write: %2").arg(path, w->m_file.errorString());
        return nullptr;
    }
    if (path.endsWith(QLatin1String(".gz"), Qt::CaseInsensitive)) {
        w->m_deflater = std::make_unique<Deflater>();
        // 16 + MAX_WBITS: a gzip wrapper, so gunzip and zcat read the recording too.
        if (deflateInit2(&w->m_deflater->stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8,
                         Z_DEFAULT_STRATEGY) != Z_OK) {
            w->m_deflater.reset();
            *error = QStringLiteral("%1: cannot start the gzip encoder").arg(path);
            return nullptr;
        }
        w->m_compressed.resize(kFlushBytes);
    }
    w->m_buffer.reserve(kFlushBytes + 1024);
    if (format == TraceFormat::Csv)
        w->m_buffer.append("time,key,value,volume\n");
    return w;
}

bool TraceWriter::fail(const QString &reason)
{
    if (m_error.isEmpty())
        m_error = QStringLiteral("%1: %2").arg(m_path, reason);
    return false;
}

void TraceWriter::appendCsvKey(std::string_view key)
{
    if (key.find_first_of(",\"\r\n") == std::string_view::npos) {
        m_buffer.append(key.data(), qsizetype(key.size()));
        return;
    }
    m_buffer.append('"');
    for (char c : key) {
        if (c == '"')
            m_buffer.append('"');
        m_buffer.append(c);
    }
    m_buffer.append('"');
}

void TraceWriter::appendJsonString(std::string_view text)
{
    static const char hex[] = "0123456789abcdef";
    m_buffer.append('"');
    for (char c : text) {
        switch (c) {
        case '"': m_buffer.append("\\\"", 2); break;
        case '\\': m_buffer.append("\\\\", 2); break;
        case '\n': m_buffer.append("\\n", 2); break;
        case '\r': m_buffer.append("\\r", 2); break;
        case '\t': m_buffer.append("\\t", 2); break;
        default:
            if (quint8(c) < 0x20) {
                const char escape[6] = {'\\', 'u', '0', '0', hex[quint8(c) >> 4], hex[quint8(c) & 15]};
                m_buffer.append(escape, 6);
            } else {
                m_buffer.append(c);
            }
        }
    }
    m_buffer.append('"');
}

bool TraceWriter::write(const SourceMessage &m)
{
    if (!m_error.isEmpty() || m_finished)
        return false;
    if (m.key.empty())
        return fail(QStringLiteral("message %1: an empty key cannot be recorded").arg(m_written + 1));
    if (!QByteArrayView(m.key.data(), qsizetype(m.key.size())).isValidUtf8())
        return fail(QStringLiteral("message %1: the key is not valid UTF-8").arg(m_written + 1));
    const bool hasTime = m.timeUs >= 0;
    switch (m_format) {
    case TraceFormat::Csv:
        if (hasTime)
            m_buffer.append(formatTimestampIso(m.timeUs));
        m_buffer.append(',');
        appendCsvKey(m.key);
        m_buffer.append(',');
        appendNumber(m_buffer, m.value);
        m_buffer.append(',');
        appendNumber(m_buffer, m.volume);
        m_buffer.append('\n');
        break;
    case TraceFormat::Jsonl:
        m_buffer.append('{');
        if (hasTime) {
            m_buffer.append("\"time\":\"");
            m_buffer.append(formatTimestampIso(m.timeUs));
            m_buffer.append("\",");
        }
        m_buffer.append("\"key\":");
        appendJsonString(m.key);
        m_buffer.append(",\"value\":");
        appendNumber(m_buffer, m.value);
        m_buffer.append(",\"volume\":");
        appendNumber(m_buffer, m.volume);
        m_buffer.append("}\n");
        break;
    case TraceFormat::Kv:
        if (m.key.find_first_of("\t\r\n") != std::string_view::npos)
            return fail(QStringLiteral("message %1: the key holds a tab or a line break, which kv cannot represent (record as csv or jsonl)")
                            .arg(m_written + 1));
        m_buffer.append(m.key.data(), qsizetype(m.key.size()));
        m_buffer.append('\t');
        appendNumber(m_buffer, m.value);
        m_buffer.append('\t');
        appendNumber(m_buffer, m.volume);
        if (hasTime) {
            m_buffer.append('\t');
            m_buffer.append(formatTimestampIso(m.timeUs));
        }
        m_buffer.append('\n');
        break;
    case TraceFormat::Words:
        return fail(QStringLiteral("cannot record in the words format"));
    }
    ++m_written;
    return m_buffer.size() < kFlushBytes || flushBuffer(false);
}

bool TraceWriter::flushBuffer(bool last)
{
    if (!m_deflater) {
        if (m_file.write(m_buffer) != m_buffer.size())
            return fail(QStringLiteral("write error: %1").arg(m_file.errorString()));
        m_buffer.clear();
        return true;
    }
    z_stream &z = m_deflater->stream;
    z.next_in = reinterpret_cast<Bytef *>(m_buffer.data());
    z.avail_in = uInt(m_buffer.size());
    int r = Z_OK;
    do {
        z.next_out = reinterpret_cast<Bytef *>(m_compressed.data());
        z.avail_out = uInt(m_compressed.size());
        r = deflate(&z, last ? Z_FINISH : Z_NO_FLUSH);
        if (r == Z_STREAM_ERROR)
            return fail(QStringLiteral("gzip encoder error"));
        const qint64 produced = m_compressed.size() - qint64(z.avail_out);
        if (produced > 0 && m_file.write(m_compressed.constData(), produced) != produced)
            return fail(QStringLiteral("write error: %1").arg(m_file.errorString()));
    } while (z.avail_out == 0 || (last && r != Z_STREAM_END));
    m_buffer.clear();
    return true;
}

bool TraceWriter::finish()
{
    if (m_finished)
        return m_error.isEmpty();
    if (!m_error.isEmpty() || !flushBuffer(true))
        return false;
    m_finished = true;
    if (!m_file.commit())
        return fail(QStringLiteral("cannot save: %1").arg(m_file.errorString()));
    return true;
}

} // namespace partlab
