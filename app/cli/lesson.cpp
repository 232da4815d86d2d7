// partlab-cli lesson: the guided lessons as a text walkthrough, each step run on the real engine.
#include "command.h"

#include "lessons/lesson.h"

namespace partlab::cli {

namespace {

const QString kCommand = QStringLiteral("lesson");

/** Wraps @p text at 96 columns with @p indent. */
QString wrap(const QString &text, const QString &indent)
{
    QString out, line;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > 96 - indent.size()) {
            out += indent + line + QLatin1Char('\n');
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    if (!line.isEmpty())
        out += indent + line + QLatin1Char('\n');
    return out;
}

int runLesson(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The lesson to walk through (omit to list them)."));
    parser.addOptions({
        {QStringLiteral("step"), QStringLiteral("Only this step (1-based)."), QStringLiteral("K")},
        {QStringLiteral("no-run"), QStringLiteral("Print the texts without running the engine.")},
    });
    if (const auto exit = parseArguments(parser, kCommand,
                                         QStringLiteral("Guided lessons on partitioned state and partitioned spaces, run on the real engine."),
                                         arguments, true))
        return *exit;
    const std::vector<Lesson> lessons = allLessons();
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        QString t = QStringLiteral("Lessons (partlab-cli lesson NAME):\n\n");
        int i = 1;
        for (const Lesson &l : lessons)
            t += QStringLiteral("  %1. %2 %3\n%4").arg(i++).arg(l.id, -20).arg(l.title).arg(wrap(l.teaches, QStringLiteral("      ")));
        printOut(t);
        return ExitOk;
    }
    if (positional.size() > 1)
        return usageError(kCommand, QStringLiteral("unexpected argument '%1'").arg(positional[1]));
    const Lesson *lesson = findLesson(lessons, positional[0]);
    if (!lesson) {
        QStringList ids;
        for (const Lesson &l : lessons)
            ids << l.id;
        return usageError(kCommand, QStringLiteral("unknown lesson '%1' (choose %2)").arg(positional[0], ids.join(QStringLiteral(", "))));
    }
    int only = 0;
    if (parser.isSet(QStringLiteral("step"))) {
        QString error;
        const auto k = integerOption(parser, QStringLiteral("step"), 1, qint64(lesson->steps.size()), &error);
        if (!k)
            return usageError(kCommand, error);
        only = int(*k);
    }
    printOut(QStringLiteral("%1\n%2\n%3\n").arg(lesson->title, QString(lesson->title.size(), QLatin1Char('=')), wrap(lesson->teaches, QString())));
    bool allOk = true;
    for (std::size_t i = 0; i < lesson->steps.size(); ++i) {
        if (only && int(i) + 1 != only)
            continue;
        const LessonStep &step = lesson->steps[i];
        QString t = QStringLiteral("\nStep %1: %2\n").arg(i + 1).arg(step.title);
        t += wrap(step.text, QStringLiteral("  "));
        t += QStringLiteral("  Watch: %1\n").arg(step.watch);
        printOut(t);
        if (parser.isSet(QStringLiteral("no-run")) || !step.run)
            continue;
        const LessonObservation o = step.run();
        allOk = allOk && o.ok;
        QString seen = QStringLiteral("  Observed on the engine:\n");
        for (const QString &line : o.lines)
            seen += QStringLiteral("    %1\n").arg(line);
        printOut(seen);
    }
    return allOk ? ExitOk : ExitFailure;
}

} // namespace

PARTLAB_CLI_COMMAND("lesson", "Guided lessons, as a text walkthrough run on the real engine", runLesson);

} // namespace partlab::cli
