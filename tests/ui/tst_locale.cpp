// In German every number the window shows is German: each view is rendered with real results in
// it (a live run with a resize, paused; a lesson run; the advisor; the rebalance preview; the A/B
// comparison; the space view; the trace player) and every user-visible string (labels, buttons,
// tool tips, spin boxes, text views, tables, chart tick labels, legends and titles, the status bar)
// is checked for an English decimal point ("2.37") or an English percentage ("9.9%").
#include "uitesthelpers.h"

#include "localization.h"
#include "space/spacecontrols.h"
#include "space/spacesession.h"
#include "space/spaceview.h"
#include "teaching/abcomparisonview.h"
#include "teaching/advisorview.h"
#include "teaching/lessonsview.h"
#include "teaching/messageflowview.h"
#include "teaching/rebalancepreview.h"
#include "teaching/teachingviews.h"
#include "trace/traceplayer.h"
#include "docks/configurationpanel.h"

#include <qcustomplot.h>

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAbstractSeries>
#include <QChart>
#include <QChartView>
#include <QLogValueAxis>
#include <QValueAxis>
#include <QComboBox>
#include <QDockWidget>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextEdit>

using namespace partlab;
using namespace partlab::testing;

namespace {

/** One string the user can see, and where. */
struct Shown
{
    QString where;
    QString text;
};

QString describe(const QObject *o)
{
    QStringList path;
    for (; o && path.size() < 4; o = o->parent())
        path.prepend(QStringLiteral("%1(%2)").arg(QString::fromLatin1(o->metaObject()->className()), o->objectName()));
    return path.join(QLatin1Char('/'));
}

void addModel(QList<Shown> &out, const QString &where, const QAbstractItemModel *model)
{
    if (!model)
        return;
    const int rows = qMin(model->rowCount(), 200);
    const int columns = model->columnCount();
    for (int c = 0; c < columns; ++c)
        out.append({where + QStringLiteral(" header"), model->headerData(c, Qt::Horizontal).toString()});
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c) {
            const QModelIndex i = model->index(r, c);
            out.append({where + QStringLiteral(" [%1,%2]").arg(r).arg(c), i.data(Qt::DisplayRole).toString()});
            out.append({where + QStringLiteral(" [%1,%2] tip").arg(r).arg(c), i.data(Qt::ToolTipRole).toString()});
        }
}

void addPlot(QList<Shown> &out, const QString &where, QCustomPlot *plot)
{
    plot->replot(QCustomPlot::rpImmediateRefresh); // tick labels are made at a replot
    for (QCPAxisRect *rect : plot->axisRects())
        for (QCPAxis *axis : rect->axes()) {
            if (!axis->visible())
                continue;
            out.append({where + QStringLiteral(" axis label"), axis->label()});
            if (axis->tickLabels())
                for (const QString &t : axis->tickVectorLabels())
                    out.append({where + QStringLiteral(" tick"), t});
        }
    for (int i = 0; i < plot->plottableCount(); ++i)
        out.append({where + QStringLiteral(" plottable"), plot->plottable(i)->name()});
    for (int i = 0; i < plot->itemCount(); ++i)
        if (auto *text = qobject_cast<QCPItemText *>(plot->item(i)))
            if (text->visible())
                out.append({where + QStringLiteral(" item"), text->text()});
    for (int i = 0; i < plot->plotLayout()->elementCount(); ++i)
        if (auto *title = qobject_cast<QCPTextElement *>(plot->plotLayout()->elementAt(i)))
            out.append({where + QStringLiteral(" title"), title->text()});
}

