// Bad input through the GUI's doors, beyond tst_mainwindow's badInputWhileRunningKeepsTheRun:
//  - while a simulation runs, opening a broken scenario (binary garbage, a JSON nesting bomb,
//    /dev/zero, a directory, a missing file) gives a message box and opening a broken trace
//    (a directory, an empty file, a missing file) an inline error; the run goes on, its partition
//    count unchanged;
//  - a trace whose first lines are bad (a bad number, an invalid UTF-8 key, an enormous line, a
//    truncated .gz, a binary header) shows that first problem, FILE:LINE: reason, inline when it
//    is opened, and cannot start; a trace without a key-like column waits for the user's choice;
//  - a trace that turns bad further down, while it is read, ends the run with one message box
//    naming FILE:LINE, and the state applied before the bad line stays inspectable.
#include "uitesthelpers.h"

#include "docks/configurationpanel.h"
#include "session/simulationsession.h"
#include "trace/csvprobe.h"
#include "trace/tracewriter.h"

#include <QAction>
#include <QComboBox>
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

    static SessionConfig quickConfig() { return liveStocks(4, 20'000); }

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
        // A bad record in the first lines is found when the file is opened (CsvProbe reads the
        // first kSampleRecords); one further down only when the run reaches it.
        const QByteArray head = "symbol,price\nA,1\nB,2\nA,3\n";
        write("badnumber.csv", head + "B,1;5\n");
        write("badutf8.csv", head + "\xc3\x28,1\n");
        write("longline.csv", head + "B," + QByteArray(2 << 20, '7') + "\n");
        QByteArray longHead = "symbol,price\n";
        for (int i = 0; i < kGoodLines; ++i)
            longHead += (i % 2 ? "A," : "B,") + QByteArray::number(i) + '\n';
        write("late-badnumber.csv", longHead + "B,1;5\n");
        write("late-badutf8.csv", longHead + "\xc3\x28,1\n");
        write("late-longline.csv", longHead + "B," + QByteArray(2 << 20, '7') + "\n");
        write("nokey.csv", "timestamp,price,volume\n2026-01-01T00:00:00Z,1.5,10\n2026-01-01T00:00:01Z,2.5,11\n");

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
            QVERIFY(boxes.texts().isEmpty()); // inline, no box (loadTraceFile shows it before it returns)
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
        const QString line = QStringLiteral(":%1:").arg(kGoodLines + 2);
        QTest::newRow("bad number") << path("late-badnumber.csv") << path("late-badnumber.csv") + line << quint64(kGoodLines);
        QTest::newRow("invalid UTF-8 key") << path("late-badutf8.csv") << path("late-badutf8.csv") + line << quint64(kGoodLines);
        QTest::newRow("enormous line") << path("late-longline.csv") << path("late-longline.csv") + line + QStringLiteral(" record longer than")
                                       << quint64(kGoodLines);
        // Regression: the header guess read a .gz file's compressed bytes, so no .csv.gz trace could
        // run. Its first records read cleanly: the cut shows when the run reaches it.
        QTest::newRow("truncated gzip") << path("truncated.csv.gz") << path("truncated.csv.gz") + QStringLiteral(": truncated gzip data")
                                        << quint64(0);
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
        QCoreApplication::processEvents(); // anything queued behind the first box would show now
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
            QVERIFY(snap.applied >= quint64(CsvProbe::kSampleRecords) && snap.applied < 5000); // read up to the cut
    }

    /** A bad record among the first lines is the first thing shown, at once, inline: no run starts. */
    void firstProblemShownWhenOpened_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bad number") << path("badnumber.csv") << path("badnumber.csv") + QStringLiteral(":5: column 'price'");
        QTest::newRow("invalid UTF-8 key") << path("badutf8.csv") << path("badutf8.csv") + QStringLiteral(":5: column 'symbol'");
        QTest::newRow("enormous line") << path("longline.csv") << path("longline.csv") + QStringLiteral(":5: record longer than");
        // Binary garbage: the header itself, not a "vwap needs a volume column" or mojibake columns.
        QTest::newRow("binary garbage") << path("garbage.csv") << path("garbage.csv") + QStringLiteral(":1: the header row is not text");
    }

    void firstProblemShownWhenOpened()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        MainWindow w;
        SessionConfig c = quickConfig(); // vwap: a trace without volume would also complain about that
        w.setSessionConfig(c);
        QVERIFY(!w.configurationPanel()->loadTraceFile(file));
        auto *traceError = w.findChild<QLabel *>(QStringLiteral("traceError"));
        QVERIFY(traceError && !traceError->isHidden());
        QVERIFY2(traceError->text().startsWith(expected), qPrintable(traceError->text()));
        QVERIFY2(w.configurationPanel()->problem().startsWith(expected), qPrintable(w.configurationPanel()->problem()));
        QVERIFY(!w.configurationPanel()->problem().contains(QStringLiteral("volume")));
        QVERIFY(!w.startAction()->isEnabled());
        MessageBoxCatcher boxes;
        QVERIFY(!w.startRun(true));
        QCOMPARE(w.session()->state(), RunState::Idle);
        auto *keys = w.findChild<QComboBox *>(QStringLiteral("keyColumn"));
        QVERIFY(keys);
        for (int i = 0; i < keys->count(); ++i) // no mojibake: every column name is printable text
            QVERIFY2(!keys->itemText(i).contains(QChar::ReplacementCharacter), qPrintable(keys->itemText(i)));
    }

    /** No key-like column: nothing is guessed (never the timestamp), Start waits for a choice. */
    void keyColumnIsChosenWhenNoneLooksLikeAKey()
    {
        MainWindow w;
        SessionConfig c = quickConfig();
        c.runtime.computation = Computation::Sum;
        w.setSessionConfig(c);
        QVERIFY(w.configurationPanel()->loadTraceFile(path("nokey.csv")));
        QCOMPARE(w.session()->config().traceFields.key, QString());
        QCOMPARE(w.session()->config().traceFields.value, QStringLiteral("price"));
        auto *traceError = w.findChild<QLabel *>(QStringLiteral("traceError"));
        QVERIFY(traceError && !traceError->isHidden());
        QVERIFY2(traceError->text().contains(QStringLiteral("Choose the key column")), qPrintable(traceError->text()));
        QVERIFY(!w.startAction()->isEnabled());
        auto *keys = w.findChild<QComboBox *>(QStringLiteral("keyColumn"));
        QVERIFY(keys);
        keys->setCurrentIndex(keys->findData(QStringLiteral("volume")));
        QCOMPARE(w.session()->config().traceFields.key, QStringLiteral("volume"));
        QVERIFY(traceError->isHidden());
        QVERIFY(w.startAction()->isEnabled());
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


private:
    /** Good records before the bad one in the late-*.csv files: more than CsvProbe reads when a file is opened. */
    static constexpr int kGoodLines = CsvProbe::kSampleRecords + 100;

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
