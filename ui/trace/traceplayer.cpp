#include "traceplayer.h"

#include "fileopener.h"
#include "model/numberformat.h"
#include "session/simulationsession.h"
#include "trace/csvprobe.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSlider>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace partlab {

namespace {
constexpr int kPositionSteps = 1'000'000;

} // namespace

TracePlayer::TracePlayer(QWidget *parent)
    : QWidget(parent)
    , m_open(new QPushButton(tr("&Open Trace…"), this))
    , m_file(new QLabel(tr("No trace open."), this))
    , m_indexProgress(new QProgressBar(this))
    , m_cancelIndex(new QToolButton(this))
    , m_play(new QToolButton(this))
    , m_pause(new QToolButton(this))
    , m_step(new QToolButton(this))
    , m_speed(new QSlider(Qt::Horizontal, this))
    , m_speedLabel(new QLabel(this))
    , m_positionSlider(new QSlider(Qt::Horizontal, this))
    , m_positionLabel(new QLabel(this))
    , m_timer(new QTimer(this))
{
    m_open->setToolTip(tr("Open a trace (csv, jsonl, kv or words, optionally .gz) and index it for seeking"));
    m_indexProgress->setRange(0, 1000);
    m_indexProgress->setFormat(tr("Indexing… %p%"));
    m_indexProgress->setMaximumWidth(220);
    m_indexProgress->hide();
    m_cancelIndex->setText(tr("Cancel"));
    m_cancelIndex->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_cancelIndex->hide();
    m_play->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_play->setToolTip(tr("Play the trace through the configured runtime"));
    m_pause->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
    m_pause->setToolTip(tr("Pause; everything sent so far is applied first"));
    m_step->setIcon(style()->standardIcon(QStyle::SP_MediaSkipForward));
    m_step->setToolTip(tr("Send one message (step mode)"));
    m_speed->setRange(0, kSpeedSteps + 1);
    m_speed->setValue(10);
    m_speed->setPageStep(5);
    // Usable at the dock's default size: the sliders never shrink below a draggable width
    // (a zero-width QSlider looks like a check box), and the position gets a row of its own.
    m_speed->setMinimumWidth(140);
    m_speed->setToolTip(tr("Playback speed: the recorded gaps between messages divided by this factor (far right: as fast as possible)"));
    m_speedLabel->setMinimumWidth(qMax(m_speedLabel->fontMetrics().horizontalAdvance(tr("max")),
                                       m_speedLabel->fontMetrics().horizontalAdvance(QStringLiteral("0.25x"))) + 8);
    m_positionSlider->setRange(0, 0);
    m_positionSlider->setMinimumWidth(200);
    m_positionSlider->setToolTip(tr("Position in the trace: drag to jump (a new run starts there)"));
    m_file->setMinimumWidth(80);
    m_file->setWordWrap(true);

    auto *top = new QHBoxLayout;
    top->addWidget(m_open);
    top->addWidget(m_file, 1);
    top->addWidget(m_indexProgress);
    top->addWidget(m_cancelIndex);
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_play);
    controls->addWidget(m_pause);
    controls->addWidget(m_step);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Speed"), this));
    controls->addWidget(m_speed, 1);
    controls->addWidget(m_speedLabel);
    auto *position = new QHBoxLayout;
    position->addWidget(m_positionSlider, 1);
    position->addWidget(m_positionLabel);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(controls);
    layout->addLayout(position);

    m_timer->setInterval(200);
    connect(m_timer, &QTimer::timeout, this, &TracePlayer::updatePosition);
    connect(m_open, &QPushButton::clicked, this, &TracePlayer::chooseFile);
    connect(m_cancelIndex, &QToolButton::clicked, this, &TracePlayer::cancelIndexing);
    connect(m_play, &QToolButton::clicked, this, &TracePlayer::play);
    connect(m_pause, &QToolButton::clicked, this, &TracePlayer::pause);
    connect(m_step, &QToolButton::clicked, this, &TracePlayer::step);
    connect(m_speed, &QSlider::valueChanged, this, &TracePlayer::onSpeedSlider);
    connect(m_positionSlider, &QSlider::sliderReleased, this, [this] {
        if (m_index)
            seek(quint64(double(m_positionSlider->value()) / m_positionSlider->maximum() * double(m_index->messageCount())));
    });
    connect(m_positionSlider, &QSlider::valueChanged, this, [this](int value) {
        if (m_updatingSlider || m_positionSlider->isSliderDown() || !m_index || m_positionSlider->maximum() == 0)
            return;
        seek(quint64(double(value) / m_positionSlider->maximum() * double(m_index->messageCount())));
    });
    connect(&m_indexWatcher, &QFutureWatcher<TraceIndexOutcome>::progressValueChanged, m_indexProgress, &QProgressBar::setValue);
    connect(&m_indexWatcher, &QFutureWatcher<TraceIndexOutcome>::finished, this, &TracePlayer::onIndexed);
    connect(&m_openWatcher, &QFutureWatcher<Opened>::finished, this, &TracePlayer::onSourceOpened);
    onSpeedSlider(m_speed->value());
    updateControls();
}

