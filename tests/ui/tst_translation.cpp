#include "uitesthelpers.h"

#include "localization.h"

#include <QFile>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QProcess>
#include <QTemporaryDir>
#include <QXmlStreamReader>

using namespace partlab;
using namespace partlab::testing;

/** The German translation: complete, up to date with the sources, and loaded by the application. */
class TestTranslation : public QObject
{
    Q_OBJECT

private:
    static QString tsFile() { return QStringLiteral(PARTLAB_SOURCE_DIR "/translations/partlab_de.ts"); }

private slots:
    void initTestCase() { initUiTestApplication(); }

    void everyMessageIsTranslated()
    {
        QFile file(tsFile());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        int messages = 0;
        QString source;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
                ++messages;
            } else if (xml.name() == QLatin1String("translation")) {
                const auto type = xml.attributes().value(QLatin1String("type"));
                QVERIFY2(type != QLatin1String("unfinished") && type != QLatin1String("obsolete")
                             && type != QLatin1String("vanished"),
                         qPrintable(source));
            } else if (xml.name() == QLatin1String("numerusform")) {
                QVERIFY2(!xml.readElementText().isEmpty(), qPrintable(source));
            }
        }
        QVERIFY(!xml.hasError());
        QVERIFY(messages > 200);
    }

    void translationIsUpToDateWithTheSources()
    {
        const QString lupdate = QLibraryInfo::path(QLibraryInfo::BinariesPath) + QStringLiteral("/lupdate");
        if (!QFile::exists(lupdate))
            QSKIP("lupdate is not installed");
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("partlab_de.ts"));
        QVERIFY(QFile::copy(tsFile(), copy));
        QProcess p;
        p.setWorkingDirectory(QStringLiteral(PARTLAB_SOURCE_DIR));
        p.start(lupdate, {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
                          // the sources CMakeLists.txt hands lupdate (PARTLAB_TR_SOURCES)
                          QStringLiteral("ui"), QStringLiteral("app/gui"), QStringLiteral("engine/routing"),
                          QStringLiteral("engine/advisor/hotkeyadvice.cpp"), QStringLiteral("engine/advisor/partitionsweep.cpp"),
                          QStringLiteral("engine/lessons"), QStringLiteral("engine/trace/csvprobe.cpp"), QStringLiteral("engine/model/numberformat.cpp"),
                          QStringLiteral("engine/space/consolecommand.cpp"), QStringLiteral("engine/model/optionvalues.cpp"), QStringLiteral("-ts"), copy});
        QVERIFY(p.waitForFinished(60000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        QVERIFY2(out.contains(QStringLiteral("(0 new and")), qPrintable(out));
        QVERIFY2(!out.contains(QStringLiteral("obsolete")), qPrintable(out)); // nothing in the .ts that the sources lost
    }

    void germanLoadsAndTranslatesTheWindow()
    {
        QVERIFY(QFile::exists(QCoreApplication::applicationDirPath() + QStringLiteral("/../translations/partlab_de.qm")));
        QCOMPARE(Localization::install(QStringLiteral("de")), QStringLiteral("de"));
        QCOMPARE(QCoreApplication::translate("partlab::MainWindow", "&Start"), QStringLiteral("&Starten"));
        QCOMPARE(QCoreApplication::translate("partlab::StateInspector", "%n key(s)", nullptr, 3), QStringLiteral("3 Schlüssel"));
        MainWindow w;
        QStringList menus;
        for (QAction *a : w.menuBar()->actions())
            menus << a->text();
        QVERIFY2(menus.contains(QStringLiteral("&Datei")), qPrintable(menus.join(QLatin1Char(','))));
        QCOMPARE(w.startAction()->text(), QStringLiteral("&Starten"));
        const QString path = outputDir(QStringLiteral("screenshots")) + QStringLiteral("/main_window_de.png");
        w.resize(1440, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        SessionConfig c = SessionConfig::forBuiltinScenario(QStringLiteral("stocks"));
        c.runtime.workers = 2;
        w.setSessionConfig(c);
        QVERIFY(w.startRun(true));
        QVERIFY(waitForApplied(w, 50'000)); // 1.5 s more of history at 20 000 msg/s
        QVERIFY(w.renderImage().save(path));
        w.session()->stop();
        QTRY_COMPARE(w.session()->state(), RunState::Stopped);
    }
};

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"
