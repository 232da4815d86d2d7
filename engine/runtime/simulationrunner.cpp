#include "simulationrunner.h"

#include "statedump.h"

#include <chrono>
#include <thread>

namespace partlab {

SimulationRunner::SimulationRunner(StateRuntime &runtime, MessageSource &source, PacingOptions pacing)
    : m_runtime(runtime)
    , m_source(source)
    , m_pacing(pacing)
{
}

void SimulationRunner::setMessageObserver(std::function<bool(const SourceMessage &)> observer)
{
    m_observer = std::move(observer);
}

void SimulationRunner::setEventObserver(std::function<void(RunnerEvent, quint64)> observer)
{
    m_eventObserver = std::move(observer);
}

void SimulationRunner::pause()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_paused.load(std::memory_order_relaxed))
        m_pauseEpoch.fetch_add(1, std::memory_order_relaxed); // a new pause, to be reported
    m_paused.store(true, std::memory_order_release);
    m_changed.notify_all();
}

void SimulationRunner::resume()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_paused.store(false, std::memory_order_release);
    m_stepTokens = 0;
    m_changed.notify_all();
}

void SimulationRunner::step(int count)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_stepTokens += qMax(0, count);
    m_changed.notify_all();
}

void SimulationRunner::stop()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_stopped.store(true, std::memory_order_release);
    m_changed.notify_all();
}

void SimulationRunner::scheduleResize(quint64 afterMessages, int partitions)
{
    m_scheduledResizes.emplace_back(afterMessages, partitions);
    std::stable_sort(m_scheduledResizes.begin(), m_scheduledResizes.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
}

void SimulationRunner::requestResize(int partitions)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_requestedPartitions.store(partitions, std::memory_order_release);
    m_changed.notify_all();
}

void SimulationRunner::setPacing(PacingOptions pacing)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_pendingPacing = pacing;
    m_pacingChanged.store(true, std::memory_order_release);
    m_changed.notify_all();
}

std::optional<SteppedMessage> SimulationRunner::lastSteppedMessage() const
{
    std::lock_guard<std::mutex> lock(m_reportMutex);
    return m_lastStepped;
}

void SimulationRunner::rememberStepped(const SourceMessage &message, quint64 sequence)
{
    // Producer thread: the partitioner is the one submit() just used (resize replaces it only here).
    SteppedMessage s;
    s.sequence = sequence;
    s.key.assign(message.key);
    s.value = message.value;
    s.volume = message.volume;
    s.partitioner = m_runtime.partitioner().name();
    s.partitions = m_runtime.partitionCount();
    s.route = m_runtime.partitioner().explain(RoutingKey::text(message.key));
    std::lock_guard<std::mutex> lock(m_reportMutex);
    m_lastStepped = std::move(s);
}

std::vector<ResizeReport> SimulationRunner::resizeReports() const
{
    std::lock_guard<std::mutex> lock(m_reportMutex);
    return m_resizeReports;
}

QString SimulationRunner::resizeError() const
{
    std::lock_guard<std::mutex> lock(m_reportMutex);
    return m_resizeError;
}

void SimulationRunner::applyPendingResizes(quint64 submitted)
{
    auto apply = [&](int partitions) {
        QString error;
        const std::optional<ResizeReport> report = m_runtime.resize(partitions, &error);
        std::lock_guard<std::mutex> lock(m_reportMutex);
        if (report)
            m_resizeReports.push_back(*report);
        else
            m_resizeError = error;
    };
    while (m_nextScheduled < m_scheduledResizes.size() && m_scheduledResizes[m_nextScheduled].first <= submitted)
        apply(m_scheduledResizes[m_nextScheduled++].second);
    if (m_requestedPartitions.load(std::memory_order_relaxed) == 0) // the common case: one plain load
        return;
    const int requested = m_requestedPartitions.exchange(0, std::memory_order_acq_rel);
    if (requested != 0 && requested != m_runtime.partitionCount())
        apply(requested);
}

