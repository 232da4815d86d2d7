#include "uitesthelpers.h"

#include "docks/configurationpanel.h"
#include "teaching/abcomparisonview.h"
#include "teaching/advisorview.h"
#include "teaching/hotkeysview.h"
#include "teaching/lessonsview.h"
#include "teaching/messageflowview.h"
#include "teaching/rebalancepreview.h"
#include "teaching/teachingviews.h"
#include "trace/traceplayer.h"
#include "views/liveviews.h"

#include <QDockWidget>
#include <QSignalSpy>
#include <QTabWidget>

using namespace partlab;
using namespace partlab::testing;

/**
 * Pictures of the teaching views (lessons, message path, advisor, hot keys, rebalance preview,
 * A/B) and the trace player, written next to tst_screenshots' ones for a person to look at.
 */
class TestTeachingScreenshots : public QObject
{
    Q_OBJECT

private:
    QString m_dir;

    void save(const QImage &image, const QString &name, int minHeight = 100)
    {
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 200 && image.height() > minHeight);
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 5)
            for (int x = 0; x < image.width(); x += 5)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 8, qPrintable(name));
        QVERIFY(image.save(m_dir + QLatin1Char('/') + name));
    }

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

private slots:
    void initTestCase()
    {
        initUiTestApplication();
        m_dir = outputDir(QStringLiteral("screenshots"));
        RebalancePreview::setEnabled(true);
    }

    void lessonsAndMessagePath()
    {
        MainWindow w;
        w.resize(1440, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        TeachingViews *t = w.teachingViews();
        LessonsView *lessons = t->lessons();
        lessons->showLesson(1); // the key extractor
        t->lessonsDock()->raise();
        lessons->runStep();
        QTRY_VERIFY_WITH_TIMEOUT(!lessons->isRunning(), 30000);
        t->loadLessonStep(lessons->lessons()[1].steps[0].preset, true);
        QSignalSpy stepped(w.session(), &SimulationSession::stepApplied);
        for (int i = 1; i <= 4; ++i) {
            w.stepAction()->trigger();
            QTRY_COMPARE(stepped.count(), i);
        }
        QTRY_VERIFY(t->messageFlow()->message().has_value());
        QTRY_COMPARE(t->messageFlow()->message()->sequence, quint64(4));
        QTRY_VERIFY(t->messageFlow()->progress() >= 0.5); // half way: the picture of a message travelling
        save(t->messageFlowDock()->grab().toImage(), QStringLiteral("message_path_travelling.png"));
        t->messageFlow()->finishAnimation();
        save(w.renderImage(), QStringLiteral("teaching_lessons_step_mode.png"));
        save(t->lessonsDock()->grab().toImage(), QStringLiteral("lessons_view.png"));
        save(t->messageFlowDock()->grab().toImage(), QStringLiteral("message_path.png"));
        stopRun(w);
    }

    void advisor()
    {
        MainWindow w;
        w.resize(1440, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setSessionConfig(config(QStringLiteral("words"), 8, 0, 200'000));
        AdvisorView *advisor = w.teachingViews()->advisor();
        w.viewTabs()->setCurrentWidget(advisor);
        advisor->setRange(2, 48);
        advisor->setPartitioners({QStringLiteral("xap"), QStringLiteral("kafka"), QStringLiteral("jump"), QStringLiteral("redis")});
        advisor->setTargetSkew(1.5);
        advisor->analyse();
        QTRY_VERIFY_WITH_TIMEOUT(!advisor->isRunning(), 60000);
        save(w.renderImage(), QStringLiteral("advisor_words.png"));
        w.setSessionConfig(config(QStringLiteral("orders"), 8, 0, 200'000));
        advisor->analyse();
        QTRY_VERIFY_WITH_TIMEOUT(!advisor->isRunning(), 60000);
        save(advisor->grab().toImage(), QStringLiteral("advisor_orders.png"));
    }

    void hotKeysAndRebalancePreview()
    {
        MainWindow w;
        w.resize(1440, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        SessionConfig c = config(QStringLiteral("orders"), 8, 20'000, 0);
        c.scenario.distribution.kind = KeyDistributionSpec::Kind::HotKey;
        c.scenario.distribution.hotKeyShare = 0.3;
        w.setSessionConfig(c);
        TeachingViews *t = w.teachingViews();
        t->hotKeysDock()->raise();
        QVERIFY(w.startRun(true));
        QVERIFY(waitForApplied(w, 20'000));
        QTRY_VERIFY(!t->hotKeys()->model()->rows().empty());
        QVERIFY(waitForApplied(w, 32'000)); // 0.6 s more of history
        save(w.renderImage(), QStringLiteral("hot_keys_window.png"));
        save(t->hotKeysDock()->grab().toImage(), QStringLiteral("hot_keys.png"));

        emit w.configurationPanel()->partitionsRequested(12);
        QTRY_VERIFY(!t->rebalancePreview()->isComputing() && t->rebalancePreview()->estimate().ok);
        save(t->rebalancePreview()->grab().toImage(), QStringLiteral("rebalance_preview.png"));
        emit t->rebalancePreview()->applyRequested(12);
        QTRY_COMPARE(w.session()->runtime()->partitionCount(), 12);
        QVERIFY(waitForApplied(w, w.session()->runtime()->snapshot().applied + 30'000)); // 1.5 s on 12
        save(w.liveViews()->grab().toImage(), QStringLiteral("live_views_after_rebalance.png"));
        stopRun(w);
    }

    void abComparison()
    {
        MainWindow w;
        w.resize(1440, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setSessionConfig(config(QStringLiteral("words"), 8, 0, 0));
        AbComparisonView *ab = w.teachingViews()->abComparison();
        w.viewTabs()->setCurrentWidget(ab);
        ab->setSide(0, QStringLiteral("xap"), 8, 2, RuntimeMode::Partitioned);
        ab->setSide(1, QStringLiteral("jump"), 16, 2, RuntimeMode::Partitioned);
        ab->setMessages(300'000);
        ab->compare();
        QTRY_VERIFY_WITH_TIMEOUT(!ab->isRunning(), 60000);
        save(w.renderImage(), QStringLiteral("ab_comparison.png"));
    }

    void tracePlayer()
    {
        MainWindow w;
        w.resize(1440, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setSessionConfig(config(QStringLiteral("stocks"), 8, 0, 0));
        TeachingViews *t = w.teachingViews();
        t->tracePlayerDock()->show();
        const QString path = QStringLiteral(PARTLAB_SOURCE_DIR "/resources/traces/stock-ticks.csv");
        QString error;
        TraceOptions options = TracePlayer::suggestOptions(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(t->tracePlayer()->openTrace(path, options));
        QTRY_VERIFY(t->tracePlayer()->index());
        t->tracePlayer()->setSpeed(0.5);
        t->tracePlayer()->play();
        QTRY_VERIFY_WITH_TIMEOUT(w.session()->messagesSubmitted() >= 600, 10000); // about 1.5 s at half speed
        save(w.renderImage(), QStringLiteral("trace_player_window.png"));
        save(t->tracePlayerDock()->grab().toImage(), QStringLiteral("trace_player.png"), 50);
        stopRun(w);
    }
};

QTEST_MAIN(TestTeachingScreenshots)
#include "tst_teachingscreenshots.moc"