/** Every string @p root shows (tool tips included: a user sees them on hover). */
QList<Shown> visibleStrings(QWidget *root)
{
    QList<Shown> out;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : widgets) {
        if (!w->isVisibleTo(root) && w != root)
            continue;
        const QString where = describe(w);
        if (!w->toolTip().isEmpty())
            out.append({where + QStringLiteral(" tooltip"), w->toolTip()});
        if (auto *l = qobject_cast<QLabel *>(w))
            out.append({where, l->text()});
        else if (auto *b = qobject_cast<QAbstractButton *>(w))
            out.append({where, b->text()});
        else if (auto *s = qobject_cast<QAbstractSpinBox *>(w))
            out.append({where, s->text()});
        else if (auto *e = qobject_cast<QLineEdit *>(w))
            out.append({where, e->text().isEmpty() ? e->placeholderText() : e->text()});
        else if (auto *p = qobject_cast<QPlainTextEdit *>(w))
            out.append({where, p->toPlainText().isEmpty() ? p->placeholderText() : p->toPlainText()});
        else if (auto *t = qobject_cast<QTextEdit *>(w))
            out.append({where, t->toPlainText().isEmpty() ? t->placeholderText() : t->toPlainText()});
        else if (auto *c = qobject_cast<QComboBox *>(w)) {
            for (int i = 0; i < c->count(); ++i)
                out.append({where + QStringLiteral(" item"), c->itemText(i)});
        } else if (auto *g = qobject_cast<QGroupBox *>(w))
            out.append({where, g->title()});
        else if (auto *v = qobject_cast<QAbstractItemView *>(w))
            addModel(out, where, v->model());
        else if (auto *flow = qobject_cast<MessageFlowView *>(w)) {
            flow->finishAnimation();
            flow->grab(); // paints: the texts it draws itself
            for (const QString &t : flow->paintedTexts())
                out.append({where + QStringLiteral(" painted"), t});
        } else if (auto *plot = qobject_cast<QCustomPlot *>(w))
            addPlot(out, where, plot);
        else if (auto *chart = qobject_cast<QChartView *>(w)) {
            out.append({where + QStringLiteral(" title"), chart->chart()->title()});
            for (QAbstractSeries *series : chart->chart()->series())
                out.append({where + QStringLiteral(" series"), series->name()});
            for (QAbstractAxis *axis : chart->chart()->axes())
                out.append({where + QStringLiteral(" axis"), axis->titleText()});
        } else if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            for (int i = 0; i < tabs->count(); ++i)
                out.append({where + QStringLiteral(" tab"), tabs->tabText(i)});
        }
    }
    return out;
}

/**
 * An English decimal ("2.37", ".5" excluded) that is not part of a dotted token such as a version,
 * an address or a file name ("6.4.2", "127.0.0.1", "v1.2.csv"), or a percentage without the
 * German space ("9.9%", "30%").
 */
const QRegularExpression kEnglishNumber(QStringLiteral(
    R"((?<![\w.,:/=-])\d+\.\d+(?![\w.])|\d%)"));

/** German digit grouping ("14.336", "2.000.000"): German, not an English decimal. */
const QRegularExpression kGrouped(QStringLiteral(R"(^\d{1,3}(\.\d{3})+$)"));

/**
 * Where an English-looking number is the right text in German too: command lines and query
 * syntax ("--zipf 1.2", "amount=12.5": typed input takes C numbers, the lookbehind above skips
 * "name=") and names (a name is a name).
 */
bool allowed(const QString &text, qsizetype at)
{
    const QString before = text.left(at);
    static const QRegularExpression cliOption(QStringLiteral(R"(--[a-z-]+[ =]$)"));
    return cliOption.match(before).hasMatch();
}

QStringList englishNumbers(const QList<Shown> &shown)
{
    QStringList bad;
    for (const Shown &s : shown) {
        auto it = kEnglishNumber.globalMatch(s.text);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            if (allowed(s.text, m.capturedStart()) || kGrouped.match(m.captured()).hasMatch())
                continue;
            bad << QStringLiteral("%1: \"%2\" in \"%3\"").arg(s.where, m.captured(), s.text.left(160));
            break;
        }
    }
    bad.removeDuplicates();
    return bad;
}

} // namespace

class TestLocale : public QObject
{
    Q_OBJECT

private:
    void check(QWidget *root, const QString &what)
    {
        const QList<Shown> shown = visibleStrings(root);
        QVERIFY2(shown.size() > 5, qPrintable(what + QStringLiteral(": nothing to check")));
        const QStringList bad = englishNumbers(shown);
        QVERIFY2(bad.isEmpty(), qPrintable(what + QStringLiteral(": English numbers in German:\n  ") + bad.join(QStringLiteral("\n  "))));
    }

