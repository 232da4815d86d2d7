#include "inflatedstream.h"

#include "traceinput.h"

#include <algorithm>
#include <cstring>

namespace partlab {

std::shared_ptr<InflatedStream> InflatedStream::start(const QString &path, QString *error, qint64 windowBytes, qint64 blockBytes)
{
    auto input = std::make_unique<TraceInput>();
    if (!input->open(path, error))
        return nullptr;
    std::shared_ptr<InflatedStream> stream(new InflatedStream);
    stream->m_path = path;
    stream->m_fileSize = input->fileSize();
    stream->m_blockBytes = qMax<qint64>(1, blockBytes);
    stream->m_window = qMax(stream->m_blockBytes, windowBytes);
    stream->m_input = std::move(input); // inflated from the first read on
    return stream;
}

InflatedStream::~InflatedStream()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_wanted.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void InflatedStream::run(TraceInput &input)
{
    for (qint64 index = 0;; ++index) {
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            // Within the window past the released bytes, or as far as a waiting reader needs.
            m_wanted.wait(lock, [&] { return m_stop || m_inflated - m_released < m_window || m_demand >= m_inflated; });
            if (m_stop)
                return;
        }
        auto block = std::make_shared<Block>();
        block->bytes.resize(m_blockBytes);
        qint64 filled = 0;
        QString failure;
        while (filled < m_blockBytes) {
            const qint64 n = input.read(block->bytes.data() + filled, m_blockBytes - filled);
            if (n < 0) {
                failure = input.errorString();
                break;
            }
            if (n == 0)
                break;
            filled += n;
        }
        block->bytes.resize(filled);
        block->compressedEnd = input.fileBytesRead();
        std::lock_guard<std::mutex> lock(m_mutex);
        if (filled > 0)
            m_blocks.emplace(index, std::move(block));
        m_inflated += filled;
        if (!failure.isEmpty() || filled < m_blockBytes) {
            m_error = failure;
            m_ended = true;
        }
        dropReleased(); // a reader may have released this block while it was inflated
        m_produced.notify_all();
        if (m_ended)
            return;
    }
}

std::shared_ptr<const InflatedStream::Block> InflatedStream::waitForBlock(std::unique_lock<std::mutex> &lock, qint64 offset)
{
    if (m_input) // the first read: the stream costs no thread and no memory until a parallel phase reads it
        m_thread = std::thread([this, input = std::move(m_input)] { run(*input); });
    for (;;) {
        if (offset < m_inflated) {
            const auto it = m_blocks.find(offset / m_blockBytes);
            return it == m_blocks.end() ? nullptr : it->second;
        }
        if (m_ended || m_stop)
            return nullptr;
        if (m_demand < offset) {
            m_demand = offset;
            m_wanted.notify_all();
        }
        m_produced.wait(lock);
    }
}

qint64 InflatedStream::read(qint64 offset, char *data, qint64 maxBytes, QString *error)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    const std::shared_ptr<const Block> block = waitForBlock(lock, offset);
    if (!block) {
        if (offset < m_inflated) {
            *error = QStringLiteral("%1: internal error: byte %2 was read and released already").arg(m_path).arg(offset);
            return -1;
        }
        if (!m_error.isEmpty()) {
            *error = m_error;
            return -1;
        }
        return 0;
    }
    lock.unlock(); // the block is immutable and kept alive by this reference
    const qint64 at = offset % m_blockBytes;
    const qint64 n = qMin(maxBytes, qint64(block->bytes.size()) - at);
    std::memcpy(data, block->bytes.constData() + at, std::size_t(n));
    return n;
}

qint64 InflatedStream::clamp(qint64 offset)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    waitForBlock(lock, offset);
    return qMin(offset, m_inflated);
}

bool InflatedStream::holds(qint64 offset) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    // A block is dropped only when all of it lies below the released offset (see dropReleased).
    return offset >= m_released || m_blocks.count(offset / m_blockBytes) > 0;
}

void InflatedStream::release(qint64 offset)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (offset <= m_released)
            return;
        m_released = offset;
        dropReleased();
    }
    m_wanted.notify_all();
}

void InflatedStream::pin(qint64 offset)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_pinned = qMax(m_pinned, offset);
}

void InflatedStream::dropReleased()
{
    // A block goes when all of it lies below the released offset and none of it below the pin.
    for (auto it = m_blocks.begin(); it != m_blocks.end();) {
        const qint64 begin = it->first * m_blockBytes;
        if (begin + qint64(it->second->bytes.size()) > m_released)
            break;
        it = begin >= m_pinned ? m_blocks.erase(it) : std::next(it);
    }
}

qint64 InflatedStream::compressedAt(qint64 offset) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const auto it = m_blocks.upper_bound(offset / m_blockBytes);
    if (it != m_blocks.begin())
        return std::prev(it)->second->compressedEnd;
    return 0;
}

qint64 InflatedStream::bytesHeld() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    qint64 held = 0;
    for (const auto &[index, block] : m_blocks)
        held += block->bytes.size();
    return held;
}

} // namespace partlab
