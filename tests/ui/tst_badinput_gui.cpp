// Bad input through the GUI's doors (issue 10), beyond tst_mainwindow's badInputWhileRunningKeepsTheRun:
//  - while a simulation runs, opening a broken scenario (binary garbage, a JSON nesting bomb,
//    /dev/zero, a directory, a missing file) gives a message box and opening a broken trace
//    (a directory, an empty file, a missing file) an inline error; the run goes on, its partition
//    count unchanged;
//  - a trace that turns bad while it is read (a bad number, an invalid UTF-8 key, an enormous
//    line, a truncated .gz) ends the run with one message box naming FILE:LINE, and the state
//    applied before the bad line stays inspectable;
//  - a trace whose header is binary garbage cannot start: a message box, nothing runs.
#include "uitesthelpers.h"

#include "docks/configurationpanel.h"
#include "session/simulationsession.h"
#include "trace/tracewriter.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace partlab;
using namespace partlab::testing;

/** The GUI under broken scenario and trace files, before and during a run. */
class TestBadInputGui : public QObject
{
    Q_OBJECT

    static SessionConfig quickConfig()
    {
        SessionConfig c = SessionConfig::forBuiltinScenario(QStringLiteral("stocks"));
        c.runtime.partitionerOptions.partitions = 4;
        c.runtime.workers = 2;
        c.rate = 20'000;
        c.messageLimit = 0;
        return c;
    }

private slots:
    void initTestCase()
    {
        initUiTestApplication();
        QVERIFY(m_dir.isValid());
        std::mt19937 random(11);
        QByteArray garbage;
        for (int i = 0; i < 4096; ++i)
            garbage += char(random() % 256);
        garbage[0] = '\xff';
        write("garbage.json", garbage);
        write("garbage.csv", garbage);
        write("bomb.json", QByteArray(100000, '[') + "\n");
        write("empty.csv", "");
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("dir.json")));
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("dir.csv")));
        const QByteArray head = "symbol,price\nA,1\nB,2\nA,3\n";
        write("badnumber.csv", head + "B,1;5\n");
        write("badutf8.csv", head + "\xc3\x28,1\n");
        write("longline.csv", head + "B," + QByteArray(2 << 20, '7') + "\n");

        QString error;
        auto writer = TraceWriter::create(path("full.csv.gz"), TraceFormat::Csv, &error);
        QVERIFY2(writer, qPrintable(error));
        for (int i = 0; i < 5000; ++i) {
            const std::string key = "K" + std::to_string(i % 50);
            SourceMessage m;
            m.key = key;
            m.value = i;
            QVERIFY(writer->write(m));
        }
        QVERIFY(writer->finish());
        QFile full(path("full.csv.gz"));
        QVERIFY(full.open(QIODevice::ReadOnly));
        write("truncated.csv.gz", full.readAll().left(full.size() / 2));
    }

    void badFilesWhileRunningKeepTheRun_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("scenario");
        QTest::addColumn<QString>("expected");
        QTest::newRow("scenario: binary garbage") << path("garbage.json") << true << QStringLiteral("garbage.json:1:");
        QTest::newRow("scenario: nesting bomb") << path("bomb.json") << true << QStringLiteral("bomb.json:1:");
        QTest::newRow("scenario: directory") << path("dir.json") << true << QStringLiteral("dir.json: cannot open");
        QTest::newRow("scenario: missing") << path("missing.json") << true << QStringLiteral("missing.json: cannot open");
        if (QFile::exists(QStringLiteral("/dev/zero")))
            QTest::newRow("scenario: /dev/zero") << QStringLiteral("/dev/zero") << true << QStringLiteral("too large for a scenario file");
        QTest::newRow("trace: directory") << path("dir.csv") << false << QStringLiteral("dir.csv");
        QTest::newRow("trace: empty") << path("empty.csv") << false << QStringLiteral("no header row");
        QTest::newRow("trace: missing") << path("missing.csv") << false << QStringLiteral("missing.csv");
    }

    void badFilesWhileRunningKeepTheRun()
    {
        QFETCH(QString, file);
        QFETCH(bool, scenario);
        QFETCH(QString, expected);
        MainWindow w;
        w.setSessionConfig(quickConfig());
        QVERIFY(w.startRun(true));
        QVERIFY(waitForApplied(w, 500));
        const auto runtime = w.session()->runtime();
        MessageBoxCatcher boxes;
        if (scenario) {
            QVERIFY(!w.configurationPanel()->loadScenarioFile(file));
            QTRY_COMPARE(boxes.texts().size(), 1);
            QVERIFY2(boxes.texts().first().contains(expected), qPrintable(boxes.texts().first()));
        } else {
            QVERIFY(!w.configurationPanel()->loadTraceFile(file));
            auto *traceError = w.findChild<QLabel *>(QStringLiteral("traceError"));
            QVERIFY(traceError && !traceError->isHidden());
            QVERIFY2(traceError->text().contains(expected), qPrintable(traceError->text()));
            QTest::qWait(100);
            QVERIFY(boxes.texts().isEmpty()); // inline, no box
        }
        // The run goes on with its own runtime and partition count.
        QCOMPARE(w.session()->state(), RunState::Running);
        QCOMPARE(w.session()->runtime(), runtime);
        QCOMPARE(runtime->partitionCount(), 4);
        const quint64 before = runtime->snapshot().applied;
        QVERIFY(waitForApplied(w, before + 500));
        w.session()->stop();
        QTRY_COMPARE(w.session()->state(), RunState::Stopped);
        QCOMPARE(runtime->snapshot().applied, runtime->snapshot().submitted); // nothing lost on the way out
    }

    void traceTurningBadEndsTheRunWithOneMessage_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<quint64>("appliedBefore");
        QTest::newRow("bad number") << path("badnumber.csv") << path("badnumber.csv") + QStringLiteral(":5:") << quint64(3);
        QTest::newRow("invalid UTF-8 key") << path("badutf8.csv") << path("badutf8.csv") + QStringLiteral(":5:") << quint64(3);
        QTest::newRow("enormous line") << path("longline.csv") << path("longline.csv") + QStringLiteral(":5: record longer than") << quint64(3);
        // Regression: the header guess read a .gz file's compressed bytes, so no .csv.gz trace could run.
        QTest::newRow("truncated gzip") << path("truncated.csv.gz") << path("truncated.csv.gz") + QStringLiteral(": truncated gzip data") << quint64(0);
    }

    void traceTurningBadEndsTheRunWithOneMessage()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        QFETCH(quint64, appliedBefore);
        MainWindow w;
        SessionConfig c = quickConfig();
        c.rate = 0.0;
        c.runtime.computation = Computation::Last; // the stocks scenario's vwap needs a volume column
        w.setSessionConfig(c);
        QVERIFY(w.configurationPanel()->loadTraceFile(file));
        MessageBoxCatcher boxes;
        QVERIFY2(w.startRun(true), qPrintable(w.session()->lastError()));
        QTRY_VERIFY(!w.session()->isActive());
        QTRY_COMPARE(boxes.texts().size(), 1);
        QTest::qWait(100);
        QCOMPARE(boxes.texts().size(), 1);
        QVERIFY2(boxes.texts().first().contains(expected), qPrintable(boxes.texts().first()));
        // What was applied before the bad line stays there to inspect.
        const auto runtime = w.session()->runtime();
        QVERIFY(runtime);
        const RuntimeSnapshot snap = runtime->snapshot();
        QCOMPARE(snap.applied, snap.submitted);
        if (appliedBefore > 0)
            QCOMPARE(snap.applied, appliedBefore);
        else
            QVERIFY(snap.applied < 5000); // the truncated stream never delivers all of it
    }

    /** Regression: a valid .csv.gz trace shows its real columns and runs to the end. */
    void gzipTraceRuns()
    {
        MainWindow w;
        SessionConfig c = quickConfig();
        c.rate = 0.0;
        c.runtime.computation = Computation::Last;
        w.setSessionConfig(c);
        QVERIFY(w.configurationPanel()->loadTraceFile(path("full.csv.gz")));
        QCOMPARE(w.session()->config().traceFields.key, QStringLiteral("key"));
        QCOMPARE(w.session()->config().traceFields.value, QStringLiteral("value"));
        QVERIFY2(w.startRun(true), qPrintable(w.session()->lastError()));
        QTRY_COMPARE(w.session()->state(), RunState::Finished);
        QCOMPARE(w.session()->runtime()->snapshot().applied, quint64(5000));
        QCOMPARE(w.session()->runtime()->keyCount(), quint64(50));
    }

    void garbageTraceCannotStart()
    {
        MainWindow w;
        w.setSessionConfig(quickConfig());
        // The header of a binary file still splits into "columns"; the trace reader refuses it at start.
        w.configurationPanel()->loadTraceFile(path("garbage.csv"));
        MessageBoxCatcher boxes;
        if (w.startAction()->isEnabled()) {
            QVERIFY(!w.startRun());
            QTRY_COMPARE(boxes.texts().size(), 1);
            QVERIFY2(boxes.texts().first().contains(QStringLiteral("garbage.csv")), qPrintable(boxes.texts().first()));
        }
        QVERIFY(!w.session()->isActive());
        QCOMPARE(w.session()->state(), RunState::Idle);
    }

private:
    QString path(const char *name) const { return m_dir.filePath(QString::fromUtf8(name)); }

    void write(const char *name, const QByteArray &content)
    {
        QFile f(path(name));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(content), qint64(content.size()));
    }

    QTemporaryDir m_dir;
};

QTEST_MAIN(TestBadInputGui)
#include "tst_badinput_gui.moc"
