#pragma once

#include <QFile>
#include <QString>

#include <memory>

namespace partlab {

class InflatedStream;

/**
 * The bytes of a trace file, inflated on the fly when the file is gzip-compressed. Compression
 * is recognised by the gzip magic bytes, not the name, so a renamed file still reads; several
 * concatenated gzip members (`cat a.gz b.gz`) read as one stream, like gunzip does. A file that
 * ends inside a compressed stream is an error, never a silently short trace.
 */
class TraceInput
{
public:
    TraceInput();
    ~TraceInput();
    TraceInput(const TraceInput &) = delete;
    TraceInput &operator=(const TraceInput &) = delete;

    /** Opens @p path; false with a one-line @p error ("FILE: reason"). */
    bool open(const QString &path, QString *error);
    /**
     * Reads the gzip file @p path through @p stream, inflated once by its own thread and shared
     * with other readers: seek() is then immediate, and an offset beyond the end lands at the end.
     */
    bool openShared(const QString &path, std::shared_ptr<InflatedStream> stream, QString *error);

    /**
     * Lets seek() go on through @p stream, the gzip file's shared inflater, wherever the stream
     * still holds the offset, instead of restarting this reader's own decoder (for the reader
     * that owns a parallel replay: after a phase it continues where the phase stopped, and a
     * pause or a resize then inflates nothing twice). Offsets the stream released already are
     * reached by the own decoder, as before.
     */
    void follow(std::shared_ptr<InflatedStream> stream);
    /** While reading through the stream given to follow(): no read will go below @p offset again. */
    void releaseBelow(qint64 offset);

    /**
     * Continues reading at byte @p offset of the (decompressed) stream. A plain file seeks; a
     * gzip stream cannot, so it restarts the decoder and inflates its way there (or, see
     * follow(), reads on from the shared inflater). False with a one-line @p error when the
     * offset lies beyond the end or the file cannot be read.
     */
    bool seek(qint64 offset, QString *error);
    /** How often seek() restarted the own gzip decoder and inflated from the start again. */
    int decoderRestarts() const { return m_restarts; }

    /** Reads up to @p maxBytes decompressed bytes; 0 at the end, -1 on error (errorString()). */
    qint64 read(char *data, qint64 maxBytes);

    bool isCompressed() const { return m_inflater != nullptr || m_shared != nullptr; }
    /** Bytes of the file consumed so far (compressed bytes for .gz): progress against fileSize(). */
    qint64 fileBytesRead() const;
    qint64 fileSize() const { return m_fileSize; }
    QString errorString() const { return m_error; }

private:
    struct Inflater;
    qint64 inflate(char *data, qint64 maxBytes);

    QString m_path;
    QFile m_file;
    qint64 m_fileSize = 0;
    QString m_error;
    std::unique_ptr<Inflater> m_inflater;
    std::shared_ptr<InflatedStream> m_shared; ///< set: every read goes through this stream
    std::weak_ptr<InflatedStream> m_follow; ///< see follow() (weak: the run's chunked input owns it)
    qint64 m_sharedOffset = 0; ///< where the next read() of the shared stream starts
    int m_restarts = 0;
};

} // namespace partlab
