#include "uitesthelpers.h"

#include "localization.h"
#include "teaching/teachingviews.h"

#include <QDockWidget>
#include <QLayout>
#include <QMenuBar>
#include <QScopeGuard>
#include <QScrollArea>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTranslator>

using namespace partlab;
using namespace partlab::testing;

/**
 * The main window fits the screens people teach and work on: at 1280x720 and 1366x768, in
 * English and German, with every dock open and in every workspace, the window's minimum size is
 * within the screen, it does not grow by itself, and every visible widget lies inside it.
 * Screenshots of each workspace at 1280x720 and 1920x1080 go to tests/output/screenshots/layout.
 */
class TestLayoutFit : public QObject
{
    Q_OBJECT

private:
    QString m_dir;

    /** Why @p w is wider or taller than @p limit: the children that ask for the most. */
    static QString culprits(QWidget *root, const QSize &limit)
    {
        QStringList lines;
        const auto describe = [&](QWidget *w) {
            lines << QStringLiteral("%1 %2 min %3x%4").arg(QString::fromLatin1(w->metaObject()->className()), w->objectName())
                         .arg(w->minimumSizeHint().width()).arg(w->minimumSizeHint().height());
        };
        for (QDockWidget *d : root->findChildren<QDockWidget *>())
            if (d->isVisible())
                describe(d);
        if (auto *main = qobject_cast<QMainWindow *>(root)) {
            if (auto *tabs = qobject_cast<QTabWidget *>(main->centralWidget()))
                for (int i = 0; i < tabs->count(); ++i)
                    describe(tabs->widget(i));
        }
        return QStringLiteral("limit %1x%2; ").arg(limit.width()).arg(limit.height()) + lines.join(QStringLiteral("; "));
    }

    /** Every widget of @p w on screen lies inside it (widgets inside a scroll area's viewport may scroll). */
    static QStringList outside(QWidget *w)
    {
        QStringList out;
        const QRect bounds = w->rect();
        for (QWidget *child : w->findChildren<QWidget *>()) {
            if (!child->isVisibleTo(w) || child->isWindow())
                continue;
            bool scrolled = false;
            for (QWidget *p = child->parentWidget(); p && p != w; p = p->parentWidget()) {
                if (qobject_cast<QAbstractScrollArea *>(p) && p != child->parentWidget() ) {
                    scrolled = true;
                    break;
                }
                if (p->isWindow())
                    break;
            }
            if (scrolled)
                continue;
            const QRect r(child->mapTo(w, QPoint(0, 0)), child->size());
            // QMainWindow parks the docks behind a tab (and spare tab bars) far outside the
            // window: they are not on screen. Anything cut by the window's edge is.
            if (!bounds.intersects(r))
                continue;
            if (!bounds.contains(r))
                out << QStringLiteral("%1 '%2' at %3,%4 %5x%6").arg(QString::fromLatin1(child->metaObject()->className()), child->objectName())
                           .arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
        }
        return out;
    }

