#include "traceindex.h"

#include <algorithm>

namespace partlab {

namespace {
constexpr quint64 kProgressEvery = 8192; ///< messages between two progress calls
}

std::optional<TraceIndex> TraceIndex::build(const QString &path, const TraceOptions &options, quint64 every,
                                            const std::function<bool(qint64, qint64)> &progress, QString *error)
{
    QString openError;
    std::unique_ptr<TraceSource> source = TraceSource::open(path, options, &openError);
    if (!source) {
        if (error)
            *error = openError;
        return std::nullopt;
    }
    TraceIndex index;
    index.m_path = path;
    index.m_options = options;
    index.m_every = qMax<quint64>(1, every);
    TracePosition first = source->resumePosition();
    index.m_positions.push_back(first);

    SourceMessage m;
    quint64 count = 0;
    for (;;) {
        if (progress && count % kProgressEvery == 0 && !progress(source->bytesRead(), source->bytesTotal())) {
            if (error)
                error->clear();
            return std::nullopt;
        }
        const MessageSource::Status status = source->next(m);
        if (status == MessageSource::Status::End)
            break;
        if (status == MessageSource::Status::Error) {
            if (error)
                *error = source->errorString();
            return std::nullopt;
        }
        ++count;
        if (m.timeUs >= 0) {
            if (index.m_firstTimeUs < 0)
                index.m_firstTimeUs = m.timeUs;
            index.m_lastTimeUs = m.timeUs;
        }
        if (count - index.m_positions.back().message >= index.m_every && source->canResumeHere()) {
            TracePosition p = source->resumePosition();
            p.message = count;
            index.m_positions.push_back(p);
        }
    }
    index.m_messages = count;
    if (progress)
        progress(source->bytesTotal(), source->bytesTotal());
    return index;
}

TracePosition TraceIndex::nearest(quint64 message) const
{
    auto it = std::upper_bound(m_positions.begin(), m_positions.end(), message,
                               [](quint64 m, const TracePosition &p) { return m < p.message; });
    return it == m_positions.begin() ? m_positions.front() : *std::prev(it);
}

std::unique_ptr<TraceSource> TraceIndex::openAt(quint64 message, QString *error) const
{
    std::unique_ptr<TraceSource> source = TraceSource::open(m_path, m_options, error);
    if (!source || m_positions.empty())
        return source;
    const TracePosition at = nearest(message);
    if (at.message > 0 && !source->seek(at, error))
        return nullptr;
    SourceMessage m;
    for (quint64 i = at.message; i < message; ++i) {
        const MessageSource::Status status = source->next(m);
        if (status == MessageSource::Status::Error) {
            if (error)
                *error = source->errorString();
            return nullptr;
        }
        if (status == MessageSource::Status::End) {
            if (error)
                *error = QStringLiteral("%1: ends before message %2 (did the file change since it was indexed?)")
                             .arg(m_path).arg(message + 1);
            return nullptr;
        }
    }
    return source;
}

} // namespace partlab
