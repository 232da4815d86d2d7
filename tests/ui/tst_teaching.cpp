#include "uitesthelpers.h"

#include "docks/configurationpanel.h"
#include "docks/stateinspector.h"
#include "models/statetablemodel.h"
#include "routing/movementcounter.h"
#include "teaching/abcomparisonview.h"
#include "teaching/advisorview.h"
#include "teaching/capacityview.h"
#include "teaching/hotkeysview.h"
#include "teaching/lessonsview.h"
#include "teaching/messageflowview.h"
#include "teaching/rebalancepreview.h"
#include "teaching/teachingviews.h"
#include "trace/traceplayer.h"

#include <qcustomplot.h>

#include <QDialogButtonBox>
#include <QDockWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>

#include <set>

using namespace partlab;
using namespace partlab::testing;

/**
 * The teaching and tuning views and the trace player, offscreen: every
 * lesson loads and its steps run, step mode shows the message the runner really submitted, the
 * advisor recommends and cancels, hot keys name the exact top key, the rebalance preview counts
 * what MovementCounter counts, A/B tells two partitioners apart, and the player plays, pauses,
 * steps, seeks and indexes with progress and cancel.
 */
class TestTeaching : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static SessionConfig config(const QString &scenario, int partitions, double rate, quint64 messages)
    {
        SessionConfig c = SessionConfig::forBuiltinScenario(scenario);
        c.runtime.partitionerOptions.partitions = partitions;
        c.runtime.workers = 2;
        c.rate = rate;
        c.messageLimit = messages;
        return c;
    }

    static void stopRun(MainWindow &w)
    {
        if (w.session()->isActive()) {
            w.session()->stop();
            QTRY_VERIFY_WITH_TIMEOUT(!w.session()->isActive(), 10000);
        }
    }

    /** A kv trace: key, value, volume, epoch-ms time 1 ms apart. */
    QString writeKvTrace(const QString &name, int lines)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write the trace");
        QByteArray out;
        out.reserve(lines * 32);
        for (int i = 0; i < lines; ++i)
            out += "k" + QByteArray::number((i * 7919) % 97) + '\t' + QByteArray::number(i) + "\t1\t"
                   + QByteArray::number(1767225600000LL + i) + '\n';
        f.write(out);
        return path;
    }

    static std::string keyOfLine(int i) { return "k" + std::to_string((i * 7919) % 97); }

