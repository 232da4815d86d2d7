#include "lessonsview.h"

#include "views/palette.h"
#include "workload/scenario.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace partlab {

LessonsView::LessonsView(QWidget *parent)
    : QWidget(parent)
    , m_lessons(allLessons())
    , m_list(new QListWidget(this))
    , m_teaches(new QLabel(this))
    , m_stepTitle(new QLabel(this))
    , m_text(new QLabel(this))
    , m_watch(new QLabel(this))
    , m_loadNote(new QLabel(this))
    , m_back(new QPushButton(tr("◀ &Back"), this))
    , m_next(new QPushButton(tr("&Next ▶"), this))
    , m_load(new QPushButton(tr("&Load this step"), this))
    , m_stepMode(new QPushButton(tr("Step &mode"), this))
    , m_run(new QPushButton(tr("&Run"), this))
    , m_results(new QPlainTextEdit(this))
{
    for (std::size_t i = 0; i < m_lessons.size(); ++i) {
        auto *item = new QListWidgetItem(tr("%1. %2").arg(i + 1).arg(m_lessons[i].title), m_list);
        item->setToolTip(m_lessons[i].teaches);
    }
    m_list->setMaximumHeight(m_list->sizeHintForRow(0) * qMin<int>(int(m_lessons.size()), 7) + 2 * m_list->frameWidth() + 4);
    m_teaches->setWordWrap(true);
    m_teaches->setStyleSheet(Palette::textStyle(Palette::textSecondary) + QStringLiteral(" font-style: italic;"));
    QFont titleFont = m_stepTitle->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    m_stepTitle->setFont(titleFont);
    m_stepTitle->setWordWrap(true);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_watch->setWordWrap(true);
    m_watch->setStyleSheet(Palette::boxStyle(Palette::watchBackground, Palette::watchBorder));
    m_loadNote->setWordWrap(true);
    m_loadNote->setStyleSheet(Palette::textStyle(Palette::warning));
    m_load->setToolTip(tr("Put this step's configuration (scenario, partitioner, partitions, workers, mode, computation, rate) "
                          "into the configuration dock; press Start to watch it live"));
    m_stepMode->setToolTip(tr("Load this step, start it paused and follow single messages with F10 (Step)"));
    m_run->setToolTip(tr("Run this step on the engine in the background and show what it observed"));
    m_results->setReadOnly(true);
    m_results->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // The button's own (translated) text, so the hint never names a button that is not there.
    m_results->setPlaceholderText(tr("Press %1 to let the engine run this step; its observations appear here.")
                                      .arg(QString(m_run->text()).remove(QLatin1Char('&'))));
    m_results->setLineWrapMode(QPlainTextEdit::WidgetWidth);

    auto *nav = new QHBoxLayout;
    nav->addWidget(m_back);
    nav->addStretch();
    nav->addWidget(m_next);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_load);
    actions->addWidget(m_stepMode);
    actions->addWidget(m_run);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Lessons"), this));
    layout->addWidget(m_list);
    layout->addWidget(m_teaches);
    layout->addSpacing(6);
    layout->addWidget(m_stepTitle);
    layout->addWidget(m_text);
    layout->addWidget(m_watch);
    layout->addLayout(nav);
    layout->addLayout(actions);
    layout->addWidget(m_loadNote);
    layout->addWidget(m_results, 1);

    connect(m_list, &QListWidget::currentRowChanged, this, &LessonsView::showLesson);
    connect(m_back, &QPushButton::clicked, this, [this] { showStep(m_step - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { showStep(m_step + 1); });
    const auto requestLoad = [this](bool stepMode) {
        const LessonStep *s = step();
        if (!s)
            return;
        QString error;
        configForPreset(s->preset, SessionConfig(), &error);
        if (error.isEmpty())
            emit loadRequested(s->preset, stepMode);
    };
    connect(m_load, &QPushButton::clicked, this, [requestLoad] { requestLoad(false); });
    connect(m_stepMode, &QPushButton::clicked, this, [requestLoad] { requestLoad(true); });
    connect(m_run, &QPushButton::clicked, this, &LessonsView::runStep);
    connect(&m_watcher, &QFutureWatcher<LessonObservation>::finished, this, &LessonsView::onRunFinished);

    if (!m_lessons.empty())
        m_list->setCurrentRow(0);
    else
        updateStep();
}

LessonsView::~LessonsView()
{
    m_watcher.waitForFinished(); // a step run holds no pointer to us, but let it end before the app does
}

SessionConfig LessonsView::configForPreset(const LessonPreset &preset, const SessionConfig &current, QString *error)
{
    SessionConfig config = current;
    if (error)
        error->clear();
    if (preset.space) {
        if (error)
            *error = tr("This step works on the partitioned space, not on the state runtime: use the space views for it.");
        return config;
    }
    QString problem;
    const std::optional<ScenarioSpec> spec = resolveScenario(preset.scenario, &problem);
    if (!spec) {
        if (error)
            *error = tr("The step's scenario cannot be loaded: %1").arg(problem);
        return config;
    }
    config.applyScenario(*spec, preset.scenario);
    preset.applyTo(config.runtime);
    config.rate = preset.rate;
    config.messageLimit = preset.messages;
    return config;
}

void LessonsView::showLesson(int lesson)
{
    if (lesson < 0 || lesson >= int(m_lessons.size()))
        return;
    m_lesson = lesson;
    if (m_list->currentRow() != lesson)
        m_list->setCurrentRow(lesson);
    m_teaches->setText(m_lessons[std::size_t(lesson)].teaches);
    m_step = 0;
    updateStep();
}

void LessonsView::showStep(int index)
{
    if (m_lesson < 0 || index < 0 || index >= int(m_lessons[std::size_t(m_lesson)].steps.size()))
        return;
    m_step = index;
    updateStep();
}

const LessonStep *LessonsView::step() const
{
    if (m_lesson < 0 || m_lesson >= int(m_lessons.size()))
        return nullptr;
    const Lesson &l = m_lessons[std::size_t(m_lesson)];
    return m_step >= 0 && m_step < int(l.steps.size()) ? &l.steps[std::size_t(m_step)] : nullptr;
}

void LessonsView::updateStep()
{
    const LessonStep *s = step();
    const int count = m_lesson >= 0 ? int(m_lessons[std::size_t(m_lesson)].steps.size()) : 0;
    m_stepTitle->setText(s ? tr("Step %1 of %2: %3").arg(m_step + 1).arg(count).arg(s->title) : tr("No lesson chosen"));
    m_text->setText(s ? s->text : QString());
    m_watch->setText(s ? tr("<b>Watch:</b> %1").arg(s->watch.toHtmlEscaped()) : QString());
    m_watch->setVisible(s && !s->watch.isEmpty());
    m_back->setEnabled(s && m_step > 0);
    m_next->setEnabled(s && m_step + 1 < count);
    QString problem;
    if (s)
        configForPreset(s->preset, SessionConfig(), &problem);
    m_load->setEnabled(s && problem.isEmpty());
    m_stepMode->setEnabled(s && problem.isEmpty());
    m_loadNote->setText(problem);
    m_loadNote->setVisible(!problem.isEmpty());
    m_run->setEnabled(s && s->run && !m_busy);
    m_results->clear();
    if (m_busy && m_runLesson == m_lesson && m_runStep == m_step)
        m_results->setPlainText(tr("Running on the engine…"));
}

void LessonsView::runStep()
{
    const LessonStep *s = step();
    if (!s || !s->run || m_busy)
        return;
    m_busy = true;
    m_runLesson = m_lesson;
    m_runStep = m_step;
    m_run->setEnabled(false);
    m_results->setPlainText(tr("Running on the engine…"));
    const std::function<LessonObservation()> run = s->run;
    m_watcher.setFuture(QtConcurrent::run([run] { return run(); }));
}

void LessonsView::onRunFinished()
{
    m_observation = m_watcher.result();
    m_busy = false;
    m_run->setEnabled(step() && step()->run);
    if (m_runLesson != m_lesson || m_runStep != m_step)
        return; // the user moved on: the result belongs to another step
    QString text = m_observation.lines.join(QLatin1Char('\n'));
    if (!m_observation.ok)
        text = tr("The step could not run: %1").arg(text);
    m_results->setPlainText(text);
}

QString LessonsView::resultText() const
{
    return m_results->toPlainText();
}

} // namespace partlab