    void checkFits(MainWindow &w, const QSize &screen, const QString &what)
    {
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        const QSize min = w.minimumSizeHint().expandedTo(w.minimumSize());
        QVERIFY2(min.width() <= screen.width() && min.height() <= screen.height(),
                 qPrintable(what + QStringLiteral(": minimum %1x%2; ").arg(min.width()).arg(min.height()) + culprits(&w, screen)));
        QVERIFY2(w.size() == screen, qPrintable(what + QStringLiteral(": the window resized itself to %1x%2").arg(w.width()).arg(w.height())));
        QStringList clipped;
        for (QScrollArea *area : w.findChildren<QScrollArea *>()) {
            // Without a horizontal scroll bar, content wider than the view is cut off at its edge.
            if (!area->isVisible() || area->horizontalScrollBarPolicy() != Qt::ScrollBarAlwaysOff || !area->widget())
                continue;
            if (!w.rect().intersects(QRect(area->mapTo(&w, QPoint(0, 0)), area->size())))
                continue; // a dock behind a tab, parked outside the window: not on screen
            const int need = area->widget()->minimumSizeHint().width();
            if (need > area->viewport()->width()) {
                QStringList wide;
                for (QWidget *c : area->widget()->findChildren<QWidget *>())
                    if (c->isVisibleTo(area) && c->minimumSizeHint().width() > area->viewport()->width() / 2)
                        wide << QStringLiteral("%1 %2 %3").arg(QString::fromLatin1(c->metaObject()->className()), c->objectName())
                                    .arg(c->minimumSizeHint().width());
                QWidget *dock = area->parentWidget();
                while (dock && !qobject_cast<QDockWidget *>(dock))
                    dock = dock->parentWidget();
                clipped << QStringLiteral("%1 in %5 %6,%7 %8x%9 needs %2 of %3 (%4)").arg(area->widget()->objectName()).arg(need)
                               .arg(area->viewport()->width()).arg(wide.join(QStringLiteral(", ")))
                               .arg(dock ? dock->objectName() : QString()).arg(dock ? dock->x() : -1).arg(dock ? dock->y() : -1)
                               .arg(dock ? dock->width() : -1).arg(dock ? dock->height() : -1);
            }
        }
        QVERIFY2(clipped.isEmpty(), qPrintable(what + QStringLiteral(": cut off: ") + clipped.join(QStringLiteral("; "))));
        const QStringList bad = outside(&w);
        QVERIFY2(bad.isEmpty(), qPrintable(what + QStringLiteral(": outside the window: ") + bad.join(QStringLiteral("; "))));
    }

    /** English text and numbers for the next row. */
    static void resetToEnglish()
    {
        for (QTranslator *t : QCoreApplication::instance()->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
        Localization::install(QStringLiteral("en"));
    }

    static void openEveryDock(MainWindow &w)
    {
        for (QDockWidget *d : w.findChildren<QDockWidget *>())
            d->show();
    }

private slots:
    void initTestCase()
    {
        initUiTestApplication();
        m_dir = outputDir(QStringLiteral("screenshots/layout"));
    }

    void fits_data() { languageAndScreenRows({QSize(1280, 720), QSize(1366, 768)}); }

    void fits()
    {
        QFETCH(QString, language);
        QFETCH(QSize, screen);
        Localization::install(language);
        {
            MainWindow w;
            w.resize(screen);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            openEveryDock(w);
            checkFits(w, screen, QStringLiteral("every dock open"));
            for (MainWindow::Workspace ws : {MainWindow::Workspace::Teach, MainWindow::Workspace::Tune,
                                             MainWindow::Workspace::Replay, MainWindow::Workspace::Standard}) {
                w.applyWorkspace(ws);
                checkFits(w, screen, MainWindow::workspaceKey(ws));
            }
        }
        resetToEnglish();
    }

    /** Each workspace with a paused run in it, for a person to look at (the README shows some). */
    void workspaceScreenshots_data() { languageAndScreenRows({QSize(1280, 720), QSize(1920, 1080)}); }

    void workspaceScreenshots()
    {
        QFETCH(QString, language);
        QFETCH(QSize, screen);
        Localization::install(language);
        const auto english = qScopeGuard([] { resetToEnglish(); });
        MainWindow w;
        w.resize(screen);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setSessionConfig(liveStocks(8, 40'000));
        QVERIFY(w.startRun(true));
        QVERIFY(waitForApplied(w, 40'000));
        QSignalSpy drained(w.session(), &SimulationSession::pauseDrained);
        w.session()->pause();
        QVERIFY(drained.wait(10'000));
        for (MainWindow::Workspace ws : {MainWindow::Workspace::Teach, MainWindow::Workspace::Tune,
                                         MainWindow::Workspace::Replay, MainWindow::Workspace::Standard}) {
            w.applyWorkspace(ws);
            QCOMPARE(w.size(), screen);
            const QImage image = w.renderImage();
            QCOMPARE(image.size(), screen * image.devicePixelRatio());
            QVERIFY(image.save(QStringLiteral("%1/workspace_%2_%3x%4_%5.png").arg(m_dir, MainWindow::workspaceKey(ws))
                                   .arg(screen.width()).arg(screen.height()).arg(language)));
        }
        w.session()->stop();
        QTRY_COMPARE(w.session()->state(), RunState::Stopped);
    }
};

QTEST_MAIN(TestLayoutFit)
#include "tst_layoutfit.moc"
