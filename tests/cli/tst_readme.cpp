// README.md against the tree: the Architecture section may only name folders, files, classes and
// functions that exist, each class in the folder the section puts it in; the set-up commands at
// the top are the ones .ci/run runs; every relative link and image in the README resolves.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QRegularExpression>
#include <QTest>

#include <map>
#include <set>

namespace {

const QString kSource = QStringLiteral(PARTLAB_SOURCE_DIR);

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

/** The text from the line "## @p title" up to the next "## " heading. */
QString section(const QString &readme, const QString &title)
{
    const qsizetype start = readme.indexOf(QStringLiteral("\n## ") + title + QLatin1Char('\n'));
    if (start < 0)
        return {};
    const qsizetype end = readme.indexOf(QStringLiteral("\n## "), start + 4);
    return readme.mid(start, end < 0 ? -1 : end - start);
}

/** Every source file of the product (not the tests), by path relative to the source root. */
const std::map<QString, QString> &sources()
{
    static const std::map<QString, QString> files = [] {
        std::map<QString, QString> out;
        for (const QString &root : {QStringLiteral("engine"), QStringLiteral("ui"), QStringLiteral("app")}) {
            QDirIterator it(kSource + QLatin1Char('/') + root, {QStringLiteral("*.h"), QStringLiteral("*.cpp")},
                            QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                out.emplace(QDir(kSource).relativeFilePath(path), readText(path));
            }
        }
        return out;
    }();
    return files;
}

/** The folders (relative, e.g. "engine/space") whose headers declare @p name as a type. */
std::set<QString> declaringFolders(const QString &name)
{
    const QRegularExpression declaration(
        QStringLiteral("(^|\\n)\\s*(template\\s*<[^>]*>\\s*)?(class|struct|enum class|enum|using)\\s+(\\w+\\s+)?%1\\b\\s*(final\\b|[:{=]|$)")
            .arg(name),
        QRegularExpression::MultilineOption);
    std::set<QString> folders;
    for (const auto &[path, text] : sources()) {
        if (path.endsWith(QLatin1String(".h")) && text.contains(name) && declaration.match(text).hasMatch())
            folders.insert(QFileInfo(path).path());
    }
    return folders;
}

bool functionExists(const QString &name)
{
    const QRegularExpression call(QStringLiteral("\\b%1\\s*\\(").arg(name));
    for (const auto &[path, text] : sources()) {
        if (text.contains(name) && call.match(text).hasMatch())
            return true;
    }
    return false;
}

/** CamelCase names of the project's own types (two capitals at least, no Qt 'Q' prefix). */
QStringList typeNames(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("\\b([A-Z][a-z0-9]+[A-Z]\\w*)\\b"));
    QStringList names;
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (!name.startsWith(QLatin1Char('Q')) && !names.contains(name))
            names << name;
    }
    return names;
}

/**
 * Every #include of the files under @p folder (relative): a header of a GUI module (QtGui,
 * QtWidgets, QtCharts, QtPrintSupport, QCustomPlot) or a quoted header found neither beside the
 * file nor under one of @p roots is a problem, named with its file and line.
 */
QStringList layeringProblems(const QString &folder, const QStringList &roots)
{
    static const std::set<QString> guiHeaders = [] {
        std::set<QString> names{QStringLiteral("qcustomplot.h")};
        const QString qt = QLibraryInfo::path(QLibraryInfo::HeadersPath);
        for (const QString &module : {QStringLiteral("QtGui"), QStringLiteral("QtWidgets"), QStringLiteral("QtCharts"),
                                      QStringLiteral("QtPrintSupport")}) {
            names.insert(module);
            for (const QString &header : QDir(qt + QLatin1Char('/') + module).entryList(QDir::Files))
                names.insert(header);
        }
        return names;
    }();
    static const QRegularExpression include(QStringLiteral("^\\s*#\\s*include\\s*([<\"])([^>\"]+)[>\"]"),
                                            QRegularExpression::MultilineOption);
    QStringList problems;
    for (const auto &[path, text] : sources()) {
        if (!path.startsWith(folder + QLatin1Char('/')))
            continue;
        for (auto it = include.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            const QString header = m.captured(2);
            const QString fileName = QFileInfo(header).fileName();
            const int line = int(text.left(m.capturedStart()).count(QLatin1Char('\n'))) + 1;
            const QString where = QStringLiteral("%1:%2: %3").arg(path).arg(line).arg(header);
            if (guiHeaders.count(header.section(QLatin1Char('/'), 0, 0)) || guiHeaders.count(fileName)) {
                problems << where + QStringLiteral(" (a GUI header)");
                continue;
            }
            if (m.captured(1) != QLatin1String("\"") || header.endsWith(QLatin1String(".moc")))
                continue;
            bool found = QFileInfo::exists(kSource + QLatin1Char('/') + QFileInfo(path).path() + QLatin1Char('/') + header);
            for (const QString &root : roots)
                found = found || QFileInfo::exists(kSource + QLatin1Char('/') + root + QLatin1Char('/') + header);
            if (!found)
                problems << where + QStringLiteral(" (not in %1)").arg(roots.join(QStringLiteral(", ")));
        }
    }
    return problems;
}

} // namespace

