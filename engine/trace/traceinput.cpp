#include "traceinput.h"

#include "inflatedstream.h"

#include <zlib.h>

#include <limits>

namespace partlab {

namespace {
constexpr qint64 kCompressedChunk = 1 << 17;
}

/** zlib's inflate state and the compressed bytes read ahead of it. */
struct TraceInput::Inflater
{
    z_stream stream{};
    QByteArray input;
    bool fileAtEnd = false;
    bool memberEnded = false; ///< the last gzip member finished; more input means another member

    ~Inflater() { inflateEnd(&stream); }
};

TraceInput::TraceInput() = default;
TraceInput::~TraceInput() = default;

bool TraceInput::open(const QString &path, QString *error)
{
    m_path = path;
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot open: %2").arg(path, m_file.errorString());
        return false;
    }
    m_fileSize = m_file.size();
    char magic[2] = {0, 0};
    const qint64 peeked = m_file.peek(magic, 2);
    if (peeked == 2 && quint8(magic[0]) == 0x1f && quint8(magic[1]) == 0x8b) {
        m_inflater = std::make_unique<Inflater>();
        // 16 + MAX_WBITS: expect a gzip header and trailer (CRC and length are checked by zlib).
        if (inflateInit2(&m_inflater->stream, 16 + MAX_WBITS) != Z_OK) {
            m_inflater.reset();
            *error = QStringLiteral("%1: cannot start the gzip decoder").arg(path);
            return false;
        }
        m_inflater->input.resize(kCompressedChunk);
    }
    return true;
}

bool TraceInput::openShared(const QString &path, std::shared_ptr<InflatedStream> stream, QString *error)
{
    Q_UNUSED(error)
    m_path = path;
    m_shared = std::move(stream);
    m_fileSize = m_shared->fileSize();
    m_sharedOffset = 0;
    return true;
}

void TraceInput::follow(std::shared_ptr<InflatedStream> stream)
{
    m_follow = std::move(stream);
}

void TraceInput::releaseBelow(qint64 offset)
{
    if (m_shared && m_shared == m_follow.lock())
        m_shared->release(offset);
}

bool TraceInput::seek(qint64 offset, QString *error)
{
    m_error.clear();
    if (std::shared_ptr<InflatedStream> stream = m_follow.lock()) {
        if (offset >= 0 && stream->holds(offset))
            m_shared = std::move(stream);
        else
            m_shared.reset(); // released already: the own decoder gets there
    }
    if (m_shared) {
        if (offset < 0) {
            *error = QStringLiteral("%1: cannot seek to byte %2").arg(m_path).arg(offset);
            return false;
        }
        m_sharedOffset = m_shared->clamp(offset);
        return true;
    }
    if (!m_inflater) {
        if (offset < 0 || offset > m_fileSize || !m_file.seek(offset)) {
            *error = QStringLiteral("%1: cannot seek to byte %2").arg(m_path).arg(offset);
            return false;
        }
        return true;
    }
    if (!m_file.seek(0)) {
        *error = QStringLiteral("%1: cannot seek to the start: %2").arg(m_path, m_file.errorString());
        return false;
    }
    ++m_restarts;
    Inflater &z = *m_inflater;
    inflateReset(&z.stream);
    z.stream.avail_in = 0;
    z.fileAtEnd = false;
    z.memberEnded = false;
    std::unique_ptr<char[]> scratch(new char[kCompressedChunk]);
    for (qint64 left = offset; left > 0;) {
        const qint64 n = read(scratch.get(), qMin(left, kCompressedChunk));
        if (n <= 0) {
            *error = n < 0 ? m_error : QStringLiteral("%1: cannot seek to byte %2: the data ends before").arg(m_path).arg(offset);
            return false;
        }
        left -= n;
    }
    return true;
}

qint64 TraceInput::fileBytesRead() const
{
    if (m_shared)
        return m_shared->compressedAt(m_sharedOffset);
    if (!m_inflater)
        return m_file.pos();
    return m_file.pos() - qint64(m_inflater->stream.avail_in);
}

qint64 TraceInput::read(char *data, qint64 maxBytes)
{
    if (!m_error.isEmpty())
        return -1;
    if (m_shared) {
        const qint64 n = m_shared->read(m_sharedOffset, data, maxBytes, &m_error);
        if (n > 0)
            m_sharedOffset += n;
        return n;
    }
    if (m_inflater)
        return inflate(data, maxBytes);
    const qint64 n = m_file.read(data, maxBytes);
    if (n < 0)
        m_error = QStringLiteral("%1: read error: %2").arg(m_path, m_file.errorString());
    return n;
}

qint64 TraceInput::inflate(char *data, qint64 maxBytes)
{
    Inflater &z = *m_inflater;
    const uInt room = uInt(qMin<qint64>(maxBytes, std::numeric_limits<uInt>::max()));
    z.stream.next_out = reinterpret_cast<Bytef *>(data);
    z.stream.avail_out = room;
    while (z.stream.avail_out == room) { // until some output, the end, or an error
        if (z.stream.avail_in == 0 && !z.fileAtEnd) {
            const qint64 n = m_file.read(z.input.data(), z.input.size());
            if (n < 0) {
                m_error = QStringLiteral("%1: read error: %2").arg(m_path, m_file.errorString());
                return -1;
            }
            z.fileAtEnd = n == 0;
            z.stream.next_in = reinterpret_cast<Bytef *>(z.input.data());
            z.stream.avail_in = uInt(n);
        }
        if (z.memberEnded) {
            if (z.stream.avail_in == 0 && z.fileAtEnd)
                return 0;
            if (z.stream.avail_in == 0)
                continue;
            inflateReset(&z.stream); // another gzip member follows
            z.memberEnded = false;
        }
        const int r = ::inflate(&z.stream, Z_NO_FLUSH);
        if (r == Z_STREAM_END) {
            z.memberEnded = true;
            continue;
        }
        if (r == Z_OK)
            continue;
        if (r == Z_BUF_ERROR && z.stream.avail_in == 0 && !z.fileAtEnd)
            continue; // needs more input
        if (r == Z_BUF_ERROR && z.fileAtEnd) {
            m_error = QStringLiteral("%1: truncated gzip data (the file ends inside the compressed stream)").arg(m_path);
            return -1;
        }
        m_error = QStringLiteral("%1: corrupt gzip data: %2")
                      .arg(m_path, QString::fromLatin1(z.stream.msg ? z.stream.msg : "inflate failed"));
        return -1;
    }
    return qint64(room - z.stream.avail_out);
}

} // namespace partlab
