#pragma once

#include "model/messagesource.h"

#include <QtGlobal>

#include <atomic>
#include <functional>
#include <memory>

namespace partlab {

/**
 * Wraps a MessageSource so background jobs (advisor, A/B comparison) can stop it: it ends after
 * @p limit messages, or as soon as @p cancel becomes true, and counts what it passed on (any
 * thread may read count() for a progress bar).
 */
class BoundedSource final : public MessageSource
{
public:
    BoundedSource(std::unique_ptr<MessageSource> inner, quint64 limit, const std::atomic<bool> *cancel)
        : m_inner(std::move(inner))
        , m_limit(limit)
        , m_cancel(cancel)
    {
    }

    /** Called on the reading thread every @p every messages with the fraction done (0..1). */
    void setProgress(std::function<void(double)> progress, quint64 every = 16384)
    {
        m_progress = std::move(progress);
        m_progressEvery = qMax<quint64>(1, every);
    }

    Status next(SourceMessage &out) override
    {
        const quint64 count = m_count.load(std::memory_order_relaxed);
        if (count >= m_limit || (m_cancel && m_cancel->load(std::memory_order_relaxed)))
            return Status::End;
        const Status s = m_inner->next(out);
        if (s == Status::Message) {
            m_count.store(count + 1, std::memory_order_relaxed);
            if (m_progress && (count + 1) % m_progressEvery == 0)
                m_progress(fraction());
        }
        return s;
    }

    /** How far through the source (or the limit) the reading is, 0..1. */
    double fraction() const
    {
        const quint64 count = m_count.load(std::memory_order_relaxed);
        const qint64 expected = m_inner->expectedMessages();
        if (expected > 0)
            return qMin(1.0, double(count) / double(qMin<quint64>(quint64(expected), m_limit)));
        if (m_inner->bytesTotal() > 0)
            return qMax(qMin(1.0, double(m_inner->bytesRead()) / double(m_inner->bytesTotal())), double(count) / double(m_limit));
        return double(count) / double(m_limit);
    }

    QString errorString() const override { return m_inner->errorString(); }
    qint64 bytesRead() const override { return m_inner->bytesRead(); }
    qint64 bytesTotal() const override { return m_inner->bytesTotal(); }
    qint64 expectedMessages() const override
    {
        const qint64 expected = m_inner->expectedMessages();
        return expected < 0 ? -1 : qint64(qMin<quint64>(quint64(expected), m_limit));
    }
    QString location() const override { return m_inner->location(); }

    quint64 count() const { return m_count.load(std::memory_order_relaxed); }
    bool cancelled() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }

private:
    std::unique_ptr<MessageSource> m_inner;
    quint64 m_limit;
    const std::atomic<bool> *m_cancel;
    std::atomic<quint64> m_count{0};
    std::function<void(double)> m_progress;
    quint64 m_progressEvery = 16384;
};

} // namespace partlab