bool SimulationRunner::waitWhilePaused(qint64 &pausedNs)
{
    if (!m_paused.load(std::memory_order_acquire))
        return !m_stopped.load(std::memory_order_acquire);
    // Everything before the pause is applied before we wait, so a paused view is complete.
    m_runtime.drain();
    // Once per pause, also for a resume and pause that both came while this thread waited.
    auto reportPause = [this](bool always) {
        const quint64 epoch = m_pauseEpoch.load(std::memory_order_relaxed);
        if (epoch == m_reportedPauseEpoch && !always)
            return;
        m_reportedPauseEpoch = epoch;
        if (m_eventObserver)
            m_eventObserver(RunnerEvent::PauseDrained, m_submitted.load(std::memory_order_relaxed));
    };
    reportPause(false);
    const qint64 since = steadyNowNs();
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [&] {
            return m_stopped.load(std::memory_order_relaxed) || !m_paused.load(std::memory_order_relaxed)
                   || m_stepTokens > 0 || m_requestedPartitions.load(std::memory_order_relaxed) != 0
                   || m_pauseEpoch.load(std::memory_order_relaxed) != m_reportedPauseEpoch;
        });
        if (m_paused.load(std::memory_order_relaxed) && m_pauseEpoch.load(std::memory_order_relaxed) != m_reportedPauseEpoch) {
            lock.unlock(); // resumed and paused again: nothing ran in between, the view is complete
            reportPause(false);
            lock.lock();
            continue;
        }
        if (m_requestedPartitions.load(std::memory_order_relaxed) == 0)
            break;
        // A resize while paused is applied at once, so the paused view shows the new layout.
        lock.unlock();
        applyPendingResizes(m_submitted.load(std::memory_order_relaxed));
        // The paused state changed: observers refresh what they show as after the first drain
        // (not when a resume came with the request: then the run goes on, nothing is paused).
        if (m_paused.load(std::memory_order_acquire))
            reportPause(true);
        lock.lock();
    }
    if (m_paused.load(std::memory_order_relaxed) && m_stepTokens > 0) {
        --m_stepTokens;
        m_stepping = true;
    }
    pausedNs += steadyNowNs() - since;
    return !m_stopped.load(std::memory_order_relaxed);
}

void SimulationRunner::sleepUntil(qint64 targetNs)
{
    bool flushed = false;
    for (;;) {
        const qint64 now = steadyNowNs();
        if (now >= targetNs || m_stopped.load(std::memory_order_acquire) || m_paused.load(std::memory_order_acquire)
            || m_pacingChanged.load(std::memory_order_acquire))
            return;
        if (!flushed) { // messages must not wait in a half-full batch while we sleep
            m_runtime.flush();
            flushed = true;
        }
        const qint64 ns = qMin<qint64>(targetNs - now, 20'000'000);
        std::this_thread::sleep_for(std::chrono::nanoseconds(ns));
    }
}

bool SimulationRunner::waitUntilDue(qint64 startNs, qint64 offsetNs, qint64 &pausedNs, qint64 &shiftNs)
{
    for (;;) {
        if (m_paused.load(std::memory_order_acquire)) {
            if (m_stepping) {
                // Stepping: the message goes now, and the schedule restarts from it, so resuming
                // keeps the recorded gaps instead of waiting for the time the steps skipped.
                shiftNs = steadyNowNs() - startNs - pausedNs - offsetNs;
                return true;
            }
            // Paused after this message passed the pause check: it waits like any other.
            if (!waitWhilePaused(pausedNs))
                return false;
            continue;
        }
        sleepUntil(startNs + pausedNs + shiftNs + offsetNs);
        if (m_stopped.load(std::memory_order_acquire))
            return false;
        if (!m_paused.load(std::memory_order_acquire))
            return true; // its time came, or a new pace starts with it
        // Paused while waiting: the message waits for the next step or the resume (the loop's
        // first test sends it at once when a step released it).
        if (!waitWhilePaused(pausedNs))
            return false;
    }
}