TracePlayer::~TracePlayer()
{
    cancelIndexing();
    m_indexWatcher.waitForFinished();
    m_openWatcher.waitForFinished();
}

void TracePlayer::setSession(SimulationSession *session)
{
    m_session = session;
    connect(session, &SimulationSession::runStarted, this, [this] { m_ownRun = m_starting; });
    connect(session, &SimulationSession::stateChanged, this, &TracePlayer::updateControls);
    connect(session, &SimulationSession::runEnded, this, [this] {
        if (m_ownRun)
            m_position = m_runStart + m_session->messagesSubmitted();
        m_ownRun = false;
        updatePosition();
        if (m_seekPending) {
            m_seekPending = false;
            startAt(m_position, m_after);
        }
    });
}

TraceOptions TracePlayer::suggestOptions(const QString &path, QString *error)
{
    TraceOptions o;
    o.fields.defaultNames = true;
    const std::optional<TraceFormat> format = traceFormatFromPath(path);
    o.format = format.value_or(TraceFormat::Kv);
    if (o.format == TraceFormat::Csv) {
        CsvProbe probe = probeCsv(path);
        if (!probe.error.isEmpty()) {
            if (error)
                *error = probe.error;
            return o;
        }
        if (probe.guess.key.isEmpty()) {
            if (error)
                *error = tr("%1: no column name looks like a key (symbol, key, id, customer, user, …): "
                            "open it in the configuration dock and choose the key column").arg(path);
            return o;
        }
        o.fields.key = probe.guess.key;
        o.fields.value = probe.guess.value;
        o.fields.volume = probe.guess.volume;
        o.fields.time = probe.guess.time;
    } else if (o.format == TraceFormat::Jsonl) {
        o.fields.key = QStringLiteral("key");
    }
    return o;
}

void TracePlayer::chooseFile()
{
    const QString path = FileOpener::choose(this, FileOpener::Kind::Trace);
    if (path.isEmpty())
        return;
    QString error;
    const TraceOptions options = suggestOptions(path, &error);
    if (!error.isEmpty()) {
        m_file->setText(error);
        return;
    }
    openTrace(path, options);
}