private slots:
    void initTestCase()
    {
        initUiTestApplication();
        RebalancePreview::setEnabled(true);
    }

    void everyLessonLoadsAndItsStepsRun()
    {
        MainWindow w;
        LessonsView *view = w.teachingViews()->lessons();
        QVERIFY(view->lessons().size() >= 3);
        QCOMPARE(view->lessons().size(), allLessons().size()); // whatever the list holds
        for (int l = 0; l < int(view->lessons().size()); ++l) {
            view->showLesson(l);
            QCOMPARE(view->currentLesson(), l);
            const Lesson &lesson = view->lessons()[std::size_t(l)];
            for (int s = 0; s < int(lesson.steps.size()); ++s) {
                view->showStep(s);
                QCOMPARE(view->currentStep(), s);
                const LessonStep &step = lesson.steps[std::size_t(s)];
                if (!step.preset.space) {
                    w.teachingViews()->loadLessonStep(step.preset, false);
                    const SessionConfig &c = w.session()->config();
                    QCOMPARE(c.runtime.partitioner, step.preset.partitioner);
                    QCOMPARE(c.runtime.partitions(), step.preset.partitions);
                    QCOMPARE(c.runtime.workers, step.preset.workers);
                    QCOMPARE(c.runtime.mode, step.preset.mode);
                    QCOMPARE(c.scenarioOrigin, step.preset.scenario);
                    QCOMPARE(c.rate, step.preset.rate);
                    // ... and the dock shows it.
                    QCOMPARE(w.configurationPanel()->config().runtime.partitions(), step.preset.partitions);
                }
                view->runStep();
                QTRY_VERIFY_WITH_TIMEOUT(!view->isRunning(), 60000);
                QVERIFY2(view->lastObservation().ok, qPrintable(view->lastObservation().lines.join(QLatin1Char('\n'))));
                QVERIFY(!view->lastObservation().lines.isEmpty());
                QCOMPARE(view->resultText(), view->lastObservation().lines.join(QLatin1Char('\n')));
            }
        }
    }

    /** TeachingViews says what a lesson step did through statusMessage(); the window shows it in its status bar. */
    void lessonStepMessagesReachTheStatusBar()
    {
        MainWindow w;
        TeachingViews *t = w.teachingViews();
        const Lesson *lesson = findLesson(t->lessons()->lessons(), QStringLiteral("key-extractor"));
        QVERIFY(lesson);
        QSignalSpy messages(t, &TeachingViews::statusMessage);
        t->loadLessonStep(lesson->steps[0].preset, false);
        QCOMPARE(messages.size(), 1);
        const QString text = messages.first().at(0).toString();
        QVERIFY2(text.contains(QStringLiteral("F5")), qPrintable(text));
        QCOMPARE(messages.first().at(1).toInt(), 8000);
        QCOMPARE(w.statusBar()->currentMessage(), text);
        QCOMPARE(w.viewTabs()->currentIndex(), 0); // the live charts

        // Step mode starts the run paused and says how to step.
        t->loadLessonStep(lesson->steps[0].preset, true);
        QCOMPARE(w.session()->state(), RunState::Paused);
        QCOMPARE(messages.size(), 2);
        QVERIFY(messages.last().at(0).toString().contains(QStringLiteral("F10")));
        QCOMPARE(w.statusBar()->currentMessage(), messages.last().at(0).toString());
        stopRun(w);
    }

    void stepModeFollowsTheMessageTheRunnerSubmitted()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        TeachingViews *t = w.teachingViews();
        const Lesson *lesson = findLesson(t->lessons()->lessons(), QStringLiteral("key-extractor"));
        QVERIFY(lesson);
        QSignalSpy drained(w.session(), &SimulationSession::pauseDrained);
        t->loadLessonStep(lesson->steps[0].preset, true);
        QCOMPARE(w.session()->state(), RunState::Paused);
        QVERIFY(t->messageFlowDock()->isVisible());
        QVERIFY(drained.wait(5000)); // the producer reached its first pause
        QCOMPARE(w.session()->messagesSubmitted(), quint64(0)); // started paused: nothing slipped through

        for (quint64 n = 1; n <= 3; ++n) {
            w.stepAction()->trigger();
            QTRY_VERIFY(t->messageFlow()->message() && t->messageFlow()->message()->sequence == n);
            const SteppedMessage m = *t->messageFlow()->message();
            QCOMPARE(m.sequence, w.session()->lastSteppedMessage()->sequence);
            QCOMPARE(m.partitioner, QStringLiteral("xap"));
            QCOMPARE(m.partitions, 4);
            // The animation shows where the engine put the key: the state agrees.
            std::vector<KeyResult> state;
            QVERIFY(w.session()->runtime()->stateSnapshot(state));
            const auto it = std::find_if(state.begin(), state.end(), [&](const KeyResult &r) { return r.key == m.key; });
            QVERIFY(it != state.end());
            QCOMPARE(it->partition, m.route.partition);
            QCOMPARE(m.route.hash, qint64(qint32(m.route.hash))); // xap: a Java int hashCode
        }
        QCOMPARE(w.session()->messagesSubmitted(), quint64(3));
        t->messageFlow()->finishAnimation();
        QCOMPARE(t->messageFlow()->progress(), 1.0);
        stopRun(w);
    }

    /** The Capacity tab predicts on the configured keys and shows the lag time-lapse and the N x C grid. */
    void capacityPredicts()
    {
        MainWindow w;
        SessionConfig c = config(QStringLiteral("stocks"), 8, 0, 100'000);
        c.scenario.distribution.kind = KeyDistributionSpec::Kind::HotKey; // key 0 carries half the messages
        c.scenario.distribution.hotKeyShare = 0.5;
        w.setSessionConfig(c);
        CapacityView *capacity = w.teachingViews()->capacity();
        capacity->setConsumers(8);
        capacity->setThreads(2);
        capacity->setServiceTime(ServiceTimeSpec{ServiceTimeSpec::Kind::Fixed, 100.0, 0.0});
        capacity->setRate(4000); // the hot partition gets 2,000 msg/s of its 10,000
        QSignalSpy finished(capacity, &CapacityView::finished);
        capacity->run();
        QVERIFY(capacity->isRunning());
        QVERIFY(finished.wait(30000));
        const CapacityViewResult &r = capacity->result();
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.run.partitions.size(), std::size_t(8));
        QVERIFY(r.run.stable);
        QCOMPARE(int(r.run.lagFrames.size()), CapacityView::kFrames);
        QCOMPARE(capacity->frame(), CapacityView::kFrames - 1); // the end is shown first
        capacity->setFrame(0);
        QCOMPARE(capacity->frame(), 0);
        QCOMPARE(r.gridSaturation.size(), r.gridPartitions.size() * r.gridConsumers.size());
        // Half the messages on one key: its partition (one thread, 10,000 msg/s of 100 us work)
        // saturates below 2 x 10,000 msg/s, whatever C: 20,000 minus the other keys it holds.
        QVERIFY(r.run.partitionBound);
        QVERIFY(std::abs(r.run.hotKeyShare - 0.5) < 0.01);
        QVERIFY2(r.run.analyticSaturationRate <= 20000.0 && r.run.analyticSaturationRate > 15000.0,
                 qPrintable(QString::number(r.run.analyticSaturationRate)));
        QVERIFY2(capacity->summaryText().contains(QStringLiteral("whatever the consumers and threads")), qPrintable(capacity->summaryText()));
        QVERIFY(capacity->summaryText().contains(QString::fromStdString(r.run.hotKey)));
        // A p99 target names the fewest consumers, then partitions, that meet it.
        capacity->setP99Target(2000.0);
        capacity->run();
        QVERIFY(finished.wait(60000));
        QVERIFY(capacity->result().pickConsumers >= 1);
        QVERIFY(capacity->result().pickP99Us <= 2000.0);
        QVERIFY(capacity->summaryText().contains(QStringLiteral("Recommendation")));
        capacity->setP99Target(0.0);
        // Past the hot partition's saturation the run is not stable and says so.
        capacity->setRate(30000);
        capacity->run();
        QVERIFY(finished.wait(30000));
        QVERIFY(!capacity->result().run.stable);
        QVERIFY(capacity->summaryText().contains(QStringLiteral("Not stable")));
    }

    void advisorRecommendsAndCancels()
    {
        MainWindow w;
        w.setSessionConfig(config(QStringLiteral("orders"), 8, 0, 100'000));
        AdvisorView *advisor = w.teachingViews()->advisor();
        advisor->setPartitioners({QStringLiteral("xap"), QStringLiteral("jump")});
        advisor->setRange(2, 32);
        advisor->setTargetSkew(1.3);
        advisor->analyse();
        QVERIFY(advisor->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!advisor->isRunning(), 30000);
        const AdvisorResult &r = advisor->result();
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.keys, quint64(1000));
        QCOMPARE(r.rows.size(), std::size_t(2 * 31));
        QCOMPARE(r.recommendations.size(), std::size_t(2));
        for (const SweepRecommendation &rec : r.recommendations) {
            QVERIFY2(rec.partitions >= 2, qPrintable(rec.reason));
            // The smallest N at or below the target, as the rows say.
            for (const SweepRow &row : r.rows) {
                if (row.partitioner == rec.partitioner && row.partitions < rec.partitions)
                    QVERIFY(row.skew > 1.3);
                if (row.partitioner == rec.partitioner && row.partitions == rec.partitions)
                    QVERIFY(row.skew <= 1.3);
            }
            QVERIFY(advisor->recommendationText().contains(QStringLiteral("recommended N = %1").arg(rec.partitions)));
        }
        QVERIFY(advisor->plot()->graphCount() >= 4 + 2); // skew and movement per partitioner, plus the marks

        // A tighter target needs no new sweep, only a new recommendation.
        advisor->setTargetSkew(1.05);
        QCOMPARE(advisor->result().options.targetSkew, 1.05);

        // Cancel: a long sweep stops and reports it.
        advisor->setPartitioners(partitionerNames());
        advisor->setRange(2, 4096);
        advisor->analyse();
        QVERIFY(advisor->isRunning()); // 9 partitioners x 4095 counts: far from done
        advisor->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(!advisor->isRunning(), 10000);
        QVERIFY(advisor->recommendationText().contains(QStringLiteral("Cancelled")));
        QCOMPARE(advisor->result().rows.size(), std::size_t(2 * 31)); // the last finished result stays
    }

    void hotKeysNameTheExactTopKey()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        SessionConfig c = config(QStringLiteral("orders"), 8, 0, 60'000);
        c.scenario.distribution.kind = KeyDistributionSpec::Kind::HotKey;
        c.scenario.distribution.hotKeyShare = 0.3;
        w.setSessionConfig(c);
        QVERIFY(w.startRun(true));
        QTRY_VERIFY_WITH_TIMEOUT(!w.session()->isActive(), 20000);
        HotKeysView *view = w.teachingViews()->hotKeys();
        view->refresh();
        QTRY_VERIFY(!view->isRefreshing() && !view->model()->rows().empty());

        std::vector<KeyResult> state;
        QVERIFY(w.session()->runtime()->stateSnapshot(state));
        const auto hottest = std::max_element(state.begin(), state.end(), [](const KeyResult &a, const KeyResult &b) { return a.count < b.count; });
        quint64 partitionLoad = 0, total = 0;
        for (const KeyResult &k : state) {
            total += k.count;
            if (k.partition == hottest->partition)
                partitionLoad += k.count;
        }
        const HotKeyRow &top = view->model()->rows().front();
        QCOMPARE(top.key, hottest->key);
        QCOMPARE(top.messages, hottest->count);
        QCOMPARE(top.partition, hottest->partition);
        QCOMPARE(top.partitionShare, double(hottest->count) / double(partitionLoad));
        QCOMPARE(top.totalShare, double(hottest->count) / double(total));
        QVERIFY(top.totalShare > 0.25);
        QVERIFY2(view->headline().contains(QString::fromStdString(hottest->key)), qPrintable(view->headline()));
        // 30% of all messages is more than an eighth: more partitions won't help.
        QVERIFY(!view->advice().isEmpty());
        QVERIFY(view->advice().first().contains(QStringLiteral("more partitions won't help")));
        // The model says it in words too.
        const QString tip = view->model()->data(view->model()->index(0, 0), Qt::ToolTipRole).toString();
        QVERIFY2(tip.startsWith(QStringLiteral("Key %1 gives").arg(QString::fromStdString(hottest->key))), qPrintable(tip));
    }

    void rebalancePreviewCountsWhatMovementCounterCounts()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setSessionConfig(config(QStringLiteral("orders"), 8, 20'000, 0));
        QVERIFY(w.startRun(true));
        QVERIFY(waitForApplied(w, 5000));
        QSignalSpy drained(w.session(), &SimulationSession::pauseDrained);
        w.session()->pause();
        QVERIFY(drained.wait(5000));
        RebalancePreview *preview = w.teachingViews()->rebalancePreview();

        emit w.configurationPanel()->partitionsRequested(12); // the spin box while running
        QVERIFY(preview->isVisible());
        QTRY_VERIFY(!preview->isComputing() && preview->estimate().ok);
        QCOMPARE(w.session()->runtime()->partitionCount(), 8); // nothing moved yet
        const RebalanceEstimate &e = preview->estimate();
        QCOMPARE(e.from, 8);
        QCOMPARE(e.to, 12);
        QCOMPARE(e.results.front().partitioner, QStringLiteral("xap")); // the run's own first

        std::vector<KeyResult> state;
        QVERIFY(w.session()->runtime()->stateSnapshot(state));
        QCOMPARE(e.keys, quint64(state.size()));
        for (const MovementResult &r : e.results) {
            PartitionerOptions o;
            o.partitions = 8;
            QString error;
            MovementCounter counter(createPartitioner(r.partitioner, o, &error), 12);
            for (const KeyResult &k : state)
                counter.add(RoutingKey::text(k.key));
            QCOMPARE(r.moved, counter.result().moved);
            QCOMPARE(r.keys, counter.result().keys);
        }
        QCOMPARE(int(e.results.size()), int(partitionerNames().size()));

        // Apply resizes the run.
        auto *buttons = preview->findChild<QDialogButtonBox *>();
        emit buttons->accepted();
        QTRY_COMPARE(w.session()->runtime()->partitionCount(), 12);
        QVERIFY(!preview->isVisible());

        // Cancel keeps N and puts the dock back: the spin box shows the count in use again.
        auto *partitions = w.configurationPanel()->findChild<QSpinBox *>(QStringLiteral("partitions"));
        QVERIFY(partitions);
        partitions->setValue(16); // partitionsRequested(16): the preview, not a resize
        QVERIFY(preview->isVisible());
        QTRY_VERIFY(!preview->isComputing());
        emit buttons->rejected(); // handled at once: nothing asynchronous is left to wait for
        QCoreApplication::processEvents();
        QCOMPARE(w.session()->runtime()->partitionCount(), 12);
        QCOMPARE(w.configurationPanel()->config().runtime.partitions(), 12);
        QCOMPARE(partitions->value(), 12);
        stopRun(w);
    }

    void abComparisonTellsTwoPartitionersApart()
    {
        MainWindow w;
        w.setSessionConfig(config(QStringLiteral("words"), 8, 0, 0));
        AbComparisonView *ab = w.teachingViews()->abComparison();
        ab->setSide(0, QStringLiteral("xap"), 8, 2, RuntimeMode::Partitioned);
        ab->setSide(1, QStringLiteral("redis"), 8, 2, RuntimeMode::Partitioned);
        ab->setMessages(60'000);
        ab->compare();
        QVERIFY(ab->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!ab->isRunning(), 30000);
        const AbResult &r = ab->result();
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.summaryA.messages, quint64(60'000));
        QCOMPARE(r.summaryB.messages, quint64(60'000));
        QVERIFY(r.summaryA.skew > 1.0 && r.summaryB.skew > 1.0);
        QVERIFY(std::abs(r.summaryA.skew - r.summaryB.skew) > 0.01);
        QCOMPARE(r.summaryA.checksum, r.summaryB.checksum); // same messages, same state
        const QStringList table = ab->tableText();
        QVERIFY(table.size() >= 5);
        QVERIFY2(table[0].contains(QLocale().toString(r.summaryA.skew, 'f', 2)) && table[0].contains(QLocale().toString(r.summaryB.skew, 'f', 2)),
                 qPrintable(table[0]));
        QVERIFY(table.last().endsWith(QStringLiteral("identical")));
    }

    void tracePlayerPlaysPausesStepsAndSeeks()
    {
        MainWindow w;
        w.setSessionConfig(config(QStringLiteral("stocks"), 4, 0, 0));
        TracePlayer *player = w.teachingViews()->tracePlayer();
        const QString path = writeKvTrace(QStringLiteral("player.kv"), 20'000);
        QString error;
        QVERIFY(player->openTrace(path, TracePlayer::suggestOptions(path, &error)));
        QTRY_VERIFY(player->index());
        QCOMPARE(player->index()->messageCount(), quint64(20'000));
        QCOMPARE(player->indexProgressPermille(), 1000);

        player->setSpeed(1.0); // the recorded 1 ms gaps: 1000 messages a second
        player->play();
        QTRY_VERIFY(player->ownsRun() && w.session()->state() == RunState::Running);
        QTRY_VERIFY(player->position() > 50);
        QSignalSpy drained(w.session(), &SimulationSession::pauseDrained);
        player->pause();
        QCOMPARE(w.session()->state(), RunState::Paused);
        QVERIFY(drained.wait(5000)); // everything sent before the pause is applied
        const quint64 at = player->position();
        QCOMPARE(w.session()->runtime()->snapshot().applied, at);
        QVERIFY(at < 20'000);

        // The player's own Step refreshes the same views as F10: the state inspector shows the
        // stepped message's key with its new count once the step is applied.
        QSignalSpy applied(w.session(), &SimulationSession::stepApplied);
        player->step();
        QVERIFY(applied.wait(5000));
        QCOMPARE(applied.first().first().toULongLong(), at + 1);
        QCOMPARE(player->position(), at + 1); // paused: only the stepped message moved
        QCOMPARE(w.session()->lastSteppedMessage()->key, keyOfLine(int(at)));
        QCOMPARE(w.session()->runtime()->snapshot().applied, at + 1);
        // The inspector shows the state after the step: the refresh the step asked for may come
        // after one the pause asked for (it queues behind it), so wait for the content, not for
        // the first refreshed() signal.
        const auto inspectedMessages = [&] {
            quint64 n = 0;
            for (const StateRow &row : w.stateInspector()->model()->rows())
                n += row.count;
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(inspectedMessages(), at + 1, 5000);

        // Seek: a new run, paused like the old one, whose next message is number 15000.
        player->seek(15'000);
        QTRY_VERIFY(player->ownsRun() && w.session()->messagesSubmitted() == 0);
        QCOMPARE(w.session()->state(), RunState::Paused);
        QCOMPARE(player->position(), quint64(15'000));
        player->step();
        QTRY_COMPARE(player->position(), quint64(15'001));
        QCOMPARE(w.session()->lastSteppedMessage()->key, keyOfLine(15'000));
        // Numbered within the whole trace, as the player counts: message #15001 is the 15001st sent.
        QCOMPARE(w.session()->lastSteppedMessage()->sequence, quint64(15'001));
        auto *flow = w.teachingViews()->messageFlow();
        QTRY_VERIFY(flow->message() && flow->message()->sequence == 15'001);

        // Faster, while playing: the rest plays out quickly.
        player->play();
        player->setSpeed(0); // max
        QTRY_VERIFY_WITH_TIMEOUT(!w.session()->isActive(), 10000);
        QCOMPARE(player->position(), quint64(20'000));
        QCOMPARE(w.session()->runtime()->snapshot().applied, quint64(5000));
    }

    void traceIndexingShowsProgressAndCancels()
    {
        MainWindow w;
        TracePlayer *player = w.teachingViews()->tracePlayer();
        const QString path = writeKvTrace(QStringLiteral("big.kv"), 1'500'000);
        QString error;
        const TraceOptions options = TracePlayer::suggestOptions(path, &error);

        player->openTrace(path, options);
        QVERIFY(player->isIndexing());
        player->cancelIndexing();
        QTRY_VERIFY(!player->isIndexing());
        QVERIFY(!player->index());
        QVERIFY(player->indexError().isEmpty());

        player->openTrace(path, options);
        std::set<int> seen;
        QTRY_VERIFY_WITH_TIMEOUT((seen.insert(player->indexProgressPermille()), !player->isIndexing()), 30000);
        QVERIFY(player->index());
        QCOMPARE(player->index()->messageCount(), quint64(1'500'000));
        QCOMPARE(player->indexProgressPermille(), 1000);
        QVERIFY2(std::any_of(seen.begin(), seen.end(), [](int v) { return v > 0 && v < 1000; }), "progress between 0 and 100 %");
    }
};

QTEST_MAIN(TestTeaching)
#include "tst_teaching.moc"
