#pragma once

#include "runtime/simulationrunner.h"
#include "trace/traceindex.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSlider;
class QTimer;
class QToolButton;

namespace partlab {

class SimulationSession;

/** What indexing a trace produced: the index, or the error (empty when cancelled). */
struct TraceIndexOutcome
{
    std::shared_ptr<const TraceIndex> index;
    QString error;
};

/**
 * The trace player: opens a trace of any format the engine reads, indexes it once in the
 * background (progress bar, Cancel) and plays it through the session's runtime (the
 * configuration dock's partitioner, N, workers and computation) with play / pause / step, a
 * speed slider (the recorded gaps divided by the factor, or "max") and a position slider.
 *
 * Seeking starts a fresh run at the chosen message: the index reopens the file at the nearest
 * recorded position before it and skips the rest, so the state then holds what the messages
 * from there on built.
 */
class TracePlayer : public QWidget
{
    Q_OBJECT

public:
    /** Messages between two index positions. */
    static constexpr quint64 kIndexEvery = TraceIndex::kDefaultEvery;
    /** Speed slider: 0.1x .. 100x in tenths of a decade, then "max". */
    static constexpr int kSpeedSteps = 30;
    /** Messages per second at 1x for a trace without timestamps. */
    static constexpr double kUntimedRate = 1000.0;

    explicit TracePlayer(QWidget *parent = nullptr);
    ~TracePlayer() override;

    void setSession(SimulationSession *session);

    /** Opens @p path (format from the name unless given) and starts indexing it. */
    bool openTrace(const QString &path, const TraceOptions &options);
    /** The options a file name suggests (format; csv: likely key, value and time columns). */
    static TraceOptions suggestOptions(const QString &path, QString *error);
    void cancelIndexing();
    /** True from openTrace() until the index (or its failure or cancellation) is shown. */
    bool isIndexing() const { return m_indexing; }
    /** The index of the open trace, once built. */
    std::shared_ptr<const TraceIndex> index() const { return m_index; }
    QString indexError() const { return m_indexError; }
    int indexProgressPermille() const;

    void play();
    void pause();
    void step();
    /** Jumps to message @p message (0-based): the next played or stepped message. */
    void seek(quint64 message);
    /** 0 = as fast as possible, else the factor the recorded gaps are divided by. */
    void setSpeed(double speed);
    double speed() const;
    /** The next message to play (0-based), as far as the player knows. */
    quint64 position() const;
    /** True while the session runs (or holds paused) a run this player started. */
    bool ownsRun() const;

signals:
    void indexReady();
    void positionChanged(quint64 message);

private:
    enum class After { Play, Pause, Step };
    void chooseFile();
    void onIndexed();
    void startAt(quint64 message, After after);
    void onSourceOpened();
    void updatePosition();
    void updateControls();
    PacingOptions pacing() const;
    void onSpeedSlider(int value);

    QPointer<SimulationSession> m_session;
    QPushButton *m_open;
    QLabel *m_file;
    QProgressBar *m_indexProgress;
    QToolButton *m_cancelIndex;
    QToolButton *m_play;
    QToolButton *m_pause;
    QToolButton *m_step;
    QSlider *m_speed;
    QLabel *m_speedLabel;
    QSlider *m_positionSlider;
    QLabel *m_positionLabel;
    QTimer *m_timer;

    TraceOptions m_options;
    QString m_path;
    std::shared_ptr<const TraceIndex> m_index;
    QString m_indexError;
    QFutureWatcher<TraceIndexOutcome> m_indexWatcher;

    /** A reopened trace, handed from the background job (a QFuture result must be copyable). */
    struct Opened
    {
        std::shared_ptr<std::unique_ptr<TraceSource>> source;
        QString error;
    };
    QFutureWatcher<Opened> m_openWatcher;
    quint64 m_runStart = 0;   ///< message the current run started at
    quint64 m_position = 0;   ///< next message when no run of ours is active
    bool m_ownRun = false;
    bool m_starting = false;
    After m_after = After::Pause;
    quint64 m_pendingSeek = 0;
    bool m_seekPending = false;
    bool m_updatingSlider = false;
    bool m_indexing = false;
};

} // namespace partlab