bool SimulationRunner::run()
{
    if (m_pacing.speed > 0.0 || m_pacing.rate > 0.0)
        m_runtime.setLatencySampling(1); // paced runs are slow: time every message
    const qint64 start = steadyNowNs();
    qint64 pausedNs = 0;
    qint64 shiftNs = 0; // moves the schedule after steps (see waitUntilDue)
    qint64 firstTimeUs = -1;
    quint64 count = 0;
    quint64 rateBase = 0; // message the rate schedule counts from (moves when the pace changes)
    bool ok = true;
    SourceMessage message;
    // Parallel ingestion where nothing needs the messages one by one on this thread (no pacing,
    // no observer, not stepping); the simple loop below does the rest.
    std::shared_ptr<ChunkedInput> chunked;
    if (m_runtime.config().parallelIngest && !m_observer)
        chunked = m_source.chunkedInput();
    quint64 sequentialUntil = 0; // after a phase stopped short of a limit: one by one up to it
    for (;;) {
        applyPendingResizes(count);
        m_stepping = false;
        if (count >= m_limit || !waitWhilePaused(pausedNs))
            break;
        if (chunked && count >= sequentialUntil) {
            const Phase phase = runParallelPhase(*chunked, count, sequentialUntil);
            if (phase == Phase::Failed) {
                ok = false;
                break;
            }
            if (phase == Phase::End)
                break;
            if (phase == Phase::Ran)
                continue;
        }
        const MessageSource::Status status = m_source.next(message);
        if (status == MessageSource::Status::End)
            break;
        if (status == MessageSource::Status::Error) {
            m_error = m_source.errorString();
            ok = false;
            break;
        }
        if (m_pacingChanged.load(std::memory_order_acquire)) {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_pacingChanged.store(false, std::memory_order_relaxed);
            m_pacing = m_pendingPacing;
            lock.unlock();
            // Restart the schedule at this message: it is due now, later ones at the new pace.
            firstTimeUs = -1;
            rateBase = count;
            shiftNs = steadyNowNs() - start - pausedNs;
            if (m_pacing.speed > 0.0 || m_pacing.rate > 0.0)
                m_runtime.setLatencySampling(1);
        }
        qint64 offsetNs = -1; // when this message is due, relative to the first one
        if (m_pacing.speed > 0.0 && message.timeUs >= 0) {
            if (firstTimeUs < 0)
                firstTimeUs = message.timeUs;
            offsetNs = qint64(double(message.timeUs - firstTimeUs) * 1000.0 / m_pacing.speed);
        } else if (m_pacing.rate > 0.0) {
            offsetNs = qint64(double(count - rateBase) * 1e9 / m_pacing.rate);
        }
        if (offsetNs >= 0 && !waitUntilDue(start, offsetNs, pausedNs, shiftNs))
            break;
        if (m_observer && !m_observer(message)) {
            m_error = QStringLiteral("recording failed");
            ok = false;
            break;
        }
        if (m_runtime.submit(message.key, message.value, message.volume) == StateRuntime::SubmitResult::TooManyKeys) {
            ok = false;
            break;
        }
        ++count;
        m_submitted.store(count, std::memory_order_relaxed);
        // A step released this message: apply it now. One that was under way when the pause came
        // is no step; the next pause check drains it with the rest.
        if (m_stepping) {
            rememberStepped(message, count);
            m_runtime.drain();
            if (m_eventObserver)
                m_eventObserver(RunnerEvent::StepApplied, count);
        }
    }
    if (ok)
        applyPendingResizes(count); // a resize scheduled at the very last message
    m_runtime.drain();
    // Owners enforce the key limit, so a refusal can surface only once its batch is applied.
    if (const std::optional<std::string> key = m_runtime.keyLimitExceeded()) {
        QString where = m_source.location();
        // Refused inside a parallel phase: the refused key is new (refused keys never enter the
        // state), so its first message since that phase began is the one refused; read up to it
        // once more to name its line.
        if (m_keyLimitInPhase && m_lastPhaseStart && m_source.seek(*m_lastPhaseStart, nullptr)) {
            SourceMessage m;
            while (m_source.next(m) == MessageSource::Status::Message) {
                if (m.key == *key) {
                    where = m_source.location();
                    break;
                }
            }
        }
        m_error = QStringLiteral("%1more than %2 distinct keys by this point; '%3' was the first key over the limit "
                                 "and was not applied (raise --max-keys)")
                      .arg(where.isEmpty() ? QString() : where + QStringLiteral(": "))
                      .arg(m_runtime.config().maxKeys)
                      .arg(QString::fromUtf8(key->data(), qsizetype(key->size())));
        ok = false;
    }
    m_elapsedSeconds = double(steadyNowNs() - start - pausedNs) / 1e9;
    return ok;
}

