#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace partlab {

class TraceInput;

/**
 * A gzip trace inflated once, by one thread of its own, into blocks that any number of readers
 * read at any offset of the decompressed stream: what lets the workers of a parallel ingestion
 * parse chunks of a .gz trace while one thread does nothing but inflate (gzip cannot be entered
 * in the middle, so the inflating stays sequential; the parsing, routing and applying do not).
 *
 * Memory stays bounded: the inflater runs at most a window of bytes ahead of what the readers
 * released (release(), in input order: the bytes no chunk will read again), further only as far
 * as a waiting reader asks for (so a record longer than the window never deadlocks). The bytes
 * below pin() stay (the CSV header every new reader reads first). Errors of the file (corrupt or
 * truncated data) reach the reader at the offset where they happen, as TraceInput words them.
 */
class InflatedStream
{
public:
    static constexpr qint64 kBlockBytes = qint64(1) << 20;
    /** Bytes inflated ahead of the last release by default: 16 blocks. */
    static constexpr qint64 kWindowBytes = 16 * kBlockBytes;

    /**
     * Opens @p path (gzip) for inflating, which starts with the first read; nullptr with
     * @p error ("FILE: reason") when it cannot be opened. Smaller blocks and windows than the
     * defaults are for tests.
     */
    static std::shared_ptr<InflatedStream> start(const QString &path, QString *error, qint64 windowBytes = kWindowBytes,
                                                 qint64 blockBytes = kBlockBytes);
    ~InflatedStream();
    InflatedStream(const InflatedStream &) = delete;
    InflatedStream &operator=(const InflatedStream &) = delete;

    /**
     * Copies up to @p maxBytes from @p offset, waiting for the inflater: the bytes copied, 0 at
     * the end of the stream, -1 with @p error on a read or gzip error (or for released bytes).
     */
    qint64 read(qint64 offset, char *data, qint64 maxBytes, QString *error);
    /** @p offset, or the end of the stream when it lies beyond (waits until that is known). */
    qint64 clamp(qint64 offset);
    /** Whether read() can still serve @p offset: it was not released, or it lies in a pinned block. */
    bool holds(qint64 offset) const;
    /** No reader will read below @p offset again (monotonic: a lower offset changes nothing). */
    void release(qint64 offset);
    /** The bytes below @p offset stay whatever is released (call before the first release). */
    void pin(qint64 offset);
    /** Compressed bytes the inflater had read when it produced @p offset: progress against the file size. */
    qint64 compressedAt(qint64 offset) const;
    qint64 fileSize() const { return m_fileSize; }
    /** Decompressed bytes held in memory now (for tests and the bench). */
    qint64 bytesHeld() const;

private:
    struct Block
    {
        QByteArray bytes;
        qint64 compressedEnd = 0; ///< compressed bytes read when the block was complete
    };

    InflatedStream() = default;
    void run(TraceInput &input);
    /** The block holding @p offset, once inflated; nullptr at the end or on an error (m_error). Needs m_mutex. */
    std::shared_ptr<const Block> waitForBlock(std::unique_lock<std::mutex> &lock, qint64 offset);
    void dropReleased();

    QString m_path;
    qint64 m_fileSize = 0;
    qint64 m_window = kWindowBytes;
    qint64 m_blockBytes = kBlockBytes;
    mutable std::mutex m_mutex;
    std::condition_variable m_produced; ///< a block, the end or an error arrived
    std::condition_variable m_wanted;   ///< a release, a demand or a stop: the inflater may go on
    std::map<qint64, std::shared_ptr<const Block>> m_blocks; ///< by index (offset / m_blockBytes)
    qint64 m_inflated = 0; ///< bytes inflated so far
    bool m_ended = false;  ///< m_inflated is the stream's length (or m_error is set)
    QString m_error;
    qint64 m_released = 0;
    qint64 m_pinned = 0;
    qint64 m_demand = 0;   ///< the highest offset a waiting reader needs
    bool m_stop = false;
    std::unique_ptr<TraceInput> m_input; ///< the file, until the thread that inflates it starts
    std::thread m_thread;
};

} // namespace partlab
