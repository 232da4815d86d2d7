// The partlab binary itself, offscreen: a timed run that measures what refreshing the window costs
// (--measure-refresh), a screenshot, and the command line's errors (exit code 2, nothing started).
#include <QProcess>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct GuiResult
{
    int exitCode = -1;
    bool finished = false;
    QString out;
    QString err;
};

GuiResult runGui(const QStringList &arguments, int timeoutMs = 60000)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(PARTLAB_GUI), arguments);
    GuiResult r;
    if (!process.waitForStarted(10000))
        return r;
    r.finished = process.waitForFinished(timeoutMs) && process.exitStatus() == QProcess::NormalExit;
    if (!r.finished) {
        process.kill();
        process.waitForFinished();
    }
    r.exitCode = process.exitCode();
    r.out = QString::fromUtf8(process.readAllStandardOutput());
    r.err = QString::fromUtf8(process.readAllStandardError());
    return r;
}

double capture(const QString &text, const QString &pattern)
{
    const QRegularExpressionMatch m = QRegularExpression(pattern).match(text);
    return m.hasMatch() ? m.captured(1).toDouble() : -1.0;
}

} // namespace

class TestGuiCli : public QObject
{
    Q_OBJECT

private slots:
    void measureRefresh()
    {
        QTemporaryDir dir;
        const QString shot = dir.filePath(QStringLiteral("shot.png"));
        const GuiResult r = runGui({QStringLiteral("--partitions"), QStringLiteral("256"), QStringLiteral("--run-for"),
                                    QStringLiteral("2"), QStringLiteral("--quit"), QStringLiteral("--measure-refresh"),
                                    QStringLiteral("--screenshot"), shot, QStringLiteral("--lang"), QStringLiteral("en")});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("256 partitions")), qPrintable(r.out));
        const double ticks = capture(r.out, QStringLiteral("refresh: (\\d+) ticks"));
        const double hz = capture(r.out, QStringLiteral("\\(([0-9.]+) Hz\\)"));
        const double cpu = capture(r.out, QStringLiteral("= ([0-9.]+)% of one core"));
        const double median = capture(r.out, QStringLiteral("median ([0-9.]+) ms"));
        const double applied = capture(r.out, QStringLiteral("partitions, (\\d+) messages applied"));
        // 2 s at 25 Hz: the timer ticked (a loaded machine may drop some), the run moved, and the
        // CPU share is a share (0 < cpu <= 100: one thread cannot use more than one core).
        QVERIFY2(ticks >= 10, qPrintable(r.out));
        QVERIFY2(hz > 4 && hz <= 30, qPrintable(r.out));
        QVERIFY2(cpu > 0 && cpu <= 100.5, qPrintable(r.out));
        QVERIFY2(median > 0, qPrintable(r.out));
        QVERIFY2(applied > 0, qPrintable(r.out));
        QVERIFY(QFileInfo(shot).size() > 10000);
    }

    void commandLineErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("measure without run") << QStringList{QStringLiteral("--measure-refresh")} << QStringLiteral("--measure-refresh needs --run-for");
        QTest::newRow("quit without run") << QStringList{QStringLiteral("--quit")} << QStringLiteral("--quit needs --run-for");
        QTest::newRow("partitions 0") << QStringList{QStringLiteral("--partitions"), QStringLiteral("0")} << QStringLiteral("--partitions");
        QTest::newRow("unknown partitioner") << QStringList{QStringLiteral("--partitioner"), QStringLiteral("nope")} << QStringLiteral("unknown partitioner 'nope'");
        QTest::newRow("negative run") << QStringList{QStringLiteral("--run-for"), QStringLiteral("-1")} << QStringLiteral("--run-for");
    }

    void commandLineErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        arguments << QStringLiteral("--lang") << QStringLiteral("en");
        const GuiResult r = runGui(arguments, 20000);
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestGuiCli)
#include "tst_gui_cli.moc"