bool TracePlayer::openTrace(const QString &path, const TraceOptions &options)
{
    if (ownsRun())
        m_session->stop();
    cancelIndexing();
    m_indexWatcher.waitForFinished();
    m_path = path;
    m_options = options;
    m_index.reset();
    m_indexError.clear();
    m_position = 0;
    m_file->setText(tr("%1 (%2): indexing…").arg(QFileInfo(path).fileName(), traceFormatName(options.format)));
    m_indexing = true;
    m_indexProgress->setValue(0);
    m_indexProgress->show();
    m_cancelIndex->show();
    m_indexWatcher.setFuture(QtConcurrent::run([path, options](QPromise<TraceIndexOutcome> &promise) {
        promise.setProgressRange(0, 1000);
        TraceIndexOutcome outcome;
        std::optional<TraceIndex> index = TraceIndex::build(path, options, kIndexEvery, [&promise](qint64 done, qint64 total) {
            promise.setProgressValue(total > 0 ? int(1000 * double(done) / double(total)) : 0);
            return !promise.isCanceled();
        }, &outcome.error);
        if (index)
            outcome.index = std::make_shared<const TraceIndex>(std::move(*index));
        promise.addResult(outcome);
    }));
    updateControls();
    return true;
}

void TracePlayer::cancelIndexing()
{
    if (m_indexWatcher.isRunning())
        m_indexWatcher.cancel();
}

int TracePlayer::indexProgressPermille() const
{
    return m_indexProgress->value();
}

void TracePlayer::onIndexed()
{
    m_indexing = false;
    m_indexProgress->hide();
    m_cancelIndex->hide();
    const QFuture<TraceIndexOutcome> future = m_indexWatcher.future();
    const QString name = QFileInfo(m_path).fileName();
    if (future.isCanceled() || future.resultCount() == 0) {
        m_indexError.clear();
        m_file->setText(tr("%1: indexing cancelled.").arg(name));
        updateControls();
        return;
    }
    const TraceIndexOutcome outcome = future.result();
    if (!outcome.index) {
        m_indexError = outcome.error;
        m_file->setText(outcome.error.isEmpty() ? tr("%1: indexing cancelled.").arg(name) : tr("Cannot play: %1").arg(outcome.error));
        updateControls();
        return;
    }
    m_index = outcome.index;
    QString text = tr("%1 (%2): %3 messages").arg(name, traceFormatName(m_options.format), fmt::count(qulonglong(m_index->messageCount())));
    if (m_index->firstTimeUs() >= 0)
        text += tr(", %1 s recorded").arg(fmt::decimal(double(m_index->lastTimeUs() - m_index->firstTimeUs()) / 1e6, 1));
    else
        text += tr(", no timestamps (1x = %1 msg/s)").arg(kUntimedRate);
    m_file->setText(text);
    m_file->setToolTip(m_path);
    m_updatingSlider = true;
    m_positionSlider->setRange(0, int(qMin<quint64>(m_index->messageCount(), kPositionSteps)));
    m_updatingSlider = false;
    updatePosition();
    updateControls();
    emit indexReady();
}

PacingOptions TracePlayer::pacing() const
{
    PacingOptions p;
    const double s = speed();
    if (s <= 0.0)
        return p; // as fast as possible
    p.speed = s;
    p.rate = kUntimedRate * s; // only for messages without a timestamp
    return p;
}

double TracePlayer::speed() const
{
    const int v = m_speed->value();
    return v > kSpeedSteps ? 0.0 : 0.1 * std::pow(10.0, v / 10.0);
}

void TracePlayer::setSpeed(double speed)
{
    m_speed->setValue(speed <= 0.0 ? kSpeedSteps + 1 : qBound(0, int(std::lround(10.0 * std::log10(speed / 0.1))), kSpeedSteps));
}

void TracePlayer::onSpeedSlider(int)
{
    const double s = speed();
    m_speedLabel->setText(s <= 0.0 ? tr("max") : s < 1.0 ? tr("%1x").arg(fmt::decimal(s, 2)) : tr("%1x").arg(fmt::decimal(s, s < 10 ? 1 : 0)));
    if (ownsRun())
        m_session->setPacing(pacing());
}

bool TracePlayer::ownsRun() const
{
    return m_ownRun && m_session && m_session->isActive();
}

quint64 TracePlayer::position() const
{
    return ownsRun() ? m_runStart + m_session->messagesSubmitted() : m_position;
}

