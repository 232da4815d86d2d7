#include "uitesthelpers.h"

#include "docks/configurationpanel.h"
#include "docks/fifoview.h"
#include "docks/stateinspector.h"
#include "fileopener.h"
#include "models/statefilterproxymodel.h"
#include "teaching/rebalancepreview.h"
#include "teaching/teachingviews.h"
#include "views/chartzoom.h"
#include "views/latencychartview.h"
#include "views/liveviews.h"
#include "views/palette.h"
#include "views/partitionbarsview.h"
#include "views/skewgaugeview.h"
#include "views/throughputview.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QToolButton>

#include <algorithm>
#include <functional>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTemporaryDir>
#include <qcustomplot.h>

using namespace partlab;
using namespace partlab::testing;

/** The main window end to end, offscreen: controls, run control, charts, inspector, FIFO, exports. */
class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    template<typename T>
    static T *control(MainWindow &w, const char *name)
    {
        T *c = w.configurationPanel()->findChild<T *>(QLatin1String(name));
        if (!c)
            qFatal("no control %s", name);
        return c;
    }

    /** A small, quick configuration for run-control tests. */
    static SessionConfig quickConfig(int partitions = 4, double rate = 50'000) { return liveStocks(partitions, rate); }

private slots:
    void initTestCase() { initUiTestApplication(); }

    void everyControlChangesTheConfiguration()
    {
        MainWindow w;
        SimulationSession *s = w.session();
        auto *distribution = control<QComboBox>(w, "distribution");
        distribution->setCurrentIndex(distribution->findData(int(KeyDistributionSpec::Kind::HotKey)));
        QCOMPARE(s->config().scenario.distribution.kind, KeyDistributionSpec::Kind::HotKey);
        QVERIFY(control<QDoubleSpinBox>(w, "hotKeyShare")->isEnabled());
        QVERIFY(!control<QDoubleSpinBox>(w, "zipfExponent")->isEnabled());
        control<QDoubleSpinBox>(w, "hotKeyShare")->setValue(35.0);
        QCOMPARE(s->config().scenario.distribution.hotKeyShare, 0.35);
        distribution->setCurrentIndex(distribution->findData(int(KeyDistributionSpec::Kind::Zipf)));
        control<QDoubleSpinBox>(w, "zipfExponent")->setValue(1.7);
        QCOMPARE(s->config().scenario.distribution.zipfExponent, 1.7);
        control<QSpinBox>(w, "keyCount")->setValue(321);
        QCOMPARE(s->config().scenario.keys, quint32(321));
        control<QSpinBox>(w, "seed")->setValue(42);
        QCOMPARE(s->config().scenario.seed, quint64(42));
        control<QSpinBox>(w, "rate")->setValue(1234);
        QCOMPARE(s->config().rate, 1234.0);
        control<QCheckBox>(w, "fullSpeed")->setChecked(true);
        QCOMPARE(s->config().rate, 0.0);
        QVERIFY(!control<QSpinBox>(w, "rate")->isEnabled());
        control<QSpinBox>(w, "messages")->setValue(5000);
        QCOMPARE(s->config().messageLimit, quint64(5000));
        control<QCheckBox>(w, "unlimited")->setChecked(true);
        QCOMPARE(s->config().messageLimit, quint64(0));
        auto *mode = control<QComboBox>(w, "mode");
        mode->setCurrentIndex(mode->findData(int(RuntimeMode::Naive)));
        QCOMPARE(s->config().runtime.mode, RuntimeMode::Naive);
        mode->setCurrentIndex(mode->findData(int(RuntimeMode::Partitioned)));
        QCOMPARE(s->config().runtime.mode, RuntimeMode::Partitioned);
        auto *partitioner = control<QComboBox>(w, "partitioner");
        QCOMPARE(partitioner->count(), int(partitionerNames().size()));
        partitioner->setCurrentIndex(partitioner->count() - 1);
        QCOMPARE(s->config().runtime.partitioner, partitionerNames().last());
        control<QSpinBox>(w, "partitions")->setValue(16);
        QCOMPARE(s->config().runtime.partitions(), 16);
        control<QSlider>(w, "partitionSlider")->setValue(50); // log scale: 2^5
        QCOMPARE(s->config().runtime.partitions(), 32);
        QCOMPARE(control<QSpinBox>(w, "partitions")->value(), 32);
        control<QSpinBox>(w, "workers")->setValue(3);
        QCOMPARE(s->config().runtime.workers, 3);
        auto *computation = control<QComboBox>(w, "computation");
        computation->setCurrentIndex(computation->findData(QStringLiteral("count")));
        QCOMPARE(s->config().runtime.computation, Computation::Count);
        control<QCheckBox>(w, "recordOrder")->setChecked(false);
        QCOMPARE(s->config().fifoCapacity, 0);
        control<QCheckBox>(w, "recordOrder")->setChecked(true);
        QVERIFY(s->config().fifoCapacity > 0);
        auto *scenario = control<QComboBox>(w, "scenario");
        scenario->setCurrentIndex(scenario->findData(QStringLiteral("builtin:words")));
        emit scenario->activated(scenario->currentIndex());
        QCOMPARE(s->config().scenarioOrigin, QStringLiteral("builtin:words"));
        QCOMPARE(s->config().scenario.generator, ScenarioSpec::Generator::Words);
        QCOMPARE(s->config().runtime.computation, Computation::Count);

        // The runtime a run creates has exactly that configuration.
        control<QSpinBox>(w, "workers")->setValue(3); // the scenario suggested its own
        partitioner->setCurrentIndex(partitioner->count() - 1); // and its own partitioner
        control<QCheckBox>(w, "fullSpeed")->setChecked(false);
        control<QSpinBox>(w, "rate")->setValue(2000);
        control<QSpinBox>(w, "partitions")->setValue(6);
        QVERIFY(w.startRun(true));
        const RuntimeConfig &rc = w.session()->runtime()->config();
        QCOMPARE(rc.partitions(), 6);
        QCOMPARE(rc.workers, 3);
        QCOMPARE(rc.computation, Computation::Count);
        QCOMPARE(rc.partitioner, partitionerNames().last());
        QCOMPARE(w.session()->runtime()->partitionCount(), 6);
        // While running everything but the partition count is locked.
        QVERIFY(!control<QComboBox>(w, "computation")->isEnabled());
        QVERIFY(!control<QSpinBox>(w, "workers")->isEnabled());
        QVERIFY(control<QSpinBox>(w, "partitions")->isEnabled());
        w.session()->stop();
        QTRY_COMPARE(w.session()->state(), RunState::Stopped);
    }

    /**
     * The choice lists carry their value as item data: the items' order on screen is free. The
     * items are put in reverse order here, and each choice still sets (and shows) its own value.
     */
    void choiceListsFollowTheirItemDataNotTheirOrder()
    {
        MainWindow w;
        SimulationSession *s = w.session();
        auto *distribution = control<QComboBox>(w, "distribution");
        auto *mode = control<QComboBox>(w, "mode");
        auto *scope = w.fifoView()->findChild<QComboBox *>();
        QVERIFY(scope);
        for (QComboBox *combo : {distribution, mode, scope}) {
            const QSignalBlocker quiet(combo);
            const QVariant current = combo->currentData();
            QList<std::pair<QString, QVariant>> items;
            for (int i = 0; i < combo->count(); ++i)
                items.append({combo->itemText(i), combo->itemData(i)});
            combo->clear();
            for (auto it = items.crbegin(); it != items.crend(); ++it)
                combo->addItem(it->first, it->second);
            combo->setCurrentIndex(combo->findData(current));
        }
        using Kind = KeyDistributionSpec::Kind;
        for (Kind kind : {Kind::HotKey, Kind::Zipf, Kind::Uniform}) {
            distribution->setCurrentIndex(distribution->findData(int(kind)));
            QCOMPARE(s->config().scenario.distribution.kind, kind);
            QCOMPARE(control<QDoubleSpinBox>(w, "zipfExponent")->isEnabled(), kind == Kind::Zipf);
            QCOMPARE(control<QDoubleSpinBox>(w, "hotKeyShare")->isEnabled(), kind == Kind::HotKey);
        }
        for (RuntimeMode m : {RuntimeMode::Naive, RuntimeMode::Partitioned}) {
            mode->setCurrentIndex(mode->findData(int(m)));
            QCOMPARE(s->config().runtime.mode, m);
        }
        // A configuration from elsewhere (a lesson, the command line) selects the item with its value.
        SessionConfig c = s->config();
        c.scenario.distribution.kind = Kind::HotKey;
        c.runtime.mode = RuntimeMode::Naive;
        w.setSessionConfig(c);
        QCOMPARE(distribution->currentData().toInt(), int(Kind::HotKey));
        QCOMPARE(mode->currentData().toInt(), int(RuntimeMode::Naive));
        for (FifoView::Scope sc : {FifoView::Scope::AllPartitions, FifoView::Scope::Key, FifoView::Scope::Partition}) {
            w.fifoView()->setScope(sc);
            QCOMPARE(w.fifoView()->scope(), sc);
            QCOMPARE(scope->currentData().toInt(), int(sc));
        }
    }

    /**
     * File > Open Scenario and the dock's Open… are one dialog (FileOpener), as are File > Open CSV
     * Trace and Browse…: each opens in the folder its kind was last opened from, with its filters,
     * loads the file chosen and remembers its folder.
     */
    void openDialogsAreOneAndRememberTheirFolder()
    {
        QTemporaryDir scenarios, traces, elsewhere;
        const QString scenario = scenarios.filePath(QStringLiteral("hot-symbol.json"));
        QVERIFY(QFile::copy(QStringLiteral(PARTLAB_SOURCE_DIR "/resources/scenarios/hot-symbol.json"), scenario));
        const QString trace = traces.filePath(QStringLiteral("ticks.csv"));
        {
            QFile f(trace);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("symbol,price,volume\nA,1.5,10\nB,2.5,20\n");
        }
        FileOpener::rememberDirectory(FileOpener::Kind::Scenario, scenario);
        FileOpener::rememberDirectory(FileOpener::Kind::CsvTrace, elsewhere.filePath(QStringLiteral("x.csv")));

        struct Seen
        {
            QString title, directory;
            QStringList filters;
        };
        // Runs @p open, answers the file dialog it shows with @p path and returns what the dialog showed.
        const auto choose = [](const QString &path, const std::function<void()> &open) {
            Seen seen;
            QTimer timer;
            timer.setInterval(20);
            QObject::connect(&timer, &QTimer::timeout, &timer, [&timer, &seen, path] {
                auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
                if (!dialog)
                    return;
                seen.title = dialog->windowTitle();
                seen.directory = dialog->directory().absolutePath();
                seen.filters = dialog->nameFilters();
                // selectFile() leaves a file name field that has the focus alone: take the focus away.
                if (QWidget *focus = dialog->focusWidget())
                    focus->clearFocus();
                dialog->selectFile(path);
                if (!dialog->selectedFiles().contains(path))
                    return; // its folder is still being read: the next tick selects it
                timer.stop();
                static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept(), protected there
            });
            timer.start();
            open();
            return seen;
        };
        const auto actionWith = [](MainWindow &w, const QKeySequence &shortcut) -> QAction * {
            for (QAction *a : w.findChildren<QAction *>())
                if (a->shortcut() == shortcut)
                    return a;
            return nullptr;
        };
        const auto button = [](MainWindow &w, const QString &name) {
            auto *b = w.configurationPanel()->findChild<QToolButton *>(name);
            if (!b)
                qFatal("no button %s", qPrintable(name));
            return b;
        };

        MainWindow w;
        QAction *openScenario = actionWith(w, QKeySequence(QKeySequence::Open));
        QVERIFY(openScenario);
        const Seen seen = choose(scenario, [&] { openScenario->trigger(); });
        QCOMPARE(seen.title, FileOpener::title(FileOpener::Kind::Scenario));
        QCOMPARE(seen.directory, QDir(scenarios.path()).absolutePath());
        QVERIFY2(seen.filters.join(QLatin1Char(' ')).contains(QStringLiteral("*.json")), qPrintable(seen.filters.join(QLatin1Char(' '))));
        QCOMPARE(w.session()->config().scenarioOrigin, QFileInfo(scenario).absoluteFilePath());
        QVERIFY(w.recentFiles().contains(QFileInfo(scenario).absoluteFilePath()));

        // The dock's Open… button: the same dialog, in the same folder.
        const Seen fromDock = choose(scenario, [&] { button(w, QStringLiteral("openScenario"))->click(); });
        QCOMPARE(fromDock.title, seen.title);
        QCOMPARE(fromDock.directory, seen.directory);
        QCOMPARE(fromDock.filters, seen.filters);

        // The CSV trace: its own folder, remembered once a file was chosen there.
        QAction *openTrace = actionWith(w, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
        QVERIFY(openTrace);
        const Seen traceSeen = choose(trace, [&] { openTrace->trigger(); });
        QCOMPARE(traceSeen.title, FileOpener::title(FileOpener::Kind::CsvTrace));
        QCOMPARE(traceSeen.directory, QDir(elsewhere.path()).absolutePath());
        QVERIFY(traceSeen.filters.join(QLatin1Char(' ')).contains(QStringLiteral("*.csv")));
        QCOMPARE(w.session()->config().source, SessionConfig::Source::Trace);
        QCOMPARE(w.session()->config().tracePath, QFileInfo(trace).absoluteFilePath());
        QCOMPARE(FileOpener::lastDirectory(FileOpener::Kind::CsvTrace), QFileInfo(trace).absolutePath());
        QCOMPARE(FileOpener::lastDirectory(FileOpener::Kind::Scenario), QFileInfo(scenario).absolutePath());

        // The dock's Browse…: the same dialog, in the folder of the trace it shows.
        const Seen browsed = choose(trace, [&] { button(w, QStringLiteral("browseTrace"))->click(); });
        QCOMPARE(browsed.title, traceSeen.title);
        QCOMPARE(browsed.filters, traceSeen.filters);
        QCOMPARE(browsed.directory, QDir(traces.path()).absolutePath());
    }

    void invalidValuesCannotBeEntered()
    {
        MainWindow w;
        auto *partitions = control<QSpinBox>(w, "partitions");
        QCOMPARE(partitions->minimum(), 1);
        QCOMPARE(partitions->maximum(), ConfigurationPanel::kMaxPartitions);
        partitions->setValue(0);
        QCOMPARE(partitions->value(), 1);
        QCOMPARE(control<QDoubleSpinBox>(w, "hotKeyShare")->maximum(), 100.0);
        QVERIFY(control<QDoubleSpinBox>(w, "zipfExponent")->minimum() > 0.0);
        QCOMPARE(control<QSpinBox>(w, "keyCount")->minimum(), 1);
        QCOMPARE(control<QSpinBox>(w, "rate")->minimum(), 1);
        // Typing letters into a spin box is rejected by its validator.
        auto *keys = control<QSpinBox>(w, "keyCount");
        keys->setValue(50);
        keys->setFocus();
        keys->selectAll();
        QTest::keyClicks(keys, QStringLiteral("abc"));
        QCOMPARE(keys->value(), 50);
    }

    void missingTraceIsAnInlineErrorAndDisablesStart()
    {
        MainWindow w;
        QVERIFY(!w.configurationPanel()->loadTraceFile(QStringLiteral("/nonexistent/trace.csv")));
        auto *traceError = control<QLabel>(w, "traceError");
        QVERIFY(!traceError->isHidden());
        QVERIFY(!traceError->text().isEmpty());
        QVERIFY(!w.configurationPanel()->problem().isEmpty());
        QVERIFY(!w.startAction()->isEnabled());
        MessageBoxCatcher boxes;
        QVERIFY(!w.startRun());
        QTRY_COMPARE(boxes.texts().size(), 1);
        QCOMPARE(w.session()->state(), RunState::Idle);
    }

    void traceFileRunsWithGuessedColumns()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ticks.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("time,symbol,price,volume\n");
        for (int i = 0; i < 500; ++i)
            f.write(QByteArray::number(i) + (i % 3 == 0 ? ",AAPL," : i % 3 == 1 ? ",MSFT," : ",IBM,") + "100.5,10\n");
        f.close();
        MainWindow w;
        QVERIFY(w.configurationPanel()->loadTraceFile(path));
        const SessionConfig c = w.session()->config();
        QCOMPARE(c.source, SessionConfig::Source::Trace);
        QCOMPARE(c.traceFields.key, QStringLiteral("symbol"));
        QCOMPARE(c.traceFields.value, QStringLiteral("price"));
        QCOMPARE(c.traceFields.volume, QStringLiteral("volume"));
        QVERIFY(w.recentFiles().contains(QFileInfo(path).absoluteFilePath()));
        SessionConfig fast = c;
        fast.rate = 0.0;
        w.setSessionConfig(fast);
        QVERIFY(w.startRun(true));
        QTRY_COMPARE(w.session()->state(), RunState::Finished);
        QCOMPARE(w.metrics().current().applied, quint64(500));
        QCOMPARE(w.session()->runtime()->keyCount(), quint64(3));
    }

    void startPauseStepStop()
    {
        MainWindow w;
        w.setSessionConfig(quickConfig(4, 20'000));
        w.startAction()->trigger();
        QCOMPARE(w.session()->state(), RunState::Running);
        QVERIFY(waitForApplied(w, 1000));
        QSignalSpy drained(w.session(), &SimulationSession::pauseDrained);
        QSignalSpy stepped(w.session(), &SimulationSession::stepApplied);
        w.pauseAction()->trigger();
        QCOMPARE(w.session()->state(), RunState::Paused);
        QVERIFY(w.pauseAction()->isChecked());
        QVERIFY(drained.wait(5000)); // the producer applied everything it sent, then waits
        const quint64 paused = w.session()->runtime()->snapshot().applied;
        QCOMPARE(paused, w.session()->messagesSubmitted()); // nothing in flight
        w.stepAction()->trigger();
        QVERIFY(stepped.wait(5000));
        QCOMPARE(w.session()->runtime()->snapshot().applied, paused + 1); // one step, one message: the pause held
        w.stepAction()->trigger();
        w.stepAction()->trigger();
        QTRY_COMPARE(stepped.count(), 3);
        QCOMPARE(w.session()->runtime()->snapshot().applied, paused + 3);
        w.startAction()->trigger(); // resumes
        QCOMPARE(w.session()->state(), RunState::Running);
        QVERIFY(waitForApplied(w, paused + 500));
        w.stopAction()->trigger();
        QTRY_COMPARE(w.session()->state(), RunState::Stopped);
        // The stopped run keeps its state for the views.
        const quint64 applied = w.session()->runtime()->snapshot().applied;
        QVERIFY(applied >= paused + 500);
        QVERIFY(w.session()->runtime()->keyCount() > 0);
        QVERIFY(w.startAction()->isEnabled());
        QVERIFY(!w.stopAction()->isEnabled());
    }

    void shortcutsDriveTheRun()
    {
        MainWindow w;
        w.setSessionConfig(quickConfig(4, 20'000));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.activateWindow();
        w.centralWidget()->setFocus();
        QCOMPARE(w.startAction()->shortcut(), QKeySequence(Qt::Key_F5));
        QCOMPARE(w.pauseAction()->shortcut(), QKeySequence(Qt::Key_Space));
        QCOMPARE(w.stepAction()->shortcut(), QKeySequence(Qt::Key_F10));
        QCOMPARE(w.stopAction()->shortcut(), QKeySequence(Qt::SHIFT | Qt::Key_F5));
        QTest::keyClick(&w, Qt::Key_F5);
        QCOMPARE(w.session()->state(), RunState::Running);
        QVERIFY(waitForApplied(w, 100));
        QSignalSpy drained(w.session(), &SimulationSession::pauseDrained);
        QSignalSpy stepped(w.session(), &SimulationSession::stepApplied);
        QTest::keyClick(&w, Qt::Key_Space);
        QCOMPARE(w.session()->state(), RunState::Paused);
        QVERIFY(drained.wait(5000));
        const quint64 paused = w.session()->runtime()->snapshot().applied;
        QTest::keyClick(&w, Qt::Key_F10);
        QVERIFY(stepped.wait(5000));
        QCOMPARE(w.session()->runtime()->snapshot().applied, paused + 1);
        QTest::keyClick(&w, Qt::Key_Space);
        QCOMPARE(w.session()->state(), RunState::Running);
        QTest::keyClick(&w, Qt::Key_F5, Qt::ShiftModifier);
        QTRY_COMPARE(w.session()->state(), RunState::Stopped);
    }

    void chartsReceiveData()
    {
        MainWindow w;
        w.setSessionConfig(quickConfig(8, 40'000));
        QVERIFY(w.startRun(true));
        QVERIFY(waitForApplied(w, 2000));
        QSignalSpy ticks(&w, &MainWindow::ticked);
        QTRY_VERIFY(ticks.count() >= 5); // several timer ticks
        w.tick();
        LiveViews *v = w.liveViews();
        QVERIFY(v->throughputView()->pointCount() > 3);
        QVERIFY(v->latencyView()->pointCount() > 0);
        QCOMPARE(v->loadView()->partitionCount(), 8);
        QCOMPARE(v->keysView()->partitionCount(), 8);
        QVERIFY(v->skewGauge()->skew() >= 1.0);
        QCOMPARE(v->loadView()->rowTitle(0), QStringLiteral("messages/s")); // a rate while messages flow
        QVERIFY(w.metrics().currentThroughput() > 0.0);
        double sum = 0;
        for (double r : w.metrics().partitionRates())
            sum += r;
        QVERIFY(sum > 0.0);
        w.session()->stop();
        QTRY_COMPARE(w.session()->state(), RunState::Stopped);
    }

    void latencyLegendKeepsItsScaleThroughAZoom()
    {
        // A very short latency chart shows its four legend entries in a smaller font; a zoom step
        // sets every chart's fonts again and must keep it smaller; a tall chart gets the full size.
        QWidget root;
        auto *latency = new LatencyChartView(&root);
        const int line = latency->fontMetrics().height();
        root.resize(640, 30 * line);
        latency->setGeometry(0, 0, 640, 5 * line);
        root.show();
        QVERIFY(QTest::qWaitForWindowExposed(&root));
        const auto legendSize = [&] { return latency->chartView()->chart()->legend()->font().pointSizeF(); };
        const auto viewSize = [&] { return latency->chartView()->font().pointSizeF(); };
        QVERIFY(viewSize() > 0);
        QCOMPARE(legendSize(), viewSize() * 0.8);
        ChartZoom::setFactor(&root, 1.25);
        QCOMPARE(legendSize(), viewSize() * 0.8);
        latency->setGeometry(0, 0, 640, 20 * line);
        QCOMPARE(legendSize(), viewSize());
        ChartZoom::setFactor(&root, 1.0);
        QCOMPARE(legendSize(), viewSize());
    }

    void aTitleTooLongForItsAxisIsWrittenInside()
    {
        // The load chart's queue-depth strip is shorter than its vertical title: the numbers must
        // still say what they count, so the title goes inside the chart; in a tall chart it is
        // back on the axis and the inside one is hidden.
        QWidget root;
        auto *bars = new PartitionBarsView({{QStringLiteral("messages/s"), Palette::rate},
                                            {QStringLiteral("queue depth"), Palette::queueDepth}}, &root);
        const int line = bars->fontMetrics().height();
        root.resize(640, 40 * line);
        bars->setGeometry(0, 0, 640, 9 * line);
        root.show();
        QVERIFY(QTest::qWaitForWindowExposed(&root));
        ChartZoom::apply(&root);
        bars->setRowData(0, {3, 1, 2, 5});
        bars->setRowData(1, {0, 0, 700, 0});
        auto *plot = bars->findChild<QCustomPlot *>();
        QVERIFY(plot);
        const auto state = [&](const QString &title) {
            // "axis" when the axis shows it, "inside" when an item shows it, else "missing".
            for (QCPAxisRect *rect : plot->axisRects())
                if (rect->axis(QCPAxis::atLeft)->label() == title)
                    return QStringLiteral("axis");
            for (int i = 0; i < plot->itemCount(); ++i)
                if (auto *text = qobject_cast<QCPItemText *>(plot->item(i)); text && text->visible() && text->text() == title)
                    return QStringLiteral("inside");
            return QStringLiteral("missing");
        };
        plot->replot();
        QCOMPARE(state(QStringLiteral("queue depth")), QStringLiteral("inside"));
        bars->setGeometry(0, 0, 640, 36 * line);
        plot->replot();
        QCOMPARE(state(QStringLiteral("queue depth")), QStringLiteral("axis"));
        QCOMPARE(state(QStringLiteral("messages/s")), QStringLiteral("axis"));
    }

    void aThousandPartitionsStayReadable()
    {
        MainWindow w;
        w.setSessionConfig(quickConfig(1024, 50'000));
        QVERIFY(w.startRun(true));
        QVERIFY(waitForApplied(w, 5000));
        PartitionBarsView *load = w.liveViews()->loadView();
        QCOMPARE(load->partitionCount(), 1024);
        load->setGrouped(false);
        QCOMPARE(load->partitionsPerBar(), 1);
        load->scrollTo(900);
        QVERIFY(load->firstVisiblePartition() <= 900 && load->firstVisiblePartition() + PartitionBarsView::kMaxBars > 900);
        load->setGrouped(true);
        QCOMPARE(load->partitionsPerBar(), 16);
        // Every chart takes a tick with 1024 partitions; how long a tick takes is measured by the
        // refresh benchmark (partlab --bench-refresh), not asserted here: timed unit tests flake
        // on a shared machine.
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        for (int i = 0; i < 5; ++i) {
            w.tick();
            QCoreApplication::processEvents();
        }
        QCOMPARE(load->partitionCount(), 1024);
        QCOMPARE(w.liveViews()->keysView()->partitionCount(), 1024);
        w.session()->stop();
        QTRY_COMPARE(w.session()->state(), RunState::Stopped);
    }

    void clickingABarFiltersTheStateInspector()
    {
        MainWindow w;
        SessionConfig c = quickConfig(4, 0);
        c.messageLimit = 20'000;
        w.setSessionConfig(c);
        QVERIFY(w.startRun(true));
        QTRY_COMPARE(w.session()->state(), RunState::Finished);
        // Nothing flows any more: the bars are each partition's total, and the axis says so.
        QTRY_COMPARE(w.liveViews()->loadView()->rowTitle(0), QStringLiteral("messages"));
        StateInspector *inspector = w.stateInspector();
        QTRY_COMPARE(inspector->model()->rowCount(), 200);
        emit w.liveViews()->loadView()->partitionClicked(2);
        QCOMPARE(inspector->partitionFilter(), 2);
        QVERIFY(inspector->proxy()->rowCount() > 0);
        QVERIFY(inspector->proxy()->rowCount() < 200);
        for (int r = 0; r < inspector->proxy()->rowCount(); ++r)
            QCOMPARE(inspector->proxy()->index(r, StateTableModel::PartitionColumn).data(Qt::UserRole).toInt(), 2);
        // The messages of the shown keys add up to what partition 2 applied.
        quint64 messages = 0;
        for (int r = 0; r < inspector->proxy()->rowCount(); ++r)
            messages += inspector->proxy()->index(r, StateTableModel::CountColumn).data(Qt::UserRole).toULongLong();
        QCOMPARE(messages, w.metrics().current().partitions[2].applied);
        emit w.liveViews()->loadView()->partitionClicked(2); // a second click clears the filter
        QCOMPARE(inspector->partitionFilter(), -1);
        inspector->setKeyFilter(QStringLiteral("AAP*"));
        QCOMPARE(inspector->proxy()->rowCount(), 1);
        inspector->setKeyFilter(QStringLiteral("ms"));
        QCOMPARE(inspector->proxy()->index(0, 0).data().toString(), QStringLiteral("MSFT"));
        // Sorting by messages puts the most frequent key (Zipf rank 0: AAPL) first.
        inspector->setKeyFilter(QString());
        inspector->proxy()->sort(StateTableModel::CountColumn, Qt::DescendingOrder);
        QCOMPARE(inspector->proxy()->index(0, 0).data().toString(), QStringLiteral("AAPL"));
    }

    void stateInspectorFollowsARunningSimulation()
    {
        MainWindow w;
        w.setSessionConfig(quickConfig(4, 20'000));
        QVERIFY(w.startRun(true));
        QSignalSpy refreshed(w.stateInspector(), &StateInspector::refreshed);
        QVERIFY(refreshed.wait(3000));
        QTRY_VERIFY(w.stateInspector()->model()->rowCount() > 0);
        w.session()->stop();
        QTRY_COMPARE(w.session()->state(), RunState::Stopped);
    }

    void fifoViewShowsProducedAgainstAppliedOrder()
    {
        MainWindow w;
        SessionConfig c = quickConfig(4, 0);
        c.messageLimit = 50'000;
        w.setSessionConfig(c);
        QVERIFY(w.startRun(true));
        QTRY_COMPARE(w.session()->state(), RunState::Finished);
        FifoView *fifo = w.fifoView();
        fifo->setScope(FifoView::Scope::Partition);
        for (int p = 0; p < 4; ++p) {
            fifo->setPartition(p);
            fifo->refresh();
            QVERIFY(fifo->model()->rowCount() > 0);
            QCOMPARE(fifo->inversions(), quint64(0)); // FIFO per partition, by construction
            const auto &rows = fifo->model()->rows();
            for (std::size_t i = 1; i < rows.size(); ++i)
                QVERIFY(rows[i].message.sequence > rows[i - 1].message.sequence);
        }
        fifo->setScope(FifoView::Scope::Key);
        fifo->setKey(QStringLiteral("AAPL"));
        QVERIFY(fifo->model()->rowCount() > 0);
        for (const FifoRow &r : fifo->model()->rows())
            QCOMPARE(r.key, QStringLiteral("AAPL"));
        fifo->setScope(FifoView::Scope::AllPartitions);
        fifo->refresh();
        QVERIFY(fifo->model()->rowCount() > 0);
    }

    void partitionsChangedWhileRunningKeepAllState()
    {
        // Reference: the same messages without a resize.
        SessionConfig c = quickConfig(4, 40'000);
        c.messageLimit = 30'000;
        std::vector<KeyResult> reference;
        {
            MainWindow w;
            SessionConfig fast = c;
            fast.rate = 0.0;
            w.setSessionConfig(fast);
            QVERIFY(w.startRun(true));
            QTRY_COMPARE(w.session()->state(), RunState::Finished);
            QVERIFY(w.session()->runtime()->stateSnapshot(reference));
        }
        MainWindow w;
        w.setSessionConfig(c);
        QVERIFY(w.startRun(true));
        QVERIFY(waitForApplied(w, 5000));
        RebalancePreview::setEnabled(true);
        control<QSpinBox>(w, "partitions")->setValue(12);
        // While running, the rebalance preview comes first: nothing changes until Apply.
        RebalancePreview *preview = w.teachingViews()->rebalancePreview();
        QVERIFY(preview->isVisible());
        QCOMPARE(w.session()->partitions(), 4);
        QTRY_VERIFY(!preview->isComputing());
        emit preview->findChild<QDialogButtonBox *>()->accepted();
        QCOMPARE(w.session()->partitions(), 12);
        QTRY_COMPARE(w.session()->runtime()->partitionCount(), 12);
        QTRY_COMPARE(w.session()->state(), RunState::Finished);
        w.tick();
        const std::vector<ResizeReport> reports = w.session()->resizeReports();
        QCOMPARE(reports.size(), std::size_t(1));
        QCOMPARE(reports[0].from, 4);
        QCOMPARE(reports[0].to, 12);
        QVERIFY(reports[0].keysMoved > 0);
        QCOMPARE(w.liveViews()->loadView()->partitionCount(), 12);
        QCOMPARE(w.metrics().current().applied, quint64(30'000));
        // Nothing lost, nothing applied twice, per-key order kept: the same state, key by key.
        std::vector<KeyResult> state;
        QVERIFY(w.session()->runtime()->stateSnapshot(state));
        QCOMPARE(state.size(), reference.size());
        for (std::size_t i = 0; i < state.size(); ++i) {
            QCOMPARE(state[i].key, reference[i].key);
            QCOMPARE(state[i].count, reference[i].count);
            QCOMPARE(state[i].value, reference[i].value);
            QCOMPARE(state[i].partition, w.session()->runtime()->partitionOfKey(state[i].key));
        }
        // The FIFO view still sees produced order within each of the new partitions.
        FifoView *fifo = w.fifoView();
        fifo->setScope(FifoView::Scope::Partition);
        for (int p = 0; p < 12; ++p) {
            fifo->setPartition(p);
            fifo->refresh();
            QCOMPARE(fifo->inversions(), quint64(0));
        }
    }

    void badInputWhileRunningKeepsTheRun()
    {
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("bad.json"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{ \"keys\": -5 }");
        f.close();
        MainWindow w;
        w.setSessionConfig(quickConfig(4, 20'000));
        QVERIFY(w.startRun(true));
        QVERIFY(waitForApplied(w, 500));
        MessageBoxCatcher boxes;
        QVERIFY(!w.configurationPanel()->loadScenarioFile(bad));
        QTRY_COMPARE(boxes.texts().size(), 1);
        QVERIFY(boxes.texts().first().contains(QStringLiteral("keys")));
        QCOMPARE(w.session()->state(), RunState::Running);
        const quint64 before = w.session()->runtime()->snapshot().applied;
        QVERIFY(waitForApplied(w, before + 500));
        // A second start while running is harmless.
        QVERIFY(w.startRun(true));
        QCOMPARE(w.session()->state(), RunState::Running);
        w.session()->stop();
        QTRY_COMPARE(w.session()->state(), RunState::Stopped);
    }

    void exportsChartsAndMetrics()
    {
        QTemporaryDir dir;
        MainWindow w;
        w.resize(1280, 800);
        SessionConfig c = quickConfig(4, 0);
        c.messageLimit = 20'000;
        w.setSessionConfig(c);
        QVERIFY(w.startRun(true));
        QTRY_COMPARE(w.session()->state(), RunState::Finished);
        const QString png = dir.filePath(QStringLiteral("charts.png"));
        const QString pdf = dir.filePath(QStringLiteral("charts.pdf"));
        const QString history = dir.filePath(QStringLiteral("history.csv"));
        const QString partitions = dir.filePath(QStringLiteral("partitions.csv"));
        QVERIFY(w.exportChartsPng(png));
        QVERIFY(w.exportChartsPdf(pdf));
        QVERIFY(w.exportMetricsCsv(history));
        QVERIFY(w.exportPartitionsCsv(partitions));
        QVERIFY(QImage(png).width() > 100);
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QVERIFY(pdfFile.read(5) == "%PDF-");
        QFile csv(partitions);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().split('\n');
        QCOMPARE(lines.first(), QByteArray("partition,worker,messages,messages_per_s,queue_depth,keys"));
        QCOMPARE(lines.size(), 4 + 2); // header, 4 partitions, trailing newline
        quint64 total = 0;
        for (int i = 1; i <= 4; ++i)
            total += lines[i].split(',')[2].toULongLong();
        QCOMPARE(total, quint64(20'000));
        QFile hist(history);
        QVERIFY(hist.open(QIODevice::ReadOnly));
        QVERIFY(hist.readLine().startsWith("time_s,throughput_msgs_per_s,p50_us"));
    }

    void settingsKeepRecentFilesAndLayout()
    {
        {
            MainWindow w;
            w.addRecentFile(QStringLiteral("/tmp/a.csv"));
            w.addRecentFile(QStringLiteral("/tmp/b.json"));
            w.addRecentFile(QStringLiteral("/tmp/a.csv"));
            QCOMPARE(w.recentFiles().mid(0, 2), QStringList({QStringLiteral("/tmp/a.csv"), QStringLiteral("/tmp/b.json")}));
            w.findChild<QDockWidget *>(QStringLiteral("fifoDock"))->hide();
            w.close();
        }
        MainWindow again;
        QVERIFY(again.findChild<QDockWidget *>(QStringLiteral("fifoDock"))->isHidden());
        again.findChild<QDockWidget *>(QStringLiteral("fifoDock"))->show();
        again.close();
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
