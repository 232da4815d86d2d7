// scripts/check-deps.sh, the guard .ci/run runs after each configure step: it passes on this build
// with scripts/install-deps.sh as it is, fails naming the package when one that a fresh Debian 12
// needs is taken out of the list, and its list of tools covers every program the sources run.
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <set>

namespace {

const QString kSource = QStringLiteral(PARTLAB_SOURCE_DIR);

/** The build directory this test belongs to (bin/ holds partlab-cli, CMakeCache.txt is above it). */
QString buildDir()
{
    return QFileInfo(QStringLiteral(PARTLAB_CLI)).dir().absoluteFilePath(QStringLiteral(".."));
}

struct GuardResult
{
    int exitCode = -1;
    QString output;
};

GuardResult runGuard(const QString &depsScript)
{
    QStringList arguments{QStringLiteral("--deps"), depsScript};
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    arguments << QStringLiteral("--with-sanitizers"); // the sanitizer presets build with clang (CI installs it so)
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
    arguments << QStringLiteral("--with-sanitizers");
#endif
#endif
    arguments << buildDir();
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(kSource + QStringLiteral("/scripts/check-deps.sh"), arguments);
    GuardResult r;
    if (!p.waitForFinished(120000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.output = QString::fromUtf8(p.readAll());
    return r;
}

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

class TestDepsGuard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("dpkg-query")).isEmpty()
            || QStandardPaths::findExecutable(QStringLiteral("apt-cache")).isEmpty())
            QSKIP("not a Debian system: the guard reads dpkg's database");
        QVERIFY2(QFileInfo::exists(buildDir() + QStringLiteral("/CMakeCache.txt")), qPrintable(buildDir()));
    }

    void passesWithTheRealList()
    {
        const GuardResult r = runGuard(kSource + QStringLiteral("/scripts/install-deps.sh"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.output));
        QVERIFY2(r.output.contains(QStringLiteral("all from packages")), qPrintable(r.output));
    }

    void failsWhenAPackageIsMissing_data()
    {
        QTest::addColumn<QString>("package");
        QTest::addColumn<QString>("expected"); // what the guard must say
        // The two that a fresh root found missing (Qt6Charts' CMake files need Qt6OpenGL's; CPackDeb
        // needs file), and a tool the Redis tests run.
        QTest::newRow("libqt6opengl6-dev") << QStringLiteral("libqt6opengl6-dev")
                                           << QStringLiteral("Qt6OpenGL_DIR: /usr/lib/x86_64-linux-gnu/cmake/Qt6OpenGL/Qt6OpenGLConfig.cmake comes from package 'libqt6opengl6-dev'");
        QTest::newRow("file") << QStringLiteral("file") << QStringLiteral("tool file: /usr/bin/file comes from package 'file'");
        QTest::newRow("redis-server") << QStringLiteral("redis-server") << QStringLiteral("comes from package 'redis-server'");
    }

    void failsWhenAPackageIsMissing()
    {
        QFETCH(QString, package);
        QFETCH(QString, expected);
        const QString cache = readText(buildDir() + QStringLiteral("/CMakeCache.txt"));
        if (package == QLatin1String("libqt6opengl6-dev") && !cache.contains(QStringLiteral("Qt6OpenGL_DIR:")))
            QSKIP("this build configured no Qt6OpenGL (a sanitizer preset builds without the UI): the default preset checks it");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString script = readText(kSource + QStringLiteral("/scripts/install-deps.sh"));
        // Take the package out of the packages="..." lines (a whole word, nothing else).
        const QRegularExpression word(QStringLiteral("(?<=[\" ])%1(?=[\" ])").arg(QRegularExpression::escape(package)));
        QVERIFY2(script.contains(word), qPrintable(package));
        script.remove(word);
        const QString copy = dir.filePath(QStringLiteral("install-deps.sh"));
        QFile f(copy);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(script.toUtf8());
        f.close();

        const GuardResult r = runGuard(copy);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.output.contains(expected), qPrintable(r.output));
        QVERIFY2(r.output.contains(QStringLiteral("add it there")), qPrintable(r.output));
    }

    /** Every program the sources look up on PATH is in the guard's list of tools. */
    void toolListCoversTheSources()
    {
        const QString guard = readText(kSource + QStringLiteral("/scripts/check-deps.sh"));
        const qsizetype from = guard.indexOf(QStringLiteral("test_tools=("));
        const qsizetype to = guard.indexOf(QLatin1Char(')'), from);
        QVERIFY(from >= 0 && to > from);
        std::set<QString> listed;
        static const QRegularExpression entry(QStringLiteral("^\\s+([A-Za-z0-9_.+-]+)"), QRegularExpression::MultilineOption);
        for (auto it = entry.globalMatch(guard.mid(from, to - from)); it.hasNext();)
            listed.insert(it.next().captured(1));
        QVERIFY(listed.count(QStringLiteral("file")));

        static const QRegularExpression lookup(
            QStringLiteral("(?:program\\(\"|findExecutable\\(QStringLiteral\\(\")([A-Za-z0-9_.+-]+)\""));
        int found = 0;
        for (const QString &area : {QStringLiteral("engine"), QStringLiteral("app"), QStringLiteral("ui"), QStringLiteral("tests")}) {
            QDirIterator it(kSource + QLatin1Char('/') + area, {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                for (auto m = lookup.globalMatch(readText(path)); m.hasNext();) {
                    const QString tool = m.next().captured(1);
                    if (tool == QLatin1String("dpkg-query") || tool == QLatin1String("apt-cache"))
                        continue; // this test's own, Debian's base system
                    ++found;
                    QVERIFY2(listed.count(tool), qPrintable(QStringLiteral("%1 runs %2, which scripts/check-deps.sh does not list in test_tools")
                                                                .arg(QDir(kSource).relativeFilePath(path), tool)));
                }
            }
        }
        QVERIFY(found >= 4); // redis-server, redis-cli, setpriv, cpack, dpkg-deb at least
    }
};

QTEST_GUILESS_MAIN(TestDepsGuard)
#include "tst_depsguard.moc"