bool SimulationRunner::parallelAllowedNow() const
{
    return m_pacing.speed <= 0.0 && m_pacing.rate <= 0.0 && !m_paused.load(std::memory_order_acquire)
           && !m_stopped.load(std::memory_order_acquire) && m_requestedPartitions.load(std::memory_order_acquire) == 0
           && !m_pacingChanged.load(std::memory_order_acquire);
}

SimulationRunner::Phase SimulationRunner::runParallelPhase(ChunkedInput &input, quint64 &count, quint64 &sequentialUntil)
{
    if (!parallelAllowedNow())
        return Phase::NotNow;
    const std::optional<InputPosition> at = m_source.position();
    if (!at)
        return Phase::NotNow; // inside a line of words: one by one to the end of it
    IngestRequest request;
    request.start = *at;
    request.start.message = count;
    m_lastPhaseStart = request.start;
    request.messageLimit = m_limit;
    if (m_nextScheduled < m_scheduledResizes.size())
        request.messageLimit = qMin(request.messageLimit, m_scheduledResizes[m_nextScheduled].first);
    QString error;
    const std::optional<IngestResult> result = m_runtime.ingest(input, request, [this](quint64 confirmed) {
        m_submitted.store(confirmed, std::memory_order_relaxed);
        return parallelAllowedNow();
    }, &error);
    if (!result) {
        m_error = error;
        return Phase::Failed;
    }
    count = result->end.message;
    m_submitted.store(count, std::memory_order_relaxed);
    m_parallelMessages += result->messages;
    m_reparsedChunks += result->reparsed;
    m_keyLimitInPhase = m_runtime.keyLimitExceeded().has_value();
    if (!result->error.isEmpty()) {
        m_error = result->error;
        return Phase::Failed;
    }
    if (result->atEnd)
        return Phase::End;
    if (result->limitAhead)
        sequentialUntil = request.messageLimit; // the rest up to the limit is less than a chunk
    if (!m_source.seek(result->end, &error)) {
        m_error = error;
        return Phase::Failed;
    }
    return Phase::Ran;
}

RunSummary SimulationRunner::summarize(StateRuntime &runtime, double elapsedSeconds)
{
    RunSummary s;
    const RuntimeSnapshot snap = runtime.snapshot();
    s.messages = snap.applied;
    s.elapsedSeconds = elapsedSeconds;
    s.throughput = elapsedSeconds > 0 ? double(snap.applied) / elapsedSeconds : 0.0;
    s.latency = snap.latency;
    s.skew = snap.skew;
    for (const PartitionStats &p : snap.partitions) {
        s.partitionMessages.push_back(p.applied);
        s.partitionKeys.push_back(p.keys);
    }
    s.state = runtime.collectState();
    s.checksum = stateChecksum(s.state);
    return s;
}

} // namespace partlab