void TracePlayer::play()
{
    if (!m_index || !m_session)
        return;
    if (ownsRun()) {
        if (m_session->state() == RunState::Paused)
            m_session->resume();
        return;
    }
    if (m_position >= m_index->messageCount())
        m_position = 0; // played to the end: start again
    if (m_session->isActive()) { // another run (the dock's): stop it, then play
        m_seekPending = true;
        m_after = After::Play;
        m_session->stop();
        return;
    }
    startAt(m_position, After::Play);
}

void TracePlayer::pause()
{
    if (ownsRun() && m_session->state() == RunState::Running)
        m_session->pause();
}

void TracePlayer::step()
{
    if (!m_index || !m_session)
        return;
    if (ownsRun()) {
        m_session->step(1);
        return;
    }
    if (m_session->isActive()) {
        m_seekPending = true;
        m_after = After::Step;
        m_session->stop();
        return;
    }
    startAt(m_position, After::Step);
}

void TracePlayer::seek(quint64 message)
{
    if (!m_index)
        return;
    message = qMin(message, m_index->messageCount());
    if (ownsRun()) {
        m_after = m_session->state() == RunState::Paused ? After::Pause : After::Play;
        m_seekPending = true;
        m_session->stop(); // runEnded starts the new run at m_position
        m_ownRun = false;  // the old run's count must not move the new position
    }
    m_position = message;
    updatePosition();
}

void TracePlayer::startAt(quint64 message, After after)
{
    if (!m_index || m_openWatcher.isRunning())
        return;
    m_after = after;
    m_runStart = message;
    m_position = message;
    const std::shared_ptr<const TraceIndex> index = m_index;
    // Reopening a .gz inflates up to the position: never on the UI thread.
    m_openWatcher.setFuture(QtConcurrent::run([index, message] {
        Opened o;
        o.source = std::make_shared<std::unique_ptr<TraceSource>>(index->openAt(message, &o.error));
        return o;
    }));
    updateControls();
}

void TracePlayer::onSourceOpened()
{
    Opened o = m_openWatcher.result();
    if (!o.source || !*o.source) {
        m_file->setText(tr("Cannot play: %1").arg(o.error));
        updateControls();
        return;
    }
    m_starting = true;
    const bool started = m_session->startWithSource(std::move(*o.source), pacing(), QFileInfo(m_path).fileName(),
                                                    m_after != After::Play, m_runStart);
    m_starting = false;
    if (!started) {
        m_file->setText(tr("Cannot play: %1").arg(m_session->lastError()));
        updateControls();
        return;
    }
    if (m_after == After::Step)
        m_session->step(1);
    m_timer->start();
    updateControls();
}

void TracePlayer::updatePosition()
{
    const quint64 at = position();
    const quint64 total = m_index ? m_index->messageCount() : 0;
    // Messages sent so far: the last one stepped is message #at, as the Message path numbers it.
    m_positionLabel->setText(total ? tr("%1 of %2 sent").arg(fmt::count(qulonglong(qMin(at, total))), fmt::count(qulonglong(total)))
                                   : QString());
    if (total && !m_positionSlider->isSliderDown()) {
        m_updatingSlider = true;
        m_positionSlider->setValue(int(double(at) / double(total) * m_positionSlider->maximum()));
        m_updatingSlider = false;
    }
    if (!ownsRun() && !m_seekPending)
        m_timer->stop();
    emit positionChanged(at);
}

void TracePlayer::updateControls()
{
    const bool ready = m_index != nullptr && !m_openWatcher.isRunning();
    const bool own = ownsRun();
    m_play->setEnabled(ready && (!own || m_session->state() == RunState::Paused));
    m_pause->setEnabled(own && m_session->state() == RunState::Running);
    m_step->setEnabled(ready);
    m_positionSlider->setEnabled(ready);
    m_open->setEnabled(!m_indexing);
}

} // namespace partlab
