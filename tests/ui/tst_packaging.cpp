#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

/**
 * Packaging: `cmake --install` lays out the files in the usual places and `cpack -G DEB` builds a
 * package whose file list (dpkg -c) holds them under /usr, with the run-time dependencies
 * derived from the binaries.
 */
class TestPackaging : public QObject
{
    Q_OBJECT

private:
    QString m_buildDir;

    static QString run(const QString &program, const QStringList &arguments, const QString &workingDir = {})
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        if (!workingDir.isEmpty())
            p.setWorkingDirectory(workingDir);
        p.start(program, arguments);
        if (!p.waitForFinished(240000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
            return QStringLiteral("FAILED: ") + QString::fromUtf8(p.readAll());
        return QString::fromUtf8(p.readAll());
    }

    static const QStringList &expectedFiles()
    {
        static const QStringList files = {
            QStringLiteral("bin/partlab"),
            QStringLiteral("bin/partlab-cli"),
            QStringLiteral("share/applications/partlab.desktop"),
            QStringLiteral("share/icons/hicolor/scalable/apps/partlab.svg"),
            QStringLiteral("share/partlab/translations/partlab_de.qm"),
        };
        return files;
    }

private slots:
    void initTestCase()
    {
        m_buildDir = QDir::cleanPath(QCoreApplication::applicationDirPath() + QStringLiteral("/.."));
        QVERIFY(QFileInfo::exists(m_buildDir + QStringLiteral("/CMakeCache.txt")));
    }

    void installPutsFilesInTheUsualPlaces()
    {
        QTemporaryDir prefix;
        const QString out = run(QStringLiteral("cmake"), {QStringLiteral("--install"), m_buildDir,
                                                          QStringLiteral("--prefix"), prefix.path()});
        QVERIFY2(!out.startsWith(QLatin1String("FAILED")), qPrintable(out));
        for (const QString &file : expectedFiles())
            QVERIFY2(QFileInfo::exists(prefix.filePath(file)), qPrintable(file));
        if (QFileInfo::exists(QStringLiteral(PARTLAB_SOURCE_DIR "/resources/traces")))
            QVERIFY(QFileInfo(prefix.filePath(QStringLiteral("share/partlab/traces"))).isDir());
        // The installed GUI finds its translation relative to its own location.
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        p.start(prefix.filePath(QStringLiteral("bin/partlab")), {QStringLiteral("--lang"), QStringLiteral("de"), QStringLiteral("--help")});
        QVERIFY(p.waitForFinished(30000));
        QVERIFY2(QString::fromUtf8(p.readAllStandardOutput()).contains(QStringLiteral("Sofort starten und nach so vielen Sekunden stoppen")),
                 "the installed partlab did not load its German translation");
    }

    void cpackBuildsADebianPackage()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("cpack")).isEmpty()
            || QStandardPaths::findExecutable(QStringLiteral("dpkg-deb")).isEmpty())
            QSKIP("cpack or dpkg-deb is not installed");
        QTemporaryDir out;
        const QString log = run(QStringLiteral("cpack"), {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("-B"), out.path()},
                                m_buildDir);
        QVERIFY2(!log.startsWith(QLatin1String("FAILED")), qPrintable(log));
        const QStringList debs = QDir(out.path()).entryList({QStringLiteral("partlab_*.deb")});
        QCOMPARE(debs.size(), 1);
        const QString deb = out.filePath(debs.first());
        const QString contents = run(QStringLiteral("dpkg"), {QStringLiteral("-c"), deb});
        for (const QString &file : expectedFiles())
            QVERIFY2(contents.contains(QStringLiteral("./usr/") + file), qPrintable(file + QLatin1Char('\n') + contents));
        const QString info = run(QStringLiteral("dpkg"), {QStringLiteral("-I"), deb});
        QVERIFY2(info.contains(QStringLiteral("libqt6widgets6")) && info.contains(QStringLiteral("qt6-qpa-plugins")),
                 qPrintable(info));
    }
};

QTEST_GUILESS_MAIN(TestPackaging)
#include "tst_packaging.moc"
