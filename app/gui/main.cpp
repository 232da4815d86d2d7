// partlab: the desktop application. Parses the command line, loads the translation and wires the
// engine and the UI library together.
#include "docks/configurationpanel.h"
#include "localization.h"
#include "mainwindow.h"
#include "routing/partitionerargs.h"
#include "trace/csvprobe.h"
#include "workload/scenario.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace partlab;

namespace {

int fail(const QString &message)
{
    QTextStream(stderr) << QStringLiteral("partlab: ") << message << Qt::endl;
    return 2;
}

/** --lang must be known before the parser exists: the option descriptions are translated too. */
QString languageArgument(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments[i] == QLatin1String("--lang") && i + 1 < arguments.size())
            return arguments[i + 1];
        if (arguments[i].startsWith(QLatin1String("--lang=")))
            return arguments[i].mid(7);
    }
    return {};
}

/** CPU time the calling thread has used, in seconds. */
double threadCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

/**
 * --measure-refresh: what refreshing the window costs while a run is live. Counts the GUI
 * thread's CPU time (ticks, chart replots, painting, event handling: all of it) between the start
 * and the end of the run, against wall time, and the wall time of every tick.
 */
class RefreshMeter
{
public:
    void start()
    {
        m_cpu = threadCpuSeconds();
        m_wall.start();
        m_ticks.clear();
    }
    void addTick(double ms) { m_ticks.push_back(ms); }
    QString report(const MainWindow &window)
    {
        const double wall = double(m_wall.nsecsElapsed()) / 1e9;
        const double cpu = threadCpuSeconds() - m_cpu;
        std::sort(m_ticks.begin(), m_ticks.end());
        const auto at = [this](double q) {
            return m_ticks.empty() ? 0.0 : m_ticks[std::min(m_ticks.size() - 1, std::size_t(q * double(m_ticks.size())))];
        };
        return QStringLiteral("refresh: %1 ticks in %2 s (%3 Hz), %4 partitions, %5 messages applied\n"
                              "GUI thread CPU: %6 s = %7% of one core (ticks, replots, painting, events)\n"
                              "tick wall time: median %8 ms, p99 %9 ms, max %10 ms\n")
            .arg(m_ticks.size()).arg(wall, 0, 'f', 2).arg(double(m_ticks.size()) / wall, 0, 'f', 1)
            .arg(window.session()->partitions()).arg(window.metrics().current().applied)
            .arg(cpu, 0, 'f', 2).arg(100.0 * cpu / wall, 0, 'f', 1)
            .arg(at(0.5), 0, 'f', 2).arg(at(0.99), 0, 'f', 2).arg(m_ticks.empty() ? 0.0 : m_ticks.back(), 0, 'f', 2);
    }

private:
    double m_cpu = 0.0;
    QElapsedTimer m_wall;
    std::vector<double> m_ticks;
};

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Partlab"));
    QApplication::setOrganizationName(QStringLiteral("Partlab"));
    QApplication::setApplicationVersion(QStringLiteral(PARTLAB_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("partlab"));

    const QString requestedLanguage = languageArgument(QApplication::arguments());
    if (!requestedLanguage.isEmpty() && !Localization::availableLanguages().contains(requestedLanguage))
        return fail(QCoreApplication::translate("main", "--lang: no translation for '%1' (choose %2)")
                        .arg(requestedLanguage, Localization::availableLanguages().join(QStringLiteral(", "))));
    Localization::install(requestedLanguage);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Partlab: watch partitioned state routing live."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("scenario"), QCoreApplication::translate("main", "Scenario: builtin:stocks, builtin:words, builtin:orders or a JSON file."), QStringLiteral("S")},
        {QStringLiteral("trace"), QCoreApplication::translate("main", "Read messages from a CSV trace with a header row."), QStringLiteral("FILE.csv")},
        {QStringLiteral("key"), QCoreApplication::translate("main", "CSV column with the partition key (default: guessed from the header)."), QStringLiteral("FIELD")},
        {QStringLiteral("run-for"), QCoreApplication::translate("main", "Start at once and stop after this many seconds."), QStringLiteral("SECONDS")},
        {QStringLiteral("quit"), QCoreApplication::translate("main", "Quit when the run is over (with --run-for).")},
        {QStringLiteral("screenshot"), QCoreApplication::translate("main", "Save an image of the main window when the run is over (or once shown)."), QStringLiteral("FILE.png")},
        {QStringLiteral("measure-refresh"), QCoreApplication::translate("main", "With --run-for: print what refreshing the window cost (GUI thread CPU, tick times).")},
        {QStringLiteral("pause-after"), QCoreApplication::translate("main", "With --run-for: pause the run after SECONDS; --measure-refresh then measures the paused window only."),
         QStringLiteral("SECONDS")},
        {QStringLiteral("lang"), QCoreApplication::translate("main", "User interface language: %1 (default: the system's).").arg(Localization::availableLanguages().join(QStringLiteral(", "))), QStringLiteral("LANG")},
    });
    // --partitioner and --partitions as partlab-cli reads them, up to the GUI's own partition limit;
    // the scenario's count stays without --partitions. Not the partitioner-specific options: the
    // configuration dock has no field for them.
    const PartitionerArgs partitionerArgs = PartitionerArgs::nameAndCount(RuntimeConfig().partitioner, ConfigurationPanel::kMaxPartitions);
    addPartitionerOptions(parser, partitionerArgs);
    parser.process(app);

    MainWindow window;
    SessionConfig config = window.session()->config();
    if (parser.isSet(QStringLiteral("scenario")) && parser.isSet(QStringLiteral("trace")))
        return fail(QCoreApplication::translate("main", "--scenario and --trace exclude each other"));
    if (parser.isSet(QStringLiteral("scenario"))) {
        QString error;
        const QString spec = parser.value(QStringLiteral("scenario"));
        const auto scenario = resolveScenario(spec, &error);
        if (!scenario)
            return fail(QCoreApplication::translate("main", "--scenario: %1").arg(error));
        config.applyScenario(*scenario, spec.startsWith(QLatin1String("builtin:")) ? spec : QFileInfo(spec).absoluteFilePath());
    }
    if (parser.isSet(QStringLiteral("trace"))) {
        const QString path = parser.value(QStringLiteral("trace"));
        if (!window.configurationPanel()->loadTraceFile(path))
            return fail(QCoreApplication::translate("main", "--trace: %1").arg(window.configurationPanel()->problem()));
        config = window.configurationPanel()->config();
        if (parser.isSet(QStringLiteral("key"))) {
            const QString key = parser.value(QStringLiteral("key"));
            QString error;
            if (!readCsvHeader(path, &error).contains(key))
                return fail(QCoreApplication::translate("main", "--key: %1 has no column '%2'").arg(path, key));
            config.traceFields.key = key;
        }
    } else if (parser.isSet(QStringLiteral("key"))) {
        return fail(QCoreApplication::translate("main", "--key applies to --trace only"));
    }
    {
        const QString name = parser.isSet(QStringLiteral("partitioner")) ? parser.value(QStringLiteral("partitioner")) : config.runtime.partitioner;
        if (const QString problem = readPartitionerOptions(parser, name, config.runtime.partitionerOptions, partitionerArgs); !problem.isEmpty())
            return fail(problem);
        config.runtime.partitioner = name;
    }
    double runFor = -1.0;
    if (parser.isSet(QStringLiteral("run-for"))) {
        bool ok = false;
        runFor = parser.value(QStringLiteral("run-for")).toDouble(&ok);
        if (!ok || !(runFor > 0.0) || runFor > 86400.0)
            return fail(QCoreApplication::translate("main", "--run-for: expected a number of seconds greater than 0"));
    }
    if (parser.isSet(QStringLiteral("quit")) && runFor < 0)
        return fail(QCoreApplication::translate("main", "--quit needs --run-for"));
    const bool measureRefresh = parser.isSet(QStringLiteral("measure-refresh"));
    if (measureRefresh && runFor < 0)
        return fail(QCoreApplication::translate("main", "--measure-refresh needs --run-for"));
    double pauseAfter = -1.0;
    if (parser.isSet(QStringLiteral("pause-after"))) {
        bool ok = false;
        pauseAfter = parser.value(QStringLiteral("pause-after")).toDouble(&ok);
        if (!ok || !(pauseAfter >= 0.0) || runFor < 0 || pauseAfter >= runFor)
            return fail(QCoreApplication::translate("main", "--pause-after: expected a number of seconds below --run-for's"));
    }
    RefreshMeter meter;
    if (measureRefresh)
        QObject::connect(&window, &MainWindow::ticked, &window, [&meter](double ms) { meter.addTick(ms); });
    const QString screenshot = parser.value(QStringLiteral("screenshot"));
    window.setSessionConfig(config);
    window.show();

    int exitCode = 0;
    const auto finish = [&] {
        if (!screenshot.isEmpty() && !window.renderImage().save(screenshot)) {
            fail(QCoreApplication::translate("main", "--screenshot: cannot write %1").arg(screenshot));
            exitCode = 1;
        }
        if (parser.isSet(QStringLiteral("quit")))
            QApplication::exit(exitCode);
    };
    if (runFor > 0) {
        QTimer::singleShot(0, &window, [&] {
            if (!window.startRun(true)) {
                fail(window.session()->lastError());
                QApplication::exit(1);
                return;
            }
            if (measureRefresh)
                meter.start();
            if (pauseAfter >= 0.0) {
                QTimer::singleShot(int(pauseAfter * 1000), &window, [&] {
                    window.session()->pause();
                    if (measureRefresh)
                        meter.start(); // from here on: what a paused window costs
                });
            }
            QTimer::singleShot(int(runFor * 1000), &window, [&] {
                if (measureRefresh)
                    QTextStream(stdout) << meter.report(window);
                finish(); // the picture is taken while the run is live
                window.session()->stop();
            });
        });
    } else if (!screenshot.isEmpty()) {
        QTimer::singleShot(500, &window, finish);
    }
    const int code = QApplication::exec();
    return code != 0 ? code : exitCode;
}