    static SessionConfig liveConfig() { return liveStocks(8, 40'000); }

private slots:
    void initTestCase()
    {
        initUiTestApplication();
        QCOMPARE(Localization::install(QStringLiteral("de")), QStringLiteral("de"));
        RebalancePreview::setEnabled(true);
    }

    void theRuleFindsEnglishNumbers()
    {
        // The check itself: it must see what the issue saw, and leave German and names alone.
        const auto finds = [](const QString &text) { return !englishNumbers({{QStringLiteral("t"), text}}).isEmpty(); };
        QVERIFY(finds(QStringLiteral("Schiefe 2.37")));
        QVERIFY(finds(QStringLiteral("9.9% der Last")));
        QVERIFY(finds(QStringLiteral("30%")));
        QVERIFY(finds(QStringLiteral("über die letzten 0.5 s")));
        QVERIFY(!finds(QStringLiteral("Schiefe 2,37, 29,6 %")));
        QVERIFY(!finds(QStringLiteral("Qt 6.4.2 auf 127.0.0.1:7000")));
        QVERIFY(!finds(QStringLiteral("BRK.B, trades-v1.2.csv, p99")));
        QVERIFY(!finds(QStringLiteral("partlab-cli sweep --zipf 1.2")));
        QVERIFY(!finds(QStringLiteral("14.336 von 16.384, 2.000.000 Nachrichten")));
        QVERIFY(!finds(QStringLiteral("write Order orderId=o1 amount=12.5")));
    }

    void liveRunPausedAfterAResize()
    {
        MainWindow w;
        w.resize(1920, 1080);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        for (QDockWidget *d : w.findChildren<QDockWidget *>())
            d->show();
        w.setSessionConfig(liveConfig());
        QVERIFY(w.startRun(true));
        QVERIFY(waitForApplied(w, 20'000));
        RebalancePreview *preview = w.teachingViews()->rebalancePreview();
        emit w.configurationPanel()->partitionsRequested(12);
        QTRY_VERIFY_WITH_TIMEOUT(!preview->isComputing() && preview->estimate().ok, 20000);
        check(preview, QStringLiteral("rebalance preview"));
        emit preview->applyRequested(12);
        QTRY_VERIFY2_WITH_TIMEOUT(w.session()->runtime()->partitionCount() == 12, qPrintable(QStringLiteral("N=%1 config %2 state %3 error '%4'").arg(w.session()->runtime()->partitionCount()).arg(w.session()->partitions()).arg(int(w.session()->state())).arg(w.session()->resizeError())), 10000);
        QVERIFY(waitForApplied(w, 60'000, 20000));
        QSignalSpy drained(w.session(), &SimulationSession::pauseDrained);
        w.session()->pause();
        QVERIFY(drained.wait(10000));
        w.stepAction()->trigger(); // the message path shows a routed message
        QTRY_VERIFY(w.teachingViews()->messageFlow()->message().has_value());
        w.tick();
        for (QDockWidget *d : w.findChildren<QDockWidget *>()) {
            d->show();
            d->raise();
            QCoreApplication::processEvents();
            w.tick();
            check(d, d->objectName());
        }
        for (int i = 0; i < w.viewTabs()->count(); ++i) {
            w.viewTabs()->setCurrentIndex(i);
            w.tick();
            check(w.viewTabs()->widget(i), w.viewTabs()->tabText(i));
        }
        check(w.statusBar(), QStringLiteral("status bar"));
        // Qt Charts draws its own tick labels: in German either localized or whole numbers.
        static const QRegularExpression wholeNumbers(QStringLiteral("^%(\\.0f|d|i)$"));
        for (QChartView *view : w.findChildren<QChartView *>()) {
            for (QAbstractAxis *axis : view->chart()->axes()) {
                QString format;
                if (auto *value = qobject_cast<QValueAxis *>(axis))
                    format = value->labelFormat();
                else if (auto *log = qobject_cast<QLogValueAxis *>(axis))
                    format = log->labelFormat();
                else
                    continue;
                QVERIFY2(view->chart()->localizeNumbers() || wholeNumbers.match(format).hasMatch(),
                         qPrintable(describe(view) + QStringLiteral(" axis format ") + format));
            }
        }
        w.session()->stop();
        QTRY_COMPARE(w.session()->state(), RunState::Stopped);
    }

    void lessonRun()
    {
        MainWindow w;
        w.resize(1920, 1080);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        LessonsView *lessons = w.teachingViews()->lessons();
        w.teachingViews()->lessonsDock()->show();
        check(lessons, QStringLiteral("lessons before a run"));
        for (int lesson : {0, 1, 2}) {
            lessons->showLesson(lesson);
            lessons->runStep();
            QTRY_VERIFY_WITH_TIMEOUT(!lessons->isRunning(), 60000);
            check(lessons, QStringLiteral("lesson %1").arg(lesson));
        }
    }

    void advisorAndAbComparison()
    {
        MainWindow w;
        w.resize(1920, 1080);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        SessionConfig c = liveConfig();
        c.scenario.distribution.kind = KeyDistributionSpec::Kind::HotKey;
        c.scenario.distribution.hotKeyShare = 0.3;
        c.messageLimit = 50'000;
        w.setSessionConfig(c);
        AdvisorView *advisor = w.teachingViews()->advisor();
        w.viewTabs()->setCurrentWidget(advisor);
        advisor->setRange(2, 24);
        advisor->setTargetSkew(1.5);
        advisor->analyse();
        QTRY_VERIFY_WITH_TIMEOUT(!advisor->isRunning(), 60000);
        check(advisor, QStringLiteral("advisor"));

        AbComparisonView *ab = w.teachingViews()->abComparison();
        w.viewTabs()->setCurrentWidget(ab);
        ab->setSide(0, QStringLiteral("xap"), 8, 2, RuntimeMode::Partitioned);
        ab->setSide(1, QStringLiteral("jump"), 16, 2, RuntimeMode::Naive);
        ab->setMessages(50'000);
        ab->compare();
        QTRY_VERIFY_WITH_TIMEOUT(!ab->isRunning(), 60000);
        check(ab, QStringLiteral("A/B comparison"));
    }

    void spaceView()
    {
        MainWindow w;
        w.resize(1920, 1080);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        SpaceView *view = w.spaceView();
        w.viewTabs()->setCurrentWidget(view);
        SpaceWorkloadConfig c = view->controls()->config();
        c.partitions = 4;
        c.clients = 2;
        c.rate = 20'000;
        c.operations = 30'000;
        view->controls()->setConfig(c);
        QSignalSpy finished(view->session(), &SpaceSession::runFinished);
        QVERIFY(view->start());
        QVERIFY(finished.wait(30000));
        view->tick();
        check(view, QStringLiteral("space view"));
    }

    void tracePlayer()
    {
        MainWindow w;
        w.resize(1920, 1080);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        TeachingViews *t = w.teachingViews();
        t->tracePlayerDock()->show();
        const QString path = QStringLiteral(PARTLAB_SOURCE_DIR "/resources/traces/stock-ticks.csv");
        QString error;
        const TraceOptions options = TracePlayer::suggestOptions(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(t->tracePlayer()->openTrace(path, options));
        QTRY_VERIFY(t->tracePlayer()->index());
        t->tracePlayer()->setSpeed(0.5);
        QSignalSpy stepped(w.session(), &SimulationSession::stepApplied);
        t->tracePlayer()->play();
        QTRY_VERIFY_WITH_TIMEOUT(w.session()->messagesSubmitted() > 5, 10000);
        w.tick();
        check(t->tracePlayerDock(), QStringLiteral("trace player"));
        check(w.statusBar(), QStringLiteral("status bar with a trace"));
        w.session()->stop();
        QTRY_COMPARE(w.session()->state(), RunState::Stopped);
    }
};

QTEST_MAIN(TestLocale)
#include "tst_locale.moc"
