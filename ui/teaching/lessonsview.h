#pragma once

#include "lessons/lesson.h"
#include "session/sessionconfig.h"

#include <QFutureWatcher>
#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace partlab {

/**
 * The guided lessons: the list of allLessons() (whatever it holds), and one step at a time of
 * the chosen lesson: its text, what to watch, Back / Next, "Load this step" (the step's preset
 * goes to the configuration dock), "Step mode" (load, start paused, follow single messages)
 * and "Run" (the step's own run on the real engine, off the UI thread, its observed lines shown).
 */
class LessonsView : public QWidget
{
    Q_OBJECT

public:
    explicit LessonsView(QWidget *parent = nullptr);
    ~LessonsView() override;

    /**
     * The session configuration a step's preset stands for, starting from @p current (fields the
     * preset does not set stay). Empty @p error when it can be loaded; otherwise why not (a
     * space step, an unknown scenario).
     */
    static SessionConfig configForPreset(const LessonPreset &preset, const SessionConfig &current, QString *error);

    const std::vector<Lesson> &lessons() const { return m_lessons; }
    int currentLesson() const { return m_lesson; }
    int currentStep() const { return m_step; }
    void showLesson(int lesson);
    void showStep(int step);

    /** Runs the current step's engine run in the background (Run button). */
    void runStep();
    /** True from runStep() until its result is shown. */
    bool isRunning() const { return m_busy; }
    /** What the last finished run observed. */
    const LessonObservation &lastObservation() const { return m_observation; }
    /** The text the results box shows. */
    QString resultText() const;

signals:
    /** "Load this step" (@p stepMode false) or "Step mode" (true) for @p preset (see configForPreset()). */
    void loadRequested(const partlab::LessonPreset &preset, bool stepMode);

private:
    void updateStep();
    void onRunFinished();
    const LessonStep *step() const;

    std::vector<Lesson> m_lessons;
    int m_lesson = -1;
    int m_step = 0;
    QListWidget *m_list;
    QLabel *m_teaches;
    QLabel *m_stepTitle;
    QLabel *m_text;
    QLabel *m_watch;
    QLabel *m_loadNote;
    QPushButton *m_back;
    QPushButton *m_next;
    QPushButton *m_load;
    QPushButton *m_stepMode;
    QPushButton *m_run;
    QPlainTextEdit *m_results;
    QFutureWatcher<LessonObservation> m_watcher;
    LessonObservation m_observation;
    int m_runLesson = -1, m_runStep = -1; ///< the step the running job belongs to
    bool m_busy = false;
};

} // namespace partlab
