#pragma once
// Shared by the ui tests (header only, not a test itself).

#include "mainwindow.h"
#include "session/sessionconfig.h"

#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

namespace partlab::testing {

/** Isolates QSettings and fonts so tests neither read nor change the user's settings. */
inline void initUiTestApplication()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("XDG_CONFIG_HOME", QByteArray(PARTLAB_TEST_OUTPUT_DIR "/config"));
    QCoreApplication::setOrganizationName(QStringLiteral("PartlabTests"));
    QCoreApplication::setApplicationName(QStringLiteral("PartlabTests"));
}

inline QString outputDir(const QString &sub)
{
    const QString dir = QStringLiteral(PARTLAB_TEST_OUTPUT_DIR "/") + sub;
    QDir().mkpath(dir);
    return dir;
}

/** Closes the next modal message box and remembers its text (message boxes must not block tests). */
class MessageBoxCatcher : public QObject
{
public:
    explicit MessageBoxCatcher(QObject *parent = nullptr)
        : QObject(parent)
    {
        m_timer.setInterval(20);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                m_texts << box->text();
                box->accept();
            }
        });
        m_timer.start();
    }
    QStringList texts() const { return m_texts; }

private:
    QTimer m_timer;
    QStringList m_texts;
};

/** Waits (processing events) until the runtime has applied at least @p count messages. */
inline bool waitForApplied(MainWindow &w, quint64 count, int timeoutMs = 10000)
{
    return QTest::qWaitFor([&] {
        const auto rt = w.session()->runtime();
        return rt && rt->snapshot().applied >= count;
    }, timeoutMs);
}

/** The stock ticks on @p partitions partitions, 2 workers, at @p rate messages/s, until Stop. */
inline SessionConfig liveStocks(int partitions, double rate)
{
    SessionConfig c = SessionConfig::forBuiltinScenario(QStringLiteral("stocks"));
    c.runtime.partitionerOptions.partitions = partitions;
    c.runtime.workers = 2;
    c.rate = rate;
    c.messageLimit = 0;
    return c;
}

/** Data rows "LANG WxH" for every language and screen size given (columns "language", "screen"). */
inline void languageAndScreenRows(const QList<QSize> &sizes)
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QSize>("screen");
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("de")})
        for (const QSize &size : sizes)
            QTest::newRow(qPrintable(QStringLiteral("%1 %2x%3").arg(language).arg(size.width()).arg(size.height())))
                << language << size;
}

/** Pauses the run and waits until everything sent before the pause is applied. */
inline bool pauseAndDrain(MainWindow &w, int timeoutMs = 10000)
{
    QSignalSpy drained(w.session(), &SimulationSession::pauseDrained);
    w.session()->pause();
    return drained.wait(timeoutMs);
}

} // namespace partlab::testing