class TestReadme : public QObject
{
    Q_OBJECT

private:
    QString m_readme;
    QString m_architecture;

private slots:
    void initTestCase()
    {
        m_readme = readText(kSource + QStringLiteral("/README.md"));
        QVERIFY(!m_readme.isEmpty());
        m_architecture = section(m_readme, QStringLiteral("Architecture"));
        QVERIFY2(m_architecture.size() > 2000, "README has no Architecture section");
    }

    /** The layout block: each top-level folder and each folder under it exists. */
    void layoutFoldersExist()
    {
        const qsizetype open = m_architecture.indexOf(QStringLiteral("```\n"));
        const qsizetype close = m_architecture.indexOf(QStringLiteral("\n```"), open + 4);
        QVERIFY(open >= 0 && close > open);
        const QStringList lines = m_architecture.mid(open + 4, close - open - 4).split(QLatin1Char('\n'));
        static const QRegularExpression top(QStringLiteral("^([a-z.]+)/\\s"));
        static const QRegularExpression sub(QStringLiteral("^  ([a-z]+)/\\s"));
        QString current;
        int subfolders = 0;
        for (const QString &line : lines) {
            if (const auto m = top.match(line); m.hasMatch()) {
                current = m.captured(1);
                QVERIFY2(QFileInfo(kSource + QLatin1Char('/') + current).isDir(), qPrintable(line));
            } else if (const auto s = sub.match(line); s.hasMatch()) {
                QVERIFY2(!current.isEmpty(), qPrintable(line));
                const QString folder = current + QLatin1Char('/') + s.captured(1);
                QVERIFY2(QFileInfo(kSource + QLatin1Char('/') + folder).isDir(), qPrintable(folder + QStringLiteral(" does not exist")));
                ++subfolders;
            }
        }
        QVERIFY(subfolders >= 10);
        // And the other way round: every folder of engine/ is described.
        for (const QString &folder : QDir(kSource + QStringLiteral("/engine")).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            QVERIFY2(m_architecture.contains(QStringLiteral("\n  ") + folder + QLatin1Char('/')),
                     qPrintable(QStringLiteral("engine/%1 is not in the Architecture section").arg(folder)));
    }

    /**
     * A type named on a folder's lines of the layout block (engine/ and ui/) is declared in a header
     * of that folder (ApplyOrderLog is described under metrics/, where it is, not under runtime/).
     */
    void typesSitWhereTheLayoutSays()
    {
        const qsizetype open = m_architecture.indexOf(QStringLiteral("```\n"));
        const qsizetype close = m_architecture.indexOf(QStringLiteral("\n```"), open + 4);
        const QStringList lines = m_architecture.mid(open + 4, close - open - 4).split(QLatin1Char('\n'));
        static const QRegularExpression top(QStringLiteral("^([a-z.]+)/\\s"));
        static const QRegularExpression sub(QStringLiteral("^  ([a-z]+)/\\s"));
        QString topFolder;
        QString folder;
        int checked = 0;
        for (const QString &line : lines) {
            if (const auto m = top.match(line); m.hasMatch())
                topFolder = folder = m.captured(1);
            else if (const auto s = sub.match(line); s.hasMatch())
                folder = topFolder + QLatin1Char('/') + s.captured(1);
            if (topFolder != QLatin1String("engine") && topFolder != QLatin1String("ui"))
                continue;
            for (const QString &name : typeNames(line)) {
                const std::set<QString> where = declaringFolders(name);
                QVERIFY2(!where.empty(), qPrintable(QStringLiteral("%1 (under %2/) is declared nowhere").arg(name, folder)));
                QVERIFY2(where.count(folder), qPrintable(QStringLiteral("%1 is described under %2/ but declared in %3")
                                                             .arg(name, folder, *where.begin())));
                ++checked;
            }
        }
        QVERIFY2(checked >= 60, qPrintable(QString::number(checked)));
    }

    /**
     * Everything the section writes as code: a path exists; Type::member() names a type with that
     * member; a CamelCase name is a declared type; a plain name followed by () is a function.
     */
    void namesInCodeExist()
    {
        static const QRegularExpression code(QStringLiteral("`([^`\\n]+)`"));
        static const QRegularExpression path(QStringLiteral("^(engine|ui|app|tests|scripts|resources|translations|\\.ci)/[\\w./-]*$"));
        static const QRegularExpression member(QStringLiteral("^([A-Z]\\w*)::(\\w+)(\\(\\))?$"));
        static const QRegularExpression type(QStringLiteral("^[A-Z][a-z0-9]+[A-Z]\\w*$"));
        static const QRegularExpression function(QStringLiteral("^([a-z]\\w*)(\\(\\))?$"));
        int checked = 0;
        for (auto it = code.globalMatch(m_architecture); it.hasNext();) {
            QString token = it.next().captured(1);
            token.remove(QRegularExpression(QStringLiteral("\\(\\)$")));
            if (path.match(token).hasMatch()) {
                // "engine/runtime/stateruntimeimpl.h", or a group written with a star.
                const QString pattern = QFileInfo(token).fileName();
                const QDir dir(kSource + QLatin1Char('/') + QFileInfo(token).path());
                const bool exists = pattern.contains(QLatin1Char('*'))
                                        ? !dir.entryList({pattern}, QDir::Files).isEmpty()
                                        : QFileInfo::exists(kSource + QLatin1Char('/') + token);
                QVERIFY2(exists, qPrintable(token + QStringLiteral(" does not exist")));
                ++checked;
            } else if (const auto m = member.match(token); m.hasMatch()) {
                const std::set<QString> where = declaringFolders(m.captured(1));
                QVERIFY2(!where.empty(), qPrintable(m.captured(1) + QStringLiteral(" is declared nowhere")));
                const QRegularExpression declared(QStringLiteral("\\b%1\\b").arg(m.captured(2)));
                bool found = false;
                for (const auto &[file, text] : sources())
                    found = found || (where.count(QFileInfo(file).path()) && text.contains(m.captured(1)) && declared.match(text).hasMatch());
                QVERIFY2(found, qPrintable(token + QStringLiteral(": no such member")));
                ++checked;
            } else if (type.match(token).hasMatch() && !token.startsWith(QLatin1Char('Q'))) {
                QVERIFY2(!declaringFolders(token).empty(), qPrintable(token + QStringLiteral(" is declared nowhere")));
                ++checked;
            } else if (const auto f = function.match(token); f.hasMatch() && token != f.captured(1)) {
                QVERIFY2(functionExists(f.captured(1)), qPrintable(token + QStringLiteral(": no such function")));
                ++checked;
            }
        }
        QVERIFY2(checked >= 10, qPrintable(QString::number(checked)));
    }

    /** engine/ includes no GUI header and nothing of ui/; app/cli/ nothing of ui/ either. */
    void layering()
    {
        const QStringList engine = layeringProblems(QStringLiteral("engine"), {QStringLiteral("engine")});
        QVERIFY2(engine.isEmpty(), qPrintable(engine.join(QLatin1Char('\n'))));
        const QStringList cli = layeringProblems(QStringLiteral("app/cli"), {QStringLiteral("engine")});
        QVERIFY2(cli.isEmpty(), qPrintable(cli.join(QLatin1Char('\n'))));
        // The check sees what it is there for: ui/ includes widgets and its own headers.
        const QStringList ui = layeringProblems(QStringLiteral("ui"), {QStringLiteral("engine")});
        QVERIFY(ui.filter(QStringLiteral("(a GUI header)")).size() > 20);
        QVERIFY(ui.filter(QStringLiteral("(not in engine)")).size() > 20);
    }

    /**
     * No source names an issue number: the tracker is not in the repository, so "issue 10" tells
     * the next engineer nothing (a comment says what it guards instead).
     */
    void noIssueNumbersInSources()
    {
        static const QRegularExpression issue(QStringLiteral("\\b[Ii]ssues? #?[0-9]+\\b"));
        QStringList found;
        for (const QString &root : {QStringLiteral("engine"), QStringLiteral("ui"), QStringLiteral("app"), QStringLiteral("tests"),
                                    QStringLiteral("scripts"), QStringLiteral(".ci")}) {
            QDirIterator it(kSource + QLatin1Char('/') + root, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                if (path.endsWith(QLatin1String("tst_readme.cpp")) || QFileInfo(path).size() > 2'000'000)
                    continue;
                const QString text = readText(path);
                if (const auto m = issue.match(text); m.hasMatch())
                    found << QStringLiteral("%1: %2").arg(QDir(kSource).relativeFilePath(path), m.captured());
            }
        }
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
        QVERIFY(issue.match(QStringLiteral("Regression (issue 10): x")).hasMatch());
    }

    /** The test itself finds a wrong folder, a missing type and a missing file. */
    void checksCanFail()
    {
        QVERIFY(declaringFolders(QStringLiteral("ApplyOrderLog")).count(QStringLiteral("engine/metrics")));
        QVERIFY(!declaringFolders(QStringLiteral("ApplyOrderLog")).count(QStringLiteral("engine/runtime")));
        QVERIFY(declaringFolders(QStringLiteral("NoSuchTypeAnywhere")).empty());
        QVERIFY(!functionExists(QStringLiteral("noSuchFunctionAnywhere")));
        QVERIFY(functionExists(QStringLiteral("createPartitioner")));
        QCOMPARE(typeNames(QStringLiteral("KeyStateTable (open addressing), Redis, QCustomPlot, SpaceProxy")),
                 QStringList({QStringLiteral("KeyStateTable"), QStringLiteral("SpaceProxy")}));
    }

    /** The README's second set-up command is the one CI runs. */
    void setUpCommandsAreWhatCiRuns()
    {
        static const QRegularExpression block(QStringLiteral("```sh\\n([^\\n]+)\\n```"));
        const QString top = m_readme.left(m_readme.indexOf(QStringLiteral("\n## ")
                                                           + QStringLiteral("The desktop application")));
        QStringList commands;
        for (auto it = block.globalMatch(top); it.hasNext();)
            commands << it.next().captured(1);
        QCOMPARE(commands.size(), 2);
        QVERIFY(commands[0].startsWith(QLatin1String("scripts/install-deps.sh && cmake --preset default")));
        const QString ci = readText(kSource + QStringLiteral("/.ci/run"));
        QVERIFY2(ci.contains(QStringLiteral("( ") + commands[1] + QStringLiteral(" )")), qPrintable(commands[1]));
    }

    /** Every relative link and image of the README points at a file of the tree or a heading. */
    void linksResolve()
    {
        static const QRegularExpression link(QStringLiteral("\\]\\(([^)\\s]+)\\)"));
        static const QRegularExpression heading(QStringLiteral("^#+ (.+)$"), QRegularExpression::MultilineOption);
        std::set<QString> anchors;
        for (auto it = heading.globalMatch(m_readme); it.hasNext();) {
            QString a = it.next().captured(1).toLower();
            a.remove(QRegularExpression(QStringLiteral("[^\\w\\- ]")));
            anchors.insert(a.replace(QLatin1Char(' '), QLatin1Char('-')));
        }
        int checked = 0;
        for (auto it = link.globalMatch(m_readme); it.hasNext();) {
            const QString target = it.next().captured(1);
            if (target.startsWith(QLatin1String("http")))
                continue;
            if (target.startsWith(QLatin1Char('#')))
                QVERIFY2(anchors.count(target.mid(1)), qPrintable(QStringLiteral("no heading for ") + target));
            else
                QVERIFY2(QFileInfo::exists(kSource + QLatin1Char('/') + target), qPrintable(target + QStringLiteral(" does not exist")));
            ++checked;
        }
        QVERIFY(checked >= 20);
    }
};

QTEST_GUILESS_MAIN(TestReadme)
#include "tst_readme.moc"
